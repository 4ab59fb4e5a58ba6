import { SEARCH_QUERY_CONFIGS } from '@shoreline/core';
import { sql } from 'kysely';
import type { ScopedDb } from '../../platform/scope.js';
import { presentTicket } from './presenters.js';

/** Shortest text the trigram indexes answer (pg_trgm needs three characters to use its index). */
const TRIGRAM_MIN = 3;

/** `%`, `_` and `\` taken literally in an ILIKE pattern. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The words of `text` as one query for tickets of every language: parsed with each configuration
 * tickets are indexed with (english, turkish, hungarian, simple) and OR-ed, so "faturalarım" meets a
 * Turkish ticket's stem and "számlák" a Hungarian one's, while one GIN index scan answers it.
 */
function wordsQuery(text: string) {
  const parts = SEARCH_QUERY_CONFIGS.map(
    (config) => sql`websearch_to_tsquery(${sql.lit(config)}::regconfig, ${text})`,
  );
  return sql`(${sql.join(parts, sql` || `)})`;
}

/**
 * How many of the newest tickets (and messages) the first look reads: a word in at least 1 in
 * WINDOW / limit of them (1 % for a page of 50) yields its newest `limit` matches there, exactly.
 */
export const SEARCH_WINDOW = 5_000;

/**
 * Tickets matching `text`, newest first, within the caller's scope (vendor staff: their provider's
 * tickets and messages only): words in the subject, description or any message (full-text, per
 * language), or any part of the requester's name or address, the ticket number or external id
 * (trigram). Each branch keeps its newest `limit` matches; their union is ordered and cut to `limit`.
 */
export async function searchTickets(s: ScopedDb, text: string, limit: number, window = SEARCH_WINDOW) {
  const words = wordsQuery(text);
  const newest = sql`created_at desc nulls last`;
  const matches = sql<boolean>`search @@ ${words}`;
  /**
   * A full-text branch in two steps. First the newest SEARCH_WINDOW rows in scope (an index scan on
   * (organization_id, created_at)) filtered by the words: a common word ("refund" in 3 % of a
   * million tickets) has its newest `limit` matches there, and those are exactly the newest overall,
   * since every match outside is older. Only a rarer word, with fewer in the window, asks the GIN
   * index for all its matches — few, by then, so sorting them is cheap. Before: every match read
   * and sorted, 1.0–3.4 s for common words on 1,000,000 tickets (BENCHMARKS.md).
   */
  const fullText = async (table: 'tickets' | 'ticket_messages') => {
    const idColumn = table === 'tickets' ? 'id' : 'ticket_id';
    const newestRows = s
      .selectFrom(table as 'tickets')
      .select([
        sql<string>`${sql.ref(idColumn)}`.as('id'),
        sql<unknown>`search`.as('search'),
        sql<Date>`created_at`.as('created_at'),
      ])
      // Dated rows only, `desc` (nulls first) so the (organization_id, created_at) index is read
      // backwards: undated rows sort last in the answer anyway, so a full page here is still exact.
      .where('created_at', 'is not', null)
      .orderBy(sql`created_at desc`)
      .limit(window);
    const recent = await s.executor
      .selectFrom(newestRows.as('w'))
      .select('id')
      .where(matches)
      .orderBy(newest)
      .limit(limit)
      .execute();
    if (recent.length >= limit) return recent.map((r) => r.id);
    const all = await s
      .selectFrom(table as 'tickets')
      .select(sql<string>`${sql.ref(idColumn)}`.as('id'))
      .where(matches)
      .orderBy(newest)
      .limit(limit)
      .execute();
    return all.map((r) => r.id);
  };
  const branches: Promise<string[]>[] = [fullText('tickets'), fullText('ticket_messages')];
  if (text.length >= TRIGRAM_MIN) {
    const pattern = `%${likeLiteral(text)}%`;
    const ids = async (q: { execute(): Promise<{ id: string }[]> }) => (await q.execute()).map((r) => r.id);
    branches.push(
      ids(
        s
          .selectFrom('tickets')
          .select('id')
          .where('requester', 'ilike', pattern)
          // The trigram indexes hold indexed rows only (an import's rows once their job ran).
          .where(sql<boolean>`search is not null`)
          .orderBy(newest)
          .limit(limit),
      ),
      ids(
        s
          .selectFrom('tickets')
          .select('id')
          .where(sql<boolean>`coalesce(number, external_id) ilike ${pattern}`)
          .where(sql<boolean>`search is not null`)
          .orderBy(newest)
          .limit(limit),
      ),
    );
  }
  // At most 4 × limit ids: one bounded read of the tickets they name.
  const ids = [...new Set((await Promise.all(branches)).flat())];
  if (ids.length === 0) return [];
  const rows = await s
    .selectFrom('tickets')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy(newest)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(presentTicket);
}
