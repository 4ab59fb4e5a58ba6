import { type Kysely, sql, type Transaction } from 'kysely';
import type { Clock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/connect.js';
import type { DB } from '../../../platform/db/schema.js';
import { enqueueJob, type JobContext, type JobDefinition } from '../../../platform/jobs/index.js';

/** The job that fills the search vectors an import left empty (one per organization and run). */
export const SEARCH_INDEX_JOB = 'tickets.index_search';

/**
 * Rows per statement. PGlite runs the database on the server's thread, so its statements stay
 * short (a few tens of milliseconds) and the loop yields between them.
 */
const BATCH = { postgres: 2_000, pglite: 250 } as const;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Fills `search` for an organization's tickets and messages whose vector is still null (written by
 * an import, which defers it: migration `tickets_search_deferred`), a batch per statement, until
 * none is left or `signal` aborts. The same expressions as the live triggers; rows another worker
 * holds are skipped (`for update skip locked`). Neither the subject nor the body changes, so the
 * data version and KPI caches are untouched. Resolves to the rows indexed.
 */
export async function indexPendingSearch(
  database: Database,
  organizationId: string,
  signal?: AbortSignal,
): Promise<{ tickets: number; messages: number }> {
  const db = database.db;
  const batch = database.pool ? BATCH.postgres : BATCH.pglite;
  /** Runs `update` a batch at a time until it changes no row or `signal` aborts; the rows changed. */
  const untilDone = async (update: () => Promise<{ numAffectedRows?: bigint }>) => {
    let rows = 0;
    for (;;) {
      if (signal?.aborted) break;
      const n = Number((await update()).numAffectedRows ?? 0);
      rows += n;
      if (n === 0) break;
      await yieldToEventLoop();
    }
    return rows;
  };
  const tickets = await untilDone(() =>
    sql`
      update tickets set search = shoreline_ticket_search(language, subject, description)
      where id in (
        select id from tickets where organization_id = ${organizationId} and search is null
        limit ${batch} for update skip locked)`.execute(db),
  );
  const messages = await untilDone(() =>
    sql`
      update ticket_messages m set search = to_tsvector(
        shoreline_text_config((select t.language from tickets t where t.id = m.ticket_id)), coalesce(m.body, ''))
      where m.id in (
        select id from ticket_messages where organization_id = ${organizationId} and search is null
        limit ${batch} for update skip locked)`.execute(db),
  );
  return { tickets, messages };
}

/** How many of an organization's tickets and messages still wait for their search vector. */
export async function pendingSearchCount(
  db: Kysely<DB>,
  organizationId: string,
): Promise<{ tickets: number; messages: number }> {
  const r = await sql<{ tickets: number; messages: number }>`
    select
      (select count(*)::int from tickets where organization_id = ${organizationId} and search is null) as tickets,
      (select count(*)::int from ticket_messages where organization_id = ${organizationId} and search is null) as messages`.execute(
    db,
  );
  return r.rows[0] ?? { tickets: 0, messages: 0 };
}

/**
 * Asks for the organization's pending search vectors to be filled after an import run (in the
 * transaction that ends the run, so the job exists exactly when the run's end does).
 */
export async function scheduleSearchIndexing(
  db: Kysely<DB> | Transaction<DB>,
  clock: Clock,
  organizationId: string,
  runId: string,
): Promise<void> {
  await enqueueJob(db, clock, {
    name: SEARCH_INDEX_JOB,
    organizationId,
    idempotencyKey: `run:${runId}`,
  });
}

export const searchIndexJob: JobDefinition = {
  name: SEARCH_INDEX_JOB,
  async handler(_payload, ctx: JobContext) {
    const organizationId = ctx.job.organizationId;
    if (!organizationId) return { skipped: 'no organization' };
    const indexed = await indexPendingSearch(ctx.database, organizationId, ctx.signal);
    // Stopped half-way (shutdown, timeout): fail the attempt so the rest is indexed on a retry,
    // never marked done with rows left pending.
    if (ctx.signal.aborted) throw new Error(`stopped after ${indexed.tickets} tickets; the rest on a retry`);
    return indexed;
  },
};
