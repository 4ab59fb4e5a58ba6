import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pooledProfile } from './pooled-profile.js';
import { POOLED_TUNING_GRID, pooledTuned } from './pooled-tuned.js';
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
