import { canonicalLanguage, foldForSearch, queryWords } from '@shoreline/core';
import type { Clock } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import type { ScopedDb } from '../../platform/scope.js';
import { authorize } from './policy.js';
import type { KnowledgeSynonyms } from './schemas.js';

function lower(text: string, language: string): string {
  try {
    return text.toLocaleLowerCase(language);
  } catch {
    return text.toLowerCase();
  }
}

function tag(value: string): string {
  const canonical = canonicalLanguage(value);
  if (!canonical)
    throw new AppError(
      'validation_failed',
      'language: must be a language tag such as en or pt-BR',
      'language',
    );
  return canonical;
}

/** The synonym groups of one language, or of all, by language then first term. */
export async function listSynonyms(s: ScopedDb, language?: string): Promise<KnowledgeSynonyms[]> {
  const rows = await s
    .selectFrom('knowledge_synonyms')
    .select(['id', 'language', 'terms'])
    .$if(language !== undefined, (qb) => qb.where('language', '=', tag(language!)))
    .orderBy('language')
    .orderBy('id')
    .execute();
  return rows;
}

/** A group of terms one language treats as the same for search (admins). */
export async function createSynonyms(
  s: ScopedDb,
  clock: Clock,
  input: { language: string; terms: string[] },
): Promise<KnowledgeSynonyms> {
  authorize(s.actor, 'knowledge.manage', 'synonyms');
  const language = tag(input.language);
  const terms = [...new Set(input.terms.map((t) => lower(t.trim(), language)).filter((t) => t !== ''))];
  if (terms.length < 2)
    throw new AppError('validation_failed', 'terms: name at least two different terms', 'terms');
  if (terms.some((t) => queryWords(t).length === 0))
    throw new AppError('validation_failed', 'terms: each term needs a letter or a digit', 'terms');
  const id = newId('ksyn', clock.now().getTime());
  await s.insertInto('knowledge_synonyms', { id, language, terms, created_at: clock.now() }).execute();
  return { id, language, terms };
}

export async function deleteSynonyms(s: ScopedDb, id: string): Promise<void> {
  authorize(s.actor, 'knowledge.manage', 'synonyms');
  const gone = await s.deleteFrom('knowledge_synonyms').where('id', '=', id).executeTakeFirst();
  if (Number(gone.numDeletedRows) === 0) throw notFound('synonyms');
}

/**
 * The words a query gains from the language's synonym groups: when every word of a term is among
 * the query's words (compared without case or diacritics), the words of the group's other terms.
 * Pure: `groups` are the language's term lists.
 */
export function synonymWords(
  words: readonly string[],
  groups: readonly string[][],
  language: string,
): string[] {
  const fold = (w: string) => foldForSearch(w, language);
  const have = new Set(words.map(fold));
  const added = new Set<string>();
  for (const terms of groups) {
    const split = terms.map((t) => queryWords(lower(t, language), 20));
    if (!split.some((ws) => ws.length > 0 && ws.every((w) => have.has(fold(w))))) continue;
    for (const ws of split) for (const w of ws) if (!have.has(fold(w))) added.add(w);
  }
  return [...added];
}

/** The language's synonym groups, for search. */
export async function synonymGroups(s: ScopedDb, language: string): Promise<string[][]> {
  const rows = await s
    .selectFrom('knowledge_synonyms')
    .select('terms')
    .where('language', '=', language)
    .execute();
  return rows.map((r) => r.terms);
}
