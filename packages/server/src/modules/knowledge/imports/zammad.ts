import { z } from '@hono/zod-openapi';
import { type HelpDeskReader, Id, iso, localeTag, names, type SourceArticle, toExport } from './common.js';

const Stamp = z.string().max(40).nullable().optional();
/** Zammad answers its knowledge base as id-keyed maps of assets (POST /api/v1/knowledge_bases/init). */
const assets = <T extends z.ZodTypeAny>(row: T) => z.record(z.string().max(40), row).default({});

/**
 * A Zammad knowledge base export: the assets of POST /api/v1/knowledge_bases/init, called with the
 * answers' `answer_translation_content_ids` so that `KnowledgeBaseAnswerTranslationContent` holds
 * the bodies, and the system locales of GET /api/v1/locales as `Locale` (id → locale such as
 * `de-de`), which the knowledge base locales name by `system_locale_id`. An answer with
 * `internal_at` set is for agents only; one with `published_at` is published; an archived one is
 * left out.
 */
export const ZammadKnowledgeBaseExport = z.object({
  KnowledgeBaseLocale: assets(z.object({ id: Id, system_locale_id: Id, primary: z.boolean().optional() })),
  Locale: assets(
    z.object({ id: Id, locale: z.string().max(20), alias: z.string().max(20).nullable().optional() }),
  ),
  KnowledgeBaseCategory: assets(
    z.object({ id: Id, parent_id: Id.nullable().optional(), position: z.number().int().optional() }),
  ),
  KnowledgeBaseCategoryTranslation: assets(
    z.object({ id: Id, title: z.string().max(500), kb_locale_id: Id, category_id: Id }),
  ),
  KnowledgeBaseAnswer: assets(
    z.object({
      id: Id,
      category_id: Id.nullable().optional(),
      published_at: Stamp,
      internal_at: Stamp,
      archived_at: Stamp,
      created_at: Stamp,
    }),
  ),
  KnowledgeBaseAnswerTranslation: assets(
    z.object({
      id: Id,
      title: z.string().max(1000),
      kb_locale_id: Id,
      answer_id: Id,
      content_id: Id.nullable().optional(),
      created_by_id: Id.nullable().optional(),
      created_at: Stamp,
    }),
  ),
  KnowledgeBaseAnswerTranslationContent: assets(
    z.object({ id: Id, body: z.string().max(1_000_000).nullable() }),
  ),
});

export const fromZammad: HelpDeskReader<typeof ZammadKnowledgeBaseExport> = (doc, defaultLanguage, now) => {
  const kbLanguage = (kbLocaleId: string) => {
    const kbLocale = doc.KnowledgeBaseLocale[kbLocaleId];
    const system = kbLocale ? doc.Locale[kbLocale.system_locale_id] : undefined;
    return localeTag(system?.alias ?? system?.locale, defaultLanguage);
  };
  const categories = Object.values(doc.KnowledgeBaseCategory);
  const parentOf = new Map(categories.map((c) => [c.id, c.parent_id ?? null]));
  /** Zammad nests categories; ours are two levels: the root category and, below it, sections. */
  const rootOf = (id: string): string => {
    let current = id;
    for (let i = 0; i < 100; i++) {
      const parent = parentOf.get(current);
      if (!parent || !parentOf.has(parent)) return current;
      current = parent;
    }
    return current;
  };
  const titles = (categoryId: string, fallback: string) =>
    names(
      Object.values(doc.KnowledgeBaseCategoryTranslation)
        .filter((t) => t.category_id === categoryId)
        .map((t) => [kbLanguage(t.kb_locale_id), t.title]),
      fallback,
    );
  const sectionSlug = (id: string) => `zammad-category-${id}`;
  const roots = categories
    .filter((c) => rootOf(c.id) === c.id)
    .sort(
      (a, b) => (a.position ?? 0) - (b.position ?? 0) || a.id.localeCompare(b.id, 'en', { numeric: true }),
    );
  // Each category that holds answers is a section (a root's own answers: a section named as the root).
  const exported = roots.map((root, position) => ({
    slug: `zammad-root-${root.id}`,
    names: titles(root.id, `Category ${root.id}`),
    position,
    sections: categories
      .filter((c) => rootOf(c.id) === root.id)
      .map((c) => ({
        slug: sectionSlug(c.id),
        names: titles(c.id, `Category ${c.id}`),
        position: Math.max(0, c.position ?? 0),
      })),
  }));
  const answers = new Map<string, SourceArticle>();
  for (const a of Object.values(doc.KnowledgeBaseAnswer)) {
    if (a.archived_at) continue;
    answers.set(a.id, {
      id: a.id,
      section: a.category_id && parentOf.has(a.category_id) ? sectionSlug(a.category_id) : null,
      internal: !!a.internal_at && !a.published_at,
      createdAt: iso(a.created_at, now),
      translations: [],
    });
  }
  const published = new Map(
    Object.values(doc.KnowledgeBaseAnswer).map((a) => [a.id, !!a.published_at || !!a.internal_at]),
  );
  for (const t of Object.values(doc.KnowledgeBaseAnswerTranslation)) {
    const answer = answers.get(t.answer_id);
    if (!answer) continue;
    const content = t.content_id ? doc.KnowledgeBaseAnswerTranslationContent[t.content_id] : undefined;
    answer.translations.push({
      language: kbLanguage(t.kb_locale_id),
      title: t.title,
      html: content?.body ?? '',
      published: published.get(t.answer_id) ?? false,
      createdAt: iso(t.created_at, now),
      author: t.created_by_id ?? 'unknown',
    });
  }
  return toExport(exported, [...answers.values()], 'zammad');
};
