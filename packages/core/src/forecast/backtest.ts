import { type AccuracyMetrics, accuracy, dailyTotals, naiveScale } from './accuracy.js';
import { forecasterFor } from './methods.js';
import {
  ForecastInputError,
  observedDays,
  periodsPerWeek,
  requireHorizon,
  type SeasonalSeries,
} from './series.js';

/** One method's rolling-origin backtest. */
export interface MethodBacktest {
  readonly method: string;
  /** Errors over every forecast interval of every origin. */
  readonly interval: AccuracyMetrics;
  /** Errors of the daily totals (whole forecast days only). */
  readonly day: AccuracyMetrics;
  /** Actuals and forecasts, origin after origin (for dispersion and charts). */
  readonly actual: readonly number[];
  readonly forecast: readonly number[];
  /** Why the method could not forecast (then the metrics are NaN). */
  readonly failed?: string;
}

/**
 * The last `count` midnights o (interval indices) with at least `minHistory` intervals and at least
 * `minObservedDays` whole observed days ({@link observedDays}: a special day or a gap does not count)
 * before them, and `horizon` intervals after them, oldest first.
 *
 * @example dailyOrigins(series, 7, 48, 2 * 336) // the 7 latest day starts that leave a day to check
 */
export function dailyOrigins(
  series: SeasonalSeries,
  count: number,
  horizon: number,
  minHistory: number,
  minObservedDays = 0,
): number[] {
  const p = series.periodsPerDay;
  const observed = observedDays(series).map((d) => d.day);
  const origins: number[] = [];
  let k = observed.length; // observed[0 … k−1] are the observed days before o
  for (
    let o = Math.floor((series.values.length - horizon) / p) * p;
    o >= minHistory && origins.length < count;
    o -= p
  ) {
    while (k > 0 && observed[k - 1]! >= o / p) k--;
    if (k >= minObservedDays) origins.push(o);
    else break; // earlier midnights have no more observed days before them
  }
  return origins.reverse();
}

/**
 * Rolling-origin evaluation (Tashman, "Out-of-sample tests of forecasting accuracy: an analysis and
 * review", Int. J. Forecasting 16(4):437–450, 2000): for each origin o, each method is fitted on
 * y(0 … o−1) alone and forecasts y(o … o+h−1); MAE, WAPE and MASE pool every forecast interval of
 * every origin, and again the daily totals of whole forecast days. MASE's scale is the in-sample
 * seasonal-naive MAE of the history before the first origin (weekly lag; 7 days for daily totals).
 * `actualValues` (default: the series) are what the forecasts are scored against: the raw values
 * when the series the methods learn from has been cleaned of outliers. `prepare` (default: none)
 * turns each origin's history y(0 … o−1) into what the methods learn from — outlier cleaning on that
 * history alone, so that even the cleaning reads nothing after the origin.
 *
 * @throws {ForecastInputError} no origin, an origin out of range, or a bad horizon.
 * @example rollingOriginBacktest(series, ['snaive', 'poisson'], origins, 48)[1].interval.mae
 */
export function rollingOriginBacktest(
  series: SeasonalSeries,
  methods: readonly string[],
  origins: readonly number[],
  horizon: number,
  actualValues: readonly number[] = series.values,
  prepare: (training: SeasonalSeries) => SeasonalSeries = (training) => training,
): MethodBacktest[] {
  requireHorizon(horizon);
  const n = series.values.length;
  if (origins.length === 0) throw new ForecastInputError('the backtest needs at least one origin', 'origins');
  for (const o of origins)
    if (!(Number.isInteger(o) && o > 0 && o + horizon <= n))
      throw new ForecastInputError(`origin ${o} leaves no ${horizon} intervals to check`, 'origins');
  const p = series.periodsPerDay;
  const first = Math.min(...origins);
  const history = series.values.slice(0, first);
  const scale = naiveScale(history, periodsPerWeek(series));
  const dayScale = naiveScale(dailyTotals(history.slice(0, Math.floor(first / p) * p), p), 7);
  // Each origin's training set, prepared from the values before it alone (shared by every method).
  const trainings = origins.map((o) =>
    prepare({ values: series.values.slice(0, o), periodsPerDay: p, firstDayOfWeek: series.firstDayOfWeek }),
  );
  return methods.map((method) => {
    const forecaster = forecasterFor(method);
    const actual: number[] = [];
    const forecast: number[] = [];
    const actualDays: number[] = [];
    const forecastDays: number[] = [];
    try {
      for (const [k, o] of origins.entries()) {
        const f = forecaster(trainings[k]!, horizon);
        const y = actualValues.slice(o, o + horizon);
        actual.push(...y);
        forecast.push(...f);
        if (o % p === 0) {
          actualDays.push(...dailyTotals(y, p));
          forecastDays.push(...dailyTotals(f, p));
        }
      }
    } catch (err) {
      const nan = { mae: Number.NaN, wape: Number.NaN, mase: Number.NaN, n: 0 };
      return { method, interval: nan, day: nan, actual: [], forecast: [], failed: (err as Error).message };
    }
    return {
      method,
      interval: accuracy(actual, forecast, scale),
      day: accuracy(actualDays, forecastDays, dayScale),
      actual,
      forecast,
    };
  });
}
