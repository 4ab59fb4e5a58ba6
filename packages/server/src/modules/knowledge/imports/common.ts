import { z } from '@hono/zod-openapi';
import { canonicalLanguage, foldForSearch } from '@shoreline/core';
import TurndownService from 'turndown';
import { AppError } from '../../../platform/http/problem.js';
import type { KnowledgeExport } from '../schemas.js';

type ExportArticle = KnowledgeExport['articles'][number];
type ExportCategory = KnowledgeExport['categories'][number];

/**
 * Help-desk articles are HTML; ours are Markdown (rendered again, safely, on publish). turndown
 * (npm, MIT) converts; scripts, styles and frames are dropped, never carried as text.
 */
const turndown = new TurndownService({
  headingStyle: 'atx',
  codeBlockStyle: 'fenced',
  bulletListMarker: '-',
});
turndown.remove(['script', 'style', 'iframe', 'object', 'embed']);

export function htmlToMarkdown(html: string): string {
  return turndown.turndown(html ?? '').trim();
}

/** A language tag from a help desk's locale (`en-us` → `en-US`), or the fallback. */
export function localeTag(locale: string | null | undefined, fallback: string): string {
  return (locale && canonicalLanguage(locale.replace('_', '-'))) || fallback;
}

/** An address from a title: ASCII letters and digits joined by hyphens, or `fallback`. */
export function slugOf(title: string, fallback: string): string {
  const slug = foldForSearch(title, 'en')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

/** Makes slugs unique within one import, in order: `refund`, `refund-2`, … */
export function uniqueSlugs(): (slug: string) => string {
  const taken = new Set<string>();
  return (slug) => {
    let candidate = slug;
    for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
    taken.add(candidate);
    return candidate;
  };
}

export interface SourceTranslation {
  language: string;
  title: string;
  html: string;
  published: boolean;
  createdAt: string;
  author: string;
}

export interface SourceArticle {
  id: string;
  section: string | null;
  internal: boolean;
  createdAt: string;
  translations: SourceTranslation[];
}

/**
 * The Shoreline export document (docs/knowledge-export.md) for articles read from a help desk:
 * each translation one version, published when the source had it published, a draft otherwise.
 * Importing it goes through the same path as the exit plan's import.
 */
export function toExport(
  categories: ExportCategory[],
  articles: SourceArticle[],
  source: string,
): KnowledgeExport {
  const unique = uniqueSlugs();
  const out: ExportArticle[] = [];
  for (const a of articles) {
    const translations = new Map<string, SourceTranslation>();
    for (const t of a.translations) if (!translations.has(t.language)) translations.set(t.language, t);
    if (translations.size === 0) continue;
    const first = [...translations.values()][0]!;
    out.push({
      slug: unique(slugOf(first.title, `${source}-${a.id}`)),
      section: a.section,
      ownerId: null,
      reviewBy: null,
      internal: a.internal,
      createdAt: a.createdAt,
      translations: [...translations.values()]
        .sort((x, y) => x.language.localeCompare(y.language))
        .map((t) => ({
          language: t.language,
          status: t.published ? ('published' as const) : ('draft' as const),
          publishedVersion: t.published ? 1 : null,
          publishedAt: t.published ? t.createdAt : null,
          versions: [
            {
              number: 1,
              title: t.title.slice(0, 300) || a.id,
              body: htmlToMarkdown(t.html),
              status: t.published ? ('published' as const) : ('draft' as const),
              authorId: `import:${source}:${t.author}`,
              reviewerId: null,
              restoredFrom: null,
              createdAt: t.createdAt,
            },
          ],
        })),
    });
  }
  return { format: 'shoreline-knowledge', version: 1, categories, articles: out };
}

/** Names per language with every value present (our export requires non-empty names). */
export function names(
  entries: [string, string | null | undefined][],
  fallback: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [language, name] of entries)
    if (name?.trim() && !out[language]) out[language] = name.trim().slice(0, 200);
  if (Object.keys(out).length === 0) out.en = fallback;
  return out;
}

/** The names of one category or section from its rows in the export, one row per language. */
export function namesOfRows<R extends { name?: string | null | undefined }>(
  rows: readonly R[],
  languageOf: (row: R) => string,
  fallback: string,
): Record<string, string> {
  return names(
    rows.map((row) => [languageOf(row), row.name]),
    fallback,
  );
}

export function badFile(source: string, path: string, reason: string): AppError {
  return new AppError('validation_failed', `${path}: ${reason} (${source} export)`, path);
}

export const iso = (value: string | number | null | undefined, fallback: string): string => {
  if (value === null || value === undefined || value === '') return fallback;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? fallback : d.toISOString();
};

/** A help desk's id, a number or a string, read as a string. */
export const Id = z.union([z.number().int(), z.string().max(40)]).transform(String);

/** A list in a help-desk export: at most `max` rows, empty when the file leaves it out. */
export const listOf = <T extends z.ZodTypeAny>(row: T, max = 10_000) => z.array(row).max(max).default([]);

/** What a help desk says of one translation of an article, before it is read into ours. */
export interface TranslationRow {
  title: string;
  html: string | null;
  published: boolean;
  createdAt: string | null | undefined;
  author: string | null | undefined;
}

/**
 * The articles of an export by their help-desk id, in the order first seen: each row read adds one
 * translation to its article, which the first row of that id makes (`article`).
 */
export function articlesById(now: string) {
  const byId = new Map<string, SourceArticle>();
  return {
    byId,
    add(
      id: string,
      article: () => Omit<SourceArticle, 'id' | 'createdAt' | 'translations'>,
      language: string,
      row: TranslationRow,
    ): void {
      let found = byId.get(id);
      if (!found) {
        found = { id, ...article(), createdAt: iso(row.createdAt, now), translations: [] };
        byId.set(id, found);
      }
      found.translations.push({
        language,
        title: row.title,
        html: row.html ?? '',
        published: row.published,
        createdAt: iso(row.createdAt, now),
        author: row.author ?? 'unknown',
      });
    },
    /** Adds a translation to an article already read; one of an unknown article is left out. */
    addTo(id: string, language: string, row: TranslationRow): void {
      if (byId.has(id)) this.add(id, () => ({ section: null, internal: false }), language, row);
    },
    articles: () => [...byId.values()],
  };
}

/** A help desk's export, read: into our export document, in `defaultLanguage` where it names none. */
export type HelpDeskReader<T extends z.ZodTypeAny> = (
  doc: z.infer<T>,
  defaultLanguage: string,
  now: string,
) => KnowledgeExport;
