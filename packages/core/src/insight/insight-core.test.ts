import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseCsat } from './csat.js';
import { parseDate } from './date-parse.js';
import { type EventRow, readEventRow, rebuildFromEvents } from './event-log.js';
import { testMapping } from './mapping.test-helper.js';
import { median, p90, quantile } from './quantile.js';
import { extractTopic } from './topics.js';

describe('quantile (Hyndman–Fan type 7, = PostgreSQL percentile_cont)', () => {
  it('matches R', () => {
    // confirmed in R: quantile(1:4, 0.5) = 2.5; quantile(c(1,2,3,4,10), 0.9) = 7.6
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 10], 0.9)).toBeCloseTo(7.6, 12);
    expect(median([])).toBeNull();
  });
  it('median ≤ p90, both within [min, max]', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1 }), (xs) => {
        const m = median(xs)!;
        const p = p90(xs)!;
        expect(m).toBeLessThanOrEqual(p);
        expect(m).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(p).toBeLessThanOrEqual(Math.max(...xs));
      }),
    );
  });
});

describe('parseDate', () => {
  it('reads day-first dates in a zone, ISO with offsets, Twitter and fractions', () => {
    expect(parseDate('29/2/2016 01:16', 'D/M/YYYY HH:mm', 'UTC').toISOString()).toBe(
      '2016-02-29T01:16:00.000Z',
    );
    expect(parseDate('2010-03-31T15:59:42+01:00', 'iso', 'UTC').toISOString()).toBe(
      '2010-03-31T14:59:42.000Z',
    );
    expect(
      parseDate('Wed Oct 11 06:55:44 +0000 2017', 'EEE MMM DD HH:mm:ss Z YYYY', 'UTC').toISOString(),
    ).toBe('2017-10-11T06:55:44.000Z');
    expect(parseDate('2012/10/09 14:50:17.000', 'YYYY/MM/DD HH:mm:ss.SSS', 'Europe/Rome').toISOString()).toBe(
      '2012-10-09T12:50:17.000Z',
    );
    expect(parseDate('2023-06-01 12:15:36', 'iso', 'UTC').toISOString()).toBe('2023-06-01T12:15:36.000Z');
  });
  it('rejects impossible dates naming the format', () => {
    expect(() => parseDate('30/2/2016 01:16', 'D/M/YYYY HH:mm', 'UTC')).toThrow(/not a real date/);
    expect(() => parseDate('yesterday', 'D/M/YYYY HH:mm', 'UTC')).toThrow(/does not match/);
  });
});

describe('CSAT and topics', () => {
  it('normalises scales onto [0, 1]', () => {
    expect(normaliseCsat({ score: 4, scale: '1-5' })).toBe(0.75);
    expect(normaliseCsat({ score: 1, scale: 'binary' })).toBe(1);
    expect(normaliseCsat({ score: 7, scale: '0-10' })).toBe(0.7);
    expect(() => normaliseCsat({ score: 6, scale: '1-5' })).toThrow(/outside/);
  });
  it('finds topics in several languages', () => {
    expect(extractTopic({ tags: [], subject: 'Fatura hatası', text: null })).toBe('billing');
    expect(extractTopic({ tags: [], subject: 'Nem tudok bejelentkezni', text: null })).toBe('account_access');
    expect(extractTopic({ tags: [], subject: 'Kur ir mana paciņa? piegāde kavējas', text: null })).toBe(
      'delivery',
    );
    expect(extractTopic({ tags: ['Refund request'], subject: null, text: null })).toBe('refund');
    expect(extractTopic({ tags: [], subject: 'hello', text: null })).toBeNull();
  });
});

describe('rebuildFromEvents', () => {
  const mapping = testMapping({
    kind: 'events',
    statusMap: { New: 'new', Active: 'open', Resolved: 'solved', Closed: 'closed' },
    events: { caseId: 'id', at: 'at', status: 'state', team: 'group', firstResponseStatuses: ['Active'] },
  });
  const rows = (list: [string, string, string][]): EventRow[] =>
    list.map(([at, state, group]) => {
      const r = readEventRow(mapping, { id: 'INC1', at, state, group });
      if (!r.ok) throw new Error(r.reason);
      return r.row;
    });
  it('derives lifecycle, hand-offs and reopenings', () => {
    const result = rebuildFromEvents(
      mapping,
      rows([
        ['2024-01-01T08:00:00Z', 'New', 'G1'],
        ['2024-01-01T09:00:00Z', 'Active', 'G1'],
        ['2024-01-01T10:00:00Z', 'Active', 'G2'],
        ['2024-01-01T11:00:00Z', 'Resolved', 'G2'],
        ['2024-01-02T08:00:00Z', 'Active', 'G1'],
        ['2024-01-02T12:00:00Z', 'Resolved', '?'],
        ['2024-01-03T12:00:00Z', 'Closed', '?'],
      ]),
    );
    if (!result.ok) throw new Error('rejected');
    const t = result.ticket;
    expect(t.createdAt?.toISOString()).toBe('2024-01-01T08:00:00.000Z');
    expect(t.firstResponseAt?.toISOString()).toBe('2024-01-01T09:00:00.000Z');
    expect(t.solvedAt?.toISOString()).toBe('2024-01-02T12:00:00.000Z');
    expect(t.closedAt?.toISOString()).toBe('2024-01-03T12:00:00.000Z');
    expect(t.reopenCount).toBe(1);
    expect(t.handoffCount).toBe(2);
    expect(t.status).toBe('closed');
    expect(t.group).toBe('G1');
  });
});
