import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pooledProfile } from './pooled-profile.js';
import { POOLED_TUNING_GRID, pooledTuned } from './pooled-tuned.js';
import { observedDays } from './series.js';
import { countSeries } from './series.test-helper.js';

describe('pooled profile tuned on its own past', () => {
  it('always forecasts as the pooled profile with one of the grid settings', () => {
    fc.assert(
      fc.property(
        countSeries({ periodsPerDay: 4, minDays: 10, maxDays: 16, maxCount: 40, firstDayOfWeek: 3 }),
        (series) => {
          const tuned = pooledTuned(series, 8);
          const match = POOLED_TUNING_GRID.some((options) =>
            pooledProfile(series, 8, options).every((v, i) => Math.abs(v - tuned[i]!) < 1e-9),
          );
          expect(match).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('special days (NaN) anywhere: it forecasts whenever the pooled profile can, with a grid setting', () => {
    // It used to throw when a special day left an inner origin under 7 observed days (pooled could forecast).
    fc.assert(
      fc.property(
        countSeries({ periodsPerDay: 2, minDays: 9, maxDays: 20, maxCount: 40, firstDayOfWeek: 2 }),
        fc.array(fc.nat(19), { maxLength: 6 }),
        (drawn, holidays) => {
          const values = drawn.values.map((v, t) => (holidays.includes(Math.floor(t / 2)) ? Number.NaN : v));
          const series = { ...drawn, values };
          fc.pre(observedDays(series).length >= 7);
          const tuned = pooledTuned(series, 4);
          const match = POOLED_TUNING_GRID.some((options) =>
            pooledProfile(series, 4, options).every((v, i) => Math.abs(v - tuned[i]!) < 1e-9),
          );
          expect(match).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
    const values = Array.from({ length: 10 * 4 }, (_, i) => (i >= 8 && i < 12 ? Number.NaN : 5 + (i % 4)));
    expect(() => pooledTuned({ values, periodsPerDay: 4, firstDayOfWeek: 0 }, 4)).not.toThrow();
  });

  it('scores the last 7 observed days: a closure at the end does not leave it nothing to tune on', () => {
    // 10 a interval for 17 days, 20 for 11, then a week closed (NaN). Counting the closed days as the
    // window (as it did) scored nothing and took the grid's first setting (no local level at all).
    const values = Array.from({ length: 35 * 4 }, (_, i) => (i < 17 * 4 ? 10 : i < 28 * 4 ? 20 : Number.NaN));
    const series = { values, periodsPerDay: 4, firstDayOfWeek: 0 };
    const error = (f: number[]) => f.reduce((s, v) => s + Math.abs(v - 20), 0);
    expect(error(pooledTuned(series, 4))).toBeLessThan(
      error(pooledProfile(series, 4, POOLED_TUNING_GRID[0])),
    );
  });

  it('with under 8 days of history it uses the defaults (no inner origin to score on)', () => {
    const values = Array.from({ length: 7 * 4 }, (_, i) => 5 + (i % 4));
    const series = { values, periodsPerDay: 4, firstDayOfWeek: 0 };
    expect(pooledTuned(series, 4)).toEqual(pooledProfile(series, 4));
  });

  it('follows a level that doubled 11 days ago more closely than the defaults do', () => {
    // 17 days at 10 per interval, then 11 at 20: the inner backtest favours other settings.
    const values = Array.from({ length: 28 * 4 }, (_, i) => (i < 17 * 4 ? 10 : 20));
    const series = { values, periodsPerDay: 4, firstDayOfWeek: 0 };
    const error = (f: number[]) => f.reduce((s, v) => s + Math.abs(v - 20), 0);
    expect(error(pooledTuned(series, 4))).toBeLessThan(error(pooledProfile(series, 4)));
  });
});
