import { randomBytes } from 'node:crypto';
import type { FinalTicket } from '@shoreline/core';
import type { Database } from '../../../platform/db/connect.js';
import { bumpTicketDataVersion } from '../../tickets/data-version.js';
import {
  type CopyTransaction,
  copyBoolean,
  copyInstant,
  copyNumber,
  copyText,
  copyTextArray,
  inCopyTransaction,
} from './copy-transaction.js';
import type { Reject } from './units.js';

export interface PlacedTicket {
  ticket: FinalTicket;
  source: string;
  providerId: string | null;
  teamId: string | null;
}

export interface Batch {
  organizationId: string;
  runId: string;
  file: string;
  /** The batch's tickets as COPY text (BatchBuilder.take), built before the previous batch commits. */
  prepared: PreparedBatch;
  rejects: Reject[];
  /** Run counters after this batch: written in the same transaction as the data (the checkpoint). */
  checkpoint: {
    committedUnits: number;
    bytesDone: number;
    recordsRead: number;
    ticketsUpserted: number;
    rowsRejected: number;
    quality: Record<string, number>;
  };
  /** Event logs: reject a case already written earlier in this run (rows not contiguous). */
  rejectRepeatedCases: boolean;
}

const TICKET_COLUMNS = [
  'id',
  'organization_id',
  'provider_id',
  'team_id',
  'source',
  'external_id',
  'number',
  'subject',
  'description',
  'channel',
  'status',
  'status_raw',
  'priority',
  'language',
  'topic',
  'tags',
  'requester',
  'assignee',
  'source_group',
  'support_line',
  'created_at',
  'first_response_at',
  'solved_at',
  'closed_at',
  'reopened_at',
  'reopen_count',
  'handoff_count',
  'first_response_seconds',
  'resolution_seconds',
  'first_response_business_seconds',
  'resolution_business_seconds',
  'sla_breached',
  'csat_score',
  'csat_scale',
  'csat_normalised',
  'call_wait_seconds',
  'call_handle_seconds',
  'abandoned',
  'quality_flags',
  'custom',
  'import_run_id',
  'imported_at',
] as const;

const UPDATED_COLUMNS = TICKET_COLUMNS.filter((c) => c !== 'id' && c !== 'organization_id');

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Ticket ids for one batch, in the shape of `newId('tkt')` (`tkt_` + 10 chars of milliseconds + 16
 * chars) but with one random draw per batch: 10 random chars, then a 6-char counter. Unique (the
 * random part differs per batch with overwhelming probability; the counter within it) and cheap: no
 * crypto call per row. Only rows that are new keep their id; updated rows keep theirs.
 */
function batchIds(now: Date): () => string {
  let time = '';
  let t = now.getTime();
  for (let i = 0; i < 10; i++) {
    time = ID_ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let random = '';
  for (const byte of randomBytes(10)) random += ID_ALPHABET[byte % 32];
  const prefix = `tkt_${time}${random}`;
  let counter = 0;
  return () => {
    let c = counter++;
    let tail = '';
    for (let i = 0; i < 6; i++) {
      tail = ID_ALPHABET[c % 32] + tail;
      c = Math.floor(c / 32);
    }
    return prefix + tail;
  };
}

const customText = (custom: Record<string, string>): string => {
  for (const _ in custom) return copyText(JSON.stringify(custom));
  return '{}';
};

export interface PreparedBatch {
  now: Date;
  ticketCount: number;
  /** COPY text rows for stage_tickets, columns in TICKET_COLUMNS order. */
  ticketRows: string;
  /** COPY text rows for stage_children (messages and events); empty when the batch has none. */
  childRows: string;
  /** Count of tickets carrying each quality flag. */
  quality: Record<string, number>;
}

interface Entry {
  row: string;
  children: string | null;
  flags: readonly string[];
}

/**
 * Accumulates one batch as COPY text as tickets arrive, so a batch holds one string per ticket
 * rather than its object graph (little for the garbage collector to trace, memory bounded by the
 * batch size). A ticket seen twice in a batch (same source and external id) keeps its last version,
 * as the upsert would.
 */
export class BatchBuilder {
  private entries = new Map<string, Entry>();
  private now: Date;
  private nextId: () => string;
  private readonly org: string;
  private tail: string;

  constructor(
    organizationId: string,
    private readonly runId: string,
    private readonly clock: () => Date,
  ) {
    this.org = copyText(organizationId);
    this.now = clock();
    this.nextId = batchIds(this.now);
    this.tail = `${copyText(runId)}\t${this.now.toISOString()}\n`;
  }

  get size(): number {
    return this.entries.size;
  }

  add(p: PlacedTicket): void {
    const t = p.ticket;
    const row =
      `${this.nextId()}\t${this.org}\t${copyText(p.providerId)}\t${copyText(p.teamId)}\t${copyText(p.source)}\t` +
      `${copyText(t.externalId)}\t${copyText(t.number)}\t${copyText(t.subject)}\t${copyText(t.description)}\t` +
      `${copyText(t.channel)}\t${copyText(t.status)}\t${copyText(t.statusRaw)}\t${copyText(t.priority)}\t` +
      `${copyText(t.language)}\t${copyText(t.topic)}\t${copyTextArray(t.tags)}\t${copyText(t.requester)}\t` +
      `${copyText(t.assignee)}\t${copyText(t.group)}\t${copyText(t.supportLine)}\t${copyInstant(t.createdAt)}\t` +
      `${copyInstant(t.firstResponseAt)}\t${copyInstant(t.solvedAt)}\t${copyInstant(t.closedAt)}\t` +
      `${copyInstant(t.reopenedAt)}\t${copyNumber(t.reopenCount)}\t${copyNumber(t.handoffCount)}\t` +
      `${copyNumber(t.firstResponseSeconds)}\t${copyNumber(t.resolutionSeconds)}\t` +
      `${copyNumber(t.firstResponseBusinessSeconds)}\t${copyNumber(t.resolutionBusinessSeconds)}\t` +
      `${copyBoolean(t.slaBreached)}\t${copyNumber(t.csat === null ? null : t.csat.score)}\t` +
      `${copyText(t.csat === null ? null : t.csat.scale)}\t${copyNumber(t.csatNormalised)}\t` +
      `${copyNumber(t.callWaitSeconds)}\t${copyNumber(t.callHandleSeconds)}\t${copyBoolean(t.abandoned)}\t` +
      `${copyTextArray(t.qualityFlags)}\t${customText(t.custom)}\t${this.tail}`;
    this.entries.set(`${p.source}\u0000${t.externalId}`, {
      row,
      children: t.messages.length > 0 || t.events.length > 0 ? childRows(p) : null,
      flags: t.qualityFlags,
    });
  }

  /** The batch so far, as COPY text; the builder starts a new batch. */
  take(): PreparedBatch {
    const rows: string[] = [];
    const children: string[] = [];
    const quality: Record<string, number> = {};
    for (const e of this.entries.values()) {
      rows.push(e.row);
      if (e.children !== null) children.push(e.children);
      for (const f of e.flags) quality[f] = (quality[f] ?? 0) + 1;
    }
    const prepared = {
      now: this.now,
      ticketCount: rows.length,
      ticketRows: rows.join(''),
      childRows: children.join(''),
      quality,
    };
    this.entries = new Map();
    this.now = this.clock();
    this.nextId = batchIds(this.now);
    this.tail = `${copyText(this.runId)}\t${this.now.toISOString()}\n`;
    return prepared;
  }
}

function childRows(p: PlacedTicket): string {
  let out = '';
  const ticket = `${copyText(p.source)}\t${copyText(p.ticket.externalId)}\t`;
  for (const m of p.ticket.messages)
    out +=
      `message\t${ticket}${copyText(m.externalId)}\t\\N\t${copyText(m.authorType)}\t${copyText(m.authorId)}\t` +
      `${copyBoolean(m.public)}\t${copyText(m.body)}\t${copyInstant(m.createdAt)}\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\n`;
  for (const e of p.ticket.events)
    out +=
      `event\t${ticket}\\N\t${copyNumber(e.seq)}\t\\N\t\\N\t\\N\t\\N\t${copyInstant(e.at)}\t${copyText(e.kind)}\t` +
      `${copyText(e.status)}\t${copyText(e.statusRaw)}\t${copyText(e.team)}\t${copyText(e.supportLine)}\t` +
      `${copyText(e.assignee)}\n`;
  return out;
}

/**
 * Writes one batch in one transaction: COPY the tickets into a staging table, upsert them by
 * (organization, source, external id), replace their messages and events, record the batch's
 * rejects and advance the run's checkpoint. Either all of it is committed or none, so a kill at
 * any point leaves the run at its last checkpoint, and a re-run neither loses nor doubles a ticket.
 */
export async function writeBatch(database: Database, b: Batch): Promise<Batch['checkpoint']> {
  const now = b.prepared.now;
  return inCopyTransaction(database, async (tx) => {
    const rejects = [...b.rejects];
    if (b.prepared.ticketCount > 0) {
      // One staging table per database session, emptied by every commit (and by a rollback, which
      // discards the rows): no catalog churn per batch, unlike create … on commit drop.
      await tx.query(
        'create temp table if not exists stage_tickets (like tickets including defaults) on commit delete rows',
      );
      await tx.copyText(`stage_tickets (${TICKET_COLUMNS.join(', ')})`, b.prepared.ticketRows);
      if (b.rejectRepeatedCases) rejects.push(...(await rejectRepeated(tx, b)));
      await tx.query(
        `insert into tickets (${TICKET_COLUMNS.join(', ')})
         select ${TICKET_COLUMNS.join(', ')} from stage_tickets
         on conflict (organization_id, source, external_id) do update set
         ${UPDATED_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`,
      );
      await writeChildren(tx, b);
      await bumpTicketDataVersion(tx, b.organizationId);
    }
    if (rejects.length > 0) {
      await tx.query(
        `insert into import_rejects (organization_id, import_run_id, file, line, field, reason)
         select $1, $2, $3, r.line, r.field, r.reason
         from unnest($4::int[], $5::text[], $6::text[]) as r(line, field, reason)`,
        [
          b.organizationId,
          b.runId,
          b.file,
          rejects.map((r) => r.line),
          rejects.map((r) => r.field),
          rejects.map((r) => r.reason),
        ],
      );
    }
    const repeated = rejects.length - b.rejects.length;
    const c = {
      ...b.checkpoint,
      ticketsUpserted: b.checkpoint.ticketsUpserted - repeated,
      rowsRejected: b.checkpoint.rowsRejected + repeated,
    };
    await tx.query(
      `update import_runs set committed_units = $2, bytes_done = $3, records_read = $4, tickets_upserted = $5,
       rows_rejected = $6, quality = $7::jsonb, updated_at = $8 where id = $1`,
      [
        b.runId,
        c.committedUnits,
        c.bytesDone,
        c.recordsRead,
        c.ticketsUpserted,
        c.rowsRejected,
        JSON.stringify(c.quality),
        now,
      ],
    );
    return c;
  });
}

/** Cases whose ticket this run already wrote from an earlier, separate block of rows. */
async function rejectRepeated(tx: CopyTransaction, b: Batch): Promise<Reject[]> {
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

/** Replaces the messages and events of the batch's tickets; skipped when the batch has none (most formats). */
async function writeChildren(tx: CopyTransaction, b: Batch): Promise<void> {
  if (b.prepared.childRows === '') return;
  await tx.query(
    `create temp table if not exists stage_children (kind text, source text, ticket_external_id text, external_id text, seq int,
     author_type text, author_id text, public boolean, body text, at timestamptz, event_kind text, status text,
     status_raw text, team text, support_line text, assignee text) on commit delete rows`,
  );
  await tx.copyText('stage_children', b.prepared.childRows);
  const join = `from stage_children c join tickets t on t.organization_id = $1 and t.source = c.source and t.external_id = c.ticket_external_id`;
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
       public = excluded.public, body = excluded.body, created_at = excluded.created_at, provider_id = excluded.provider_id`,
    [b.organizationId],
  );
}
