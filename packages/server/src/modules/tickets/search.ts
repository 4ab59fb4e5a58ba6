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
  const newest = sql`created_at desc nulls last`;
  // Each branch keeps only its newest `limit` matches before the union: a common word ("refund" in
  // 3 % of a million tickets) then sorts a few hundred ids instead of joining all its matches
  // (4.9 s → 1.2 s on the benchmark's 1,000,000 tickets under load; BENCHMARKS.md).
  const branches = [
    s.selectFrom('tickets').select('id').where(sql<boolean>`search @@ ${words}`).orderBy(newest).limit(limit),
    s
      .selectFrom('ticket_messages')
      .select('ticket_id as id')
      .where(sql<boolean>`search @@ ${words}`)
      .orderBy(newest)
      .limit(limit),
  ];
  if (text.length >= TRIGRAM_MIN) {
    const pattern = `%${likeLiteral(text)}%`;
    branches.push(
      s.selectFrom('tickets').select('id').where('requester', 'ilike', pattern).orderBy(newest).limit(limit),
      s
        .selectFrom('tickets')
        .select('id')
        .where(sql<boolean>`coalesce(number, external_id) ilike ${pattern}`)
        .orderBy(newest)
        .limit(limit),
    );
  }
  // Each branch as a subquery: a union's operands may not carry their own order and limit.
  const [first, ...rest] = branches.map((b, i) => s.executor.selectFrom(b.as(`b${i}`)).select('id'));
  const ids = rest.reduce((all, b) => all.union(b as never), first!);
  const rows = await s
    .selectFrom('tickets')
    .selectAll()
    .where('id', 'in', ids as never)
    .orderBy(newest)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(presentTicket);
}
