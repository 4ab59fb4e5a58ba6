import { z } from '@hono/zod-openapi';
import type { KnowledgeExport } from '../schemas.js';
import { iso, localeTag, names, type SourceArticle, toExport } from './common.js';

const Id = z.union([z.number().int(), z.string().max(40)]).transform(String);
const Locale = z.string().max(20);

/**
 * What a Zendesk Guide export holds: the Help Center API's list answers put together
 * (GET /api/v2/help_center/{locale}/categories, …/sections, …/articles, and
 * GET /api/v2/help_center/articles/{id}/translations), optionally with the user segments
 * (GET /api/v2/help_center/user_segments) so that articles only staff may see stay internal.
 * Categories, sections and articles may appear once per locale.
 */
export const ZendeskGuideExport = z.object({
  categories: z
    .array(
      z.object({
        id: Id,
        name: z.string().max(500),
        locale: Locale.optional(),
        position: z.number().int().optional(),
      }),
    )
    .max(10_000)
    .default([]),
  sections: z
    .array(
      z.object({
        id: Id,
        category_id: Id.nullable().optional(),
        name: z.string().max(500),
        locale: Locale.optional(),
        position: z.number().int().optional(),
      }),
    )
    .max(10_000)
    .default([]),
  articles: z
    .array(
      z.object({
        id: Id,
        section_id: Id.nullable().optional(),
        title: z.string().max(1000),
        body: z.string().max(1_000_000).nullable(),
        locale: Locale.optional(),
        source_locale: Locale.optional(),
        draft: z.boolean().optional(),
        author_id: Id.nullable().optional(),
        created_at: z.string().max(40).optional(),
        user_segment_id: Id.nullable().optional(),
      }),
    )
    .max(50_000),
  translations: z
    .array(
      z.object({
        source_id: Id,
        source_type: z.string().max(40),
        locale: Locale,
        title: z.string().max(1000),
        body: z.string().max(1_000_000).nullable(),
        draft: z.boolean().optional(),
        created_at: z.string().max(40).optional(),
        created_by_id: Id.nullable().optional(),
      }),
    )
    .max(200_000)
    .default([]),
  user_segments: z
    .array(z.object({ id: Id, user_type: z.string().max(40) }))
    .max(10_000)
    .default([]),
});

export function fromZendesk(
  doc: z.infer<typeof ZendeskGuideExport>,
  defaultLanguage: string,
  now: string,
): KnowledgeExport {
  const lang = (l: string | undefined) => localeTag(l, defaultLanguage);
  const staffOnly = new Set(doc.user_segments.filter((s) => s.user_type === 'staff').map((s) => s.id));
  const sectionSlug = (id: string) => `zendesk-section-${id}`;
  const categoryIds = [...new Set(doc.categories.map((c) => c.id))];
  const sectionsOf = (categoryId: string | null) =>
    [...new Set(doc.sections.filter((s) => (s.category_id ?? null) === categoryId).map((s) => s.id))].map(
      (id) => {
        const rows = doc.sections.filter((s) => s.id === id);
        return {
          slug: sectionSlug(id),
          names: names(
            rows.map((r) => [lang(r.locale), r.name]),
            `Section ${id}`,
          ),
          position: Math.max(0, rows[0]?.position ?? 0),
        };
      },
    );
  const categories = categoryIds.map((id) => {
    const rows = doc.categories.filter((c) => c.id === id);
    return {
      slug: `zendesk-category-${id}`,
      names: names(
        rows.map((r) => [lang(r.locale), r.name]),
        `Category ${id}`,
      ),
      position: Math.max(0, rows[0]?.position ?? 0),
      sections: sectionsOf(id),
    };
  });
  // Sections whose category is not in the file still keep their articles together.
  const orphans = sectionsOf(null).concat(
    doc.sections
      .filter((s) => s.category_id != null && !categoryIds.includes(s.category_id))
      .map((s) => ({ slug: sectionSlug(s.id), names: names([[lang(s.locale), s.name]], s.id), position: 0 })),
  );
  if (orphans.length > 0)
    categories.push({
      slug: 'zendesk-uncategorized',
      names: { [defaultLanguage]: 'Zendesk' },
      position: categories.length,
      sections: [...new Map(orphans.map((o) => [o.slug, o])).values()],
    });
  const byId = new Map<string, SourceArticle>();
  for (const a of doc.articles) {
    const article =
      byId.get(a.id) ??
      ({
        id: a.id,
        section: a.section_id ? sectionSlug(a.section_id) : null,
        internal: a.user_segment_id != null && staffOnly.has(a.user_segment_id),
        createdAt: iso(a.created_at, now),
        translations: [],
      } satisfies SourceArticle);
    byId.set(a.id, article);
    article.translations.push({
      language: lang(a.locale ?? a.source_locale),
      title: a.title,
      html: a.body ?? '',
      published: a.draft !== true,
      createdAt: iso(a.created_at, now),
      author: a.author_id ?? 'unknown',
    });
  }
  for (const t of doc.translations) {
    const article = t.source_type === 'Article' ? byId.get(t.source_id) : undefined;
    if (!article) continue;
    article.translations.push({
      language: lang(t.locale),
      title: t.title,
      html: t.body ?? '',
      published: t.draft !== true,
      createdAt: iso(t.created_at, now),
      author: t.created_by_id ?? 'unknown',
    });
  }
  const known = new Set(categories.flatMap((c) => c.sections.map((s) => s.slug)));
  for (const a of byId.values()) if (a.section && !known.has(a.section)) a.section = null;
  return toExport(categories, [...byId.values()], 'zendesk');
}
