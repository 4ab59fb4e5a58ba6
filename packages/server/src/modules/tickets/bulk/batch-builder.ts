import { randomBytes } from 'node:crypto';
import { type FinalTicket, TICKET_COLUMNS } from '@shoreline/core';
import { BinaryRowWriter, textArrayBound } from './binary-rows.js';
import { writeChildRows } from './child-rows.js';
import { CopyTextWriter } from './copy-text-rows.js';
import { utf8Bound } from './slab-writer.js';

/** A finished ticket with where it belongs: what the importer hands the tickets module. */
export interface PlacedTicket {
  ticket: FinalTicket;
  source: string;
  providerId: string | null;
  teamId: string | null;
}

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
  /** COPY text rows for stage_children (messages and events), in pieces to send in order; empty when the batch has none. */
  childRows: Buffer[];
  /** Count of tickets carrying each quality flag. */
  quality: Record<string, number>;
  /** Messages and lifecycle events the batch's tickets carry. */
  messageCount: number;
  eventCount: number;
  /** Tickets per provider id (`none` for tickets without one): the batch's event reports it. */
  ticketsByProvider: Record<string, number>;
  /** Distinct providers and teams the batch's tickets name (see checkReferences in import-batch.ts). */
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
  /**
   * Per ticket with messages or events: slab, start and end of its text COPY rows. Written to bytes
   * as the ticket arrives, like the ticket rows: kept as strings until the batch was taken, an event
   * log's child rows (one per event) outlived V8's young generation and cost more to collect.
   */
  private children = new Map<number, [number, number, number]>();
  private readonly childOut = new CopyTextWriter();
  /** Per ticket: its provider, message count and event count (for the batch's summary event). */
  private providerOf: (string | null)[] = [];
  private messageCounts: number[] = [];
  private eventCounts: number[] = [];
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
    this.providerOf.push(p.providerId);
    this.messageCounts.push(t.messages.length);
    this.eventCounts.push(t.events.length);
    this.slab.push(o.slab);
    this.starts.push(start);
    this.ends.push(o.pos);
    if (t.messages.length > 0 || t.events.length > 0) {
      const c = this.childOut;
      const from = writeChildRows(c, p.source, t);
      this.children.set(ordinal, [c.slab, from, c.pos]);
    }
    if (p.providerId !== null) this.providers.add(p.providerId);
    if (p.teamId !== null) this.teams.add(p.teamId);
  }

  /** The batch so far, as binary COPY rows; the builder starts a new batch. */
  take(): PreparedBatch {
    const dropped = new Set(this.superseded);
    const order: number[] = [];
    const quality: Record<string, number> = {};
    const ticketsByProvider: Record<string, number> = {};
    let messageCount = 0;
    let eventCount = 0;
    let bytes = 0;
    for (let i = 0; i < this.flags.length; i++) {
      if (dropped.has(i)) continue;
      order.push(i);
      const provider = this.providerOf[i] ?? 'none';
      ticketsByProvider[provider] = (ticketsByProvider[provider] ?? 0) + 1;
      messageCount += this.messageCounts[i]!;
      eventCount += this.eventCounts[i]!;
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
    // The child rows are handed on as the slabs hold them, one piece per run of contiguous rows
    // (a slab's rows are contiguous unless a superseded ticket's were left out): COPY text has no
    // framing, so the pieces need not be joined, and joining them copied every child byte once more.
    const childSlabs = this.childOut.slabs;
    const children: Buffer[] = [];
    let runSlab = -1;
    let runFrom = 0;
    let runTo = 0;
    for (const [slab, from, to] of this.children.values()) {
      if (slab === runSlab && from === runTo) {
        runTo = to;
        continue;
      }
      if (runSlab >= 0) children.push(childSlabs[runSlab]!.subarray(runFrom, runTo));
      runSlab = slab;
      runFrom = from;
      runTo = to;
    }
    if (runSlab >= 0) children.push(childSlabs[runSlab]!.subarray(runFrom, runTo));
    const prepared: PreparedBatch = {
      now: this.now,
      ticketCount: order.length,
      ticketRows: order.length === 0 ? [] : [rows],
      childRows: children,
      quality,
      messageCount,
      eventCount,
      ticketsByProvider,
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
    this.providerOf = [];
    this.messageCounts = [];
    this.eventCounts = [];
    this.providers = new Set();
    this.teams = new Set();
    this.out.reset();
    this.childOut.reset();
    this.now = this.clock();
    return prepared;
  }
}
