import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitPoissonProfile, poissonProfile } from './poisson-profile.js';
import { pooledProfile } from './pooled-profile.js';
import { ForecastInputError } from './series.js';
import { countSeries, ownMeanSeries } from './series.test-helper.js';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('pooled profile: similar days share their shape, combined level', () => {
  it('with no pooling, smoothing or local level it is the Poisson model on data equal to its own mean', () => {
    fc.assert(
      fc.property(ownMeanSeries(2), ({ series }) => {
        const a = pooledProfile(series, 8, { pooling: 0, smoothing: 0, localLevelWeight: 0 });
        const b = poissonProfile(series, 8, { pooling: 0 });
        a.forEach((v, h) => {
          expect(v / b[h]!).toBeCloseTo(1, 9);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('each forecast day totals (1 − w)·Poisson level + w·local level, whatever the smoothing', () => {
    fc.assert(
      fc.property(
        countSeries({
          periodsPerDay: 4,
          minDays: 14,
          maxDays: 14,
          minCount: 1,
          maxCount: 60,
          firstDayOfWeek: 0,
        }),
        fc.double({ min: 0, max: 0.45, noNaN: true }),
        (series, smoothing) => {
          const fit = fitPoissonProfile(series, { pooling: 0 });
          const none = pooledProfile(series, 4, { smoothing: 0, localLevelWeight: 0 });
          const smooth = pooledProfile(series, 4, { smoothing, localLevelWeight: 0 });
          const level = Math.exp(fit.dayEffects[0]! + fit.trendPerDay);
          expect(sum(none)).toBeCloseTo(level, 6);
          expect(sum(smooth)).toBeCloseTo(level, 6);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a weekday borrows the shape of the other weekdays, not of a quiet weekend day', () => {
    // Sunday–Thursday peak in the morning, Friday in the evening, Saturday nearly empty.
    const day = (dow: number, d: number) =>
      dow <= 4 ? (d === 8 && dow === 1 ? [10, 90] : [80, 20]) : dow === 5 ? [0, 100] : [1, 1];
    const values = Array.from({ length: 14 }, (_, d) => day(d % 7, d)).flat();
    const series = { values, periodsPerDay: 2, firstDayOfWeek: 0 };
    // Monday of week 2 was odd (10/90): without pooling its shares are the mean of 80/20 and 10/90.
    const plain = pooledProfile(series, 4, { pooling: 0, smoothing: 0, localLevelWeight: 0 });
    const pooled = pooledProfile(series, 4, {
      pooling: 3,
      smoothing: 0,
      localLevelWeight: 0,
      similarity: 0.4,
    });
    expect(plain[2]! / (plain[2]! + plain[3]!)).toBeCloseTo(0.45, 9);
    // Pooled: (90 + 3·100·p̄) / (200 + 300), p̄ the weekdays' pooled morning share.
    const groupMorning = (80 * 9 + 10) / 1000;
    expect(pooled[2]! / (pooled[2]! + pooled[3]!)).toBeCloseTo((90 + 300 * groupMorning) / 500, 9);
  });

  it('a history without volume forecasts zero, and a day of week never busy stays at zero', () => {
    const series = { values: new Array(28).fill(0), periodsPerDay: 2, firstDayOfWeek: 0 };
    expect(pooledProfile(series, 4)).toEqual([0, 0, 0, 0]);
    const sundaysClosed = {
      values: Array.from({ length: 14 }, (_, d) => (d % 7 === 0 ? [0, 0] : [6, 4])).flat(),
      periodsPerDay: 2,
      firstDayOfWeek: 0,
    };
    const f = pooledProfile(sundaysClosed, 4);
    expect(f.slice(0, 2)).toEqual([0, 0]);
    expect(f[2]! + f[3]!).toBeCloseTo(10, 6);
  });

  it('bad options name their field', () => {
    const series = { values: new Array(14).fill(1), periodsPerDay: 1, firstDayOfWeek: 0 };
    expect(() => pooledProfile(series, 1, { smoothing: 0.5 })).toThrow(ForecastInputError);
    expect(() => pooledProfile(series, 1, { localLevelWeight: 2 })).toThrow(/localLevelWeight/);
  });
});
