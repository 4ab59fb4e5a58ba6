import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requiredChatAgents } from './chat-staffing.js';
import { erlangCMetrics } from './erlang-c.js';
import { StaffingInputError } from './errors.js';
import { requiredAgents } from './required-agents.js';
import * as oracle from './targets.test-helper.js';

const sl8020 = { serviceLevel: { fraction: 0.8, withinSec: 20 } };

describe('requiredAgents (Erlang C)', () => {
  it('starts at ⌊A⌋ + 1: A = 10.6 needs 11 when 11 meets the target, not round(A + 1) = 12', () => {
    const eleven = erlangCMetrics({ agents: 11, offeredLoad: 10.6, ahtSec: 180, targetAnswerSec: 20 });
    const target = { serviceLevel: { fraction: eleven.serviceLevel - 0.01, withinSec: 20 } };
    expect(requiredAgents({ offeredLoad: 10.6, ahtSec: 180, targets: target }).rawAgents).toBe(11);
  });

  it('staffs the textbook case: 100 calls / 30 min, AHT 3 min, 80/20 → 14 agents (SL 88.8 %)', () => {
    const result = requiredAgents({ volume: 100, intervalSec: 1800, ahtSec: 180, targets: sl8020 });
    expect(result.rawAgents).toBe(14);
    expect(result.performance.serviceLevel).toBeCloseTo(0.888350019179466, 12); // erlang_bc_kernel.csv
    expect(result.binding).toBe('service-level');
  });

  it('applies shrinkage with an exact ceiling: raw 21 at 30 % → 30 scheduled', () => {
    const twentyOne = requiredAgents({ offeredLoad: 20.5, ahtSec: 300, targets: {} });
    expect(twentyOne.rawAgents).toBe(21);
    expect(
      requiredAgents({ offeredLoad: 20.5, ahtSec: 300, targets: {}, shrinkage: 0.3 }).scheduledAgents,
    ).toBe(30);
  });

  it('needs no one for no volume, and accepts t = 0 (SL = 1 − P(wait))', () => {
    expect(requiredAgents({ volume: 0, intervalSec: 900, ahtSec: 300, targets: sl8020 }).rawAgents).toBe(0);
    const immediate = requiredAgents({
      offeredLoad: 10,
      ahtSec: 180,
      targets: { serviceLevel: { fraction: 0.8, withinSec: 0 } },
    });
    expect(immediate.performance.serviceLevel).toBeCloseTo(1 - immediate.performance.probabilityOfWait, 15);
  });

  it('caps occupancy exactly: A = 17 (51 calls × 300 s / 900 s) at 85 % needs exactly 20', () => {
    const result = requiredAgents({
      volume: 51,
      intervalSec: 900,
      ahtSec: 300,
      targets: { maxOccupancy: 0.85 },
    });
    expect(result.rawAgents).toBe(20);
    expect(result.binding).toBe('occupancy');
    // At 100 % the first stable count wins: n must exceed A = 10.
    expect(
      requiredAgents({ volume: 30, intervalSec: 900, ahtSec: 300, targets: { maxOccupancy: 1 } }).rawAgents,
    ).toBe(11);
  });

  it('decides stability exactly even when A is computed: 3 calls × 300 s / 900 s = 1 needs 2', () => {
    expect(requiredAgents({ volume: 3, intervalSec: 900, ahtSec: 300, targets: {} }).rawAgents).toBe(2);
  });

  it('is minimal for random loads and targets: n meets every target, n − 1 misses one', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 3000, noNaN: true }),
        oracle.cTargetDraw(fc.integer({ min: 1, max: 99 })),
        (offeredLoad, drawn) => {
          const ahtSec = 240;
          const n = requiredAgents({ offeredLoad, ahtSec, targets: oracle.cTargets(drawn) }).rawAgents;
          expect(oracle.meetsCTargets(drawn, offeredLoad, ahtSec, n)).toBe(true);
          expect(oracle.meetsCTargets(drawn, offeredLoad, ahtSec, n - 1)).toBe(false);
        },
      ),
    );
  });

  it('handles 40,000 Erlangs exactly', () => {
    const n = requiredAgents({ offeredLoad: 40_000, ahtSec: 300, targets: sl8020 }).rawAgents;
    const sl = (agents: number) =>
      erlangCMetrics({ agents, offeredLoad: 40_000, ahtSec: 300, targetAnswerSec: 20 }).serviceLevel;
    expect(sl(n)).toBeGreaterThanOrEqual(0.8);
    expect(sl(n - 1)).toBeLessThan(0.8);
  });

  it('rejects unattainable and contradictory targets with the field and reason', () => {
    const attempt = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return error as StaffingInputError;
      }
      throw new Error('expected a StaffingInputError');
    };
    const full = attempt(() =>
      requiredAgents({
        offeredLoad: 10,
        ahtSec: 180,
        targets: { serviceLevel: { fraction: 1, withinSec: 20 } },
      }),
    );
    expect(full).toBeInstanceOf(StaffingInputError);
    expect(full.field).toBe('targets.serviceLevel.fraction');
    expect(full.reason).toMatch(/unattainable/);
    expect(
      attempt(() => requiredAgents({ offeredLoad: 10, ahtSec: 180, targets: { maxAbandonRate: 0.05 } }))
        .field,
    ).toBe('targets.maxAbandonRate');
    expect(
      attempt(() => requiredAgents({ offeredLoad: 10, ahtSec: 180, targets: {}, shrinkage: 1 })).field,
    ).toBe('shrinkage');
    expect(
      attempt(() => requiredAgents({ volume: -1, intervalSec: 900, ahtSec: 180, targets: {} })).field,
    ).toBe('volume');
    expect(
      attempt(() =>
        requiredAgents({ offeredLoad: 10, ahtSec: 180, targets: { maxAverageSpeedOfAnswerSec: 0 } }),
      ).field,
    ).toBe('targets.maxAverageSpeedOfAnswerSec');
  });
});

describe('requiredAgents (Erlang A, with patience)', () => {
  it('is minimal for random loads and targets, including staffing below the load', () => {
    fc.assert(
      fc.property(oracle.aCall(400), oracle.aTargetDraw, (call, drawn) => {
        const n = requiredAgents({ ...call, ahtSec: 300, targets: oracle.aTargets(drawn) }).rawAgents;
        expect(oracle.meetsATargets(drawn, call, n)).toBe(true);
        expect(oracle.meetsATargets(drawn, call, n - 1)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('reports the abandonment target as binding when it sets the count', () => {
    const result = requiredAgents({
      offeredLoad: 100,
      ahtSec: 300,
      patienceSec: 60,
      targets: { maxAbandonRate: 0.01 },
    });
    expect(result.model).toBe('erlang-a');
    expect(result.binding).toBe('abandonment');
    expect(result.performance.probabilityOfAbandon).toBeLessThanOrEqual(0.01);
  });
});

describe('requiredChatAgents', () => {
  it('staffs ⌈slots/k⌉ agents, and k = 1 is voice', () => {
    const input = {
      volume: 120,
      intervalSec: 1800,
      ahtSec: 600,
      targets: { serviceLevel: { fraction: 0.8, withinSec: 60 } },
    };
    const slots = requiredAgents(input).rawAgents;
    const chat = requiredChatAgents({ ...input, concurrency: 3 });
    expect(chat.rawAgents).toBe(Math.ceil(slots / 3));
    expect(chat.slots).toBe(chat.rawAgents * 3);
    expect(chat.performance.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(requiredChatAgents({ ...input, concurrency: 1 }).rawAgents).toBe(slots);
  });

  it('rejects a fractional concurrency', () => {
    expect(() =>
      requiredChatAgents({ offeredLoad: 5, ahtSec: 600, targets: {}, concurrency: 2.5 }),
    ).toThrowError(/concurrency/);
  });
});
