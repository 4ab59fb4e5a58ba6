import { type Kysely, sql, type Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { DB } from '../db/schema.js';
import { newId } from '../ids.js';

/** The channel a process LISTENs on to learn that a job was enqueued (delivered at commit). */
export const JOBS_CHANNEL = 'shoreline_jobs';

export interface NewJob {
  name: string;
  payload?: Record<string, unknown>;
  /** Null (or absent) for a system job. */
  organizationId?: string | null;
  providerId?: string | null;
  createdBy?: string | null;
  /** When it may run; default now. */
  runAt?: Date;
  maxAttempts?: number;
  /** A second enqueue with the same key (per organization and name) returns the first job. */
  idempotencyKey?: string;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * Adds a job. Call it with the transaction that makes the change the job is about, so the job
 * exists exactly when the change committed. With an idempotency key, a job already enqueued under
 * it (in the same organization, same name) is returned instead, and `created` is false.
 */
export async function enqueueJob(
  db: Kysely<DB> | Transaction<DB>,
  clock: Clock,
  job: NewJob,
): Promise<{ id: string; created: boolean }> {
  const now = clock.now();
  const id = newId('job', now.getTime());
  const organizationId = job.organizationId ?? null;
  const key = job.idempotencyKey ?? null;
  const inserted = await sql<{ id: string }>`
    insert into jobs (id, organization_id, provider_id, created_by, name, payload, status, run_at,
      max_attempts, idempotency_key, created_at, updated_at)
    values (${id}, ${organizationId}, ${job.providerId ?? null}, ${job.createdBy ?? null}, ${job.name},
      ${JSON.stringify(job.payload ?? {})}::jsonb, 'queued', ${(job.runAt ?? now).toISOString()},
      ${job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS}, ${key}, ${now.toISOString()}, ${now.toISOString()})
    on conflict (coalesce(organization_id, ''), name, idempotency_key) where idempotency_key is not null
    do nothing
    returning id`.execute(db);
  if (inserted.rows[0]) {
    // NOTIFY inside a transaction is delivered at commit, so a woken runner finds the row.
    await notifyJobs(db, job.name);
    return { id, created: true };
  }
  const existing = await db
    .selectFrom('jobs')
    .select('id')
    .where(sql<boolean>`coalesce(organization_id, '') = ${organizationId ?? ''}`)
    .where('name', '=', job.name)
    .where('idempotency_key', '=', key)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

/** Wakes the runners of every process (at commit, when called in a transaction). */
export async function notifyJobs(db: Kysely<DB> | Transaction<DB>, name = ''): Promise<void> {
  await sql`select pg_notify(${JOBS_CHANNEL}, ${name})`.execute(db);
}
