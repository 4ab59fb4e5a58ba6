import { foldForSearch, knowledgeTextConfig, queryWords } from '@shoreline/core';
import { sql } from 'kysely';
import type { ScopedDb } from '../../platform/scope.js';
import { plainText } from './render.js';
import type { KnowledgeSearchHit } from './schemas.js';
import { synonymGroups, synonymWords } from './synonyms.js';

/**
 * Below this trigram word similarity (pg_trgm `word_similarity`, 0–1) a translation that shares
 * no stemmed word with the query is not a match. 0.45 lets one wrong, missing or extra letter in a
 * word of six or more through ("unuttm" → "unuttum"), chosen on the judged set (BENCHMARKS.md).
 */
export const TYPO_SIMILARITY = 0.45;

export interface SearchOptions {
  q: string;
  language: string;
  limit: number;
  /** Staff see internal articles too; the public help center never does. */
  includeInternal: boolean;
  /** Match by letters (trigrams) too; default true. Off: words only (the bench's comparison). */
  typoTolerance?: boolean;
}

/**
 * Published translations in one language matching `q`, best first. Two ways to match, one score:
 * - words: each query word parsed with the language's configuration (core knowledgeTextConfig:
 *   Turkish, Hungarian, English… stemmers; `simple` where PostgreSQL has none), as a prefix
 *   (`word:*`, so a half-typed word or an inflected Latvian form finds its stem), OR-ed and
 *   ranked by `ts_rank_cd` with the title weighing more (A) than the body (B);
 * - letters: trigram word similarity (pg_trgm) between the folded query (core foldForSearch: no
 *   case, no diacritics) and the folded article — of the query as one run of text, or the mean
 *   of its words' each, whichever is higher — which forgives typos and missing Turkish letters.
 * Synonyms: the language's admin-managed groups add their other terms' words to the words branch.
 * Score = ts_rank_cd + 0.6 × that similarity + 0.05 × helpfulness ((yes + 1) / (yes + no + 2),
 * Laplace's rule of succession), so helpful articles win ties. Decision 0022.
 */
export async function searchArticles(s: ScopedDb, options: SearchOptions): Promise<KnowledgeSearchHit[]> {
  const config = knowledgeTextConfig(options.language);
  let lower: string;
  try {
    lower = options.q.toLocaleLowerCase(options.language);
  } catch {
    lower = options.q.toLowerCase();
  }
  const words = queryWords(lower);
  const folded = foldForSearch(words.join(' '), options.language);
  if (words.length === 0 || folded === '') return [];
  // The language's synonyms widen the words branch only (a synonym is not a typo of the query).
  const synonyms = synonymWords(words, await synonymGroups(s, options.language), options.language);
  const tsquery = sql.join(
    [...words, ...synonyms].map((w) => sql`to_tsquery(${sql.lit(config)}::regconfig, ${`${w}:*`})`),
    sql` || `,
  );
  // Each word alone too: a word found anywhere counts, not only the query as one run of text
  // (Hebrew attaches ה, ו, ב, ל to the next word: "מעקב" is found inside "המעקב").
  const foldedWords = [...new Set(folded.split(' '))];
  const perWord = sql.join(
    foldedWords.map((w) => sql`word_similarity(${w}::text, t.search_folded)`),
    sql` + `,
  );
  const similarity =
    options.typoTolerance === false
      ? sql<number>`0`
      : sql<number>`greatest(word_similarity(q.f, t.search_folded), (${perWord}) / ${foldedWords.length}::float8)`;
  const rows = await s.executor
    .with('q', (db) =>
      db.selectNoFrom([sql<unknown>`(${tsquery})`.as('tsq'), sql<string>`${folded}::text`.as('f')]),
    )
    .selectFrom('knowledge_translations as t')
    .innerJoin('knowledge_articles as a', 'a.id', 't.article_id')
    .innerJoin('q', (join) => join.onTrue())
    .select([
      't.article_id',
      'a.slug',
      't.language',
      't.title',
      't.body_md',
      'a.internal',
      sql<number>`ts_rank_cd(t.search, q.tsq)
        + 0.6 * ${similarity}
        + 0.05 * (t.helpful_yes + 1)::float8 / (t.helpful_yes + t.helpful_no + 2)`.as('score'),
    ])
    .where(s.condition('knowledge_translations', 't'))
    .where(s.condition('knowledge_articles', 'a'))
    .where('t.language', '=', options.language)
    .where('t.published_version', 'is not', null)
    .$if(!options.includeInternal, (qb) => qb.where('a.internal', '=', false))
    .where(
      options.typoTolerance === false
        ? sql<boolean>`t.search @@ q.tsq`
        : sql<boolean>`(t.search @@ q.tsq or ${similarity} >= ${TYPO_SIMILARITY})`,
    )
    .orderBy('score', 'desc')
    .orderBy('a.slug')
    .limit(options.limit)
    .execute();
  return rows.map((r) => ({
    articleId: r.article_id,
    slug: r.slug,
    language: r.language,
    title: r.title ?? '',
    snippet: snippet(r.body_md ?? ''),
    internal: r.internal,
    score: Number(r.score),
  }));
}

function snippet(markdown: string): string {
  const text = plainText(markdown);
  return text.length <= 160 ? text : `${text.slice(0, 159).replace(/\s+\S*$/, '')}…`;
}
