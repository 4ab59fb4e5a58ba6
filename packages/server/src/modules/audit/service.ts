import { type Kysely, sql, type Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import type { DB } from '../../platform/db/schema.js';
import { notFound } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { enqueueJob, type JobDefinition } from '../../platform/jobs/index.js';
import type { ScopedDb } from '../../platform/scope.js';
import { readAnchors, verifyAnchors } from './anchors.js';
import { type AuditContent, chainedRow, GENESIS, recordHash, storedContent } from './chain.js';
import { auditPolicy } from './policy.js';

/** What a caller records; the actor and organization come from the ScopedDb. */
export interface AuditEntry {
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly providerId?: string | null;
  readonly payload?: Record<string, unknown>;
}

/**
 * Appends one record to the organization's chain in the caller's transaction: locks the chain's head
 * row (so concurrent appends queue), hashes the record onto the head, inserts it, moves the head.
 * Written through `scoped.executor` like the event outbox: any actor's action is recorded, vendor
 * staff's included, though only administrators can read the log.
 */
export async function appendAudit(scoped: ScopedDb, clock: Clock, entry: AuditEntry): Promise<string> {
  return scoped.transaction(async (tx) => {
    const [hash] = await appendToChain(tx.executor, scoped.actor.organizationId, [
      contentOf(scoped, clock, entry),
    ]);
    return hash!;
  });
}

const contentOf = (scoped: ScopedDb, clock: Clock, entry: AuditEntry): AuditContent => ({
  at: clock.now(),
  actor: scoped.actor.userId,
  action: entry.action,
  subjectType: entry.subjectType,
  subjectId: entry.subjectId,
  providerId: entry.providerId ?? null,
  payload: entry.payload ?? {},
});

/**
 * Chains `contents` in order onto the organization's head, inside the caller's transaction: locks the
 * head row (concurrent appends queue), inserts the records, moves the head once. Returns their hashes.
 */
async function appendToChain(
  db: Kysely<DB> | Transaction<DB>,
  organizationId: string,
  contents: readonly AuditContent[],
): Promise<string[]> {
  await db
    .insertInto('audit_heads')
    .values({ organization_id: organizationId, seq: 0, hash: GENESIS })
    .onConflict((oc) => oc.column('organization_id').doNothing())
    .execute();
  const head = await db
    .selectFrom('audit_heads')
    .select(['seq', 'hash'])
    .where('organization_id', '=', organizationId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  let seq = Number(head.seq);
  let prev = head.hash;
  const rows = contents.map((content) => {
    const row = chainedRow(organizationId, ++seq, prev, content);
    prev = row.hash;
    return row;
  });
  if (rows.length === 0) return [];
  for (let i = 0; i < rows.length; i += 1_000)
    await db
      .insertInto('audit_log')
      .values(rows.slice(i, i + 1_000))
      .execute();
  await db
    .updateTable('audit_heads')
    .set({ seq, hash: prev })
    .where('organization_id', '=', organizationId)
    .execute();
  return rows.map((r) => r.hash);
}

/**
 * Records an action that happens too often to lock the chain's head in its request (a vendor opening
 * a ticket): an insert into `audit_pending` and, in the same transaction, the organization's
 * `audit.flush` job for the next minute (one per organization and minute: later reads in that minute
 * find it queued). Committed before the answer; joined to the chain by the job (flushPendingAudit).
 * Written through `scoped.executor`: any actor is recorded.
 */
export async function recordAuditLater(scoped: ScopedDb, clock: Clock, entry: AuditEntry): Promise<void> {
  const c = contentOf(scoped, clock, entry);
  const organizationId = scoped.actor.organizationId;
  await scoped.transaction(async (tx) => {
    await tx.executor
      .insertInto('audit_pending')
      .values({
        id: newId('aud', c.at.getTime()),
        organization_id: organizationId,
        at: c.at,
        actor: c.actor,
        action: c.action,
        subject_type: c.subjectType,
        subject_id: c.subjectId,
        provider_id: c.providerId,
        payload: JSON.stringify(c.payload),
      })
      .execute();
    const minute = new Date(Math.floor(c.at.getTime() / 60_000) * 60_000 + 60_000);
    await enqueueJob(tx.executor, clock, {
      name: FLUSH_JOB,
      organizationId,
      runAt: minute,
      idempotencyKey: minute.toISOString(),
      maxAttempts: 10,
    });
  });
}

const FLUSH_JOB = 'audit.flush';
const FLUSH_BATCH = 5_000;

/**
 * Moves the pending records into each organization's chain, oldest first, a batch per transaction:
 * the records are chained and their pending rows deleted together, so a crash loses none and a rerun
 * doubles none (rows another process holds are skipped). Returns how many joined the chain.
 */
export async function flushPendingAudit(db: Kysely<DB>, organizationId?: string): Promise<number> {
  let moved = 0;
  let pending = db.selectFrom('audit_pending').select('organization_id').distinct();
  if (organizationId) pending = pending.where('organization_id', '=', organizationId);
  const orgs = await pending.execute();
  for (const { organization_id: organizationId } of orgs) {
    for (;;) {
      const n = await db.transaction().execute(async (tx) => {
        const rows = await tx
          .selectFrom('audit_pending')
          .selectAll()
          .where('organization_id', '=', organizationId)
          .orderBy('at')
          .orderBy('id')
          .limit(FLUSH_BATCH)
          .forUpdate()
          .skipLocked()
          .execute();
        if (rows.length === 0) return 0;
        await appendToChain(
          tx,
          organizationId,
          rows.map((r) => storedContent({ ...r, at: new Date(r.at) })),
        );
        await tx
          .deleteFrom('audit_pending')
          .where(
            'id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
        return rows.length;
      });
      moved += n;
      if (n < FLUSH_BATCH) break;
    }
  }
  return moved;
}

/**
 * Pending records join the chain: the organization's, a minute after a read queued the job; every
 * organization's at night, a sweep for whatever a dead job left behind.
 */
export const flushJob: JobDefinition = {
  name: FLUSH_JOB,
  maxAttempts: 10,
  handler: async (_payload, ctx) => ({
    moved: await flushPendingAudit(ctx.db, ctx.job.organizationId ?? undefined),
  }),
};
export const nightlyFlushJob: JobDefinition = {
  name: 'audit.flush_all',
  schedule: { cron: '41 2 * * *', timeZone: 'UTC' },
  maxAttempts: 3,
  handler: async (_payload, ctx) => ({ moved: await flushPendingAudit(ctx.db) }),
};

export type AuditProblemKind = 'altered' | 'removed' | 'reordered';

export interface AuditVerification {
  readonly ok: boolean;
  readonly records: number;
  /** The first record found altered, removed or reordered (by its seq), or null. */
  readonly problem: {
    readonly kind: AuditProblemKind;
    readonly seq: number;
    readonly message: string;
  } | null;
}

const PAGE = 10_000;

/**
 * Walks the organization's chain in seq order and names the first break:
 * - **altered**: the record no longer hashes to its stored hash (content or previous hash edited);
 * - **removed**: a seq is missing, the tail is shorter than the head says, or a record's previous hash
 *   matches no record in the log (one was deleted and the rest renumbered);
 * - **reordered**: the record's previous hash is the hash of a record stored elsewhere in the log.
 * The hashes are checked against the chain from GENESIS, so editing a record and recomputing its hash
 * still breaks the next record's link.
 */
export async function verifyAudit(scoped: ScopedDb): Promise<AuditVerification> {
  if (!auditPolicy['audit.read'](scoped.actor)) throw notFound('audit log');
  const rows: {
    seq: number;
    prev: string;
    hash: string;
    selfOk: boolean;
  }[] = [];
  let after = 0;
  for (;;) {
    const page = await scoped
      .selectFrom('audit_log')
      .select([
        'seq',
        'at',
        'actor',
        'action',
        'subject_type',
        'subject_id',
        'provider_id',
        'payload',
        'prev_hash',
        'hash',
      ])
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const r of page) {
      const content = storedContent(r);
      rows.push({
        seq: Number(r.seq),
        prev: r.prev_hash,
        hash: r.hash,
        selfOk: recordHash(r.prev_hash, content) === r.hash,
      });
    }
    if (page.length < PAGE) break;
    after = Number(page[page.length - 1]?.seq);
  }
  const known = new Set(rows.map((r) => r.hash));
  const fail = (kind: AuditProblemKind, seq: number, message: string): AuditVerification => ({
    ok: false,
    records: rows.length,
    problem: { kind, seq, message },
  });
  let expectedSeq = 1;
  let prevHash = GENESIS;
  for (const row of rows) {
    if (row.seq !== expectedSeq) return fail('removed', expectedSeq, `record ${expectedSeq} is missing`);
    if (!row.selfOk) return fail('altered', row.seq, `record ${row.seq} does not match its hash`);
    if (row.prev !== prevHash) {
      return known.has(row.prev)
        ? fail('reordered', row.seq, `record ${row.seq} follows a record stored elsewhere in the log`)
        : fail('removed', row.seq, `the record before ${row.seq} was removed or replaced`);
    }
    prevHash = row.hash;
    expectedSeq = row.seq + 1;
  }
  const head = await scoped.selectFrom('audit_heads').select(['seq', 'hash']).executeTakeFirst();
  const headSeq = head ? Number(head.seq) : 0;
  if (headSeq > rows.length)
    return fail('removed', rows.length + 1, `records ${rows.length + 1}–${headSeq} are missing`);
  if (head && head.hash !== prevHash && headSeq === rows.length) {
    return fail('altered', headSeq, `record ${headSeq} differs from the chain's head`);
  }
  return { ok: true, records: rows.length, problem: null };
}

/** Turns the append-only trigger off and on: for the tamper tests only (an attacker with the owner's rights). */
export const appendOnlyTrigger = (enabled: boolean) =>
  sql.raw(`alter table audit_log ${enabled ? 'enable' : 'disable'} trigger audit_log_append_only`);

/** The chain from its start, and (when an anchor directory is configured) the log against its anchors. */
export async function verifyAuditAndAnchors(
  scoped: ScopedDb,
  config: Pick<Config, 'auditAnchorDir'>,
  anchorDir = config.auditAnchorDir,
) {
  const chain = await verifyAudit(scoped);
  const anchors = anchorDir
    ? await verifyAnchors(scoped, await readAnchors(anchorDir, scoped.actor.organizationId))
    : null;
  return { chain, anchors, ok: chain.ok && (anchors?.ok ?? true) };
}
