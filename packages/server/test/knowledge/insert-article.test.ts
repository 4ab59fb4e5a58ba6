import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';

type Snippet = { title: string; excerpt: string; url: string | null; language: string; internal: boolean };

/**
 * The Desk's "insert article" (issue 13): an agent searches articles from the reply box and inserts
 * a link or an excerpt in the customer's language, the help center's default when the article has
 * none in it; internal articles are found by agents but have no public address.
 */
describe('knowledge: an article inserted into a reply, in the customer’s language', () => {
  let t: TestApp;
  let admin: Auth;
  let agent: Auth;
  const ids: Record<string, string> = {};
  const snippet = async (slug: string, language: string, auth = agent) => {
    const res = await t.request(`/api/knowledge/articles/${ids[slug]}/snippet?language=${language}`, {
      auth,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Snippet;
  };

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    admin = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
    agent = await t.login(DEMO_USERS.agent, DEMO_PASSWORD);
    await t.request('/api/knowledge/settings', { auth: admin, method: 'PATCH', body: { slug: 'acme' } });
    for (const [slug, internal, title, body] of [
      [
        'returns',
        false,
        'Return an item',
        'Print the **return label** from your order page and drop the parcel at any post office within 30 days.',
      ],
      [
        'fraud-unlock',
        true,
        'Unlock after fraud checks',
        'Verify the last four card digits before unlocking.',
      ],
    ] as const) {
      const res = await t.request('/api/knowledge/articles', {
        auth: admin,
        body: { slug, internal, language: 'en', title, body },
      });
      ids[slug] = ((await res.json()) as { id: string }).id;
      await t.request(`/api/knowledge/articles/${ids[slug]}/publish`, {
        auth: admin,
        body: { language: 'en' },
      });
    }
    await t.request(`/api/knowledge/articles/${ids.returns}/drafts`, {
      auth: admin,
      body: {
        language: 'tr',
        title: 'Ürün iadesi',
        body: 'Sipariş sayfanızdan **iade etiketini** yazdırın ve paketi 30 gün içinde postaneye bırakın.',
      },
    });
    await t.request(`/api/knowledge/articles/${ids.returns}/publish`, {
      auth: admin,
      body: { language: 'tr' },
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('gives the Turkish text and address to a Turkish customer, the default language to a German one', async () => {
    const tr = await snippet('returns', 'tr');
    expect(tr).toMatchObject({
      language: 'tr',
      title: 'Ürün iadesi',
      excerpt: 'Sipariş sayfanızdan iade etiketini yazdırın ve paketi 30 gün içinde postaneye bırakın.',
      url: 'http://localhost:3000/help/acme/tr/articles/returns',
      internal: false,
    });
    // A regional tag finds its language; a language without a translation gets the default.
    expect((await snippet('returns', 'tr-TR')).language).toBe('tr');
    const asDefault = (await (
      await t.request(`/api/knowledge/articles/${ids.returns}/snippet`, { auth: agent })
    ).json()) as Snippet;
    expect(asDefault.language).toBe('en');
    const de = await snippet('returns', 'de');
    expect(de).toMatchObject({
      language: 'en',
      title: 'Return an item',
      url: 'http://localhost:3000/help/acme/en/articles/returns',
    });
  });

  it('finds internal articles for agents, without a public address', async () => {
    const hits = (await (
      await t.request('/api/knowledge/search?language=en&q=fraud', { auth: agent })
    ).json()) as {
      items: { slug: string; internal: boolean }[];
    };
    expect(hits.items.map((h) => [h.slug, h.internal])).toEqual([['fraud-unlock', true]]);
    expect(await snippet('fraud-unlock', 'en')).toMatchObject({ internal: true, url: null });
    const publicSearch = (await (await t.request('/api/help/acme/en/search?q=fraud')).json()) as {
      items: unknown[];
    };
    expect(publicSearch.items).toEqual([]);
    const vendorAgent = await t.login(DEMO_USERS.vendorAgent, DEMO_PASSWORD);
    expect((await snippet('returns', 'tr', vendorAgent)).title).toBe('Ürün iadesi');
    expect(
      (await t.request('/api/knowledge/articles/kart_nope/snippet?language=en', { auth: agent })).status,
    ).toBe(404);
    expect(
      (await t.request(`/api/knowledge/articles/${ids.returns}/snippet?language=???`, { auth: agent }))
        .status,
    ).toBe(400);
  });
});
