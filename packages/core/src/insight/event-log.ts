import {
  applyTicketColumns,
  type ColumnMapping,
  RecordReader,
  type SourceRecord,
  statusOf,
} from './mapping.js';
import {
  blankTicket,
  type MapResult,
  mapRow,
  RowRejected,
  type TicketEvent,
  type TicketStatus,
} from './ticket.js';

/** One event-log row, read: the case it belongs to, when, and what it says. */
export interface EventRow {
  readonly caseId: string;
  readonly at: Date;
  readonly statusRaw: string | null;
  readonly team: string | null;
  readonly supportLine: string | null;
  readonly assignee: string | null;
  readonly record: SourceRecord;
}

/** Reads one event-log row; a missing case id or timestamp rejects it, naming the column. */
export function readEventRow(
  mapping: ColumnMapping,
  record: SourceRecord,
): { ok: true; row: EventRow } | { ok: false; field: string; reason: string } {
  const spec = mapping.events;
  if (!spec) throw new Error('readEventRow: mapping has no events section');
  const r = new RecordReader(mapping, record);
  const caseId = r.column(spec.caseId);
  if (caseId === null) return { ok: false, field: spec.caseId, reason: 'missing case id' };
  let at: Date | null;
  try {
    at = r.date('createdAt', spec.at);
  } catch (err) {
    const e = err as RowRejected;
    return { ok: false, field: spec.at, reason: e.reason ?? e.message };
  }
  if (at === null) return { ok: false, field: spec.at, reason: 'missing event time' };
  return {
    ok: true,
    row: {
      caseId,
      at,
      statusRaw: r.column(spec.status),
      team: r.column(spec.team),
      supportLine: r.column(spec.supportLine),
      assignee: r.column(spec.assignee),
      record,
    },
  };
}

const isDone = (s: TicketStatus | null) => s === 'solved' || s === 'closed';

const ticketColumnCache = new WeakMap<ColumnMapping, readonly string[]>();

/** The source columns applyTicketColumns reads for this mapping (remembered per mapping object). */
function ticketColumnsOf(mapping: ColumnMapping): readonly string[] {
  let columns = ticketColumnCache.get(mapping);
  if (!columns) {
    columns = [...new Set(Object.values(mapping.columns).filter((c): c is string => !!c))];
    ticketColumnCache.set(mapping, columns);
  }
  return columns;
}

function sameTexts(a: SourceRecord, b: SourceRecord, columns: readonly string[]): boolean {
  for (let i = 0; i < columns.length; i++) if (a[columns[i]!] !== b[columns[i]!]) return false;
  return true;
}

/**
 * Rebuilds one ticket from its event-log rows (one case). Events are ordered by time, ties kept in
 * file order. Definitions:
 * - created: the mapped `createdAt` column when present, else the earliest event;
 * - first response: the first event whose raw status is in `firstResponseStatuses`;
 * - solved / closed: the last entry into a solved / closed status (after the last reopening);
 *   a mapped `solvedAt` / `closedAt` column wins when present; when the mapped `solvedAt` column is
 *   empty for the case, the events' solve time is marked inferred (`resolution_inferred`);
 * - reopening: a move from solved or closed to any other known status (count and last time);
 * - hand-off: a change of team between consecutive events that both name one (A → B; nulls skipped);
 *   support-line changes (L1 → L2) are counted too, in `custom.lineChanges`.
 * - status: the canonical status of the last status word; null (flagged `unknown_status`) when the
 *   mapping does not cover that last word.
 * Ticket attributes (priority, category, …) are taken from the latest row that has them.
 */
export function rebuildFromEvents(mapping: ColumnMapping, rows: readonly EventRow[]): MapResult {
  return mapRow(() => {
    const first = rows[0];
    if (!first) throw new RowRejected('events', 'a case needs at least one event');
    const ordered = rows.map((row, index) => ({ row, index }));
    ordered.sort((a, b) => a.row.at.getTime() - b.row.at.getTime() || a.index - b.index);
    const firstResponseStatuses = new Set(mapping.events?.firstResponseStatuses ?? []);
    const t = blankTicket(first.caseId);
    // The latest row with a value wins. A row whose mapped ticket columns read exactly as the row
    // before it changes nothing (applying the same texts again sets the same values), so it is not
    // read again: most rows of an event log repeat the case's attributes, dates included.
    const ticketColumns = ticketColumnsOf(mapping);
    let previous: SourceRecord | null = null;
    for (const { row } of ordered) {
      if (previous === null || !sameTexts(previous, row.record, ticketColumns))
        applyTicketColumns(t, new RecordReader(mapping, row.record));
      previous = row.record;
    }
    const explicit = { createdAt: t.createdAt, solvedAt: t.solvedAt, closedAt: t.closedAt };
    const events: TicketEvent[] = [];
    let status: TicketStatus | null = null;
    let statusRaw: string | null = null;
    let team: string | null = null;
    let line: string | null = null;
    let firstResponseAt: Date | null = null;
    let solvedAt: Date | null = null;
    let closedAt: Date | null = null;
    let reopenedAt: Date | null = null;
    let reopenCount = 0;
    let handoffCount = 0;
    let lineChanges = 0;
    let unknownStatus: string | null = null;
    // The case's current status is its last status word: when the mapping does not cover that word,
    // the status is unknown (flagged), not the last word it did cover (a case ending
    // `Completed-Cancelled` is not open).
    let lastWordUnknown = false;
    // One function for the case, not one closure per row.
    let row = first;
    const push = (kind: TicketEvent['kind'], s: TicketStatus | null) =>
      events.push({
        seq: events.length,
        at: row.at,
        kind,
        status: s,
        statusRaw: row.statusRaw,
        team: row.team,
        supportLine: row.supportLine,
        assignee: row.assignee,
      });
    for (const o of ordered) {
      row = o.row;
      if (events.length === 0) push('created', statusOf(mapping, row.statusRaw));
      if (row.statusRaw !== null) {
        const next = statusOf(mapping, row.statusRaw);
        lastWordUnknown = next === null;
        if (next === null) unknownStatus = row.statusRaw;
        if (firstResponseAt === null && firstResponseStatuses.has(row.statusRaw)) firstResponseAt = row.at;
        if (next !== null && next !== status) {
          if (isDone(status) && !isDone(next)) {
            reopenCount++;
            reopenedAt = row.at;
            solvedAt = null;
            closedAt = null;
            push('reopen', next);
          } else if (events.length > 1 || status !== null) push('status', next);
          if (next === 'solved' && solvedAt === null) solvedAt = row.at;
          if (next === 'closed') {
            closedAt = row.at;
            solvedAt ??= row.at;
          }
          status = next;
        }
        statusRaw = row.statusRaw;
      }
      if (row.team !== null) {
        if (team !== null && row.team !== team) {
          handoffCount++;
          push('handoff', status);
        }
        team = row.team;
      }
      if (row.supportLine !== null) {
        if (line !== null && row.supportLine !== line) lineChanges++;
        line = row.supportLine;
      }
      if (row.assignee !== null) t.assignee = row.assignee;
    }
    t.createdAt = explicit.createdAt ?? ordered[0]!.row.at;
    t.firstResponseAt = t.firstResponseAt ?? firstResponseAt;
    t.solvedAt = explicit.solvedAt ?? solvedAt;
    // The mapping names the source's own resolved column and it is empty for this case: a solve time
    // from the events is a guess (often 0 s after creation), flagged and kept out of resolution KPIs.
    t.solvedAtInferred =
      mapping.columns.solvedAt !== undefined && explicit.solvedAt === null && t.solvedAt !== null;
    t.closedAt = explicit.closedAt ?? closedAt;
    t.reopenedAt = reopenedAt;
    t.reopenCount = Math.max(t.reopenCount, reopenCount);
    t.handoffCount = Math.max(t.handoffCount, handoffCount);
    t.statusRaw = statusRaw ?? t.statusRaw;
    t.status = lastWordUnknown ? null : (status ?? (unknownStatus !== null ? null : t.status));
    if (unknownStatus !== null && status === null) t.statusRaw = unknownStatus;
    t.group = team ?? t.group;
    t.supportLine = line ?? t.supportLine;
    t.custom = { ...t.custom, eventCount: String(rows.length), lineChanges: String(lineChanges) };
    t.events = events;
    return t;
  });
}
