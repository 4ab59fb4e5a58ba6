// The fast paths give exactly what the slow ones give, for random inputs:
// - the Erlang C search steps 1/B incrementally: its decisions and metrics are erlangCMetrics(n);
// - the Erlang A search steps ln B between probes: its metrics are erlangAMetrics(n);
// - the interval planner plans voice rows without requiredAgents' objects and checks: same plan as
//   the general path (a chat channel at concurrency 1 goes through requiredAgents), same errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceLogErlangB, logErlangB, logErlangBAt, logErlangBCursor } from './erlang-b.js';
import { StaffingInputError } from './errors.js';
import { type ChannelModel, createIntervalPlanner, type IntervalRow } from './interval-plan.js';
import { requiredAgents, type StaffingTargets } from './required-agents.js';
import * as oracle from './targets.test-helper.js';

describe('ln B cursor', () => {
  it('stepped up in any chunks equals logErlangB(n, A) bit for bit', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 5000, noNaN: true }),
        fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 1, maxLength: 8 }),
        (offeredLoad, chunks) => {
          const cursor = logErlangBCursor();
          let agents = 0;
          for (const chunk of chunks) {
            agents += chunk;
            advanceLogErlangB(cursor, agents, offeredLoad);
            if (agents > 0) expect(logErlangBAt(cursor)).toBe(logErlangB(agents, offeredLoad));
          }
        },
      ),
    );
  });
});

describe('requiredAgents: incremental search = evaluation from scratch', () => {
  it('Erlang C: the fewest agents by a plain scan with erlangCMetrics, and exactly its metrics', () => {
    fc.assert(
      fc.property(
        oracle.cCall(2000),
        oracle.cTargetDraw(fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined })),
        ({ offeredLoad, ahtSec }, drawn) => {
          const found = requiredAgents({ offeredLoad, ahtSec, targets: oracle.cTargets(drawn) });
          let slow = Math.floor(offeredLoad) + 1;
          while (!oracle.meetsCTargets(drawn, offeredLoad, ahtSec, slow)) slow += 1;
          expect(found.rawAgents).toBe(slow);
          const m = oracle.cMetricsAt(drawn, offeredLoad, ahtSec, slow);
          expect(found.performance).toEqual({
            serviceLevel: m.serviceLevel,
            probabilityOfWait: m.probabilityOfWait,
            averageSpeedOfAnswerSec: m.averageSpeedOfAnswerSec,
            occupancy: m.occupancy,
            probabilityOfAbandon: 0,
          });
        },
      ),
    );
  });

  it('Erlang A: exactly the metrics erlangAMetrics gives at the answer, which n − 1 misses', () => {
    fc.assert(
      fc.property(
        oracle.aCall(3000),
        oracle.aTargetDraw,
        fc.constantFrom(
          'answered-within-over-offered',
          'waited-within-over-offered',
          'answered-within-excluding-short-abandons',
          'answered-within-over-answered',
        ) as fc.Arbitrary<NonNullable<StaffingTargets['serviceLevelDefinition']>>,
        (load, drawn, serviceLevelDefinition) => {
          const targets: StaffingTargets = { ...oracle.aTargets(drawn), serviceLevelDefinition };
          const found = requiredAgents({ ...load, ahtSec: 300, targets });
          const call = { ...load, serviceLevelDefinition };
          const at = (agents: number) => oracle.aMetricsAt(drawn, call, agents);
          const meets = (agents: number) => oracle.meetsATargets(drawn, call, agents);
          expect(meets(found.rawAgents)).toBe(true);
          expect(meets(found.rawAgents - 1)).toBe(false);
          const m = at(found.rawAgents);
          expect(found.performance).toEqual({
            serviceLevel: m.serviceLevel,
            probabilityOfWait: m.probabilityOfWait,
            averageSpeedOfAnswerSec: m.averageSpeedOfAnswerSec,
            occupancy: m.occupancy,
            probabilityOfAbandon: m.probabilityOfAbandon,
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

/** Plans `row` on the voice fast path and on the general path (chat at concurrency 1). */
function planBothWays(
  row: IntervalRow,
  model: { patienceSec?: number; targets?: StaffingTargets },
  options: { shrinkage?: number; minimumAgentsPerOpenInterval?: number; targets?: StaffingTargets },
) {
  const channels: Record<string, ChannelModel> = {
    voice: { kind: 'voice', ...model },
    chat: { kind: 'chat', concurrency: 1, ...model },
  };
  const outcome = (channel: string) => {
    try {
      const planner = createIntervalPlanner({ ...options, channels });
      const { channel: _channel, ...plan } = planner.plan({ ...row, channel });
      return { plan, totals: planner.totals() };
    } catch (error) {
      if (!(error instanceof StaffingInputError)) throw error;
      return { error: `${error.field}: ${error.reason}` };
    }
  };
  return { fast: outcome('voice'), general: outcome('chat') };
}

describe('interval planner: the voice fast path = the general path', () => {
  const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
  const targetsArbitrary = fc.record(
    {
      serviceLevel: fc.record({
        fraction: fc.integer({ min: 1, max: 99 }).map((p) => p / 100),
        withinSec: fc.integer({ min: 0, max: 60 }),
      }),
      maxAverageSpeedOfAnswerSec: fc.integer({ min: 5, max: 120 }),
      maxOccupancy: fc.integer({ min: 60, max: 100 }).map((p) => p / 100),
      serviceLevelDefinition: fc.constantFrom('answered-within-over-offered', 'waited-within-over-offered'),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<StaffingTargets>;

  it('gives the same plan and totals for random rows, targets, minimums and shrinkage', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 200, max: 6000 }).map((tenths) => tenths / 10),
        fc.constantFrom(15, 30, 60) as fc.Arbitrary<15 | 30 | 60>,
        fc.boolean(),
        maybe(fc.constantFrom(60, 180, 600, Number.POSITIVE_INFINITY)),
        maybe(fc.integer({ min: 1, max: 20 }).map((p) => p / 100)),
        targetsArbitrary,
        maybe(fc.integer({ min: 0, max: 8 })),
        maybe(fc.constantFrom(0, 0.3, 0.35, 0.123456789)),
        (volume, ahtSec, intervalMin, open, patienceSec, maxAbandonRate, targets, minimum, shrinkage) => {
          const finitePatience = patienceSec !== undefined && patienceSec !== Number.POSITIVE_INFINITY;
          const channelTargets = {
            ...targets,
            ...(finitePatience && maxAbandonRate !== undefined && { maxAbandonRate }),
          };
          const { fast, general } = planBothWays(
            { start: '2025-03-03T21:45', volume, ahtSec, intervalMin, open },
            { ...(patienceSec !== undefined && { patienceSec }), targets: channelTargets },
            {
              ...(shrinkage !== undefined && { shrinkage }),
              ...(minimum !== undefined && { minimumAgentsPerOpenInterval: minimum }),
            },
          );
          expect(fast).toEqual(general);
          expect('plan' in fast).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('throws the same error for the same bad input', () => {
    const bad: [IntervalRow, { patienceSec?: number; targets?: StaffingTargets }, { shrinkage?: number }][] =
      [
        [{ start: '2025-03-03T09:00', volume: -1, ahtSec: 300 }, {}, {}],
        [{ start: '2025-03-03T09:00', volume: 10, ahtSec: 0 }, {}, {}],
        [{ start: '2025-03-03T09:00', volume: Number.NaN, ahtSec: 300 }, {}, {}],
        [
          {
            start: '2025-03-03T09:00',
            volume: 10,
            ahtSec: 300,
            serviceLevel: { fraction: 1, withinSec: 20 },
          },
          {},
          {},
        ],
        [
          {
            start: '2025-03-03T09:00',
            volume: 10,
            ahtSec: 300,
            serviceLevel: { fraction: 0.8, withinSec: -1 },
          },
          {},
          {},
        ],
        [{ start: '2025-03-03T09:00', volume: 10, ahtSec: 300, maxOccupancy: 0 }, {}, {}],
        [{ start: '2025-03-03T09:00', volume: 10, ahtSec: 300, maxOccupancy: 1.5 }, {}, {}],
        [{ start: '2025-03-03T09:00', volume: 10, ahtSec: 300 }, { targets: { maxAbandonRate: 0.05 } }, {}],
        [{ start: '2025-03-03T09:00', volume: 10, ahtSec: 300 }, { patienceSec: -5 }, {}],
        [
          { start: '2025-03-03T09:00', volume: 10, ahtSec: 300 },
          { targets: { maxAverageSpeedOfAnswerSec: 0 } },
          {},
        ],
        [{ start: '2025-03-03T09:00', volume: 10, ahtSec: 300, shrinkage: 1 }, {}, {}],
        [{ start: '2025-03-03T09:00', volume: 10, ahtSec: 300 }, {}, { shrinkage: 0.9999999999 }],
        [{ start: '2025-03-03T09:00', volume: -1, ahtSec: 300, shrinkage: 1 }, {}, {}],
      ];
    for (const [row, model, options] of bad) {
      const { fast, general } = planBothWays(row, model, options);
      expect(fast).toEqual(general);
      expect('error' in fast, JSON.stringify(row)).toBe(true);
    }
  });

  it('plans a row exactly as the same row in a fresh planner after thousands of others', () => {
    const rows: IntervalRow[] = Array.from({ length: 3000 }, (_, i) => ({
      start: '2025-03-03T09:00',
      volume: (i * 7919) % 400,
      ahtSec: 180 + ((i * 31) % 50) * 6.3,
      serviceLevel: { fraction: i % 3 === 0 ? 0.9 : 0.8, withinSec: 20 },
      shrinkage: i % 5 === 0 ? 0.25 : 0.3,
    }));
    const options = { targets: { maxOccupancy: 0.85 }, minimumAgentsPerOpenInterval: 2 };
    const planner = createIntervalPlanner(options);
    for (const row of rows) expect(planner.plan(row)).toEqual(createIntervalPlanner(options).plan(row));
  });
});
