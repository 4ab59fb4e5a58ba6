import { z } from '@hono/zod-openapi';
import {
  articlesById,
  type HelpDeskReader,
  Id,
  listOf,
  localeTag,
  names,
  namesOfRows,
  toExport,
} from './common.js';

const Locale = z.string().max(20);

/**
 * What a Zendesk Guide export holds: the Help Center API's list answers put together
 * (GET /api/v2/help_center/{locale}/categories, …/sections, …/articles, and
 * GET /api/v2/help_center/articles/{id}/translations), optionally with the user segments
 * (GET /api/v2/help_center/user_segments) so that articles only staff may see stay internal.
 * Categories, sections and articles may appear once per locale.
 */
const placed = {
  name: z.string().max(500),
  locale: Locale.optional(),
  position: z.number().int().optional(),
};
/** A translation's text as articles and their translations both carry it. */
const text = {
  title: z.string().max(1000),
  body: z.string().max(1_000_000).nullable(),
  draft: z.boolean().optional(),
  created_at: z.string().max(40).optional(),
};

export const ZendeskGuideExport = z.object({
  categories: listOf(z.object({ id: Id, ...placed })),
  sections: listOf(z.object({ id: Id, category_id: Id.nullable().optional(), ...placed })),
  articles: z
    .array(
      z.object({
        id: Id,
        section_id: Id.nullable().optional(),
        ...text,
        locale: Locale.optional(),
        source_locale: Locale.optional(),
        author_id: Id.nullable().optional(),
        user_segment_id: Id.nullable().optional(),
      }),
    )
    .max(50_000),
  translations: listOf(
    z.object({
      source_id: Id,
      source_type: z.string().max(40),
      locale: Locale,
      ...text,
      created_by_id: Id.nullable().optional(),
    }),
    200_000,
  ),
  user_segments: listOf(z.object({ id: Id, user_type: z.string().max(40) })),
});

/** A Zendesk article's or translation's text, by whom. */
const translationOf = (t: z.infer<z.ZodObject<typeof text>>, author: string | null | undefined) => ({
  title: t.title,
  html: t.body,
  published: t.draft !== true,
  createdAt: t.created_at,
  author,
});

export const fromZendesk: HelpDeskReader<typeof ZendeskGuideExport> = (doc, defaultLanguage, now) => {
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
          names: namesOfRows(rows, (r) => lang(r.locale), `Section ${id}`),
          position: Math.max(0, rows[0]?.position ?? 0),
        };
      },
    );
  const categories = categoryIds.map((id) => {
    const rows = doc.categories.filter((c) => c.id === id);
    return {
      slug: `zendesk-category-${id}`,
      names: namesOfRows(rows, (r) => lang(r.locale), `Category ${id}`),
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
  const read = articlesById(now);
  for (const a of doc.articles)
    read.add(
      a.id,
      () => ({
        section: a.section_id ? sectionSlug(a.section_id) : null,
        internal: a.user_segment_id != null && staffOnly.has(a.user_segment_id),
      }),
      lang(a.locale ?? a.source_locale),
      translationOf(a, a.author_id),
    );
  for (const t of doc.translations)
    if (t.source_type === 'Article')
      read.addTo(t.source_id, lang(t.locale), translationOf(t, t.created_by_id));
  const known = new Set(categories.flatMap((c) => c.sections.map((s) => s.slug)));
  const articles = read.articles();
  for (const a of articles) if (a.section && !known.has(a.section)) a.section = null;
  return toExport(categories, articles, 'zendesk');
};
