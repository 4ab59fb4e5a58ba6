import { isRightToLeft } from '@shoreline/core';
import { type HelpStrings, helpStrings } from './strings.js';

/** HTML text and attribute values escaped (the five characters HTML gives meaning to). */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface Site {
  /** Absolute origin + `/help/<slug>`, no trailing slash. */
  base: string;
  slug: string;
  name: string;
  logoUrl: string | null;
  defaultLanguage: string;
  /** Languages with published public articles (and the default). */
  languages: string[];
  /** The chat widget "still need help?" offers (decision 0034), or null: the contact form only. */
  chatWidgetKey: string | null;
  /** The server's origin, where `/widget.js` is served. */
  origin: string;
}

export interface PageInput {
  site: Site;
  /** The visitor's language: the page's chrome. */
  language: string;
  title: string;
  description: string;
  /** Path after the language: `''`, `/articles/x`. */
  path: string;
  /** Language versions of this page for hreflang: language → absolute URL. */
  alternates?: Record<string, string>;
  canonical?: string;
  ogType?: 'website' | 'article';
  query?: string;
  body: string;
}

const url = (site: Site, language: string, path: string) => `${site.base}/${language}${path}`;

/**
 * One page: `lang` and `dir` from the visitor's language, hreflang, canonical, Open Graph. No script,
 * except the chat loader when the help center offers a chat (it loads the widget on demand).
 */
export function page(input: PageInput): string {
  const { site, language } = input;
  const t = helpStrings(language);
  const dir = isRightToLeft(language) ? 'rtl' : 'ltr';
  const canonical = input.canonical ?? url(site, language, input.path);
  const alternates =
    input.alternates ?? Object.fromEntries(site.languages.map((l) => [l, url(site, l, input.path)]));
  const links = Object.entries(alternates)
    .map(([lang, href]) => `<link rel="alternate" hreflang="${esc(lang)}" href="${esc(href)}">`)
    .join('');
  const xDefault = alternates[site.defaultLanguage];
  const ogLocale = language.replace('-', '_');
  return `<!doctype html>
<html lang="${esc(language)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(input.title)} · ${esc(site.name)}</title>
<meta name="description" content="${esc(input.description)}">
<link rel="canonical" href="${esc(canonical)}">
${links}${xDefault ? `<link rel="alternate" hreflang="x-default" href="${esc(xDefault)}">` : ''}
<meta property="og:type" content="${input.ogType ?? 'website'}">
<meta property="og:title" content="${esc(input.title)}">
<meta property="og:description" content="${esc(input.description)}">
<meta property="og:url" content="${esc(canonical)}">
<meta property="og:site_name" content="${esc(site.name)}">
<meta property="og:locale" content="${esc(ogLocale)}">
${site.logoUrl ? `<meta property="og:image" content="${esc(site.logoUrl)}">` : ''}
<link rel="stylesheet" href="${esc(site.base)}/theme.css">
</head>
<body>
<header class="top">
<a class="brand" href="${esc(url(site, language, ''))}">${site.logoUrl ? `<img src="${esc(site.logoUrl)}" alt="" height="32">` : ''}${esc(site.name)}</a>
${languageMenu(site, language, alternates, t)}
</header>
${searchForm(site, language, t, input.query ?? '')}
<main>
${input.body}
</main>
<footer><a href="${esc(url(site, language, '/contact'))}">${esc(t.stillNeedHelp)} ${esc(t.contactUs)}</a>${chatButton(site, t)}</footer>
${chatLoader(site, language)}
</body>
</html>`;
}

function languageMenu(
  site: Site,
  current: string,
  alternates: Record<string, string>,
  t: HelpStrings,
): string {
  if (site.languages.length < 2) return '';
  const items = site.languages
    .map((l) => {
      const href = alternates[l] ?? url(site, l, '');
      const here = l === current ? ' aria-current="true"' : '';
      return `<li><a href="${esc(href)}" hreflang="${esc(l)}" lang="${esc(l)}"${here}>${esc(languageName(l))}</a></li>`;
    })
    .join('');
  return `<nav aria-label="${esc(t.languages)}"><ul class="langs">${items}</ul></nav>`;
}

/** The language's own name for itself (Intl.DisplayNames), or its tag. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

function searchForm(site: Site, language: string, t: HelpStrings, q: string): string {
  return `<form class="search" role="search" method="get" action="${esc(url(site, language, '/search'))}">
<input type="search" name="q" value="${esc(q)}" placeholder="${esc(t.searchPlaceholder)}" aria-label="${esc(t.search)}" maxlength="200">
<button type="submit">${esc(t.search)}</button>
</form>`;
}

export interface ArticleLink {
  slug: string;
  title: string;
  snippet?: string;
  language: string;
}

export function articleList(site: Site, language: string, items: ArticleLink[]): string {
  return `<ul class="articles">${items
    .map(
      (a) =>
        `<li><a href="${esc(url(site, language, `/articles/${a.slug}`))}"${a.language !== language ? ` lang="${esc(a.language)}"` : ''}>${esc(a.title)}</a>${a.snippet ? `<p>${esc(a.snippet)}</p>` : ''}</li>`,
    )
    .join('')}</ul>`;
}

export function homeBody(
  site: Site,
  language: string,
  groups: { title: string; articles: ArticleLink[] }[],
): string {
  const t = helpStrings(language);
  const sections = groups
    .filter((g) => g.articles.length > 0)
    .map((g) => `<section><h2>${esc(g.title)}</h2>${articleList(site, language, g.articles)}</section>`)
    .join('');
  return `<h1>${esc(t.home)}</h1>${sections}`;
}

export function searchBody(site: Site, language: string, q: string, hits: ArticleLink[]): string {
  const t = helpStrings(language);
  if (hits.length === 0)
    return `<h1>${esc(t.results.replace('{q}', q))}</h1><p>${esc(t.noResults.replace('{q}', q))}</p>${contactCta(site, language, t)}`;
  return `<h1>${esc(t.results.replace('{q}', q))}</h1>${articleList(site, language, hits)}${contactCta(site, language, t)}`;
}

function contactCta(site: Site, language: string, t: HelpStrings): string {
  return `<aside class="cta"><h2>${esc(t.stillNeedHelp)}</h2><a class="button" href="${esc(url(site, language, '/contact'))}">${esc(t.contactUs)}</a>${chatButton(site, t)}</aside>`;
}

/** "Chat with us": hidden until the loader runs (without script the contact form is the way). */
function chatButton(site: Site, t: HelpStrings): string {
  if (!site.chatWidgetKey) return '';
  return ` <button type="button" class="button" data-shoreline-chat hidden>${esc(t.chatWithUs)}</button>`;
}

function chatLoader(site: Site, language: string): string {
  if (!site.chatWidgetKey) return '';
  return `<script src="${esc(site.base)}/chat.js" defer data-key="${esc(site.chatWidgetKey)}" data-widget="${esc(site.origin)}/widget.js" data-context="${esc(url(site, language, '/chat-context'))}"></script>`;
}

export function articleBody(
  site: Site,
  language: string,
  article: { slug: string; title: string; html: string; language: string },
  feedbackSent: boolean,
): string {
  const t = helpStrings(language);
  const content = article.language;
  const other = content !== language;
  const dir = isRightToLeft(content) ? 'rtl' : 'ltr';
  const feedback = feedbackSent
    ? `<p class="thanks" role="status">${esc(t.thanks)}</p>`
    : `<form class="feedback" method="post" action="${esc(url(site, language, `/articles/${article.slug}/feedback`))}">
<fieldset><legend>${esc(t.helpful)}</legend>
<label>${esc(t.comment)} <textarea name="comment" maxlength="2000"></textarea></label>
<button type="submit" name="helpful" value="yes">${esc(t.yes)}</button>
<button type="submit" name="helpful" value="no">${esc(t.no)}</button>
</fieldset></form>`;
  return `<article${other ? ` lang="${esc(content)}" dir="${dir}"` : ''}>
${other ? `<p class="notice" lang="${esc(language)}">${esc(t.notInLanguage)}</p>` : ''}
<h1>${esc(article.title)}</h1>
${article.html}
</article>
${feedback}
${contactCta(site, language, t)}`;
}

export function contactBody(
  site: Site,
  language: string,
  error: string | null,
  values: Record<string, string>,
): string {
  const t = helpStrings(language);
  const field = (name: string, label: string, type = 'text') =>
    `<label>${esc(label)} <input name="${name}" type="${type}" required maxlength="${name === 'subject' ? 300 : 320}" value="${esc(values[name] ?? '')}"></label>`;
  return `<h1>${esc(t.contactTitle)}</h1>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<form class="contact" method="post" action="${esc(url(site, language, '/contact'))}">
${field('name', t.name)}
${field('email', t.email, 'email')}
${field('subject', t.subject)}
<label>${esc(t.message)} <textarea name="message" required maxlength="20000">${esc(values.message ?? '')}</textarea></label>
<button type="submit">${esc(t.send)}</button>
</form>`;
}

export function sentBody(language: string): string {
  return `<p class="thanks" role="status">${esc(helpStrings(language).sent)}</p>`;
}

/** The brand's stylesheet (served from the help center's own path: the CSP forbids inline style). */
export function themeCss(brandColor: string): string {
  return `:root{--brand:${brandColor}}
body{font:16px/1.6 system-ui,sans-serif;margin:0;color:#1d1d1f}
.top{display:flex;justify-content:space-between;align-items:center;padding:.75rem 1.5rem;background:var(--brand);color:#fff}
.top a{color:#fff;text-decoration:none}.brand{font-weight:600;display:flex;gap:.5rem;align-items:center}
.langs{display:flex;gap:.75rem;list-style:none;margin:0;padding:0}.langs a[aria-current]{text-decoration:underline}
.search{display:flex;gap:.5rem;max-width:40rem;margin:1.5rem auto;padding:0 1rem}
.search input{flex:1;padding:.6rem;font-size:1rem;border:1px solid #999;border-radius:4px}
button,.button{background:var(--brand);color:#fff;border:0;border-radius:4px;padding:.6rem 1rem;font-size:1rem;cursor:pointer;text-decoration:none;display:inline-block}
main{max-width:48rem;margin:0 auto;padding:0 1rem 2rem}
.articles{list-style:none;padding:0}.articles li{margin:.75rem 0}.articles p{margin:.25rem 0;color:#555}
.notice{background:#fff6d6;padding:.5rem 1rem;border-radius:4px}
.feedback fieldset{border:1px solid #ccc;border-radius:4px}.feedback textarea,.contact textarea,.contact input{display:block;width:100%;margin:.25rem 0 1rem}
.cta{margin-top:2rem;padding:1rem;border-top:1px solid #ddd}.error{color:#a00}
footer{text-align:center;padding:2rem}
article img{max-width:100%}pre{overflow:auto;background:#f4f4f4;padding:.5rem}`;
}

export function sitemapXml(
  entries: { loc: string; lastmod: string; alternates: Record<string, string> }[],
): string {
  const urls = entries
    .map(
      (e) =>
        `<url><loc>${esc(e.loc)}</loc><lastmod>${e.lastmod}</lastmod>${Object.entries(e.alternates)
          .map(([l, href]) => `<xhtml:link rel="alternate" hreflang="${esc(l)}" href="${esc(href)}"/>`)
          .join('')}</url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls}
</urlset>`;
}
