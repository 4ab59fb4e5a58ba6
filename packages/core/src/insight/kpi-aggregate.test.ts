import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateKpis, compareKeys, groupRows, selectRows } from './kpi-aggregate.js';
import { quantile } from './quantile.js';
import { DURATION_COLUMNS, NULL_BOOL, type TicketColumns } from './ticket-columns.js';

interface T {
  created: number | null;
  channel: string | null;
  team: string | null;
  status: string | null;
  resolution: number | null;
  csat: number | null;
  sla: boolean | null;
  flags: string[];
}

const ticket = fc.record({
  created: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
  channel: fc.option(fc.constantFrom('email', 'chat', 'phone'), { nil: null }),
  team: fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: null }),
  status: fc.option(fc.constantFrom('open', 'solved', 'closed'), { nil: null }),
  resolution: fc.option(fc.integer({ min: -50, max: 500 }), { nil: null }),
  csat: fc.option(fc.constantFrom(0, 0.25, 0.5, 0.75, 1), { nil: null }),
  sla: fc.option(fc.boolean(), { nil: null }),
  flags: fc.subarray(['negative_duration', 'no_provider']),
});

function columns(ts: T[]): TicketColumns {
  const n = ts.length;
  // Codes in first-seen order, −1 for null, as the column loader assigns them.
  const dict = (get: (t: T) => string | null) => {
    const values: string[] = [];
    const codes = Int32Array.from(ts, (t) => {
      const v = get(t);
      if (v === null) return -1;
      const i = values.indexOf(v);
      return i >= 0 ? i : values.push(v) - 1;
    });
    return { codes, values };
  };
  const none = dict(() => null);
  const channel = dict((t) => t.channel);
  const team = dict((t) => t.team);
  const status = dict((t) => t.status);
  const nan = (v: number | null) => (v === null ? Number.NaN : v);
  const flagNames = ['negative_duration', 'no_provider'];
  const durations = Object.fromEntries(
    DURATION_COLUMNS.map((c) => [
      c,
      Float64Array.from(ts, (t) => (c === 'resolution' ? nan(t.resolution) : Number.NaN)),
    ]),
  ) as TicketColumns['durations'];
  return {
    length: n,
    createdMicros: Float64Array.from(ts, (t) => nan(t.created)),
    solvedMicros: new Float64Array(n).fill(Number.NaN),
    closedMicros: new Float64Array(n).fill(Number.NaN),
    codes: {
      provider: none.codes,
      team: team.codes,
      channel: channel.codes,
      priority: none.codes,
      topic: none.codes,
      language: none.codes,
      status: status.codes,
      source: none.codes,
      supportLine: none.codes,
    },
    dictionaries: {
      provider: [],
      team: team.values,
      channel: channel.values,
      priority: [],
      topic: [],
      language: [],
      status: status.values,
      source: [],
      supportLine: [],
    },
    durations,
    reopenCount: new Int32Array(n),
    handoffCount: new Int32Array(n),
    slaBreached: Int8Array.from(ts, (t) => (t.sla === null ? NULL_BOOL : t.sla ? 1 : 0)),
    abandoned: new Int8Array(n).fill(NULL_BOOL),
    csat: Float64Array.from(ts, (t) => nan(t.csat)),
    qualityMask: Uint32Array.from(ts, (t) => t.flags.reduce((m, f) => m | (1 << flagNames.indexOf(f)), 0)),
    qualityFlagNames: flagNames,
  };
}

describe('KPI aggregation over columns', () => {
  it('equals filtering, grouping and measuring ticket by ticket, for any tickets and filter', () => {
    fc.assert(
      fc.property(
        fc.array(ticket, { maxLength: 300 }),
        fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
        fc.option(fc.constantFrom('email', 'chat', 'fax'), { nil: undefined }),
        fc.option(fc.constantFrom('negative_duration', 'unknown_status'), { nil: undefined }),
        (ts, from, channel, flag) => {
          const c = columns(ts);
          const rows = selectRows(c, {
            fromMicros: from,
            equals: channel ? [{ column: 'channel', value: channel }] : [],
            qualityFlag: flag,
          });
          const kept = ts.filter(
            (t) =>
              (from === undefined || (t.created !== null && t.created >= from)) &&
              (channel === undefined || t.channel === channel) &&
              (flag === undefined || t.flags.includes(flag)),
          );
          const groups = groupRows(c, rows, { kind: 'column', column: 'team' });
          const got = aggregateKpis(c, rows, groups);
          const keys = [...new Set(kept.map((t) => t.team))];
          expect([...groups.keys].sort(compareKeys)).toEqual(keys.sort(compareKeys));
          groups.keys.forEach((key, g) => {
            const mine = kept.filter((t) => t.team === key);
            const res = mine.map((t) => t.resolution).filter((v): v is number => v !== null && v >= 0);
            const csat = mine.flatMap((t) => (t.csat === null ? [] : [t.csat]));
            const a = got[g]!;
            expect(a.tickets).toBe(mine.length);
            expect(a.solved).toBe(mine.filter((t) => t.status === 'solved' || t.status === 'closed').length);
            expect(a.durations.resolution).toEqual({
              count: res.length,
              median: quantile(res, 0.5),
              p90: quantile(res, 0.9),
              mean: res.length ? res.reduce((s, v) => s + v, 0) / res.length : null,
            });
            expect(a.slaMeasured).toBe(mine.filter((t) => t.sla !== null).length);
            expect(a.slaMet).toBe(mine.filter((t) => t.sla === false).length);
            expect(a.csatResponses).toBe(csat.length);
            expect(a.csatSatisfied).toBe(csat.filter((v) => v >= 0.75).length);
            expect(a.qualityFlagged).toBe(mine.filter((t) => t.flags.length > 0).length);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('orders keys by code point with nulls last, as PostgreSQL\'s "C" collation', () => {
    const keys = ['b', null, 'B', 'ä', 'a', '\u{1F600}', '\uFFFD', 'ab'];
    expect([...keys].sort(compareKeys)).toEqual(['B', 'a', 'ab', 'b', 'ä', '\uFFFD', '\u{1F600}', null]);
  });
});
