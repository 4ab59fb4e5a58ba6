import { canonicalLanguage } from '@shoreline/core';
import type { Clock } from '../../platform/clock.js';
import { notFound } from '../../platform/http/problem.js';
import type { ScopedDb } from '../../platform/scope.js';
import { authorize } from './policy.js';
import { plainText } from './render.js';
import type { KnowledgeSnippet } from './schemas.js';
import { settingsRow } from './service.js';

/** How much of an article an agent's reply quotes: about two sentences. */
export const SNIPPET_CHARS = 320;

/**
 * What an agent inserts into a reply (the Desk's "insert article"): the article's published text in
 * the customer's language — else the help center's default, else any published one — as a title,
 * a plain-text excerpt and its help-center address. An internal article has no public address: it
 * is for agents (the Desk lets them quote it only in internal notes).
 */
export async function articleSnippet(
  s: ScopedDb,
  clock: Clock,
  publicUrl: string,
  articleId: string,
  wanted: string | undefined,
): Promise<KnowledgeSnippet> {
  authorize(s.actor, 'knowledge.read', 'article');
  const article = await s.findOrNotFound('knowledge_articles', articleId, 'article');
  const translations = await s
    .selectFrom('knowledge_translations')
    .select(['language', 'title', 'body_md'])
    .where('article_id', '=', articleId)
    .where('published_version', 'is not', null)
    .execute();
  const settings = await settingsRow(s, clock);
  const language = wanted === undefined ? settings.default_language : (canonicalLanguage(wanted) ?? wanted);
  const shown =
    translations.find((t) => t.language === language) ??
    translations.find((t) => t.language.split('-')[0] === language.split('-')[0]) ??
    translations.find((t) => t.language === settings.default_language) ??
    translations[0];
  if (!shown) throw notFound('article');
  const text = plainText(shown.body_md ?? '');
  const excerpt =
    text.length <= SNIPPET_CHARS ? text : `${text.slice(0, SNIPPET_CHARS - 1).replace(/\s+\S*$/, '')}…`;
  return {
    articleId,
    slug: article.slug,
    language: shown.language,
    title: shown.title ?? '',
    excerpt,
    internal: article.internal,
    url: article.internal
      ? null
      : `${new URL(publicUrl).origin}/help/${settings.slug}/${shown.language}/articles/${article.slug}`,
  };
}
