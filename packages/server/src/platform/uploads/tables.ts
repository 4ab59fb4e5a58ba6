import type { ColumnType } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../db/columns.js';
import { scopedTables } from '../scope.js';

/**
 * A file a user sent, kept in the database so that every server process (several stateless ones
 * may share one PostgreSQL) can read it, and a job can resume from it after a restart.
 */
export interface UploadsTable {
  /** `upl_…` */
  id: string;
  organization_id: string;
  provider_id: string | null;
  created_by: string | null;
  file_name: string;
  /** Bytes received: of a resumable upload, the first bytes of the file stored without a gap. */
  bytes: number;
  /** The file's whole size, declared when a resumable upload starts (null: sent in one request). */
  size: ColumnType<number | null, number | null | undefined, number | null>;
  sha256: string | null;
  status: 'receiving' | 'complete';
  created_at: Timestamp;
  completed_at: NullableTimestamp;
}

/** The file's bytes in order, about 1 MiB a row. Read only through store.ts, after a scoped check. */
export interface UploadChunksTable {
  upload_id: string;
  organization_id: string;
  seq: number;
  data: Uint8Array;
}

declare module '../db/schema.js' {
  interface DB {
    uploads: UploadsTable;
    upload_chunks: UploadChunksTable;
  }
}

/** Uploads are their uploader's provider's; the chunks are read only through store.ts. */
export const uploadsScopedTables = scopedTables({ uploads: 'provider_id' });
