import type { JobRow } from './job-definition.js';

const iso = (d: Date | string) => new Date(d).toISOString();

/** A job as admins and its owner see it: state, attempts and error, never its payload. */
export function presentJob(row: Omit<JobRow, 'payload' | 'result'>) {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    providerId: row.provider_id,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    progress: Number(row.progress),
    runAt: iso(row.run_at),
    lastError: row.last_error,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    finishedAt: row.finished_at ? iso(row.finished_at) : null,
  };
}
