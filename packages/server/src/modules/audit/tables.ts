import type { ColumnType } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/columns.js';
import { scopedTables } from '../../platform/scope.js';

/** What a record says, in the log and while it waits to join it: the columns its hash covers. */
interface AuditContentColumns {
  at: Timestamp;
  actor: string;
  action: string;
  subject_type: string;
  subject_id: string;
  /** The provider a record concerns (a contract's, a settlement's), or null. */
  provider_id: string | null;
  payload: Json<Record<string, unknown>>;
}

/**
 * One record of an organization's tamper-evident log (decision 0024): `hash` = SHA-256 over the
 * previous record's hash and this record's canonical content (chain.ts). Append-only: a trigger
 * refuses UPDATE and DELETE.
 */
export interface AuditLogTable extends AuditContentColumns {
  organization_id: string;
  seq: ColumnType<number, number, never>;
  prev_hash: string;
  hash: string;
}

/** The head of each organization's chain: last seq and hash (the anchor verify checks the tail against). */
export interface AuditHeadsTable {
  organization_id: string;
  seq: number;
  hash: string;
}

/**
 * Records waiting to join the chain (decision 0039): a read too frequent to lock the chain's head in
 * its request (a vendor opening a ticket) is one plain insert here; the `audit.flush` job moves them
 * into the chain in order, in one transaction per batch, so none is lost or doubled.
 */
export interface AuditPendingTable extends AuditContentColumns {
  id: string;
  organization_id: string;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    audit_log: AuditLogTable;
    audit_heads: AuditHeadsTable;
    audit_pending: AuditPendingTable;
  }
}

/** Administrators only: vendor staff see no audit table (no provider column is opened to them). */
export const auditScopedTables = scopedTables({
  audit_log: null,
  audit_heads: null,
  audit_pending: null,
});
