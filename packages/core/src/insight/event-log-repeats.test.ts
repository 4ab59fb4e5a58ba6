import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEventRow, rebuildFromEvents } from './event-log.js';
import { applyTicketColumns, RecordReader } from './mapping.js';
import { testMapping } from './mapping.test-helper.js';
import { blankTicket, type ImportedTicket, mapRow } from './ticket.js';

// rebuildFromEvents reads a row's ticket columns only when they differ from the row before it
// (most rows of an event log repeat them). The case's attributes, and whether it is rejected, must
// be exactly what reading every row in time order gives: the latest row with a value wins.
const mapping = testMapping({
  kind: 'events',
  columns: {
    priority: 'prio',
    topic: 'cat',
    requester: 'caller',
    slaMet: 'sla',
    createdAt: 'opened',
    tags: 'tags',
    csat: 'score',
  },
  statusMap: { New: 'new', Active: 'open', Resolved: 'solved' },
  priorityMap: { P1: 'urgent', P2: 'high' },
  tagSeparator: ';',
  events: { caseId: 'id', at: 'at', status: 'state', firstResponseStatuses: ['Active'] },
});

const value = (...options: string[]) => fc.constantFrom(...options);
/** Mostly readable values, now and then one that rejects the case (so both outcomes are compared). */
const orBad = (bad: string, ...options: string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...options), weight: 30 },
    { arbitrary: fc.constant(bad), weight: 1 },
  );
// Few distinct values, so consecutive rows often repeat (the case the shortcut takes) and often not.
const row = fc.record({
  minute: fc.integer({ min: 0, max: 5 }),
  state: value('New', 'Active', 'Resolved', '?'),
  prio: value('P1', 'P2', '?', ''),
  cat: value('A', 'B', '?'),
  caller: value('c1', 'c2', ''),
  sla: orBad('maybe', 'true', 'false', '?'),
  opened: orBad('2024-02-30T00:00:00Z', '2024-01-01T08:00:00Z', '2024-01-01T07:00:00Z', '?'),
  tags: value('x;y', 'y', '?'),
  score: orBad('9', '4', '5', '?'),
});
const changes = row.chain((r) =>
  fc.subarray(Object.keys(r) as (keyof typeof r)[]).map((keys) => {
    const step: Partial<typeof r> = {};
    for (const k of keys) (step as Record<string, unknown>)[k] = r[k];
    return step;
  }),
);

/** The reference: every row's ticket columns applied in time order (ties in file order). */
function everyRow(records: Record<string, string>[]): ReturnType<typeof mapRow> {
  return mapRow(() => {
    const ordered = records
      .map((record, index) => ({ record, index }))
      .sort((a, b) => a.record.at!.localeCompare(b.record.at!) || a.index - b.index);
    const t = blankTicket('C1');
    for (const { record } of ordered) applyTicketColumns(t, new RecordReader(mapping, record));
    return t;
  });
}

const attributes = (t: ImportedTicket) => ({
  priority: t.priority,
  priorityRaw: t.priorityRaw,
  topic: t.topic,
  requester: t.requester,
  slaBreached: t.slaBreached,
  tags: t.tags,
  csat: t.csat,
});

describe('rebuildFromEvents: repeated ticket columns', () => {
  it('gives the attributes (or the rejection) that reading every row gives', () => {
    fc.assert(
      fc.property(row, fc.array(changes, { maxLength: 12 }), (start, steps) => {
        // Each row is the one before it with a few columns changed (often none, often one).
        const list = [start];
        for (const step of steps) list.push({ ...list[list.length - 1]!, ...step });
        const records = list.map((r) => ({
          id: 'C1',
          at: `2024-01-01T09:0${r.minute}:00Z`,
          state: r.state,
          prio: r.prio,
          cat: r.cat,
          caller: r.caller,
          sla: r.sla,
          opened: r.opened,
          tags: r.tags,
          score: r.score,
        }));
        const rows = records.map((record) => {
          const read = readEventRow(mapping, record);
          if (!read.ok) throw new Error(read.reason);
          return read.row;
        });
        const rebuilt = rebuildFromEvents(mapping, rows);
        const reference = everyRow(records);
        expect(rebuilt.ok).toBe(reference.ok);
        if (rebuilt.ok && reference.ok)
          expect(attributes(rebuilt.ticket)).toEqual(attributes(reference.ticket));
        if (!rebuilt.ok && !reference.ok) expect(rebuilt.errors).toEqual(reference.errors);
      }),
      { numRuns: 500 },
    );
  });
});
