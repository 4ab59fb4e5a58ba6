import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.js';
import { type Auth, adminOfNewOrganization, type TestApp } from '../../src/test-support/test-app.js';
import { signedInAround } from '../app-around.js';

type Json = Record<string, unknown>;
type Article = {
  id: string;
  slug: string;
  stale: boolean;
  translations: { language: string; status: string; publishedVersion: number | null; helpfulYes: number }[];
  latest: { language: string; number: number; status: string }[];
};

/**
 * The knowledge base end to end through the API and the public help center: an article written
 * in English and Turkish, reviewed and published; found in Turkish with a typo; the Hebrew help
 * center right to left; feedback; a visitor who reads and then contacts support, whose ticket
 * carries what was read; versions with diff and restore; the vendor policy; bad input.
 */
describe('knowledge: articles, workflow and the help center', () => {
  let t: TestApp;
  let admin: Auth;
  let supervisor: Auth;
  let agent: Auth;
  let vendorAgent: Auth;
  let slug: string;
  let article: Article;
  const clock = fixedClock(new Date('2026-03-02T09:00:00Z'));
  const json = async <T = Json>(res: Response) => (await res.json()) as T;
  const call = async <T = Json>(path: string, auth: Auth, body?: unknown, method?: string) => {
    clock.advance(1_000);
    const res = await t.request(path, { auth, body, ...(method && { method }) });
    expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
    return json<T>(res);
  };
  const form = (fields: Record<string, string>, cookie?: string) => ({
    method: 'POST',
    rawBody: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie && { cookie }) },
  });

  signedInAround(
    ['admin', 'supervisor', 'agent', 'vendorAgent'],
    { clock },
    async (app, auth) => {
      t = app;
      ({ admin, supervisor, agent, vendorAgent } = auth);
      const settings = await call<{ slug: string }>(
        '/api/knowledge/settings',
        admin,
        {
          slug: 'northwind',
          name: 'Northwind Help',
          requireReview: true,
        },
        'PATCH',
      );
      slug = settings.slug;
      const category = await call<{ id: string }>('/api/knowledge/categories', admin, {
        slug: 'account',
        names: { en: 'Account', tr: 'Hesap', he: 'חשבון' },
      });
      const withSection = await call<{ sections: { id: string }[] }>('/api/knowledge/sections', admin, {
        categoryId: category.id,
        slug: 'sign-in',
        names: { en: 'Signing in', tr: 'Giriş', he: 'התחברות' },
      });
      article = await call<Article>('/api/knowledge/articles', agent, {
        slug: 'reset-password',
        sectionId: withSection.sections[0]!.id,
        reviewBy: '2026-02-01',
        language: 'en',
        title: 'I forgot my password',
        body: 'Open **Settings**, choose *Reset password* and follow the e-mail.\n\n<script>alert(1)</script>',
      });
      await call(`/api/knowledge/articles/${article.id}/drafts`, agent, {
        language: 'tr',
        title: 'Şifremi unuttum',
        body: '**Ayarlar** menüsünü açın, *Şifreyi sıfırla* seçeneğini seçin ve e-postadaki bağlantıyı izleyin.',
      });
      await call(`/api/knowledge/articles/${article.id}/drafts`, agent, {
        language: 'he',
        title: 'שכחתי את הסיסמה',
        body: 'פתחו את **ההגדרות**, בחרו *איפוס סיסמה* ופעלו לפי הדוא״ל.',
      });
      for (const language of ['en', 'tr', 'he']) {
        await call(`/api/knowledge/articles/${article.id}/review`, agent, { language });
        article = await call<Article>(`/api/knowledge/articles/${article.id}/publish`, supervisor, {
          language,
        });
      }
    },
    120_000,
  );

  it('publishes each language after review, flags the stale article, and never publishes a script', async () => {
    expect(article.translations.map((x) => [x.language, x.status, x.publishedVersion])).toEqual([
      ['en', 'published', 1],
      ['he', 'published', 1],
      ['tr', 'published', 1],
    ]);
    expect(article.stale).toBe(true);
    const page = await (await t.request(`/help/${slug}/en/articles/reset-password`)).text();
    expect(page).toContain('<strong>Settings</strong>');
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;');
  });

  it('refuses to publish unreviewed work or one’s own, naming the field; agents may not publish', async () => {
    await call(`/api/knowledge/articles/${article.id}/drafts`, supervisor, {
      language: 'en',
      title: 'x',
      body: 'y',
    });
    const unreviewed = await t.request(`/api/knowledge/articles/${article.id}/publish`, {
      auth: supervisor,
      body: { language: 'en' },
    });
    expect(unreviewed.status).toBe(400);
    expect((await json(unreviewed)).field).toBe('version');
    await call(`/api/knowledge/articles/${article.id}/review`, supervisor, { language: 'en' });
    const own = await t.request(`/api/knowledge/articles/${article.id}/publish`, {
      auth: supervisor,
      body: { language: 'en' },
    });
    expect((await json(own)).field).toBe('version');
    const byAgent = await t.request(`/api/knowledge/articles/${article.id}/publish`, {
      auth: agent,
      body: { language: 'en' },
    });
    expect(byAgent.status).toBe(404);
    // The published text is still version 1 on the help center.
    expect(await (await t.request(`/help/${slug}/en/articles/reset-password`)).text()).toContain(
      'I forgot my password',
    );
  });

  it('keeps every version, shows a diff, restores an old one as a new draft', async () => {
    const versions = await call<{ items: { number: number; status: string }[] }>(
      `/api/knowledge/articles/${article.id}/versions?language=en`,
      admin,
    );
    expect(versions.items.map((v) => [v.number, v.status])).toEqual([
      [2, 'in_review'],
      [1, 'published'],
    ]);
    const diff = await call<{ lines: { op: string; text: string }[]; title: Json }>(
      `/api/knowledge/articles/${article.id}/diff?language=en&from=1&to=2`,
      admin,
    );
    expect(diff.title).toEqual({ from: 'I forgot my password', to: 'x' });
    expect(diff.lines).toContainEqual({ op: 'added', text: 'y' });
    expect(diff.lines).toContainEqual({ op: 'removed', text: '<script>alert(1)</script>' });
    const restored = await call<Article>(`/api/knowledge/articles/${article.id}/restore`, admin, {
      language: 'en',
      version: 1,
    });
    expect(restored.latest.find((v) => v.language === 'en')).toMatchObject({ number: 3, status: 'draft' });
  });

  it('lets vendor staff write only when the admin allows it', async () => {
    const body = { slug: 'vendor-tip', language: 'en', title: 'Tip', body: 'Text' };
    expect((await t.request('/api/knowledge/articles', { auth: vendorAgent, body })).status).toBe(404);
    await call('/api/knowledge/settings', admin, { vendorMayDraft: true }, 'PATCH');
    const made = await call<Article>('/api/knowledge/articles', vendorAgent, body);
    expect(made.latest[0]).toMatchObject({ status: 'draft' });
    const publish = await t.request(`/api/knowledge/articles/${made.id}/publish`, {
      auth: vendorAgent,
      body: { language: 'en' },
    });
    expect(publish.status).toBe(404);
    const settingsByVendor = await t.request('/api/knowledge/settings', {
      auth: vendorAgent,
      method: 'PATCH',
      body: { vendorMayPublish: true },
    });
    expect(settingsByVendor.status).toBe(404);
  });

  it('answers bad input with problem+json naming the field, writing nothing', async () => {
    const before = (await call<{ items: unknown[] }>('/api/knowledge/articles', admin)).items.length;
    const bad = await t.request('/api/knowledge/articles', {
      auth: admin,
      body: { slug: 'Bad Slug!', language: 'en', title: 't', body: '' },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(await json(bad))).toContain('slug');
    const badLang = await t.request('/api/knowledge/articles', {
      auth: admin,
      body: { slug: 'ok', language: 'english', title: 't', body: '' },
    });
    expect(JSON.stringify(await json(badLang))).toContain('language');
    expect((await call<{ items: unknown[] }>('/api/knowledge/articles', admin)).items.length).toBe(before);
  });

  it('finds the Turkish article from a Turkish query with a typo, and without Turkish letters', async () => {
    for (const q of ['şifremi unuttm', 'sifremi unuttum', 'şifre', 'sifrmi']) {
      const hits = await call<{ items: { slug: string }[] }>(
        `/api/knowledge/search?language=tr&q=${encodeURIComponent(q)}`,
        agent,
      );
      expect(hits.items[0]?.slug, q).toBe('reset-password');
    }
    const page = await (
      await t.request(`/help/${slug}/tr/search?q=${encodeURIComponent('şifremi unuttm')}`)
    ).text();
    expect(page).toContain(`href="http://localhost:3000/help/${slug}/tr/articles/reset-password"`);
  });

  it('renders the Hebrew help center right to left with lang, hreflang, canonical and Open Graph', async () => {
    const res = await t.request(`/help/${slug}/he/articles/reset-password`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="he" dir="rtl">');
    expect(html).toContain(
      `<link rel="canonical" href="http://localhost:3000/help/${slug}/he/articles/reset-password">`,
    );
    for (const l of ['en', 'he', 'tr'])
      expect(html).toContain(
        `hreflang="${l}" href="http://localhost:3000/help/${slug}/${l}/articles/reset-password"`,
      );
    expect(html).toContain('hreflang="x-default"');
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<meta property="og:locale" content="he">');
    expect(html).not.toContain('<script');
    expect(await (await t.request(`/help/${slug}/tr`)).text()).toContain('<html lang="tr" dir="ltr">');
  });

  it('sends the visitor to their language, with the default as fallback', async () => {
    const tr = await t.request(`/help/${slug}`, { headers: { 'accept-language': 'tr-TR,tr;q=0.9' } });
    expect(tr.status).toBe(302);
    expect(tr.headers.get('location')).toBe(`/help/${slug}/tr`);
    const fr = await t.request(`/help/${slug}`, { headers: { 'accept-language': 'fr' } });
    expect(fr.headers.get('location')).toBe(`/help/${slug}/en`);
    expect((await t.request(`/help/${slug}/fr`)).status).toBe(404);
    expect((await t.request('/help/nobody/en')).status).toBe(404);
  });

  it('lists every public article language in the sitemap', async () => {
    const res = await t.request(`/help/${slug}/sitemap.xml`);
    const xml = await res.text();
    expect(res.headers.get('content-type')).toContain('application/xml');
    for (const l of ['en', 'he', 'tr'])
      expect(xml).toContain(`<loc>http://localhost:3000/help/${slug}/${l}/articles/reset-password</loc>`);
    expect(xml).not.toContain('vendor-tip');
  });

  it('counts "was this helpful?" on the translation', async () => {
    const res = await t.request(
      `/help/${slug}/tr/articles/reset-password/feedback`,
      form({ helpful: 'yes', comment: 'Çok iyi' }),
    );
    expect(res.status).toBe(303);
    expect(await (await t.request(res.headers.get('location')!)).text()).toContain(
      'Geri bildiriminiz için teşekkürler',
    );
    const a = await call<Article>(`/api/knowledge/articles/${article.id}`, admin);
    expect(a.translations.find((x) => x.language === 'tr')?.helpfulYes).toBe(1);
    const bad = await t.request(
      `/help/${slug}/tr/articles/reset-password/feedback`,
      form({ helpful: 'maybe' }),
    );
    expect(bad.status).toBe(400);
  });

  it('attaches the searches and articles read to the ticket a visitor opens', async () => {
    const search = await t.request(`/help/${slug}/en/search?q=password`);
    const cookie = search.headers.get('set-cookie')!.split(';')[0]!;
    await t.request(`/help/${slug}/en/articles/reset-password`, { headers: { cookie } });
    const sent = await t.request(
      `/help/${slug}/en/contact`,
      form(
        {
          name: 'Ada',
          email: 'ada@example.com',
          subject: 'Still locked out',
          message: 'The e-mail never came.',
        },
        cookie,
      ),
    );
    expect(sent.status).toBe(303);
    const ticket = await t.shoreline.ctx.db
      .selectFrom('knowledge_sessions')
      .select('ticket_id as id')
      .where('id', '=', cookie.split('=')[1]!)
      .executeTakeFirstOrThrow();
    const detail = await call<{ ticket: Json; messages: { body: string; public: boolean }[] }>(
      `/api/tickets/${ticket.id}`,
      agent,
    );
    expect(detail.ticket).toMatchObject({ subject: 'Still locked out', channel: 'web_form' });
    const note = detail.messages.find((m) => !m.public)!;
    expect(note.body).toContain('Searched: “password” (1 results)');
    expect(note.body).toContain(
      `I forgot my password — http://localhost:3000/help/${slug}/en/articles/reset-password`,
    );
    const invalid = await t.request(
      `/help/${slug}/en/contact`,
      form({ name: 'A', email: 'nope', subject: 's', message: 'm' }),
    );
    expect(invalid.status).toBe(400);
  });

  it('exports the knowledge base and imports it into an empty organization identically', async () => {
    const exported = await call<Json>('/api/knowledge/export', admin);
    const { auth: otherAdmin } = await adminOfNewOrganization(t, {
      organization: 'Empty Co',
      email: 'admin@empty.example',
      admin: 'Empty admin',
    });
    const result = await call<{ articles: number; versions: number }>(
      '/api/knowledge/import',
      otherAdmin,
      exported,
    );
    expect(result.articles).toBe(2);
    expect(result.versions).toBe(6);
    expect(await call('/api/knowledge/export', otherAdmin)).toEqual(exported);
    // Its search finds the same article.
    const hits = await call<{ items: { slug: string }[] }>(
      '/api/knowledge/search?language=tr&q=sifre',
      otherAdmin,
    );
    expect(hits.items[0]?.slug).toBe('reset-password');
    const again = await t.request('/api/knowledge/import', { auth: otherAdmin, body: exported });
    expect(again.status).toBe(409);
    expect((await json(again)).field).toBe('articles');
  });
});
