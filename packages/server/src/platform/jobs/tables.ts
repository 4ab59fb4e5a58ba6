import type { ColumnType } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../db/columns.js';
import { scopedTables } from '../scope.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'dead' | 'cancelled';

/** One unit of background work; see queue-store.ts for its life. */
export interface JobsTable {
  /** `job_…` */
  id: string;
  /** Null for system jobs (recurring maintenance); such jobs are seen by no API caller. */
  organization_id: string | null;
  /** The provider the job's data belongs to, so vendor staff see only their provider's jobs. */
  provider_id: string | null;
  /** The user who asked for it (results of a calculation belong to them), or null. */
  created_by: string | null;
  /** Which handler runs it, `module.what`, e.g. `insight.import`. */
  name: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  status: JobStatus;
  run_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: number;
  locked_until: NullableTimestamp;
  locked_by: string | null;
  last_error: string | null;
  idempotency_key: string | null;
  /** 0–1, as the handler reports it. */
  progress: ColumnType<number, number | undefined, number>;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: NullableTimestamp;
}

declare module '../db/schema.js' {
  interface DB {
    jobs: JobsTable;
  }
}

/** Jobs carry the provider their data belongs to: vendor staff see only their provider's jobs. */
export const jobsScopedTables = scopedTables({ jobs: 'provider_id' });
