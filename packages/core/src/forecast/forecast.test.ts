import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accuracy, dailyTotals, naiveScale } from './accuracy.js';
import { dailyOrigins, rollingOriginBacktest } from './backtest.js';
import { doubleSeasonal, doubleSeasonalFilter, doubleSeasonalForecast } from './double-seasonal.js';
import { forecast } from './forecast.js';
import { AUTO_CANDIDATES, forecasterFor } from './methods.js';
import { cleanOutliers, flagOutliers } from './outliers.js';
import { fitPoissonProfile, poissonProfile } from './poisson-profile.js';
import { dispersion, normalQuantile, predictionInterval } from './prediction-interval.js';
import { seasonalNaive } from './seasonal-naive.js';
import { ForecastInputError, type SeasonalSeries } from './series.js';
import { countSeries, forecastInput, ownMeanSeries } from './series.test-helper.js';
import { weekMean } from './week-mean.js';

const daily = (values: number[], firstDayOfWeek = 0): SeasonalSeries => ({
  values,
  periodsPerDay: 1,
  firstDayOfWeek,
});
const WEEK = [1, 2, 3, 4, 5, 6, 7];

describe('seasonal naive', () => {
  it('repeats the last week, and steps back a week over an interval not observed', () => {
    // Hand-computed: h = 1…9 over a 7-day season → y[7…13], then y[7], y[8].
    const values = [...WEEK, 11, 12, 13, 14, 15, 16, 17];
    expect(seasonalNaive(daily(values), 9)).toEqual([11, 12, 13, 14, 15, 16, 17, 11, 12]);
    values[8] = Number.NaN; // a holiday: falls back to the week before (2)
    expect(seasonalNaive(daily(values), 2)).toEqual([11, 2]);
  });
  it('refuses less than a week, naming the field', () => {
    expect(() => seasonalNaive(daily([1, 2, 3]), 1)).toThrow(ForecastInputError);
    try {
      seasonalNaive(daily(WEEK), 0);
    } catch (err) {
      expect((err as ForecastInputError).field).toBe('horizon');
    }
  });
});

describe('mean of the last N weeks', () => {
  it('averages the same weekday over the last N observed weeks', () => {
    const values = [...WEEK.map(() => 1), ...WEEK.map(() => 3), ...WEEK.map(() => 8)];
    expect(weekMean(daily(values), 1, 2)).toEqual([(3 + 8) / 2]);
    expect(weekMean(daily(values), 1, 8)).toEqual([(1 + 3 + 8) / 3]); // only 3 weeks exist
    values[14] = Number.NaN;
    expect(weekMean(daily(values), 1, 2)).toEqual([3]); // the NaN week is left out of the 2
    expect(weekMean(daily(values), 1, 3)).toEqual([(1 + 3) / 2]);
    expect(() => weekMean(daily(values), 1, 0)).toThrow(/weeks/);
  });
});

describe('accuracy', () => {
  it('MAE, WAPE, MASE by hand', () => {
    // |10−12| + |20−17| = 5 → MAE 2.5, WAPE 5/30, MASE 2.5/5.
    expect(accuracy([10, 20], [12, 17], 5)).toEqual({ mae: 2.5, wape: 5 / 30, mase: 0.5, n: 2 });
    expect(accuracy([10, Number.NaN], [12, 99]).mae).toBe(2);
    expect(naiveScale([1, 2, 3, 5], 2)).toBe(2.5); // (|3−1| + |5−2|)/2
    expect(dailyTotals([1, 2, 3, 4, 5], 2)).toEqual([3, 7]);
    expect(() => accuracy([1], [1, 2])).toThrow(ForecastInputError);
  });
});

describe('prediction intervals', () => {
  it('quasi-Poisson normal interval', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8); // R: qnorm(0.975) = 1.959964
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326347874, 8); // R: qnorm(0.01) = -2.326348
    const pi = predictionInterval(100, 1, 0.95);
    expect(pi.lower).toBeCloseTo(100 - 19.59963985, 6);
    expect(pi.upper).toBeCloseTo(100 + 19.59963985, 6);
    expect(predictionInterval(1, 4, 0.95).lower).toBe(0);
    // Σ(y−ŷ)²/Σŷ = (0 + 16)/26 < 1 → 1; (100 + 100)/20 = 10.
    expect(dispersion([10, 20], [10, 16])).toBe(1);
    expect(dispersion([0, 20], [10, 10])).toBe(10);
  });
});

describe("Taylor's double seasonal smoothing", () => {
  it('one update by hand', () => {
    // Week 1 = 1…7: l = 4, d = [0] (m₁ = 1), w = −3…3. y(7) = 10, α = ω = 0.5, δ = φ = 0:
    // e = 10 − (4 + 0 − 3) = 9; l = 0.5·(10 − 0 + 3) + 0.5·4 = 8.5; w(0) = 0.5·(10 − 8.5 − 0) + 0.5·(−3) = −0.75.
    const series = daily([...WEEK, 10]);
    const state = doubleSeasonalFilter(series, { alpha: 0.5, delta: 0, omega: 0.5, phi: 0 });
    expect(state.level).toBe(8.5);
    expect(state.weekly[0]).toBe(-0.75);
    expect(state.lastError).toBe(9);
    // ŷ(k=1) at position 8 mod 7 = 1: 8.5 + 0 + w(1) = 8.5 − 2; ŷ(k=7) at position 0: 8.5 − 0.75.
    const f = doubleSeasonalForecast(state, 8, 7);
    expect(f[0]).toBe(6.5);
    expect(f[6]).toBe(7.75);
  });
  it('needs two weeks', () => {
    expect(() => doubleSeasonal(daily(WEEK), 1)).toThrow(/2 weeks/);
  });
});

describe('Poisson day-of-week × time-of-day model with a level', () => {
  it('recovers the level, trend and profile of data equal to its own mean', () => {
    fc.assert(
      fc.property(ownMeanSeries(0), ({ beta, dayScale, share, series }) => {
        const p = 4;
        const fit = fitPoissonProfile(series, { pooling: 0 });
        expect(fit.trendPerDay).toBeCloseTo(beta, 6);
        for (let k = 0; k < 7; k++) {
          expect(fit.dayEffects[k]).toBeCloseTo(Math.log(100 * dayScale[k]!), 5);
          for (let j = 0; j < p; j++) expect(fit.profiles[k]![j]).toBeCloseTo(share[j]!, 9);
        }
        const next = poissonProfile(series, p, { pooling: 0 });
        for (let j = 0; j < p; j++)
          expect(next[j]! / (100 * dayScale[0]! * Math.exp(beta) * share[j]!)).toBeCloseTo(1, 5);
      }),
      { numRuns: 50 },
    );
  });
  it('a day of week with no volume forecasts 0; pooling pulls the shares toward all days', () => {
    const values = Array.from({ length: 14 }, (_, d) => (d % 7 === 6 ? [0, 0] : [30, 10])).flat();
    const series = { values, periodsPerDay: 2, firstDayOfWeek: 0 };
    expect(poissonProfile(series, 14, { trend: false }).slice(12)).toEqual([0, 0]);
    // Saturday has no volume: its shares are the all-days profile, 0.75 / 0.25.
    const fit = fitPoissonProfile(series, { trend: false, pooling: 1 });
    expect(fit.profiles[6]![0]).toBeCloseTo(0.75, 12);
  });
});

describe('outliers', () => {
  it('flags a spike against the weekly median and cleaning puts the median back', () => {
    const values = Array.from({ length: 28 }, (_, d) => 10 + (d % 7));
    values[15] = 111; // expected 11 (a Monday): score (111 − 11)/√11 ≈ 30.2
    const flags = flagOutliers(daily(values));
    expect(flags.map((f) => f.index)).toEqual([15]);
    expect(flags[0]!.score).toBeCloseTo(100 / Math.sqrt(11), 9);
    expect(cleanOutliers(daily(values), flags).values[15]).toBe(11);
  });
});

describe('rolling-origin backtest', () => {
  it('daily origins: the latest midnights with the history, observed days and horizon asked for', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 7, max: 40 }),
        fc.array(fc.nat(39), { maxLength: 8 }),
        fc.record({
          count: fc.integer({ min: 1, max: 40 }),
          horizon: fc.integer({ min: 1, max: 10 }),
          minHistory: fc.integer({ min: 0, max: 30 }),
          minObservedDays: fc.integer({ min: 0, max: 12 }),
        }),
        (p, days, gaps, o) => {
          const values = Array.from({ length: days * p }, (_, t) =>
            gaps.includes(Math.floor(t / p)) && t % p === 0 ? Number.NaN : 1,
          );
          const series = { values, periodsPerDay: p, firstDayOfWeek: 0 };
          // By brute force: every midnight that qualifies, then the latest `count` of them.
          const all: number[] = [];
          for (let d = 0; d <= days; d++) {
            const observedBefore = Array.from({ length: d }, (_, e) => e).filter((e) => !gaps.includes(e));
            if (d * p >= o.minHistory && d * p + o.horizon <= values.length)
              if (observedBefore.length >= o.minObservedDays) all.push(d * p);
          }
          expect(dailyOrigins(series, o.count, o.horizon, o.minHistory, o.minObservedDays)).toEqual(
            all.slice(Math.max(0, all.length - o.count)),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
  it('daily origins and errors by hand', () => {
    const values = [...WEEK, ...WEEK, 2, 2, 3, 4, 5, 6, 7];
    const series = daily(values);
    expect(dailyOrigins(series, 3, 1, 7)).toEqual([18, 19, 20]);
    const [snaive] = rollingOriginBacktest(series, ['snaive'], [14, 15], 1);
    // Origin 14: forecast 1, actual 2; origin 15: forecast 2, actual 2 → MAE 0.5.
    expect(snaive!.interval.mae).toBe(0.5);
    expect(snaive!.interval.mase).toBeNaN(); // the history repeats exactly: scale 0, no MASE
  });
});

// A series of whole weeks; a periodic one repeats one week.
const weekly = (p: number, weeks: number) =>
  fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 7 * p, maxLength: 7 * p }).map((week) => ({
    values: Array.from({ length: weeks }, () => week).flat(),
    periodsPerDay: p,
    firstDayOfWeek: 0,
  }));

describe('properties of every method', () => {
  const METHODS = ['snaive', 'mean4', 'poisson', 'taylor'];
  it('a weekly-periodic history is forecast exactly (poisson without pooling toward all days)', () => {
    fc.assert(
      fc.property(weekly(2, 3), fc.constantFrom(...METHODS), (series, method) => {
        const f =
          method === 'poisson'
            ? poissonProfile(series, 14, { pooling: 0 })
            : forecasterFor(method)(series, 14);
        f.forEach((v, h) => {
          expect(v).toBeCloseTo(series.values[h]!, 6);
        });
      }),
      { numRuns: 60 },
    );
  });
  it('scaling the history scales the forecast', () => {
    fc.assert(
      fc.property(
        countSeries({ periodsPerDay: 2, minDays: 21, maxDays: 21, maxCount: 200, firstDayOfWeek: 3 }),
        fc.constantFrom(...METHODS),
        fc.integer({ min: 2, max: 9 }),
        (series, method, c) => {
          const base = forecasterFor(method)(series, 7);
          const scaled = forecasterFor(method)({ ...series, values: series.values.map((v) => v * c) }, 7);
          scaled.forEach((v, h) => {
            expect(v).toBeCloseTo(c * base[h]!, 6);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
  it('forecast: lower ≤ volume ≤ upper, none negative, one point per horizon interval', () => {
    fc.assert(
      fc.property(
        forecastInput({ periodsPerDay: 1, minDays: 28, maxDays: 70, maxCount: 500, firstDayOfWeek: 5 }, 20),
        (input) => {
          const result = forecast(input);
          expect(result.points).toHaveLength(input.horizon);
          for (const pt of result.points) {
            expect(pt.lower).toBeGreaterThanOrEqual(0);
            expect(pt.lower).toBeLessThanOrEqual(pt.volume);
            expect(pt.volume).toBeLessThanOrEqual(pt.upper);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('forecast', () => {
  it('excludes special days of the history and applies their factor in the horizon', () => {
    const values = [...WEEK, ...WEEK, ...WEEK];
    values[15] = 0; // a holiday on day 15
    const plain = forecast({ series: daily(values), horizon: 7, method: 'snaive', outlierZ: false });
    expect(plain.points[1]!.volume).toBe(0);
    const excluded = forecast({
      series: daily(values),
      horizon: 7,
      method: 'snaive',
      outlierZ: false,
      specialDays: [{ day: 15 }, { day: 23, factor: 1.3 }],
    });
    expect(excluded.points.map((p) => p.volume)).toEqual([1, 2, 3 * 1.3, 4, 5, 6, 7]);
  });
  it('auto takes the method with the least backtest MAE and reports every candidate', () => {
    const values = Array.from({ length: 35 }, (_, d) => 100 + 10 * (d % 7));
    const result = forecast({ series: daily(values), horizon: 7 });
    expect(result.backtest.map((b) => b.method)).toEqual(AUTO_CANDIDATES);
    // The first origin (day 7) leaves taylor less than its two weeks: reported, left out of the choice.
    expect(result.backtest.find((b) => b.method === 'taylor')!.failed).toMatch(/2 weeks/);
    const usable = result.backtest.filter((b) => !b.failed);
    const best = Math.min(...usable.map((b) => b.interval.mae));
    expect(result.backtest.find((b) => b.method === result.method)!.interval.mae).toBe(best);
    expect(result.dispersion).toBe(1);
  });
  it("auto backtests from every midnight with a week of history, the latest 28, or as many as it's told", () => {
    // 80 days, 1 day ahead: midnights 7 … 79 qualify; the latest 28 are days 52 … 79.
    const values = Array.from({ length: 80 }, (_, d) => 100 + 10 * (d % 7) + (d % 3));
    const checked = (r: ReturnType<typeof forecast>) => r.backtest.find((b) => b.method === 'snaive')!.actual;
    expect(checked(forecast({ series: daily(values), horizon: 1 }))).toEqual(values.slice(52, 80));
    expect(checked(forecast({ series: daily(values), horizon: 1, backtestOrigins: 5 }))).toEqual(
      values.slice(75, 80),
    );
    // 20 days: every midnight from day 7 on, so taylor (two weeks) is left out; 13 origins, not the old 7.
    const short = forecast({ series: daily(values.slice(0, 20)), horizon: 1 });
    expect(checked(short)).toEqual(values.slice(7, 20));
    // Days 2 and 3 are holidays: day 9 is the first midnight with 7 observed days before it.
    const holidays = forecast({
      series: daily(values.slice(0, 20)),
      horizon: 1,
      specialDays: [{ day: 2 }, { day: 3 }],
    });
    expect(checked(holidays)).toEqual(values.slice(9, 20));
    expect(holidays.backtest.filter((b) => b.failed).map((b) => b.method)).toEqual(['taylor']);
    expect(() => forecast({ series: daily(values), horizon: 1, backtestOrigins: 0 })).toThrow(
      expect.objectContaining({ field: 'backtestOrigins' }),
    );
  });
  it("the backtest's forecasts from an origin read nothing after it, outlier cleaning included", () => {
    fc.assert(
      fc.property(
        countSeries({ periodsPerDay: 2, minDays: 28, maxDays: 35, maxCount: 30, firstDayOfWeek: 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3000 })), { minLength: 1, maxLength: 6 }),
        (series, changes) => {
          const base = forecast({ series, horizon: 2, backtestOrigins: 10 });
          const origins = base.backtest.find((b) => b.method === 'snaive')!.actual.length / 2;
          const first = series.values.length - 2 * origins; // the first origin (2 intervals checked each)
          // Change values at and after the first origin only (spikes the cleaning would flag).
          const values = [...series.values];
          for (const [at, v] of changes) values[first + (at % (values.length - first))] = v;
          const changed = forecast({ series: { ...series, values }, horizon: 2, backtestOrigins: 10 });
          for (const [i, b] of base.backtest.entries())
            expect(changed.backtest[i]!.forecast.slice(0, 2)).toEqual(b.forecast.slice(0, 2));
        },
      ),
      { numRuns: 15 },
    );
  });
  it('names the field it refuses', () => {
    expect(() => forecast({ series: daily([...WEEK]), horizon: 1, method: 'prophet' })).toThrow(
      /unknown method "prophet"/,
    );
    expect(() =>
      forecast({ series: daily([...WEEK]), horizon: 1, specialDays: [{ day: 1, factor: -1 }] }),
    ).toThrow(expect.objectContaining({ field: 'specialDays[0].factor' }));
  });
});
