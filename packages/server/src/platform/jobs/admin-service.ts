import { sql } from 'kysely';
import type { Clock } from '../clock.js';
import { AppError, notFound, oneOrNotFound } from '../http/problem.js';
import type { ScopedDb } from '../scope.js';
import { jobsPolicy } from './policy.js';
import { presentJob } from './presenters.js';
import type { JobStatus } from './tables.js';

const STATUSES: JobStatus[] = ['queued', 'running', 'done', 'dead', 'cancelled'];
/** Every column of a job but its payload and result (either may be large): what lists show. */
export const JOB_SUMMARY_COLUMNS = [
  'id',
  'organization_id',
  'provider_id',
  'created_by',
  'name',
  'status',
  'run_at',
  'attempts',
  'max_attempts',
  'locked_until',
  'locked_by',
  'last_error',
  'idempotency_key',
  'progress',
  'created_at',
  'updated_at',
  'finished_at',
] as const;

function assertMayWatchJobs(scoped: ScopedDb): void {
  if (!jobsPolicy['job.read'](scoped.actor)) throw notFound('job');
}

/** Counts per status, the dead letters (newest first) and the latest jobs, within the caller's scope. */
export async function jobOverview(scoped: ScopedDb) {
  assertMayWatchJobs(scoped);
  const counted = await scoped
    .selectFrom('jobs')
    .select(['status', sql<number>`count(*)`.as('n')])
    .groupBy('status')
    .execute();
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const c of counted) counts[c.status] = Number(c.n);
  const deadLetters = await scoped
    .selectFrom('jobs')
    .select(JOB_SUMMARY_COLUMNS)
    .where('status', '=', 'dead')
    .orderBy('updated_at', 'desc')
    .limit(100)
    .execute();
  const recent = await scoped
    .selectFrom('jobs')
    .select(JOB_SUMMARY_COLUMNS)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  return { counts, deadLetters: deadLetters.map(presentJob), recent: recent.map(presentJob) };
}

/**
 * A dead (or cancelled) job queued again with fresh attempts, due now. The caller wakes the runners
 * (`notifyJobs`) once this committed.
 * @throws AppError `conflict` naming `status` when the job is not a dead letter.
 */
export async function retryJob(scoped: ScopedDb, clock: Clock, id: string) {
  assertMayWatchJobs(scoped);
  const now = clock.now();
  const updated = await scoped
    .updateTable('jobs')
    .set({
      status: 'queued',
      attempts: 0,
      run_at: now,
      locked_until: null,
      locked_by: null,
      updated_at: now,
      finished_at: null,
    })
    .where('id', '=', id)
    .where('status', 'in', ['dead', 'cancelled'])
    .returning(JOB_SUMMARY_COLUMNS)
    .executeTakeFirst();
  if (updated) return presentJob(updated);
  const exists = await oneOrNotFound(scoped.selectFrom('jobs').select('status').where('id', '=', id), 'job');
  throw new AppError(
    'conflict',
    `only a dead or cancelled job can be retried; this one is ${exists.status}`,
    'status',
  );
}
