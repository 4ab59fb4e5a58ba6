import type { ScopedDb } from '../../platform/scope.js';

/** A published article, who keeps it current (its owner) and who wrote its published text. */
export interface PublishedArticleOwnership {
  readonly articleId: string;
  readonly ownerId: string | null;
  readonly authorIds: readonly string[];
}

/**
 * The organization's published articles (at least one translation with a published version) with
 * their owner and the authors of every published or superseded version: the evidence behind exit
 * readiness's "knowledge articles owned by the client" (issue 11). Who is a vendor user is identity's
 * to say; the caller joins.
 */
export async function publishedArticleOwnership(s: ScopedDb): Promise<PublishedArticleOwnership[]> {
  const articles = await s
    .selectFrom('knowledge_articles')
    .select(['id', 'owner_id'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('knowledge_translations')
          .select('knowledge_translations.id')
          .whereRef('knowledge_translations.article_id', '=', 'knowledge_articles.id')
          .where('knowledge_translations.published_version', 'is not', null),
      ),
    )
    .orderBy('id')
    .execute();
  if (articles.length === 0) return [];
  const authors = await s
    .selectFrom('knowledge_versions')
    .select(['article_id', 'author_id'])
    .distinct()
    .where('status', 'in', ['published', 'superseded'])
    .where(
      'article_id',
      'in',
      articles.map((a) => a.id),
    )
    .execute();
  const byArticle = new Map<string, string[]>();
  for (const a of authors) byArticle.set(a.article_id, [...(byArticle.get(a.article_id) ?? []), a.author_id]);
  return articles.map((a) => ({
    articleId: a.id,
    ownerId: a.owner_id,
    authorIds: (byArticle.get(a.id) ?? []).sort(),
  }));
}
