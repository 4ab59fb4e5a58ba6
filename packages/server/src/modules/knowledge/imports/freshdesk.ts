import { z } from '@hono/zod-openapi';
import { articlesById, type HelpDeskReader, Id, listOf, localeTag, namesOfRows, toExport } from './common.js';

/** Freshdesk folder visibility 3: agents only (developers.freshdesk.com, Solution Folder). */
const AGENTS_ONLY = 3;
/** Freshdesk article status 2: published; 1: draft. */
const PUBLISHED = 2;

/**
 * A Freshdesk Solutions export: the API's answers put together (GET /api/v2/solutions/categories,
 * GET /api/v2/solutions/categories/{id}/folders, GET /api/v2/solutions/folders/{id}/articles, and
 * for each translation GET /api/v2/solutions/articles/{id}/{language_code}, whose language the
 * exporter records in `language`). A folder names its category in `category_id` when listed flat.
 */
export const FreshdeskSolutionsExport = z.object({
  categories: listOf(
    z.object({ id: Id, name: z.string().max(500), language: z.string().max(20).optional() }),
  ),
  folders: listOf(
    z.object({
      id: Id,
      category_id: Id.nullable().optional(),
      name: z.string().max(500),
      visibility: z.number().int().optional(),
      language: z.string().max(20).optional(),
    }),
  ),
  articles: z
    .array(
      z.object({
        id: Id,
        category_id: Id.nullable().optional(),
        folder_id: Id.nullable().optional(),
        title: z.string().max(1000),
        description: z.string().max(1_000_000).nullable(),
        status: z.number().int(),
        agent_id: Id.nullable().optional(),
        created_at: z.string().max(40).optional(),
        language: z.string().max(20).optional(),
      }),
    )
    .max(50_000),
});

export const fromFreshdesk: HelpDeskReader<typeof FreshdeskSolutionsExport> = (doc, defaultLanguage, now) => {
  const lang = (l: string | undefined) => localeTag(l, defaultLanguage);
  const folderSlug = (id: string) => `freshdesk-folder-${id}`;
  // A folder's category: its own field, else that of an article in it.
  const categoryOf = new Map<string, string>();
  for (const f of doc.folders) if (f.category_id) categoryOf.set(f.id, f.category_id);
  for (const a of doc.articles)
    if (a.folder_id && a.category_id && !categoryOf.has(a.folder_id))
      categoryOf.set(a.folder_id, a.category_id);
  const folderIds = [...new Set(doc.folders.map((f) => f.id))];
  const sectionFor = (id: string) => {
    const rows = doc.folders.filter((f) => f.id === id);
    return {
      slug: folderSlug(id),
      names: namesOfRows(rows, (r) => lang(r.language), `Folder ${id}`),
      position: 0,
    };
  };
  const categoryIds = [...new Set(doc.categories.map((c) => c.id))];
  const categories = categoryIds.map((id, position) => ({
    slug: `freshdesk-category-${id}`,
    names: namesOfRows(
      doc.categories.filter((c) => c.id === id),
      (r) => lang(r.language),
      `Category ${id}`,
    ),
    position,
    sections: folderIds.filter((f) => categoryOf.get(f) === id).map(sectionFor),
  }));
  const homeless = folderIds.filter((f) => !categoryIds.includes(categoryOf.get(f) ?? ''));
  if (homeless.length > 0)
    categories.push({
      slug: 'freshdesk-uncategorized',
      names: { [defaultLanguage]: 'Freshdesk' },
      position: categories.length,
      sections: homeless.map(sectionFor),
    });
  const agentsOnly = new Set(doc.folders.filter((f) => f.visibility === AGENTS_ONLY).map((f) => f.id));
  const read = articlesById(now);
  for (const a of doc.articles)
    read.add(
      a.id,
      () => ({
        section: a.folder_id && folderIds.includes(a.folder_id) ? folderSlug(a.folder_id) : null,
        internal: a.folder_id != null && agentsOnly.has(a.folder_id),
      }),
      lang(a.language),
      {
        title: a.title,
        html: a.description,
        published: a.status === PUBLISHED,
        createdAt: a.created_at,
        author: a.agent_id,
      },
    );
  return toExport(categories, read.articles(), 'freshdesk');
};
