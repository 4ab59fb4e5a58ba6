// Properties of the settlement maths that hold for all inputs (fast-check), and the rounding oracle.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attainment, pointsBelow } from './measure.js';
import { roundRatio } from './money.js';
import { daysInForce, daysInMonth } from './proration.js';
import { settlePeriod } from './settle-period.js';

describe('roundRatio (round half away from zero, once)', () => {
  it('matches hand values', () => {
    expect(roundRatio(7n, 2n)).toBe(4);
    expect(roundRatio(5n, 2n)).toBe(3);
    expect(roundRatio(-7n, 2n)).toBe(-4);
    expect(roundRatio(91_300_000n, 30n)).toBe(3_043_333);
    expect(roundRatio(2n, 3n)).toBe(1);
  });
  it('is within half a unit of the exact ratio', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        (n, d) => {
          const r = BigInt(roundRatio(n, d));
          const diff = r * d - n; // (r − n/d)·d
          expect(2n * (diff < 0n ? -diff : diff) <= d).toBe(true);
        },
      ),
    );
  });
});

const settle = (charges: number, atRiskBp: number, allocations: number[], missed: boolean[], prior: number) =>
  settlePeriod({
    daysInPeriod: 30,
    escalationPercent: [100, 150, 200],
    priorConsecutiveMisses: Object.fromEntries(allocations.map((_, i) => [`t${i}`, prior])),
    segments: [
      {
        version: 1,
        days: 30,
        fixedMonthlyMinor: charges,
        variableMinor: 0,
        atRiskBp,
        terms: allocations.map((allocationBp, i) => ({
          termId: `t${i}`,
          allocationBp,
          formula: { kind: 'allocation' },
        })),
        outcomes: allocations.map((_, i) => ({ termId: `t${i}`, missed: missed[i] ?? false })),
      },
    ],
  });

describe('settlePeriod properties', () => {
  const inputs = fc.record({
    charges: fc.integer({ min: 0, max: 10 ** 11 }),
    atRiskBp: fc.integer({ min: 0, max: 2_000 }),
    allocations: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 6 }),
    missed: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    prior: fc.integer({ min: 0, max: 5 }),
  });
  it('credits never exceed the at-risk amount, and no line does', () => {
    fc.assert(
      fc.property(inputs, ({ charges, atRiskBp, allocations, missed, prior }) => {
        const s = settle(charges, atRiskBp, allocations, missed, prior);
        expect(s.creditsMinor).toBeLessThanOrEqual(s.atRiskMinor);
        for (const line of s.creditLines) expect(line.creditMinor).toBeLessThanOrEqual(s.atRiskMinor);
        expect(s.netMinor).toBe(s.chargesMinor - s.creditsMinor);
      }),
    );
  });
  it('one more miss never lowers the credits; a longer run of misses never lowers them', () => {
    fc.assert(
      fc.property(inputs, fc.nat(5), ({ charges, atRiskBp, allocations, missed, prior }, k) => {
        const base = settle(charges, atRiskBp, allocations, missed, prior);
        const more = missed.map((m, i) => m || i === k);
        expect(settle(charges, atRiskBp, allocations, more, prior).creditsMinor).toBeGreaterThanOrEqual(
          base.creditsMinor,
        );
        expect(settle(charges, atRiskBp, allocations, missed, prior + 1).creditsMinor).toBeGreaterThanOrEqual(
          base.creditsMinor,
        );
      }),
    );
  });
});

describe('measurement and proration', () => {
  it('attainment in basis points compares exactly with a whole-bp minimum', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 7 }),
        fc.nat(),
        fc.integer({ min: 0, max: 10_000 }),
        (total, m, min) => {
          const met = m % (total + 1);
          const level = attainment(met, total).levelBp as number;
          expect(level >= min).toBe(met * 10_000 >= min * total);
          expect(pointsBelow(level, min) === 0).toBe(level >= min);
        },
      ),
    );
  });
  it('days in force cover the month once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 28 }),
        fc.constantFrom('2024-02', '2026-04', '2026-12'),
        (day, period) => {
          const runs = daysInForce(
            [
              { version: 1, effectiveFrom: '2020-01-01' },
              { version: 2, effectiveFrom: `${period}-${String(day).padStart(2, '0')}` },
            ],
            period,
          );
          expect(runs.reduce((s, r) => s + r.days, 0)).toBe(daysInMonth(period));
          expect(runs[1]?.fromDay).toBe(day);
        },
      ),
    );
  });
});
