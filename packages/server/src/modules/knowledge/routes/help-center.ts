import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { canonicalLanguage, negotiateLanguage } from '@shoreline/core';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import type { Selectable } from 'kysely';
import type { AppEnv } from '../../../platform/http/env.js';
import { apiRoute, json } from '../../../platform/http/openapi.js';
import { AppError } from '../../../platform/http/problem.js';
import type { ModuleContext } from '../../../platform/module.js';
import { type ScopedDb, systemActor } from '../../../platform/scope.js';
import { ALLOWED_FILE_TYPES, publicFile } from '../files.js';
import { CHAT_LOADER_JS } from '../help-center/chat-loader.js';
import { type CachedPage, cacheHelpCenters, etagOf, matchesEtag } from '../help-center/page-cache.js';
import {
  articleBody,
  contactBody,
  homeBody,
  type PageInput,
  page,
  type Site,
  searchBody,
  sentBody,
  sitemapXml,
  themeCss,
} from '../help-center/pages.js';
import { helpStrings } from '../help-center/strings.js';
import {
  chatContext,
  contactSupport,
  publicLanguages,
  recordFeedback,
  recordVisit,
  siteBySlug,
  type VisitActivity,
  visitorSession,
} from '../help-center/visits.js';
import { plainText } from '../render.js';
import { searchArticles } from '../search.js';
import type { KnowledgeSettingsTable } from '../tables.js';

/** The visitor's session cookie: which searches and reads a contact follows (deflection). */
export const HELP_SESSION_COOKIE = 'shoreline_help';
const FORM_LIMIT_BYTES = 64 * 1024;

interface SiteEntry {
  settings: Selectable<KnowledgeSettingsTable>;
  languages: string[];
}

interface Visit {
  settings: Selectable<KnowledgeSettingsTable>;
  scoped: ScopedDb;
  site: Site;
}

/**
 * The public help center, server-rendered HTML at `/help/<slug>/<language>/…` with no script
 * (but the chat loader when a chat widget is set, decision 0034): home, search, article (feedback
 * form), contact form, sitemap, the brand's stylesheet, and the chat's context for the visitor.
 * Anyone may read it (it is outside `/api`, so no sign-in); it acts as the system actor
 * `system:help-center` of the organization the slug names, and never shows internal articles.
 */
export function helpCenterRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  const { clock } = ctx;
  // Read per request: `listen` settles PUBLIC_URL's port after the routes are made (port 0 in tests).
  const origin = () => new URL(ctx.config.publicUrl).origin;
  const notFoundPage = () => new AppError('not_found', 'no such help center page');

  // Sites and rendered article pages, forgotten on change (help-center/page-cache.ts, decision 0022).
  const cache = cacheHelpCenters<SiteEntry>(ctx);

  async function visit(c: Context<AppEnv>): Promise<Visit> {
    const slug = c.req.param('slug') ?? '';
    let cached = cache.site(slug);
    if (!cached) {
      const mark = cache.mark();
      const settings = await siteBySlug(ctx.db, slug);
      if (!settings) throw notFoundPage();
      const scoped = ctx.scope(systemActor('help-center', settings.organization_id));
      cached = { settings, languages: await publicLanguages(scoped, settings.default_language) };
      cache.putSite(slug, settings.organization_id, cached, mark);
    }
    const { settings, languages } = cached;
    const scoped = ctx.scope(systemActor('help-center', settings.organization_id));
    return {
      settings,
      scoped,
      site: {
        base: `${origin()}/help/${settings.slug}`,
        slug: settings.slug,
        name: settings.name,
        logoUrl: settings.logo_url,
        defaultLanguage: settings.default_language,
        languages,
        chatWidgetKey: settings.chat_widget_key ?? null,
        origin: origin(),
      },
    };
  }

  /** The page's language from the path: one the help center offers, or 404. */
  function pathLanguage(c: Context<AppEnv>, v: Visit): string {
    const language = canonicalLanguage(c.req.param('lang') ?? '');
    if (!language || !v.site.languages.includes(language)) throw notFoundPage();
    return language;
  }

  /** Sets the cookie of a session the visit just started (an existing one is kept as it is). */
  function keepSession(c: Context<AppEnv>, v: Visit, found: { id: string; created: boolean }) {
    if (found.created)
      setCookie(c, HELP_SESSION_COOKIE, found.id, {
        path: `/help/${v.site.slug}`,
        httpOnly: true,
        sameSite: 'Lax',
        secure: origin().startsWith('https:'),
      });
  }

  async function session(c: Context<AppEnv>, v: Visit, language: string): Promise<string> {
    const found = await visitorSession(v.scoped, clock, getCookie(c, HELP_SESSION_COOKIE), language);
    keepSession(c, v, found);
    return found.id;
  }

  /** Records a search or view against the visitor's session (one statement), setting a new cookie. */
  async function record(c: Context<AppEnv>, v: Visit, language: string, activity: VisitActivity) {
    keepSession(
      c,
      v,
      await recordVisit(v.scoped, clock, getCookie(c, HELP_SESSION_COOKIE), language, activity),
    );
  }

  const html = (c: Context<AppEnv>, body: string, status = 200) =>
    c.body(body, status as 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  /** A page of the visited site in `language`, described by the site's name unless told. */
  const sitePage = (
    c: Context<AppEnv>,
    v: Visit,
    language: string,
    content: Omit<PageInput, 'site' | 'language' | 'description'>,
    status = 200,
  ) => html(c, page({ site: v.site, language, description: v.site.name, ...content }), status);
  const formLimit = bodyLimit({
    maxSize: FORM_LIMIT_BYTES,
    onError: () => {
      throw new AppError('payload_too_large', `form exceeds ${FORM_LIMIT_BYTES} bytes`, '(body)');
    },
  });

  app.get('/help/:slug', async (c) => {
    const v = await visit(c);
    const language = negotiateLanguage(
      c.req.header('accept-language'),
      v.site.languages,
      v.site.defaultLanguage,
    );
    return c.redirect(`/help/${v.site.slug}/${language}`, 302);
  });

  app.get('/help/:slug/theme.css', async (c) => {
    const { settings } = await visit(c);
    return c.body(themeCss(settings.brand_color), 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=300',
    });
  });

  // The chat loader (help-center/chat-loader.ts): the same for every help center, so cacheable.
  app.get('/help/:slug/chat.js', async (c) => {
    await visit(c);
    return c.body(CHAT_LOADER_JS, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300',
    });
  });

  // Article images and attachments by content hash: never change, so cached for a year; served
  // with their checked type, no sniffing, and a sandbox policy in case one is opened on its own.
  app.get('/help/:slug/files/:sha256', async (c) => {
    const v = await visit(c);
    const file = await publicFile(ctx.db, v.settings.organization_id, c.req.param('sha256'));
    if (!file) throw notFoundPage();
    const disposition = ALLOWED_FILE_TYPES[file.content_type] ?? 'attachment';
    return c.body(new Uint8Array(file.content), 200, {
      'content-type': file.content_type,
      'content-disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });

  app.get('/help/:slug/sitemap.xml', async (c) => {
    const v = await visit(c);
    const rows = await publishedPublic(v.scoped);
    const byArticle = new Map<string, typeof rows>();
    for (const r of rows) byArticle.set(r.slug, [...(byArticle.get(r.slug) ?? []), r]);
    const entries = [...byArticle.entries()].flatMap(([slug, translations]) => {
      const alternates = Object.fromEntries(
        translations.map((t) => [t.language, `${v.site.base}/${t.language}/articles/${slug}`]),
      );
      return translations.map((t) => ({
        loc: `${v.site.base}/${t.language}/articles/${slug}`,
        lastmod: new Date(t.published_at ?? 0).toISOString().slice(0, 10),
        alternates,
      }));
    });
    const home = v.site.languages.map((l) => ({
      loc: `${v.site.base}/${l}`,
      lastmod: clock.now().toISOString().slice(0, 10),
      alternates: Object.fromEntries(v.site.languages.map((x) => [x, `${v.site.base}/${x}`])),
    }));
    return c.body(sitemapXml([...home, ...entries]), 200, {
      'content-type': 'application/xml; charset=utf-8',
    });
  });

  app.get('/help/:slug/:lang', async (c) => {
    const v = await visit(c);
    const language = pathLanguage(c, v);
    const rows = (await publishedPublic(v.scoped)).filter((r) => r.language === language);
    const categories = await v.scoped
      .selectFrom('knowledge_sections')
      .select(['id', 'names'])
      .orderBy('position')
      .execute();
    const name = (names: Record<string, string>) =>
      names[language] ?? names[v.site.defaultLanguage] ?? Object.values(names)[0] ?? '';
    const groups = [
      ...categories.map((x) => ({
        title: name(x.names),
        articles: rows
          .filter((r) => r.section_id === x.id)
          .map((r) => ({ slug: r.slug, title: r.title ?? '', language })),
      })),
      {
        title: helpStrings(language).articles,
        articles: rows
          .filter((r) => r.section_id === null)
          .map((r) => ({ slug: r.slug, title: r.title ?? '', language })),
      },
    ];
    return sitePage(c, v, language, {
      title: helpStrings(language).home,
      path: '',
      body: homeBody(v.site, language, groups),
    });
  });

  app.get('/help/:slug/:lang/search', async (c) => {
    const v = await visit(c);
    const language = pathLanguage(c, v);
    const q = (c.req.query('q') ?? '').trim().slice(0, 200);
    if (q === '') return c.redirect(`/help/${v.site.slug}/${language}`, 302);
    const hits = await searchArticles(v.scoped, { q, language, limit: 10, includeInternal: false });
    await record(c, v, language, { kind: 'search', language, query: q, results: hits.length });
    return sitePage(c, v, language, {
      title: helpStrings(language).results.replace('{q}', q),
      path: `/search?q=${encodeURIComponent(q)}`,
      query: q,
      body: searchBody(
        v.site,
        language,
        q,
        hits.map((h) => ({ ...h })),
      ),
    });
  });

  /** An article page as HTML, with what its view records: from the database, for the cache. */
  async function articlePage(v: Visit, language: string, articleSlug: string, feedbackSent: boolean) {
    const translations = await publishedPublic(v.scoped, articleSlug);
    if (translations.length === 0) throw notFoundPage();
    // The visitor's language, else the help center's default, else any published one.
    const shown =
      translations.find((t) => t.language === language) ??
      translations.find((t) => t.language === v.site.defaultLanguage) ??
      translations[0]!;
    const slug = shown.slug;
    const alternates = Object.fromEntries(
      translations.map((t) => [t.language, `${v.site.base}/${t.language}/articles/${slug}`]),
    );
    const html = page({
      site: v.site,
      language,
      title: shown.title ?? '',
      description: plainText(shown.body_md ?? '').slice(0, 160),
      path: `/articles/${slug}`,
      alternates,
      canonical: alternates[shown.language],
      ogType: 'article',
      body: articleBody(
        v.site,
        language,
        { slug, title: shown.title ?? '', html: shown.body_html ?? '', language: shown.language },
        feedbackSent,
      ),
    });
    return { html, etag: etagOf(html), articleId: shown.article_id, shownLanguage: shown.language };
  }

  app.get('/help/:slug/:lang/articles/:article', async (c) => {
    const v = await visit(c);
    const language = pathLanguage(c, v);
    const articleSlug = c.req.param('article');
    const feedbackSent = c.req.query('feedback') === 'sent';
    const key = `${v.site.base}|${language}|${articleSlug}`;
    let shown: CachedPage | undefined = feedbackSent ? undefined : cache.page(key);
    if (!shown) {
      const mark = cache.mark();
      shown = await articlePage(v, language, articleSlug, feedbackSent);
      if (!feedbackSent) cache.putPage(key, v.settings.organization_id, shown, mark);
    }
    // Every view counts for deflection, a revalidated one too: the browser asks each time (no-cache).
    await record(c, v, language, { kind: 'view', language: shown.shownLanguage, articleId: shown.articleId });
    const headers = { etag: shown.etag, 'cache-control': 'private, no-cache' };
    if (matchesEtag(c.req.header('if-none-match'), shown.etag)) return c.body(null, 304, headers);
    return c.body(shown.html, 200, { 'content-type': 'text/html; charset=utf-8', ...headers });
  });

  app.post('/help/:slug/:lang/articles/:article/feedback', formLimit, async (c) => {
    const v = await visit(c);
    const language = pathLanguage(c, v);
    const translations = await publishedPublic(v.scoped, c.req.param('article'));
    const shown = translations.find((t) => t.language === language) ?? translations[0];
    if (!shown) throw notFoundPage();
    const form = await c.req.parseBody();
    const helpful = form.helpful === 'yes' ? true : form.helpful === 'no' ? false : null;
    if (helpful === null) throw new AppError('validation_failed', 'helpful: must be yes or no', 'helpful');
    const comment =
      typeof form.comment === 'string' && form.comment.trim() !== ''
        ? form.comment.trim().slice(0, 2000)
        : null;
    const sessionId = await session(c, v, language);
    await recordFeedback(v.scoped, clock, sessionId, {
      articleId: shown.article_id,
      language: shown.language,
      helpful,
      comment,
    });
    return c.redirect(`/help/${v.site.slug}/${language}/articles/${shown.slug}?feedback=sent`, 303);
  });

  // What this visitor's session read and searched, for the chat widget's context (the loader asks
  // when the visitor opens a chat). Their own session only: the cookie is HttpOnly, same-origin.
  app.get('/help/:slug/:lang/chat-context', async (c) => {
    const v = await visit(c);
    pathLanguage(c, v);
    if (!v.settings.chat_widget_key) throw notFoundPage();
    const cookie = getCookie(c, HELP_SESSION_COOKIE);
    const context =
      cookie && /^khs_[0-9a-z]{26}$/.test(cookie)
        ? await chatContext(v.scoped, cookie)
        : { articlesRead: [] as string[] };
    return c.json(context, 200, { 'cache-control': 'no-store' });
  });

  app.get('/help/:slug/:lang/contact', async (c) => {
    const v = await visit(c);
    const language = pathLanguage(c, v);
    if (c.req.query('sent') === '1')
      return sitePage(c, v, language, {
        title: helpStrings(language).contactTitle,
        path: '/contact',
        body: sentBody(language),
      });
    return sitePage(c, v, language, {
      title: helpStrings(language).contactTitle,
      path: '/contact',
      body: contactBody(v.site, language, null, {}),
    });
  });

  app.post('/help/:slug/:lang/contact', formLimit, async (c) => {
    const v = await visit(c);
    const language = pathLanguage(c, v);
    const form = await c.req.parseBody();
    const value = (name: string, max: number) =>
      typeof form[name] === 'string' ? (form[name] as string).trim().slice(0, max) : '';
    const values = {
      name: value('name', 200),
      email: value('email', 320),
      subject: value('subject', 300),
      message: value('message', 20_000),
    };
    const missing = Object.entries(values).find(
      ([k, x]) => x === '' || (k === 'email' && !/^[^\s@]+@[^\s@]+$/.test(x)),
    );
    if (missing) {
      const t = helpStrings(language);
      return sitePage(
        c,
        v,
        language,
        {
          title: t.contactTitle,
          path: '/contact',
          body: contactBody(v.site, language, `${missing[0]}: ${t.required}`, values),
        },
        400,
      );
    }
    const sessionId = await session(c, v, language);
    await contactSupport(v.scoped, clock, sessionId, { language, ...values, base: v.site.base });
    return c.redirect(`/help/${v.site.slug}/${language}/contact?sent=1`, 303);
  });

  // Search for the chat widget and search-as-you-type: JSON, public (publicPaths `/api/help/*`).
  app.openapi(
    apiRoute('knowledge', 'get', '/api/help/{slug}/{lang}/search', {
      summary: "Search a help center's public articles in one language (no sign-in)",
      request: {
        params: z.object({ slug: z.string().max(100), lang: z.string().max(35) }),
        query: z.object({ q: z.string().trim().min(1).max(200) }),
      },
      responses: {
        200: json(
          z
            .object({ items: z.array(z.object({ title: z.string(), snippet: z.string(), url: z.string() })) })
            .openapi('HelpSearchResult'),
          'The best matches, best first',
        ),
      },
    }),
    async (c) => {
      const v = await visit(c);
      const language = pathLanguage(c, v);
      const { q } = c.req.valid('query');
      const hits = await searchArticles(v.scoped, { q, language, limit: 5, includeInternal: false });
      return c.json(
        {
          items: hits.map((h) => ({
            title: h.title,
            snippet: h.snippet,
            url: `${v.site.base}/${language}/articles/${h.slug}`,
          })),
        },
        200,
      );
    },
  );
}

/** Published, public translations (of one article when `slug` is given), with their article. */
async function publishedPublic(s: ScopedDb, slug?: string) {
  return s.executor
    .selectFrom('knowledge_translations as t')
    .innerJoin('knowledge_articles as a', 'a.id', 't.article_id')
    .select([
      't.article_id',
      't.language',
      't.title',
      't.body_html',
      't.body_md',
      't.published_at',
      'a.slug',
      'a.section_id',
    ])
    .where(s.condition('knowledge_articles', 'a'))
    .where(s.condition('knowledge_translations', 't'))
    .where('t.published_version', 'is not', null)
    .where('a.internal', '=', false)
    .$if(slug !== undefined, (qb) => qb.where('a.slug', '=', slug!))
    .orderBy('a.slug')
    .orderBy('t.language')
    .execute();
}
