import { createHash } from 'node:crypto';

/** What a record's hash covers (everything but its position `seq` and its own hash). */
export interface AuditContent {
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly providerId: string | null;
  readonly payload: unknown;
}

/** The hashed columns of a stored record, as `audit_log` and `audit_pending` both hold them. */
export interface StoredAuditContent {
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly subject_type: string;
  readonly subject_id: string;
  readonly provider_id: string | null;
  readonly payload: unknown;
}

/** A stored record's content, as its hash was computed over it (verify and the flush read it back). */
export function storedContent(row: StoredAuditContent): AuditContent {
  return {
    at: row.at,
    actor: row.actor,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    providerId: row.provider_id,
    payload: row.payload,
  };
}

/** The chain's start: the previous hash of an organization's first record. */
export const GENESIS = '0'.repeat(64);

/** JSON with object keys sorted at every level, so jsonb's key order does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * hash = SHA-256(prevHash ‖ "\n" ‖ canonical JSON of the content), hex. The position is not hashed:
 * a moved record still hashes to itself, so verify can tell a reorder (its predecessor's hash is
 * found elsewhere in the log) from an edit (it no longer hashes to itself).
 */
export function recordHash(prevHash: string, content: AuditContent): string {
  const body = canonicalJson([
    content.at.toISOString(),
    content.actor,
    content.action,
    content.subjectType,
    content.subjectId,
    content.providerId,
    content.payload,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** The `audit_log` row of `content` at `seq`, chained to `prevHash` (its `hash` is the next link). */
export function chainedRow(organizationId: string, seq: number, prevHash: string, content: AuditContent) {
  return {
    organization_id: organizationId,
    seq,
    at: content.at,
    actor: content.actor,
    action: content.action,
    subject_type: content.subjectType,
    subject_id: content.subjectId,
    provider_id: content.providerId,
    payload: JSON.stringify(content.payload),
    prev_hash: prevHash,
    hash: recordHash(prevHash, content),
  };
}
