import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  intradayShares,
  medianCombination,
  poissonMedian,
  SHARE_TUNING_GRID,
  tuneShares,
} from './median-combination.js';
import { countSeries, expectWholeCounts } from './series.test-helper.js';

/** Oracle: the least k with P(X ≤ k) ≥ ½, each term computed on its own in log space. */
function medianByLogPmf(mu: number): number {
  let cdf = 0;
  let logFactorial = 0;
  for (let k = 0; ; k++) {
    if (k > 0) logFactorial += Math.log(k);
    cdf += Math.exp(-mu + k * Math.log(mu) - logFactorial);
    if (cdf >= 0.5) return k;
  }
}

describe('Poisson median: the point forecast under absolute error', () => {
  it('equals the median summed from the probability mass in log space', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 600, noNaN: true }), (mu) => {
        expect(poissonMedian(mu)).toBe(medianByLogPmf(mu));
      }),
      { numRuns: 300 },
    );
  });

  it('lies in Choi’s bounds μ − ln 2 ≤ median < μ + 1/3 at every level', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e6, noNaN: true }), (mu) => {
        const m = poissonMedian(mu);
        expect(m).toBeGreaterThanOrEqual(Math.floor(mu - Math.LN2));
        expect(m).toBeLessThan(mu + 1 / 3);
      }),
    );
  });

  it('is the whole number itself for a whole-number mean, and 0 for none', () => {
    for (const k of [1, 2, 5, 17, 100, 599]) expect(poissonMedian(k)).toBe(k);
    expect(poissonMedian(0)).toBe(0);
    expect(poissonMedian(0.69)).toBe(0);
  });
});

describe('intraday shares and their out-of-sample settings', () => {
  it('sum to 1 and tuneShares picks one of the grid', () => {
    fc.assert(
      fc.property(
        countSeries({ periodsPerDay: 6, minDays: 15, maxDays: 15, maxCount: 30, firstDayOfWeek: 1 }),
        fc.integer({ min: 0, max: 6 }),
        (series, dow) => {
          const options = tuneShares(series);
          expect(SHARE_TUNING_GRID).toContainEqual(options);
          const s = intradayShares(series, dow, options);
          expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
          for (const v of s) expect(v).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('median combination forecast', () => {
  it('forecasts a history that repeats the same whole-number week exactly as that week (the oracle)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 80 }), { minLength: 7 * 4, maxLength: 7 * 4 }),
        fc.integer({ min: 0, max: 6 }),
        (week, firstDayOfWeek) => {
          const values = [...week, ...week, ...week];
          const series = { values, periodsPerDay: 4, firstDayOfWeek };
          expect(medianCombination(series, 7 * 4)).toEqual(week);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('gives whole, non-negative counts for any horizon, from a history ending mid-day too', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 9 * 4 + 1, maxLength: 16 * 4 }),
        fc.integer({ min: 1, max: 12 }),
        (values, horizon) => {
          expectWholeCounts(
            medianCombination({ values, periodsPerDay: 4, firstDayOfWeek: 5 }, horizon),
            horizon,
          );
        },
      ),
      { numRuns: 30 },
    );
  });
});
