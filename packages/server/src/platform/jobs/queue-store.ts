import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import type { JobRow } from './job-definition.js';

// A job's life: queued → running (claimed, leased) → done | queued again (backoff) | dead.
// Every state change after the claim is conditional on `locked_by`: a process whose lease expired
// and whose job another process took over can no longer complete or fail it.

/**
 * Takes up to `limit` due jobs for `workerId`: queued ones whose time has come, and running ones
 * whose lease expired (their process died). Oldest `run_at` first; rows another process is claiming
 * at the same moment are skipped (`FOR UPDATE SKIP LOCKED`), so no two processes take the same job.
 */
export async function claimDueJobs(
  db: Kysely<DB>,
  o: { workerId: string; names: readonly string[]; limit: number; now: Date; leaseMs: number },
): Promise<JobRow[]> {
  if (o.limit <= 0 || o.names.length === 0) return [];
  const now = o.now.toISOString();
  const until = new Date(o.now.getTime() + o.leaseMs).toISOString();
  const result = await sql<JobRow>`
    update jobs j set status = 'running', attempts = j.attempts + 1, locked_by = ${o.workerId},
      locked_until = ${until}, updated_at = ${now}
    from (
      select id from jobs
      where name in (${sql.join(o.names)})
        and ((status = 'queued' and run_at <= ${now}) or (status = 'running' and locked_until <= ${now}))
      order by run_at, id
      limit ${o.limit}
      for update skip locked
    ) due
    where j.id = due.id
    returning j.*`.execute(db);
  return result.rows.sort((a, b) => +new Date(a.run_at) - +new Date(b.run_at) || a.id.localeCompare(b.id));
}

/** Extends a running job's lease; false when this process no longer holds it. */
export async function renewLease(
  db: Kysely<DB>,
  id: string,
  workerId: string,
  until: Date,
): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ locked_until: until })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function recordProgress(db: Kysely<DB>, id: string, workerId: string, fraction: number) {
  await db
    .updateTable('jobs')
    .set({ progress: Math.max(0, Math.min(1, fraction)) })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

export async function completeJob(
  db: Kysely<DB>,
  o: { id: string; workerId: string; now: Date; resultText: string | null },
): Promise<void> {
  await sql`update jobs set status = 'done', progress = 1, result = ${o.resultText}::jsonb,
      locked_until = null, last_error = null, updated_at = ${o.now.toISOString()}, finished_at = ${o.now.toISOString()}
    where id = ${o.id} and locked_by = ${o.workerId} and status = 'running'`.execute(db);
}

/** Queues the job again at `retryAt`, or makes it a dead letter (retryAt null); the error is kept. */
export async function failJob(
  db: Kysely<DB>,
  o: { id: string; workerId: string; now: Date; error: string; retryAt: Date | null },
): Promise<void> {
  const now = o.now.toISOString();
  await db
    .updateTable('jobs')
    .set(
      o.retryAt
        ? { status: 'queued', run_at: o.retryAt, locked_until: null, last_error: o.error, updated_at: now }
        : { status: 'dead', locked_until: null, last_error: o.error, updated_at: now, finished_at: now },
    )
    .where('id', '=', o.id)
    .where('locked_by', '=', o.workerId)
    .where('status', '=', 'running')
    .execute();
}

/**
 * Hands back a job this process started but will not finish (graceful stop): due at once for
 * another process, and the interrupted attempt is not counted.
 */
export async function releaseJob(db: Kysely<DB>, id: string, workerId: string, now: Date): Promise<void> {
  await sql`update jobs set status = 'queued', run_at = ${now.toISOString()}, locked_until = null,
      attempts = greatest(attempts - 1, 0), updated_at = ${now.toISOString()}
    where id = ${id} and locked_by = ${workerId} and status = 'running'`.execute(db);
}

/**
 * On an embedded database only one process can be running: every `running` job is an orphan of a
 * previous process, so it is due at once instead of after its lease.
 */
export async function expireAllLeases(db: Kysely<DB>, now: Date): Promise<number> {
  const r = await db
    .updateTable('jobs')
    .set({ locked_until: now })
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
