import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import type { Clock } from '../../src/platform/clock.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';
import { startedLater } from '../started-later.js';

interface HelpCenter {
  t: TestApp;
  admin: Auth;
  articleId: string;
}

/**
 * A demo app whose help center answers at `/help/<slug>`, with one English article published
 * (through the API, as an admin would): what the help-center tests start from.
 */
export async function helpCenterWithArticle(
  slug: string,
  article: { slug: string; title: string; body: string },
  clock?: Clock,
): Promise<HelpCenter> {
  const t = await startTestApp({ demo: true, ...(clock && { clock }) });
  const admin = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
  await t.request('/api/knowledge/settings', { auth: admin, method: 'PATCH', body: { slug } });
  const res = await t.request('/api/knowledge/articles', {
    auth: admin,
    body: { ...article, language: 'en' },
  });
  const articleId = ((await res.json()) as { id: string }).id;
  const published = await t.request(`/api/knowledge/articles/${articleId}/publish`, {
    auth: admin,
    body: { language: 'en' },
  });
  expect(published.status).toBe(200);
  return { t, admin, articleId };
}

/**
 * The suite's help center with one article (helpCenterWithArticle), started before its tests and
 * closed after them: the app, the admin and the article's id are there once the tests run.
 */
export function withHelpCenter(
  slug: string,
  article: { slug: string; title: string; body: string },
): Readonly<HelpCenter> {
  const helpCenter = startedLater<HelpCenter>('the help center');
  let app: TestApp | undefined;
  beforeAll(async () => {
    const started = await helpCenterWithArticle(slug, article);
    app = started.t;
    helpCenter.start(started);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });
  return helpCenter.value;
}
