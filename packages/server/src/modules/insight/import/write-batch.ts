import { randomBytes } from 'node:crypto';
import type { FinalTicket } from '@shoreline/core';
import type { Database } from '../../../platform/db/connect.js';
import { bumpTicketDataVersion } from '../../tickets/index.js';
import { BinaryRowWriter, textArrayBound, utf8Bound } from './binary-rows.js';
import {
  type CopyTransaction,
  copyBoolean,
  copyInstant,
  copyNumber,
  copyText,
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
  /** The batch's tickets as binary COPY rows (BatchBuilder.take), built before the previous batch commits. */
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
  /** Try copying the tickets as new ones first (see copyNewTickets); the caller stops trying after a clash. */
  tryDirect: boolean;
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

const customJson = (custom: Record<string, string>): string => {
  for (const _ in custom) return JSON.stringify(custom);
  return '{}';
};

export interface PreparedBatch {
  now: Date;
  ticketCount: number;
  /** Binary COPY rows for tickets (no header or trailer: see CopyTransaction.copyBinary), columns in TICKET_COLUMNS order. */
  ticketRows: Buffer[];
  /** COPY text rows for stage_children (messages and events); empty when the batch has none. */
  childRows: Buffer[];
  /** Count of tickets carrying each quality flag. */
  quality: Record<string, number>;
  /** Distinct providers and teams the batch's tickets name (see checkReferences). */
  providerIds: string[];
  teamIds: string[];
}

/** Length of a batch ticket id (batchIds). */
const ID_BYTES = 30;

/** What take() puts in front of each row: the field count, then the id's length and bytes. */
const ROW_HEAD_BYTES = 2 + 4 + ID_BYTES;

/** Upper bound of a row's bytes besides its strings: 41 field lengths, 6 timestamps, numbers, headers. */
const ROW_FIXED_BYTES = 512;

/** Sort key of a ticket without a creation time: after all others. */
const NO_CREATED_AT = Number.MAX_VALUE;

/** Quality flags as bits, so a batch keeps one small integer per ticket instead of its flag array. */
const flagBit = new Map<string, number>();
const flagName: string[] = [];
function flagBits(flags: readonly string[]): number {
  let bits = 0;
  for (const f of flags) {
    let bit = flagBit.get(f);
    if (bit === undefined) {
      bit = flagName.push(f) - 1;
      if (bit > 30) throw new Error(`too many distinct quality flags (${f})`);
      flagBit.set(f, bit);
    }
    bits |= 1 << bit;
  }
  return bits;
}

/**
 * Accumulates one batch as binary COPY rows as tickets arrive: each ticket's fields are written
 * straight into slabs of bytes (BinaryRowWriter), so what the batch keeps is a few buffers plus a key
 * and four numbers per ticket, not each row's string pieces (kept until the batch is written, those
 * were promoted to V8's old generation and cost more to collect than to build).
 *
 * take() gathers the rows in creation-time order: the two `created_at` indexes then take the
 * batch's entries in key order (each leaf page visited once, not once per row at random), which
 * saves PostgreSQL about a tenth of its work at 1 M tickets. Ticket ids are assigned in that order
 * too, so the primary key still grows at its right edge. A ticket seen twice in a batch (same source
 * and external id) keeps its last version, as the upsert would.
 */
export class BatchBuilder {
  private keys = new Map<string, number>();
  private flags: number[] = [];
  private createdAt: number[] = [];
  /** Slab, start and end (within the slab) of each row; a row lacks its field count and id. */
  private slab: number[] = [];
  private starts: number[] = [];
  private ends: number[] = [];
  private superseded: number[] = [];
  private children = new Map<number, string>();
  private providers = new Set<string>();
  private teams = new Set<string>();
  private readonly out = new BinaryRowWriter();
  private now: Date;

  constructor(
    private readonly organizationId: string,
    private readonly runId: string,
    private readonly clock: () => Date,
  ) {
    this.now = clock();
  }

  get size(): number {
    return this.keys.size;
  }

  add(p: PlacedTicket): void {
    const t = p.ticket;
    const ordinal = this.flags.length;
    const key = `${p.source}\u0000${t.externalId}`;
    const custom = customJson(t.custom);
    const csatScale = t.csat === null ? null : t.csat.scale;
    const o = this.out;
    // An upper bound of the row's bytes, so that it fits in one slab.
    o.reserve(
      ROW_FIXED_BYTES +
        utf8Bound(this.organizationId) +
        utf8Bound(p.providerId) +
        utf8Bound(p.teamId) +
        utf8Bound(p.source) +
        utf8Bound(t.externalId) +
        utf8Bound(t.number) +
        utf8Bound(t.subject) +
        utf8Bound(t.description) +
        utf8Bound(t.channel) +
        utf8Bound(t.status) +
        utf8Bound(t.statusRaw) +
        utf8Bound(t.priority) +
        utf8Bound(t.language) +
        utf8Bound(t.topic) +
        textArrayBound(t.tags) +
        utf8Bound(t.requester) +
        utf8Bound(t.assignee) +
        utf8Bound(t.group) +
        utf8Bound(t.supportLine) +
        utf8Bound(csatScale) +
        textArrayBound(t.qualityFlags) +
        utf8Bound(custom) +
        utf8Bound(this.runId),
    );
    const start = o.pos;
    // The row without its field count and id, which take() puts in front; TICKET_COLUMNS order.
    o.text(this.organizationId);
    o.text(p.providerId);
    o.text(p.teamId);
    o.text(p.source);
    o.text(t.externalId);
    o.text(t.number);
    o.text(t.subject);
    o.text(t.description);
    o.text(t.channel);
    o.text(t.status);
    o.text(t.statusRaw);
    o.text(t.priority);
    o.text(t.language);
    o.text(t.topic);
    o.textArray(t.tags);
    o.text(t.requester);
    o.text(t.assignee);
    o.text(t.group);
    o.text(t.supportLine);
    o.instant(t.createdAt);
    o.instant(t.firstResponseAt);
    o.instant(t.solvedAt);
    o.instant(t.closedAt);
    o.instant(t.reopenedAt);
    o.int4(t.reopenCount, 'reopen_count');
    o.int4(t.handoffCount, 'handoff_count');
    o.int4(t.firstResponseSeconds, 'first_response_seconds');
    o.int4(t.resolutionSeconds, 'resolution_seconds');
    o.int4(t.firstResponseBusinessSeconds, 'first_response_business_seconds');
    o.int4(t.resolutionBusinessSeconds, 'resolution_business_seconds');
    o.bool(t.slaBreached);
    o.float8(t.csat === null ? null : t.csat.score);
    o.text(csatScale);
    o.float8(t.csatNormalised);
    o.int4(t.callWaitSeconds, 'call_wait_seconds');
    o.int4(t.callHandleSeconds, 'call_handle_seconds');
    o.bool(t.abandoned);
    o.textArray(t.qualityFlags);
    o.jsonb(custom);
    o.text(this.runId);
    o.instant(this.now);
    // Only now, with the row complete, does the ticket count (a refused value leaves the batch as it was).
    const earlier = this.keys.get(key);
    if (earlier !== undefined) {
      this.superseded.push(earlier);
      this.children.delete(earlier);
    }
    this.keys.set(key, ordinal);
    this.flags.push(t.qualityFlags.length === 0 ? 0 : flagBits(t.qualityFlags));
    this.createdAt.push(t.createdAt === null ? NO_CREATED_AT : t.createdAt.getTime());
    this.slab.push(o.slab);
    this.starts.push(start);
    this.ends.push(o.pos);
    if (t.messages.length > 0 || t.events.length > 0) this.children.set(ordinal, childRows(p));
    if (p.providerId !== null) this.providers.add(p.providerId);
    if (p.teamId !== null) this.teams.add(p.teamId);
  }

  /** The batch so far, as binary COPY rows; the builder starts a new batch. */
  take(): PreparedBatch {
    const dropped = new Set(this.superseded);
    const order: number[] = [];
    const quality: Record<string, number> = {};
    let bytes = 0;
    for (let i = 0; i < this.flags.length; i++) {
      if (dropped.has(i)) continue;
      order.push(i);
      bytes += ROW_HEAD_BYTES + this.ends[i]! - this.starts[i]!;
      for (let bits = this.flags[i]!, bit = 0; bits !== 0; bit++, bits >>>= 1)
        if (bits & 1) quality[flagName[bit]!] = (quality[flagName[bit]!] ?? 0) + 1;
    }
    const at = this.createdAt;
    order.sort((a, b) => at[a]! - at[b]! || a - b);
    const rows = Buffer.allocUnsafe(bytes);
    const nextId = batchIds(this.now);
    const slabs = this.out.slabs;
    let pos = 0;
    for (const i of order) {
      pos = rows.writeInt16BE(TICKET_COLUMNS.length, pos);
      pos = rows.writeInt32BE(ID_BYTES, pos);
      pos += rows.write(nextId(), pos, 'latin1');
      pos += slabs[this.slab[i]!]!.copy(rows, pos, this.starts[i]!, this.ends[i]!);
    }
    if (pos !== bytes) throw new Error(`batch rows: wrote ${pos} bytes of ${bytes}`);
    const children = [...this.children.values()];
    const prepared: PreparedBatch = {
      now: this.now,
      ticketCount: order.length,
      ticketRows: order.length === 0 ? [] : [rows],
      childRows: children.length === 0 ? [] : [Buffer.from(children.join(''))],
      quality,
      providerIds: [...this.providers],
      teamIds: [...this.teams],
    };
    this.keys = new Map();
    this.flags = [];
    this.createdAt = [];
    this.slab = [];
    this.starts = [];
    this.ends = [];
    this.superseded = [];
    this.children = new Map();
    this.providers = new Set();
    this.teams = new Set();
    this.out.reset();
    this.now = this.clock();
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
 * Writes one batch in one transaction: the tickets (see writeTickets), their messages and events,
 * the batch's rejects and the run's checkpoint. Either all of it is committed or none, so a kill at
 * any point leaves the run at its last checkpoint, and a re-run neither loses nor doubles a ticket.
 * Resolves to the checkpoint written and whether the tickets went straight into the table.
 */
export async function writeBatch(
  database: Database,
  b: Batch,
): Promise<Batch['checkpoint'] & { direct: boolean }> {
  const now = b.prepared.now;
  return inCopyTransaction(database, async (tx) => {
    const rejects = [...b.rejects];
    let direct = false;
    if (b.prepared.ticketCount > 0) {
      await checkReferences(tx, b);
      direct = b.tryDirect && !b.rejectRepeatedCases && (await copyNewTickets(tx, b));
      if (!direct) await upsertTickets(tx, b, rejects);
      await writeChildren(tx, b, direct);
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
    return { ...c, direct };
  });
}

/**
 * What the foreign keys of `tickets` did per row (dropped in migration 0102 for speed), once per
 * batch: the organization, providers and teams the batch names exist, and stay until it commits
 * (key-share locks, as a foreign key takes).
 */
async function checkReferences(tx: CopyTransaction, b: Batch): Promise<void> {
  const [found] = await tx.query<{ organizations: number; providers: number; teams: number }>(
    `with o as (select id from organizations where id = $1 for key share),
     p as (select id from providers where id = any($2::text[]) for key share),
     t as (select id from teams where id = any($3::text[]) for key share)
     select (select count(*) from o)::int as organizations, (select count(*) from p)::int as providers,
     (select count(*) from t)::int as teams`,
    [b.organizationId, b.prepared.providerIds, b.prepared.teamIds],
  );
  if (
    found?.organizations !== 1 ||
    found.providers !== b.prepared.providerIds.length ||
    found.teams !== b.prepared.teamIds.length
  )
    throw new Error('the organization, or a provider or team of this batch, no longer exists');
}

/**
 * New tickets (the common case on a first import) are copied straight into `tickets`: COPY inserts
 * them in bulk, with none of the staging copy and per-row conflict checks of the upsert. If any
 * already exists, the unique key stops the COPY (at the first clash, so little work is lost), the
 * savepoint undoes it and the caller upserts the batch instead. False when the batch went that way.
 */
async function copyNewTickets(tx: CopyTransaction, b: Batch): Promise<boolean> {
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
async function upsertTickets(tx: CopyTransaction, b: Batch, rejects: Reject[]): Promise<void> {
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
     ${UPDATED_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`,
  );
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

/**
 * Replaces the messages and events of the batch's tickets; skipped when the batch has none (most
 * formats). Tickets copied as new (`direct`) have none to delete.
 */
async function writeChildren(tx: CopyTransaction, b: Batch, direct: boolean): Promise<void> {
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
       public = excluded.public, body = excluded.body, created_at = excluded.created_at, provider_id = excluded.provider_id`,
    [b.organizationId],
  );
}
