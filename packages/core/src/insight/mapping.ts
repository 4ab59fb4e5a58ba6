import { channelNamed } from '../domain/vocabulary.js';
import { isCsatScale, normaliseCsat } from './csat.js';
import { type DateFormat, parseDateMemo } from './date-parse.js';
import {
  blankTicket,
  type Channel,
  type CsatScale,
  type ImportedTicket,
  type MapResult,
  mapRow,
  RowRejected,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketPriority,
  type TicketStatus,
} from './ticket.js';

/** Canonical fields a source column can be mapped to. */
export const MAPPABLE_FIELDS = [
  'externalId',
  'number',
  'subject',
  'description',
  'status',
  'priority',
  'channel',
  'language',
  'topic',
  'tags',
  'requester',
  'assignee',
  'group',
  'supportLine',
  'createdAt',
  'firstResponseAt',
  'solvedAt',
  'closedAt',
  'reopenedAt',
  'reopenCount',
  'handoffCount',
  'firstResponseSeconds',
  'resolutionSeconds',
  'slaMet',
  'slaBreached',
  'csat',
  'callWaitSeconds',
  'callHandleSeconds',
  'abandoned',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** Event-log settings: one source row per status change, rebuilt into one ticket per case. */
export interface EventLogSpec {
  /** Column holding the case (ticket) id; rows of one case must be contiguous in the file. */
  readonly caseId: string;
  /** Column holding when the event happened. */
  readonly at: string;
  /** Columns for the event's status, team / assignment group, support line and assignee. */
  readonly status?: string | undefined;
  readonly team?: string | undefined;
  readonly supportLine?: string | undefined;
  readonly assignee?: string | undefined;
  /** Raw statuses whose first occurrence counts as the first response (work taken up). */
  readonly firstResponseStatuses: readonly string[];
}

/** Reply-thread settings (social channels): one row per post, threads rebuilt from reply links. */
export interface ThreadSpec {
  readonly id: string;
  readonly inReplyTo: string;
  readonly inbound: string;
  readonly author: string;
  readonly at: string;
  readonly text: string;
}

/**
 * A column-mapping file for generic CSV/TSV/NDJSON: which source column feeds which canonical
 * field, how its dates, nulls and words read. Validated at the edge (server, zod); this is its type.
 */
export interface ColumnMapping {
  readonly kind: 'tickets' | 'events' | 'threads';
  readonly source: string;
  readonly timeZone: string;
  readonly dateFormat: DateFormat;
  readonly dateFormats: Partial<Record<MappableField, DateFormat>>;
  readonly nullMarkers: readonly string[];
  readonly columns: Partial<Record<MappableField, string>>;
  readonly statusMap: Readonly<Record<string, TicketStatus>>;
  readonly priorityMap: Readonly<Record<string, TicketPriority>>;
  readonly channelMap: Readonly<Record<string, Channel>>;
  readonly csatScale: CsatScale;
  readonly durationUnit: 'seconds' | 'minutes' | 'hours';
  readonly tagSeparator: string;
  /** Fixed channel when the file has no channel column (e.g. a phone-only log). */
  readonly channel?: Channel | undefined;
  readonly events?: EventLogSpec | undefined;
  readonly threads?: ThreadSpec | undefined;
}

/** Every source column a mapping reads: checked against the file's header before any row is read. */
export function columnsNamedBy(mapping: ColumnMapping): string[] {
  const named = new Set<string>(Object.values(mapping.columns).filter((c): c is string => !!c));
  const e = mapping.events;
  if (e) for (const c of [e.caseId, e.at, e.status, e.team, e.supportLine, e.assignee]) if (c) named.add(c);
  const t = mapping.threads;
  if (t) for (const c of [t.id, t.inReplyTo, t.inbound, t.author, t.at, t.text]) named.add(c);
  return [...named];
}

/** A source record: column name → raw text (undefined when the column is absent). */
export type SourceRecord = Readonly<Record<string, string | undefined>>;

/** Reads fields of one record through a mapping, throwing RowRejected naming the column on bad values. */
export class RecordReader {
  constructor(
    readonly mapping: ColumnMapping,
    readonly record: SourceRecord,
  ) {}

  /** The raw text of a column, or null when empty or a null marker. */
  column(name: string | undefined): string | null {
    if (!name) return null;
    const v = this.record[name];
    if (v === undefined) return null;
    const trimmed = v.trim();
    if (trimmed === '' || this.mapping.nullMarkers.includes(trimmed)) return null;
    return trimmed;
  }

  text(field: MappableField): string | null {
    return this.column(this.mapping.columns[field]);
  }

  date(field: MappableField, column = this.mapping.columns[field]): Date | null {
    const v = this.column(column);
    if (v === null) return null;
    const format = this.mapping.dateFormats[field] ?? this.mapping.dateFormat;
    try {
      return parseDateMemo(v, format, this.mapping.timeZone);
    } catch (err) {
      throw new RowRejected(column ?? field, (err as Error).message);
    }
  }

  number(field: MappableField): number | null {
    const v = this.text(field);
    if (v === null) return null;
    const n = Number(v);
    if (!Number.isFinite(n))
      throw new RowRejected(this.mapping.columns[field] ?? field, `"${v}" is not a number`);
    return n;
  }

  seconds(field: MappableField): number | null {
    const n = this.number(field);
    if (n === null) return null;
    const factor = { seconds: 1, minutes: 60, hours: 3600 }[this.mapping.durationUnit];
    return Math.round(n * factor);
  }

  boolean(field: MappableField): boolean | null {
    const v = this.text(field);
    if (v === null) return null;
    const folded = v.toLowerCase();
    if (['true', 't', 'yes', 'y', '1'].includes(folded)) return true;
    if (['false', 'f', 'no', 'n', '0'].includes(folded)) return false;
    throw new RowRejected(this.mapping.columns[field] ?? field, `"${v}" is not a boolean`);
  }
}

/** Canonical status for a raw word: the mapping's table first, then the canonical names themselves. */
export function statusOf(mapping: ColumnMapping, raw: string | null): TicketStatus | null {
  if (raw === null) return null;
  const mapped = mapping.statusMap[raw];
  if (mapped) return mapped;
  const folded = raw.toLowerCase().replace(/[\s-]+/g, '_');
  return (TICKET_STATUSES as readonly string[]).includes(folded) ? (folded as TicketStatus) : null;
}

export function priorityOf(mapping: ColumnMapping, raw: string | null): TicketPriority | null {
  if (raw === null) return null;
  const mapped = mapping.priorityMap[raw];
  if (mapped) return mapped;
  const folded = raw.toLowerCase();
  if (folded === 'medium') return 'normal';
  return (TICKET_PRIORITIES as readonly string[]).includes(folded) ? (folded as TicketPriority) : null;
}

export function channelOf(mapping: ColumnMapping, raw: string | null): Channel | null {
  if (raw === null) return mapping.channel ?? null;
  const mapped = mapping.channelMap[raw];
  if (mapped) return mapped;
  return channelNamed(raw.toLowerCase()) ?? 'other';
}

/** Fills the ticket-level fields a mapping names from one record (shared by flat and event-log files). */
export function applyTicketColumns(t: ImportedTicket, r: RecordReader): void {
  const m = r.mapping;
  t.number = r.text('number') ?? t.number;
  t.subject = r.text('subject') ?? t.subject;
  t.description = r.text('description') ?? t.description;
  const statusRaw = r.text('status');
  if (statusRaw !== null) {
    t.statusRaw = statusRaw;
    t.status = statusOf(m, statusRaw);
  }
  const priorityRaw = r.text('priority');
  if (priorityRaw !== null) {
    t.priorityRaw = priorityRaw;
    t.priority = priorityOf(m, priorityRaw);
  }
  t.channel = channelOf(m, r.text('channel')) ?? t.channel;
  t.language = r.text('language') ?? t.language;
  t.topic = r.text('topic') ?? t.topic;
  const tags = r.text('tags');
  if (tags !== null)
    t.tags = tags
      .split(m.tagSeparator)
      .map((s) => s.trim())
      .filter(Boolean);
  t.requester = r.text('requester') ?? t.requester;
  t.assignee = r.text('assignee') ?? t.assignee;
  t.group = r.text('group') ?? t.group;
  t.supportLine = r.text('supportLine') ?? t.supportLine;
  t.createdAt = r.date('createdAt') ?? t.createdAt;
  t.firstResponseAt = r.date('firstResponseAt') ?? t.firstResponseAt;
  t.solvedAt = r.date('solvedAt') ?? t.solvedAt;
  t.closedAt = r.date('closedAt') ?? t.closedAt;
  t.reopenedAt = r.date('reopenedAt') ?? t.reopenedAt;
  t.reopenCount = r.number('reopenCount') ?? t.reopenCount;
  t.handoffCount = r.number('handoffCount') ?? t.handoffCount;
  t.firstResponseSeconds = r.seconds('firstResponseSeconds') ?? t.firstResponseSeconds;
  t.resolutionSeconds = r.seconds('resolutionSeconds') ?? t.resolutionSeconds;
  t.callWaitSeconds = r.seconds('callWaitSeconds') ?? t.callWaitSeconds;
  t.callHandleSeconds = r.seconds('callHandleSeconds') ?? t.callHandleSeconds;
  t.abandoned = r.boolean('abandoned') ?? t.abandoned;
  const slaMet = r.boolean('slaMet');
  if (slaMet !== null) t.slaBreached = !slaMet;
  t.slaBreached = r.boolean('slaBreached') ?? t.slaBreached;
  const csat = r.number('csat');
  if (csat !== null) {
    if (!isCsatScale(m.csatScale)) throw new RowRejected('csat', `unknown scale ${m.csatScale}`);
    t.csat = { score: csat, scale: m.csatScale };
    try {
      normaliseCsat(t.csat);
    } catch (err) {
      throw new RowRejected(m.columns.csat ?? 'csat', (err as Error).message);
    }
  }
}

/**
 * Maps one flat record (one row per ticket) through a column mapping. A missing external id or an
 * unreadable value rejects the row, naming the source column.
 */
export function mapFlatRecord(mapping: ColumnMapping, record: SourceRecord): MapResult {
  const result = mapFlatRow(mapping, record);
  if (result.ok) return result;
  // Name the source column where the problem is a mapped field's (text checks name canonical fields).
  return {
    ok: false,
    errors: result.errors.map((e) => ({
      field: mapping.columns[e.field as MappableField] ?? e.field,
      reason: e.reason,
    })),
  };
}

function mapFlatRow(mapping: ColumnMapping, record: SourceRecord): MapResult {
  return mapRow(() => {
    const r = new RecordReader(mapping, record);
    const externalId = r.text('externalId');
    if (externalId === null)
      throw new RowRejected(mapping.columns.externalId ?? 'externalId', 'missing ticket id');
    const t = blankTicket(externalId);
    applyTicketColumns(t, r);
    return t;
  });
}
