import type { ColumnType } from 'kysely';
import { scopedTables } from '../../platform/scope.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/**
 * One record of an organization's tamper-evident log (decision 0024): `hash` = SHA-256 over the
 * previous record's hash and this record's canonical content (chain.ts). Append-only: a trigger
 * refuses UPDATE and DELETE.
 */
export interface AuditLogTable {
  organization_id: string;
  seq: ColumnType<number, number, never>;
  at: Timestamp;
  actor: string;
  action: string;
  subject_type: string;
  subject_id: string;
  /** The provider a record concerns (a contract's, a settlement's), or null. */
  provider_id: string | null;
  payload: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

/** The head of each organization's chain: last seq and hash (the anchor verify checks the tail against). */
export interface AuditHeadsTable {
  organization_id: string;
  seq: number;
  hash: string;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    audit_log: AuditLogTable;
    audit_heads: AuditHeadsTable;
  }
}

/** Administrators only: vendor staff see no audit table (no provider column is opened to them). */
export const auditScopedTables = scopedTables({
  audit_log: null,
  audit_heads: null,
});
