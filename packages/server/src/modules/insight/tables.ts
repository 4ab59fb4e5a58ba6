import type { ColumnType, Generated } from 'kysely';
import { scopedTables } from '../../platform/scope.js';
import type { ImportFindings } from './import/findings.js';
import type { ImportErrorCode } from './import/import-error.js';
import type { Detected } from './import/sniff-format.js';

type Instant = ColumnType<Date, Date | string | undefined, Date | string>;

/** One run of an import: its progress, resume point (committed_units) and cumulative counts. */
export interface ImportRunsTable {
  id: string;
  organization_id: string;
  source: string;
  format: string;
  file_name: string;
  file_sha256: string;
  file_bytes: number;
  status: 'running' | 'done' | 'failed';
  /** Source units (records, or tickets for whole-file formats) committed: a re-run resumes after them. */
  committed_units: ColumnType<number, number | undefined, number>;
  bytes_done: ColumnType<number, number | undefined, number>;
  records_read: ColumnType<number, number | undefined, number>;
  tickets_upserted: ColumnType<number, number | undefined, number>;
  rows_rejected: ColumnType<number, number | undefined, number>;
  quality: ColumnType<Record<string, number>, string, string>;
  /** ImportFindings as JSON (`{}` until the run is done). */
  findings: ColumnType<Partial<ImportFindings>, string | undefined, string>;
  error: string | null;
  /** Why the run failed, as a code the web app translates (null: done, running, or failed before codes). */
  error_code: ColumnType<ImportErrorCode | null, ImportErrorCode | null | undefined, ImportErrorCode | null>;
  /** The field or column the failure is about (a mapping's column, `(encoding)`), if any. */
  error_field: ColumnType<string | null, string | null | undefined, string | null>;
  /** What the file looks like (sniffed) when a failure may come from choosing the wrong format. */
  detected: ColumnType<Detected | null, string | null | undefined, string | null>;
  started_at: Instant;
  updated_at: Instant;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ImportRejectsTable {
  id: Generated<number>;
  organization_id: string;
  import_run_id: string;
  file: string;
  line: number;
  field: string;
  reason: string;
}

/** Source group / agent / agent e-mail domain → Shoreline provider and team. */
export interface ProviderMappingsTable {
  id: string;
  organization_id: string;
  provider_id: string;
  team_id: string | null;
  source: string;
  match_kind: 'group' | 'agent' | 'email_domain' | 'default';
  match_value: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    import_runs: ImportRunsTable;
    import_rejects: ImportRejectsTable;
    provider_mappings: ProviderMappingsTable;
  }
}

/** How each table is scoped (platform/scope.ts): the column naming its provider. */
export const insightScopedTables = scopedTables({
  import_runs: null,
  import_rejects: null,
  provider_mappings: 'provider_id',
});
