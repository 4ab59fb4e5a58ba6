import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { type Auth, adminOfNewOrganization, type TestApp } from '../../src/test-support/test-app.js';
import { testAppAround } from '../app-around.js';

type Article = {
  slug: string;
  internal: boolean;
  translations: { language: string; status: string; publishedVersion: number | null }[];
  latest: { language: string; title: string; body: string }[];
};
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

/**
 * Imports from other help desks (issue 13): a Zendesk Guide, a Freshdesk Solutions and a Zammad
 * knowledge base export (fixtures written after each product's public API documentation) land as
 * articles with every language a translation, HTML as Markdown (scripts dropped, images kept),
 * agents-only articles internal, drafts as drafts and archived answers left out.
 */
describe('knowledge: imports from Zendesk Guide, Freshdesk and Zammad', () => {
  let t: TestApp;
  let n = 0;
  /** A new organization with an admin, its help center at `slug`. */
  const freshAdmin = async (slug: string): Promise<Auth> => {
    n++;
    const { auth } = await adminOfNewOrganization(t, {
      organization: `Import ${n}`,
      email: `admin${n}@import.example`,
    });
    await t.request('/api/knowledge/settings', { auth, method: 'PATCH', body: { slug } });
    return auth;
  };
  const articles = async (auth: Auth) => {
    const list = (await (await t.request('/api/knowledge/articles', { auth })).json()) as {
      items: { id: string; slug: string }[];
    };
    const out: Record<string, Article> = {};
    for (const a of list.items)
      out[a.slug] = (await (await t.request(`/api/knowledge/articles/${a.id}`, { auth })).json()) as Article;
    return out;
  };
  const importFile = async (auth: Auth, source: string, file: string) => {
    const res = await t.request('/api/knowledge/import-help-desk', {
      auth,
      body: { source, export: fixture(file) },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return res.json();
  };
  /** A fresh organization's admin imports `file` as `source`'s export: the counts it answers, then its articles by slug. */
  const importAsFreshAdmin = async (
    slug: string,
    source: string,
    file: string,
    counts: { categories: number; articles: number; versions: number },
  ) => {
    const auth = await freshAdmin(slug);
    expect(await importFile(auth, source, file)).toEqual(counts);
    return { auth, all: await articles(auth) };
  };
  const state = (a: Article | undefined) =>
    Object.fromEntries((a?.translations ?? []).map((x) => [x.language, x.status]));

  testAppAround(
    { demo: true },
    (app) => {
      t = app;
    },
    120_000,
  );

  it('reads a Zendesk Guide export: locales, drafts, staff-only segments, HTML to Markdown', async () => {
    const { auth, all } = await importAsFreshAdmin('zd', 'zendesk', 'zendesk-guide.json', {
      categories: 1,
      articles: 3,
      versions: 5,
    });
    expect(Object.keys(all).sort()).toEqual([
      'christmas-delivery-dates',
      'damaged-parcel-playbook',
      'where-is-my-parcel',
    ]);
    const parcel = all['where-is-my-parcel']!;
    expect(state(parcel)).toEqual({ 'en-US': 'published', he: 'draft', tr: 'published' });
    const body = parcel.latest.find((v) => v.language === 'en-US')!.body;
    expect(body).toContain('## Tracking your order');
    expect(body).toContain('**tracking link**');
    expect(body).toContain(
      '![Tracking page](https://acme.zendesk.com/hc/article_attachments/360099887766/tracking.png)',
    );
    expect(body).not.toContain('alert');
    expect(all['damaged-parcel-playbook']!.internal).toBe(true);
    expect(parcel.internal).toBe(false);
    expect(state(all['christmas-delivery-dates'])).toEqual({ 'en-US': 'draft' });
    // Published on the help center, found by search in Turkish.
    const page = await (await t.request('/help/zd/tr/articles/where-is-my-parcel')).text();
    expect(page).toContain('<strong>takip bağlantısını</strong>');
    const hits = (await (await t.request('/api/knowledge/search?language=tr&q=kargom', { auth })).json()) as {
      items: { slug: string }[];
    };
    expect(hits.items[0]?.slug).toBe('where-is-my-parcel');
    const categories = (await (await t.request('/api/knowledge/categories', { auth })).json()) as {
      items: { names: Record<string, string>; sections: { names: Record<string, string> }[] }[];
    };
    expect(categories.items[0]!.names).toEqual({
      'en-US': 'Orders and delivery',
      tr: 'Siparişler ve teslimat',
    });
    expect(categories.items[0]!.sections.map((x) => x.names['en-US'])).toEqual([
      'Delivery',
      'Agent playbooks',
    ]);
  });

  it('reads a Freshdesk Solutions export: translations by language, agents-only folders, drafts', async () => {
    const { all } = await importAsFreshAdmin('fd', 'freshdesk', 'freshdesk-solutions.json', {
      categories: 1,
      articles: 3,
      versions: 4,
    });
    const reset = all['how-do-i-reset-my-password']!;
    expect(state(reset)).toEqual({ en: 'published', tr: 'published' });
    expect(reset.latest.find((v) => v.language === 'tr')!.title).toBe('Şifremi nasıl sıfırlarım?');
    expect(reset.latest.find((v) => v.language === 'en')!.body).toContain('1.  Open the sign-in page');
    expect(all['unlocking-an-account-after-fraud-checks']!.internal).toBe(true);
    expect(state(all['two-factor-sign-in'])).toEqual({ en: 'draft' });
  });

  it('reads a Zammad knowledge base: nested categories, locales, internal answers, archived left out', async () => {
    const { all } = await importAsFreshAdmin('zm', 'zammad', 'zammad-knowledge-base.json', {
      categories: 2,
      articles: 3,
      versions: 4,
    });
    expect(Object.keys(all).sort()).toEqual([
      'download-an-invoice',
      'how-do-i-change-my-billing-address',
      'refund-approval-limits',
    ]);
    expect(state(all['how-do-i-change-my-billing-address'])).toEqual({
      en: 'published',
      'hu-HU': 'published',
    });
    expect(all['refund-approval-limits']!.internal).toBe(true);
    expect(all['download-an-invoice']!.latest[0]!.body).toContain(
      '[Account → Invoices](https://example.com/invoices)',
    );
    // Internal answers are for agents: not on the help center.
    expect((await t.request('/help/zm/en/articles/refund-approval-limits')).status).toBe(404);
    expect((await t.request('/help/zm/en/articles/download-an-invoice')).status).toBe(200);
  });

  it('names the field of a malformed export, refuses a non-empty base and non-admins', async () => {
    const auth = await freshAdmin('bad');
    const send = (body: unknown, as = auth) =>
      t.request('/api/knowledge/import-help-desk', { auth: as, body });
    const missing = await send({ source: 'zendesk', export: { categories: [] } });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { field: string }).field).toBe('export.articles');
    const wrongType = await send({
      source: 'freshdesk',
      export: { articles: [{ id: 1, title: 'x', description: '<p>x</p>', status: 'published' }] },
    });
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as { field: string }).field).toBe('export.articles.0.status');
    const unknown = await send({ source: 'helpscout', export: {} });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { field: string }).field).toBe('source');
    await importFile(auth, 'zammad', 'zammad-knowledge-base.json');
    const again = await send({ source: 'zammad', export: fixture('zammad-knowledge-base.json') });
    expect(again.status).toBe(409);
    const agent = await t.login(DEMO_USERS.agent, DEMO_PASSWORD);
    const byAgent = await send({ source: 'zammad', export: fixture('zammad-knowledge-base.json') }, agent);
    expect(byAgent.status).toBe(404);
  });
});
