import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAMPED_LEVEL_GRID,
  dampedLevelMeans,
  dampedLevelProfile,
  dampedLevelTuned,
  holtDamped,
  tuneDampedLevel,
} from './damped-level.js';
import { poissonMedian } from './median-combination.js';
import { ForecastInputError } from './series.js';
import { countSeries, expectWholeCounts, forecastInput } from './series.test-helper.js';

describe('Holt’s damped trend', () => {
  it('forecasts a constant series as that constant, whatever the settings', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 10 }),
        (c, n, alpha, beta, m) => {
          expect(holtDamped(new Array(n).fill(c), alpha, beta, 0.9, m)).toBeCloseTo(c, 6);
        },
      ),
    );
  });

  it('with α = 1 and no trend is the last value (the naive forecast)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1 }), (y) => {
        expect(holtDamped(y, 1, 0, 0.9, 3)).toBe(y[y.length - 1]);
      }),
    );
  });

  it('stays within the range of the values with no trend (a weighted mean of them)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (y, alpha) => {
          const f = holtDamped(y, alpha, 0, 0.9, 1);
          expect(f).toBeGreaterThanOrEqual(Math.min(...y) - 1e-9);
          expect(f).toBeLessThanOrEqual(Math.max(...y) + 1e-9);
        },
      ),
    );
  });

  it('follows a falling line but extrapolates it by at most φ/(1 − φ) steps, never below 0', () => {
    const y = Array.from({ length: 20 }, (_, i) => 200 - 5 * i); // last value 105
    const near = holtDamped(y, 0.5, 0.3, 0.9, 1);
    const far = holtDamped(y, 0.5, 0.3, 0.9, 200);
    expect(near).toBeLessThan(105);
    expect(far).toBeGreaterThan(105 - 5 * 9 - 10);
    expect(holtDamped([100, 50, 10, 0], 1, 1, 1, 50)).toBe(0);
  });

  it('rejects settings out of range', () => {
    expect(() => holtDamped([1], 0, 0, 0.9, 1)).toThrow(ForecastInputError);
    expect(() => holtDamped([1], 0.5, 1.5, 0.9, 1)).toThrow(ForecastInputError);
    expect(() => holtDamped([1], 0.5, 0, 0.9, 0)).toThrow(ForecastInputError);
  });
});

describe('damped-level profile', () => {
  const week = (level: number, p: number) =>
    Array.from({ length: 7 * p }, (_, i) => Math.round(level * (1 + (i % p) / p)));

  it('forecasts whole calls (Poisson medians), one per interval, never negative', () => {
    fc.assert(
      fc.property(
        forecastInput({ periodsPerDay: 4, minDays: 8, maxDays: 20, maxCount: 60, firstDayOfWeek: 2 }, 12),
        ({ series, horizon }) => {
          expectWholeCounts(dampedLevelTuned(series, horizon), horizon);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('repeats a steady weekly pattern: the medians of the same shape at the same level', () => {
    const p = 8;
    const values = [...week(20, p), ...week(20, p), ...week(20, p)];
    const series = { values, periodsPerDay: p, firstDayOfWeek: 0 };
    const f = dampedLevelProfile(series, p, { alpha: 0.5, beta: 0.1, shareDecayPerDay: 0.9 });
    const y = values.slice(0, p);
    const total = y.reduce((a, b) => a + b, 0);
    // Shares are kernel-smoothed, so each interval is close to, not exactly, its own past value.
    f.forEach((v, j) => {
      expect(Math.abs(v - y[j]!)).toBeLessThanOrEqual(0.15 * y[j]! + 2);
    });
    expect(Math.abs(f.reduce((a, b) => a + b, 0) - total)).toBeLessThanOrEqual(p);
  });

  it('forecasts the Poisson medians of its means, and the means are never negative', () => {
    fc.assert(
      fc.property(
        forecastInput({ periodsPerDay: 4, minDays: 7, maxDays: 16, maxCount: 40, firstDayOfWeek: 3 }, 12),
        fc.constantFrom(...DAMPED_LEVEL_GRID.level),
        fc.constantFrom(...DAMPED_LEVEL_GRID.shareDecayPerDay),
        ({ series, horizon }, level, shareDecayPerDay) => {
          const options = { ...level, shareDecayPerDay };
          const means = dampedLevelMeans(series, horizon, options);
          expect(means).toHaveLength(horizon);
          for (const m of means) expect(m).toBeGreaterThanOrEqual(0);
          expect(dampedLevelProfile(series, horizon, options)).toEqual(means.map(poissonMedian));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('spreads exactly the day’s level over its intervals: a steady week’s means add up to its daily total', () => {
    const p = 8;
    const values = [...week(20, p), ...week(20, p), ...week(20, p)];
    const series = { values, periodsPerDay: p, firstDayOfWeek: 0 };
    const total = values.slice(0, p).reduce((a, b) => a + b, 0);
    const means = dampedLevelMeans(series, 2 * p, { alpha: 0.5, beta: 0.1, shareDecayPerDay: 0.9 });
    expect(means.slice(0, p).reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
    expect(means.slice(p).reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
  });

  it('follows a level that fell a week ago instead of the month’s mean', () => {
    const p = 4;
    const values = [...week(40, p), ...week(40, p), ...week(20, p)];
    const series = { values, periodsPerDay: p, firstDayOfWeek: 0 };
    const total = dampedLevelTuned(series, p).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(0.6 * 40 * p * 1.375);
  });

  it('forecasts with the settings it tunes, always one of the fixed grid', () => {
    fc.assert(
      fc.property(
        countSeries({ periodsPerDay: 4, minDays: 9, maxDays: 16, maxCount: 40, firstDayOfWeek: 5 }),
        (series) => {
          const o = tuneDampedLevel(series);
          expect(DAMPED_LEVEL_GRID.level.some((l) => l.alpha === o.alpha && l.beta === o.beta)).toBe(true);
          expect(DAMPED_LEVEL_GRID.shareDecayPerDay).toContain(o.shareDecayPerDay);
          expect(dampedLevelTuned(series, 6)).toEqual(dampedLevelProfile(series, 6, o));
        },
      ),
      { numRuns: 20 },
    );
  });

  it('with under 8 days of history uses α = 0.5, β* = 0.1, δ = 0.9 (no inner origin)', () => {
    const series = { values: week(10, 4), periodsPerDay: 4, firstDayOfWeek: 0 };
    expect(tuneDampedLevel(series)).toEqual({ alpha: 0.5, beta: 0.1, shareDecayPerDay: 0.9 });
  });

  it('rejects a bad share decay', () => {
    const series = { values: week(10, 4), periodsPerDay: 4, firstDayOfWeek: 0 };
    expect(() => dampedLevelProfile(series, 4, { alpha: 0.5, beta: 0, shareDecayPerDay: 0 })).toThrow(
      ForecastInputError,
    );
  });
});
