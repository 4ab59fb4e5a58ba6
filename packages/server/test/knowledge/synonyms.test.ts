import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';

/**
 * Synonyms per language (issue 13): an admin says "package" means "parcel" in English and "kargo"
 * means "gönderi" in Turkish; a search with one word then finds the article written with the
 * other — in the agents' search and on the public help center — and only in that language.
 */
describe('knowledge: synonyms per language, managed by admins, used by search', () => {
  let t: TestApp;
  let admin: Auth;
  let agent: Auth;
  const hits = async (language: string, q: string) =>
    (
      (await (
        await t.request(`/api/knowledge/search?language=${language}&q=${encodeURIComponent(q)}`, {
          auth: agent,
        })
      ).json()) as { items: { slug: string }[] }
    ).items.map((h) => h.slug);

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    admin = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
    agent = await t.login(DEMO_USERS.agent, DEMO_PASSWORD);
    await t.request('/api/knowledge/settings', { auth: admin, method: 'PATCH', body: { slug: 'syn' } });
    const res = await t.request('/api/knowledge/articles', {
      auth: admin,
      body: {
        slug: 'track-parcel',
        language: 'en',
        title: 'Track your parcel',
        body: 'Open the link in the dispatch e-mail to see where it is.',
      },
    });
    const id = ((await res.json()) as { id: string }).id;
    await t.request(`/api/knowledge/articles/${id}/drafts`, {
      auth: admin,
      body: { language: 'tr', title: 'Gönderinizi izleyin', body: 'Sevk e-postasındaki bağlantıyı açın.' },
    });
    for (const language of ['en', 'tr'])
      expect(
        (await t.request(`/api/knowledge/articles/${id}/publish`, { auth: admin, body: { language } }))
          .status,
      ).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('finds the article by a synonym only once the group exists, in its own language only', async () => {
    expect(await hits('en', 'package')).toEqual([]);
    expect(await hits('tr', 'kargom nerede')).toEqual([]);
    const en = await t.request('/api/knowledge/synonyms', {
      auth: admin,
      body: { language: 'en', terms: ['Parcel', 'package', 'shipment'] },
    });
    expect(en.status).toBe(201);
    expect(((await en.json()) as { terms: string[] }).terms).toEqual(['parcel', 'package', 'shipment']);
    const tr = await t.request('/api/knowledge/synonyms', {
      auth: admin,
      body: { language: 'tr', terms: ['kargo', 'gönderi'] },
    });
    expect(tr.status).toBe(201);
    expect(await hits('en', 'package')).toEqual(['track-parcel']);
    expect(await hits('en', 'where is my shipment')).toEqual(['track-parcel']);
    // Turkish stems: "kargom" (my cargo) is a form of "kargo", "gönderinizi" of "gönderi".
    expect(await hits('tr', 'kargo')).toEqual(['track-parcel']);
    // The English group does not reach Turkish.
    expect(await hits('tr', 'package')).toEqual([]);
    // The public help center's search uses them too.
    const page = await (await t.request('/help/syn/en/search?q=package')).text();
    expect(page).toContain('/help/syn/en/articles/track-parcel');
    const list = (await (await t.request('/api/knowledge/synonyms?language=tr', { auth: agent })).json()) as {
      items: { id: string; terms: string[] }[];
    };
    expect(list.items.map((x) => x.terms)).toEqual([['kargo', 'gönderi']]);
    // Removed: the synonym no longer finds it.
    expect(
      (await t.request(`/api/knowledge/synonyms/${list.items[0]!.id}`, { auth: admin, method: 'DELETE' }))
        .status,
    ).toBe(204);
    expect(await hits('tr', 'kargo')).toEqual([]);
  });

  it('lets only admins change them, and names the field of bad input', async () => {
    const byAgent = await t.request('/api/knowledge/synonyms', {
      auth: agent,
      body: { language: 'en', terms: ['a', 'b'] },
    });
    expect(byAgent.status).toBe(404);
    const one = await t.request('/api/knowledge/synonyms', {
      auth: admin,
      body: { language: 'en', terms: ['Same', 'same'] },
    });
    expect(one.status).toBe(400);
    expect(((await one.json()) as { field: string }).field).toBe('terms');
    const badLanguage = await t.request('/api/knowledge/synonyms', {
      auth: admin,
      body: { language: 'english!', terms: ['a', 'b'] },
    });
    expect(badLanguage.status).toBe(400);
  });
});
