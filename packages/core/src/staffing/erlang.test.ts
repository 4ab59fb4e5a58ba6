import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangAMetrics } from './erlang-a.js';
import { erlangB, logErlangB, nextErlangB } from './erlang-b.js';
import { erlangC, erlangCMetrics } from './erlang-c.js';
import { StaffingInputError } from './errors.js';

/** Oracle: B(n, A) as the ratio of the last Poisson term to the sum (FORMULAS.md §1 definition). */
function erlangBBySum(agents: number, offeredLoad: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= agents; k++) {
    term *= offeredLoad / k;
    sum += term;
  }
  return term / sum;
}

/**
 * Oracle: the M/M/n+M birth–death chain (FORMULAS.md §4), truncated where its terms vanish.
 * Returns P(W>0) and P(Ab) = θ·E[Q]/λ, in AHT units (μ = 1).
 */
function erlangAByChain(agents: number, offeredLoad: number, abandonRate: number) {
  const weights: number[] = [1];
  for (let j = 1; j <= agents; j++) weights.push((weights[j - 1]! * offeredLoad) / j);
  for (let k = 1; k < 100_000; k++) {
    const next = (weights[weights.length - 1]! * offeredLoad) / (agents + k * abandonRate);
    weights.push(next);
    if (next < 1e-20 * weights[agents]!) break;
  }
  const total = weights.reduce((a, b) => a + b, 0);
  let waiting = 0;
  let queueLength = 0;
  weights.forEach((w, state) => {
    if (state >= agents) waiting += w;
    if (state > agents) queueLength += (state - agents) * w;
  });
  return {
    probabilityOfWait: waiting / total,
    probabilityOfAbandon: (abandonRate * queueLength) / total / offeredLoad,
  };
}

describe('Erlang B', () => {
  it('matches the defining sum for small systems', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0.01, max: 50, noNaN: true }), (n, a) => {
        expect(Math.abs(erlangB(n, a) - erlangBBySum(n, a)) / erlangBBySum(n, a)).toBeLessThan(1e-13);
      }),
    );
  });

  it('steps B(n+1) from B(n) to the same value as the full recursion', () => {
    const stepped = nextErlangB(erlangB(13, 10), 13, 10);
    expect(Math.abs(stepped - erlangB(14, 10)) / erlangB(14, 10)).toBeLessThan(1e-15);
  });

  it('stays finite in log space where B underflows', () => {
    expect(erlangB(3334, 1000)).toBe(0);
    expect(logErlangB(3334, 1000) / Math.LN10).toBeCloseTo(-732.084558195, 8); // erlang_bc_kernel.csv
  });

  it('rejects fractional agents and negative load with the field named', () => {
    expect(() => erlangB(2.5, 1)).toThrow(StaffingInputError);
    expect(() => erlangB(2, -1)).toThrowError(/offeredLoad/);
  });
});

describe('Erlang C', () => {
  it('is unstable at n ≤ A: everyone waits, SL 0, ASA infinite', () => {
    const m = erlangCMetrics({ agents: 10, offeredLoad: 10, ahtSec: 180, targetAnswerSec: 20 });
    expect(m).toMatchObject({ stable: false, probabilityOfWait: 1, serviceLevel: 0 });
    expect(m.averageSpeedOfAnswerSec).toBe(Number.POSITIVE_INFINITY);
  });

  it('with t = 0 gives SL = 1 − P(wait)', () => {
    const m = erlangCMetrics({ agents: 14, offeredLoad: 10, ahtSec: 180, targetAnswerSec: 0 });
    expect(m.serviceLevel).toBeCloseTo(1 - erlangC(14, 10), 15);
  });

  it('SL rises and ASA falls as agents are added', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 500, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 120 }),
        (a, extra, t) => {
          const n = Math.floor(a) + extra;
          const at = (agents: number) =>
            erlangCMetrics({ agents, offeredLoad: a, ahtSec: 300, targetAnswerSec: t });
          expect(at(n + 1).serviceLevel).toBeGreaterThanOrEqual(at(n).serviceLevel);
          expect(at(n + 1).averageSpeedOfAnswerSec).toBeLessThanOrEqual(at(n).averageSpeedOfAnswerSec);
        },
      ),
    );
  });
});

describe('Erlang A', () => {
  it('agrees with the birth–death chain for small systems', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 25 }),
        fc.double({ min: 0.1, max: 30, noNaN: true }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        (n, a, abandonRate) => {
          const exact = erlangAByChain(n, a, abandonRate);
          const m = erlangAMetrics({
            agents: n,
            offeredLoad: a,
            ahtSec: 60,
            patienceSec: 60 / abandonRate,
            targetAnswerSec: 10,
          });
          expect(m.probabilityOfWait).toBeCloseTo(exact.probabilityOfWait, 10);
          expect(m.probabilityOfAbandon).toBeCloseTo(exact.probabilityOfAbandon, 10);
        },
      ),
    );
  });

  it('is finite where Erlang C is unstable (n = A = 10, P(Ab) ≈ 0.109, FORMULAS.md §4)', () => {
    const m = erlangAMetrics({
      agents: 10,
      offeredLoad: 10,
      ahtSec: 180,
      patienceSec: 300,
      targetAnswerSec: 20,
    });
    expect(m.probabilityOfAbandon).toBeCloseTo(0.109437999558502, 12);
  });

  it('tends to Erlang C as patience grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 200, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (a, extra) => {
          const n = Math.floor(a + 0.5) + extra; // at least half an agent spare
          const c = erlangCMetrics({ agents: n, offeredLoad: a, ahtSec: 300, targetAnswerSec: 20 });
          const distance = (patienceSec: number) => {
            const m = erlangAMetrics({
              agents: n,
              offeredLoad: a,
              ahtSec: 300,
              patienceSec,
              targetAnswerSec: 20,
            });
            return (
              Math.abs(m.serviceLevel - c.serviceLevel) + Math.abs(m.probabilityOfWait - c.probabilityOfWait)
            );
          };
          const far = distance(300 * 1e8);
          expect(far).toBeLessThan(1e-6);
          expect(far).toBeLessThanOrEqual(distance(300 * 1e4) + 1e-12);
          expect(distance(300 * 1e4)).toBeLessThanOrEqual(distance(300 * 10) + 1e-12);
        },
      ),
    );
  });

  it('every service level rises, and abandonment falls, as agents are added', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0.1, max: 200, noNaN: true }),
        fc.double({ min: 10, max: 3000, noNaN: true }),
        fc.integer({ min: 0, max: 120 }),
        (n, a, patienceSec, t) => {
          const at = (agents: number) =>
            erlangAMetrics({ agents, offeredLoad: a, ahtSec: 300, patienceSec, targetAnswerSec: t });
          const fewer = at(n);
          const more = at(n + 1);
          for (const key of Object.keys(fewer.serviceLevels) as (keyof typeof fewer.serviceLevels)[]) {
            expect(more.serviceLevels[key]).toBeGreaterThanOrEqual(fewer.serviceLevels[key] - 1e-12);
          }
          expect(more.probabilityOfAbandon).toBeLessThanOrEqual(fewer.probabilityOfAbandon + 1e-15);
        },
      ),
    );
  });

  it('stays finite at 50,000 agents and in heavy overload', () => {
    const big = erlangAMetrics({
      agents: 50_000,
      offeredLoad: 40_000,
      ahtSec: 300,
      patienceSec: 300,
      targetAnswerSec: 20,
    });
    expect(big.probabilityOfWait).toBeGreaterThanOrEqual(0);
    expect(big.probabilityOfWait).toBeLessThan(1e-100);
    expect(big.serviceLevel).toBe(1);
    // 30,000 agents for 40,000 Erlangs, patience = AHT: the efficiency-driven fluid limit abandons
    // γ = 1 − n/A = 25 % (FORMULAS.md §3, regimes).
    const overloaded = erlangAMetrics({
      agents: 30_000,
      offeredLoad: 40_000,
      ahtSec: 300,
      patienceSec: 300,
      targetAnswerSec: 20,
    });
    expect(overloaded.probabilityOfWait).toBeCloseTo(1, 6);
    expect(overloaded.probabilityOfAbandon).toBeCloseTo(0.25, 3);
    expect(overloaded.occupancy).toBeLessThanOrEqual(1);
  });

  it('selects the service-level definition by name', () => {
    const input = { agents: 14, offeredLoad: 10, ahtSec: 180, patienceSec: 300, targetAnswerSec: 20 };
    const byDefault = erlangAMetrics(input);
    const lenient = erlangAMetrics({ ...input, serviceLevelDefinition: 'waited-within-over-offered' });
    expect(byDefault.serviceLevelDefinition).toBe('answered-within-over-offered');
    expect(lenient.serviceLevel).toBeGreaterThan(byDefault.serviceLevel); // short abandons count as good
  });

  it('rejects zero agents and non-positive patience', () => {
    const input = { agents: 0, offeredLoad: 10, ahtSec: 180, patienceSec: 300, targetAnswerSec: 20 };
    expect(() => erlangAMetrics(input)).toThrow(StaffingInputError);
    expect(() => erlangAMetrics({ ...input, agents: 5, patienceSec: 0 })).toThrowError(/patienceSec/);
  });
});
