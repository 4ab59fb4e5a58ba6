import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { fixedClock } from '../../src/platform/clock.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';

const MIN = 60_000;

/**
 * Deflection on a seeded scenario, played through the public help center with a fixed clock:
 * six visitors, a one-hour window, the report at T0 + 3 h. The expected figures are worked out by
 * hand below, visitor by visitor.
 */
describe('knowledge: deflection on a seeded scenario', () => {
  let t: TestApp;
  let admin: Auth;
  const t0 = new Date('2026-03-02T09:00:00Z');
  const clock = fixedClock(t0);
  const at = (ms: number) => clock.advance(t0.getTime() + ms - clock.now().getTime());
  const ids: Record<string, string> = {};
  const cookies: Record<string, string> = {};

  /** A visitor's request, keeping their session cookie. */
  const visit = async (who: string, path: string, form?: Record<string, string>) => {
    const res = await t.request(`/help/acme/en${path}`, {
      ...(form && {
        method: 'POST',
        rawBody: new URLSearchParams(form).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      ...(cookies[who] && {
        headers: {
          ...(form && { 'content-type': 'application/x-www-form-urlencoded' }),
          cookie: cookies[who]!,
        },
      }),
    });
    expect(res.status, `${who} ${path}`).toBeLessThan(400);
    const set = res.headers.get('set-cookie');
    if (set) cookies[who] = set.split(';')[0]!;
  };
  const contact = (who: string) =>
    visit(who, '/contact', {
      name: who,
      email: `${who}@example.com`,
      subject: `Help ${who}`,
      message: 'Please',
    });

  beforeAll(async () => {
    t = await startTestApp({ demo: true, clock });
    admin = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
    const patch = await t.request('/api/knowledge/settings', {
      auth: admin,
      method: 'PATCH',
      body: { slug: 'acme', deflectionWindowSec: 3600 },
    });
    expect(patch.status).toBe(200);
    for (const [slug, title, body] of [
      ['reset-password', 'Reset your password', 'Open Settings and choose Reset password.'],
      ['refund', 'Ask for a refund', 'Refunds are paid within 14 days of the return.'],
    ] as const) {
      const res = await t.request('/api/knowledge/articles', {
        auth: admin,
        body: { slug, language: 'en', title, body },
      });
      const article = (await res.json()) as { id: string };
      ids[slug] = article.id;
      await t.request(`/api/knowledge/articles/${article.id}/publish`, {
        auth: admin,
        body: { language: 'en' },
      });
    }
    // T0: v1 reads A; v2 searches "refund" (1 result); v4 searches "xyzzy" (none); v6 reads B.
    at(0);
    await visit('v1', '/articles/reset-password');
    await visit('v2', '/search?q=refund');
    await visit('v4', '/search?q=xyzzy');
    await visit('v6', '/articles/refund');
    // T0 + 1 min: v2 reads B; T0 + 10 min: v2 contacts support (within the hour after reading).
    at(1 * MIN);
    await visit('v2', '/articles/refund');
    at(10 * MIN);
    await contact('v2');
    // T0 + 2 h: v6 contacts (two hours after reading B: after the window); v5 contacts without reading.
    at(120 * MIN);
    await contact('v6');
    await contact('v5');
    // T0 + 2 h 30: v3 reads A; its window stays open until T0 + 3 h 30.
    at(150 * MIN);
    await visit('v3', '/articles/reset-password');
    at(180 * MIN);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('equals the figures computed by hand', async () => {
    const res = await t.request(
      `/api/knowledge/deflection?from=${encodeURIComponent('2026-03-02T08:00:00Z')}&to=${encodeURIComponent('2026-03-02T12:00:00Z')}`,
      { auth: admin },
    );
    expect(res.status).toBe(200);
    // By hand, at T0 + 3 h with a 1 h window:
    //   v1 read A at T0, no contact, window closed at T0 + 1 h        → deflected
    //   v2 searched and read B, contacted 9 min after reading         → failed (B)
    //   v3 read A at T0 + 2 h 30, window open until T0 + 3 h 30       → pending
    //   v4 searched (no result) at T0, no contact                     → deflected
    //   v5 contacted without searching or reading                     → not self-service
    //   v6 read B at T0, contacted at T0 + 2 h (after the window)     → deflected (B)
    // sessions 6, self-service 5, deflected 3, failed 1, pending 1, rate 3 / (3 + 1) = 0.75;
    // A: deflected 1 (v1; v3 is pending); B: deflected 1 (v6), failed 1 (v2); "xyzzy" found nothing once.
    expect(await res.json()).toEqual({
      windowSec: 3600,
      sessions: 6,
      selfService: 5,
      deflected: 3,
      failed: 1,
      pending: 1,
      selfServiceRate: 0.75,
      byArticle: [
        { articleId: ids['reset-password'], deflected: 1, failed: 0 },
        { articleId: ids.refund, deflected: 1, failed: 1 },
      ].sort((a, b) => a.articleId!.localeCompare(b.articleId!)),
      byLanguage: [{ language: 'en', deflected: 3, failed: 1 }],
      noResultSearches: [{ query: 'xyzzy', count: 1 }],
    });
  });

  it('shows deflection to supervisors and admins only', async () => {
    const agent = await t.login(DEMO_USERS.agent, DEMO_PASSWORD);
    const res = await t.request(
      '/api/knowledge/deflection?from=2026-03-02T08:00:00Z&to=2026-03-02T12:00:00Z',
      { auth: agent },
    );
    expect(res.status).toBe(404);
  });
});
