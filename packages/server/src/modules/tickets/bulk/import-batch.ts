import { TICKET_COLUMNS } from '@shoreline/core';
import type { DomainEvent } from '../../../platform/events/index.js';
import { recordEventWith } from '../../../platform/events/index.js';
import { lockReferences } from '../../identity/index.js';
import { bumpTicketDataVersionWith } from '../data-version.js';
import type { PreparedBatch } from './batch-builder.js';
import type { CopyTransaction } from './copy-transaction.js';

/** One batch of imported tickets, and how to write it. */
export interface TicketBatch {
  organizationId: string;
  /** The import run writing it: stamped on each ticket (import_run_id). */
  runId: string;
  /** Who the import acts for: a user id or a system actor (`system:import`). */
  actorId: string;
  prepared: PreparedBatch;
  /** Event logs: reject a case already written earlier in this run (rows not contiguous). */
  rejectRepeatedCases: boolean;
  /** Try copying the tickets as new ones first (see copyNewTickets); the caller stops trying after a clash. */
  tryDirect: boolean;
}

/** A ticket of the batch not written, and why (the importer reports it as a rejected row). */
export interface BatchReject {
  line: number;
  field: string;
  reason: string;
}

const UPDATED_COLUMNS = TICKET_COLUMNS.filter((c) => c !== 'id' && c !== 'organization_id');

/**
 * The bulk upsert behind imports, inside the caller's transaction (`inCopyTransaction`, which the
 * importer also writes its checkpoint in): the tickets by binary COPY (see copyNewTickets and
 * upsertTickets), their messages and events, the organization's data version, and one
 * `tickets.imported` event with the batch's counts (not one per row: a million-ticket import is
 * fifty events, not a million). Resolves to whether the tickets went straight into the table and
 * the tickets refused as repeated cases.
 */
export async function importTicketBatch(
  tx: CopyTransaction,
  b: TicketBatch,
): Promise<{ direct: boolean; rejects: BatchReject[] }> {
  const rejects: BatchReject[] = [];
  if (b.prepared.ticketCount === 0) return { direct: false, rejects };
  await checkReferences(tx, b);
  // Search vectors and their GIN indexes are filled after the run (job tickets.index_search,
  // search-index.ts), not row by row inside the COPY: the triggers skip this transaction's rows.
  await tx.query(`select set_config('shoreline.defer_search', 'on', true)`);
  // Event logs too: when the plain COPY succeeds, no ticket of the batch existed, so none was
  // written earlier in this run and there is no repeated case to reject.
  const direct = b.tryDirect && (await copyNewTickets(tx, b));
  if (!direct) await upsertTickets(tx, b, rejects);
  await writeChildren(tx, b, direct);
  await bumpTicketDataVersionWith(tx, b.organizationId);
  const event: DomainEvent = {
    type: 'tickets.imported',
    organizationId: b.organizationId,
    // A batch spans providers: an organization-level event, with the count per provider inside.
    providerId: null,
    subjectType: 'import_run',
    subjectId: b.runId,
    actorId: b.actorId,
    occurredAt: b.prepared.now,
    payload: {
      tickets: b.prepared.ticketCount - rejects.length,
      messages: b.prepared.messageCount,
      events: b.prepared.eventCount,
      byProvider: b.prepared.ticketsByProvider,
      repeatedCasesRejected: rejects.length,
    },
  };
  await recordEventWith(tx, event);
  return { direct, rejects };
}

/**
 * What the foreign keys of `tickets` did per row (dropped for speed in migration `tickets_references_checked_per_batch`), once per
 * batch: the organization, providers and teams the batch names exist, and stay until it commits
 * (key-share locks, as a foreign key takes).
 */
async function checkReferences(tx: CopyTransaction, b: TicketBatch): Promise<void> {
  if (!(await lockReferences(tx, b.organizationId, b.prepared.providerIds, b.prepared.teamIds)))
    throw new Error('the organization, or a provider or team of this batch, no longer exists');
}

/**
 * New tickets (the common case on a first import) are copied straight into `tickets`: COPY inserts
 * them in bulk, with none of the staging copy and per-row conflict checks of the upsert. If any
 * already exists, the unique key stops the COPY (at the first clash, so little work is lost), the
 * savepoint undoes it and the caller upserts the batch instead. False when the batch went that way.
 */
async function copyNewTickets(tx: CopyTransaction, b: TicketBatch): Promise<boolean> {
  await tx.query('savepoint new_tickets');
  try {
    await tx.copyBinary(`tickets (${TICKET_COLUMNS.join(', ')})`, b.prepared.ticketRows);
  } catch (err) {
    if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
    await tx.query('rollback to savepoint new_tickets');
    return false;
  }
  await tx.query('release savepoint new_tickets');
  return true;
}

const UNIQUE_VIOLATION = '23505';

/** COPY into a staging table, then insert or update each ticket by (organization, source, external id). */
async function upsertTickets(tx: CopyTransaction, b: TicketBatch, rejects: BatchReject[]): Promise<void> {
  // One staging table per database session, emptied by every commit (and by a rollback, which
  // discards the rows): no catalog churn per batch, unlike create … on commit drop.
  await tx.query(
    'create temp table if not exists stage_tickets (like tickets including defaults) on commit delete rows',
  );
  await tx.copyBinary(`stage_tickets (${TICKET_COLUMNS.join(', ')})`, b.prepared.ticketRows);
  if (b.rejectRepeatedCases) rejects.push(...(await rejectRepeated(tx, b)));
  await tx.query(
    `insert into tickets (${TICKET_COLUMNS.join(', ')})
     select ${TICKET_COLUMNS.join(', ')} from stage_tickets
     on conflict (organization_id, source, external_id) do update set
     ${UPDATED_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}, search = null`,
  );
}

/** Cases whose ticket this run already wrote from an earlier, separate block of rows. */
async function rejectRepeated(tx: CopyTransaction, b: TicketBatch): Promise<BatchReject[]> {
  const rows = await tx.query<{ external_id: string }>(
    `delete from stage_tickets s using tickets t
     where t.organization_id = $1 and t.source = s.source and t.external_id = s.external_id and t.import_run_id = $2
     returning s.external_id`,
    [b.organizationId, b.runId],
  );
  return rows.map((r) => ({
    line: 0,
    field: 'caseId',
    reason: `case ${r.external_id} appears again after other cases; sort the event log by case id so each case's rows are contiguous`,
  }));
}

/**
 * Replaces the messages and events of the batch's tickets; skipped when the batch has none (most
 * formats). Tickets copied as new (`direct`) have none to delete.
 */
async function writeChildren(tx: CopyTransaction, b: TicketBatch, direct: boolean): Promise<void> {
  if (b.prepared.childRows.length === 0) return;
  await tx.query(
    `create temp table if not exists stage_children (kind text, source text, ticket_external_id text, external_id text, seq int,
     author_type text, author_id text, public boolean, body text, at timestamptz, event_kind text, status text,
     status_raw text, team text, support_line text, assignee text) on commit delete rows`,
  );
  await tx.copyText('stage_children', b.prepared.childRows);
  const join = `from stage_children c join tickets t on t.organization_id = $1 and t.source = c.source and t.external_id = c.ticket_external_id`;
  if (!direct)
    await tx.query(
      `delete from ticket_events e using stage_tickets s, tickets t
       where t.organization_id = $1 and t.source = s.source and t.external_id = s.external_id and e.ticket_id = t.id`,
      [b.organizationId],
    );
  await tx.query(
    `insert into ticket_events (organization_id, provider_id, ticket_id, seq, at, kind, status, status_raw, team, support_line, assignee)
     select t.organization_id, t.provider_id, t.id, c.seq, c.at, c.event_kind, c.status, c.status_raw, c.team, c.support_line, c.assignee
     ${join} where c.kind = 'event'`,
    [b.organizationId],
  );
  await tx.query(
    `insert into ticket_messages (id, organization_id, provider_id, ticket_id, external_id, author_type, author_id, public, body, created_at)
     select 'msg_' || md5(t.id || c.external_id), t.organization_id, t.provider_id, t.id, c.external_id, c.author_type, c.author_id, c.public, c.body, c.at
     ${join} where c.kind = 'message'
     on conflict (ticket_id, external_id) do update set author_type = excluded.author_type, author_id = excluded.author_id,
       public = excluded.public, body = excluded.body, created_at = excluded.created_at, provider_id = excluded.provider_id,
       search = null`,
    [b.organizationId],
  );
}
