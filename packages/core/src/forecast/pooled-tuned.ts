import { type PooledProfileOptions, pooledProfile } from './pooled-profile.js';
import { requireForecastInput, type SeasonalSeries } from './series.js';

/** The settings {@link pooledTuned} chooses from: κ × a × w, 3 × 3 × 5 = 45 sets, fixed in advance. */
export const POOLED_TUNING_GRID: readonly PooledProfileOptions[] = [0, 3, 10].flatMap((pooling) =>
  [0, 0.15, 0.3].flatMap((smoothing) =>
    [0, 0.15, 0.3, 0.45, 0.6].map((localLevelWeight) => ({ pooling, smoothing, localLevelWeight })),
  ),
);

/** Inner origins: the last midnights before the forecast origin that {@link pooledTuned} scores on. */
const INNER_ORIGINS = 7;

/**
 * {@link pooledProfile} with its three settings chosen on the series' own past alone: each set of
 * {@link POOLED_TUNING_GRID} forecasts from each of the last 7 midnights that leave at least 7 whole
 * days before them (the rest of the history, up to `horizon` intervals, is the check), and the set
 * with the least summed absolute error forecasts the horizon. This is time-series cross-validation
 * by rolling origin (Tashman, Int. J. Forecasting 16:437–450, 2000; Bergmeir & Benítez, "On the use
 * of cross-validation for time series predictor evaluation", Information Sciences 191:192–213,
 * 2012): nothing after the forecast origin is read, so a backtest of this method is out of sample
 * at both levels. With no inner origin (under 8 days of history) it uses the defaults.
 *
 * @throws {ForecastInputError} as {@link pooledProfile}.
 * @example pooledTuned(series, 48) // the next day's 48 half-hours, settings picked on the last week
 */
export function pooledTuned(series: SeasonalSeries, horizon: number): number[] {
  requireForecastInput(series, horizon);
  const p = series.periodsPerDay;
  const days = Math.floor(series.values.length / p);
  let best: PooledProfileOptions = {};
  let bestError = Number.POSITIVE_INFINITY;
  const first = Math.max(7, days - INNER_ORIGINS);
  if (first < days)
    for (const options of POOLED_TUNING_GRID) {
      let error = 0;
      for (let d = first; d < days; d++) {
        const check = Math.min(horizon, series.values.length - d * p);
        const training = { ...series, values: series.values.slice(0, d * p) };
        const f = pooledProfile(training, check, options);
        for (let i = 0; i < check; i++) {
          const y = series.values[d * p + i]!;
          if (!Number.isNaN(y)) error += Math.abs(f[i]! - y);
        }
      }
      if (error < bestError) {
        bestError = error;
        best = options;
      }
    }
  return pooledProfile(series, horizon, best);
}
