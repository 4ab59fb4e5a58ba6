import { createHash } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import { isoOrNull } from '../../platform/db/columns.js';
import { AppError } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import type { ScopedDb } from '../../platform/scope.js';
import { ALLOWED_FILE_TYPES } from './files.js';
import { authorize } from './policy.js';
import { day } from './presenters.js';
import type { KnowledgeExport } from './schemas.js';
import { publishedText } from './service.js';

/**
 * The whole knowledge base in the documented format (docs/knowledge-export.md): categories with
 * sections, articles with every translation and every version. Sorted by slug, language and
 * version number, so two exports of the same content are byte-identical.
 */
export async function exportKnowledge(s: ScopedDb): Promise<KnowledgeExport> {
  authorize(s.actor, 'knowledge.manage', 'knowledge base');
  const [categories, sections, articles, translations, versions, synonyms, files] = await Promise.all([
    s.selectFrom('knowledge_categories').selectAll().orderBy('slug').execute(),
    s.selectFrom('knowledge_sections').selectAll().orderBy('slug').execute(),
    s.selectFrom('knowledge_articles').selectAll().orderBy('slug').execute(),
    s.selectFrom('knowledge_translations').selectAll().orderBy('language').execute(),
    s.selectFrom('knowledge_versions').selectAll().orderBy('language').orderBy('number').execute(),
    s.selectFrom('knowledge_synonyms').select(['language', 'terms']).execute(),
    s
      .selectFrom('knowledge_files')
      .select(['sha256', 'file_name', 'content_type', 'content'])
      .orderBy('sha256')
      .execute(),
  ]);
  const sectionSlug = new Map(sections.map((x) => [x.id, x.slug]));
  return {
    format: 'shoreline-knowledge',
    version: 1,
    categories: categories.map((c) => ({
      slug: c.slug,
      names: c.names,
      position: c.position,
      sections: sections
        .filter((x) => x.category_id === c.id)
        .map((x) => ({ slug: x.slug, names: x.names, position: x.position })),
    })),
    articles: articles.map((a) => ({
      slug: a.slug,
      section: a.section_id === null ? null : (sectionSlug.get(a.section_id) ?? null),
      ownerId: a.owner_id,
      reviewBy: day(a.review_by),
      internal: a.internal,
      createdAt: isoOrNull(a.created_at)!,
      translations: translations
        .filter((t) => t.article_id === a.id)
        .map((t) => ({
          language: t.language,
          status: t.status,
          publishedVersion: t.published_version,
          publishedAt: isoOrNull(t.published_at),
          versions: versions
            .filter((v) => v.translation_id === t.id)
            .map((v) => ({
              number: v.number,
              title: v.title,
              body: v.body_md,
              status: v.status,
              authorId: v.author_id,
              reviewerId: v.reviewer_id,
              restoredFrom: v.restored_from,
              createdAt: isoOrNull(v.created_at)!,
            })),
        })),
    })),
    files: files.map((f) => ({
      sha256: f.sha256,
      fileName: f.file_name,
      contentType: f.content_type,
      contentBase64: Buffer.from(f.content).toString('base64'),
    })),
    synonyms: synonyms
      .map((x) => ({ language: x.language, terms: x.terms }))
      .sort(
        (a, b) =>
          a.language.localeCompare(b.language) || a.terms.join('\n').localeCompare(b.terms.join('\n')),
      ),
  };
}

/**
 * Loads an export into an organization whose knowledge base is empty (the exit plan's other end):
 * every article, translation and version as it was, published text re-rendered from its version.
 * Refused (conflict, naming `articles`) when the organization already has articles.
 */
export async function importKnowledge(
  s: ScopedDb,
  clock: Clock,
  doc: KnowledgeExport,
): Promise<{ categories: number; articles: number; versions: number }> {
  authorize(s.actor, 'knowledge.manage', 'knowledge base');
  return s.transaction(async (tx) => {
    const existing = await tx.selectFrom('knowledge_articles').select('id').limit(1).execute();
    if (existing.length > 0)
      throw new AppError(
        'conflict',
        'articles: the knowledge base is not empty; import into an empty one',
        'articles',
      );
    const now = clock.now().getTime();
    const sectionIds = new Map<string, string>();
    for (const c of doc.categories) {
      const categoryId = newId('kcat', now);
      await tx
        .insertInto('knowledge_categories', {
          id: categoryId,
          slug: c.slug,
          names: JSON.stringify(c.names),
          position: c.position,
          created_at: new Date(now),
        })
        .execute();
      for (const x of c.sections) {
        const id = newId('ksec', now);
        sectionIds.set(x.slug, id);
        await tx
          .insertInto('knowledge_sections', {
            id,
            category_id: categoryId,
            slug: x.slug,
            names: JSON.stringify(x.names),
            position: x.position,
            created_at: new Date(now),
          })
          .execute();
      }
    }
    let versionCount = 0;
    for (const [i, a] of doc.articles.entries()) {
      const articleId = newId('kart', now);
      const sectionId = a.section === null ? null : (sectionIds.get(a.section) ?? null);
      if (a.section !== null && sectionId === null)
        throw new AppError(
          'validation_failed',
          `articles.${i}.section: no section ${a.section}`,
          `articles.${i}.section`,
        );
      await tx
        .insertInto('knowledge_articles', {
          id: articleId,
          section_id: sectionId,
          slug: a.slug,
          owner_id: a.ownerId,
          review_by: a.reviewBy,
          internal: a.internal,
          created_at: a.createdAt,
          updated_at: new Date(now),
        })
        .execute();
      for (const [j, t] of a.translations.entries()) {
        const translationId = newId('ktr', now);
        const latest = t.versions.reduce((m, v) => Math.max(m, v.number), 0);
        const published =
          t.publishedVersion === null ? undefined : t.versions.find((v) => v.number === t.publishedVersion);
        if (t.publishedVersion !== null && !published)
          throw new AppError(
            'validation_failed',
            `articles.${i}.translations.${j}.publishedVersion: no version ${t.publishedVersion}`,
            `articles.${i}.translations.${j}.publishedVersion`,
          );
        await tx
          .insertInto('knowledge_translations', {
            id: translationId,
            article_id: articleId,
            language: t.language,
            latest_version: latest,
            status: t.status,
            published_version: t.publishedVersion,
            published_at: t.publishedAt,
            ...(published
              ? publishedText(t.language, published.title, published.body)
              : { search_config: publishedText(t.language, '', '').search_config }),
            updated_at: new Date(now),
          })
          .execute();
        await tx
          .insertInto(
            'knowledge_versions',
            t.versions.map((v) => ({
              translation_id: translationId,
              article_id: articleId,
              language: t.language,
              number: v.number,
              title: v.title,
              body_md: v.body,
              status: v.status,
              author_id: v.authorId,
              reviewer_id: v.reviewerId,
              restored_from: v.restoredFrom,
              created_at: v.createdAt,
            })),
          )
          .execute();
        versionCount += t.versions.length;
      }
    }
    for (const [i, f] of (doc.files ?? []).entries()) {
      const content = Buffer.from(f.contentBase64, 'base64');
      if (!ALLOWED_FILE_TYPES[f.contentType])
        throw new AppError(
          'validation_failed',
          `files.${i}.contentType: not an allowed type`,
          `files.${i}.contentType`,
        );
      // Content-addressed: a file must be what its name says.
      if (createHash('sha256').update(content).digest('hex') !== f.sha256)
        throw new AppError(
          'validation_failed',
          `files.${i}.sha256: does not match the content`,
          `files.${i}.sha256`,
        );
      await tx
        .insertInto('knowledge_files', {
          sha256: f.sha256,
          file_name: f.fileName,
          content_type: f.contentType,
          size_bytes: content.length,
          content,
          created_at: new Date(now),
        })
        .execute();
    }
    for (const x of doc.synonyms ?? [])
      await tx
        .insertInto('knowledge_synonyms', {
          id: newId('ksyn', now),
          language: x.language,
          terms: x.terms,
          created_at: new Date(now),
        })
        .execute();
    return { categories: doc.categories.length, articles: doc.articles.length, versions: versionCount };
  });
}
