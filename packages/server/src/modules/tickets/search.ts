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
 * Tickets matching `text`, newest first, within the caller's scope (vendor staff: their provider's
 * tickets and messages only): words in the subject, description or any message (full-text, per
 * language), or any part of the requester's name or address, the ticket number or external id
 * (trigram). Each branch is an index scan; their union is ordered and cut to `limit`.
 */
export async function searchTickets(s: ScopedDb, text: string, limit: number) {
  const words = wordsQuery(text);
  let ids = s
    .selectFrom('tickets')
    .select('id')
    .where(sql<boolean>`search @@ ${words}`)
    .union(s.selectFrom('ticket_messages').select('ticket_id as id').where(sql<boolean>`search @@ ${words}`));
  if (text.length >= TRIGRAM_MIN) {
    const pattern = `%${likeLiteral(text)}%`;
    ids = ids
      .union(s.selectFrom('tickets').select('id').where('requester', 'ilike', pattern))
      .union(
        s
          .selectFrom('tickets')
          .select('id')
          .where(sql<boolean>`coalesce(number, external_id) ilike ${pattern}`),
      );
  }
  const rows = await s
    .selectFrom('tickets')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy(sql`created_at desc nulls last`)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(presentTicket);
}
