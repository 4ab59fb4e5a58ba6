import {
  type PooledProfileOptions,
  pooledProfile,
  pooledProfileBasis,
  pooledProfileFrom,
} from './pooled-profile.js';
import { observedDays, requireForecastInput, type SeasonalSeries } from './series.js';

/** The settings {@link pooledTuned} chooses from: κ × a × w, 3 × 3 × 5 = 45 sets, fixed in advance. */
export const POOLED_TUNING_GRID: readonly PooledProfileOptions[] = [0, 3, 10].flatMap((pooling) =>
  [0, 0.15, 0.3].flatMap((smoothing) =>
    [0, 0.15, 0.3, 0.45, 0.6].map((localLevelWeight) => ({ pooling, smoothing, localLevelWeight })),
  ),
);

/** Inner origins: the last midnights before the forecast origin that {@link pooledTuned} scores on. */
const INNER_ORIGINS = 7;
/** Whole observed days the pooled profile needs before an inner origin (as {@link pooledProfile} does). */
const MIN_OBSERVED_DAYS = 7;

/**
 * {@link pooledProfile} with its three settings chosen on the series' own past alone: each set of
 * {@link POOLED_TUNING_GRID} forecasts from each of the last 7 midnights d whose day is observed whole
 * and that leave at least 7 whole observed days before them (the rest of the history, up to
 * `horizon` intervals, is the check; intervals not observed are not scored), and the set with the
 * least summed absolute error forecasts the horizon. A special day (NaN) is thus neither scored nor
 * counted among the 7, and an early one cannot leave an inner origin too little history. This is
 * time-series cross-validation by rolling origin (Tashman, Int. J. Forecasting 16:437–450, 2000;
 * Bergmeir & Benítez, "On the use of cross-validation for time series predictor evaluation",
 * Information Sciences 191:192–213, 2012): nothing after the forecast origin is read, so a backtest of
 * this method is out of sample at both levels. With no inner origin (under 8 observed days) it uses
 * the defaults.
 *
 * @throws {ForecastInputError} as {@link pooledProfile}.
 * @example pooledTuned(series, 48) // the next day's 48 half-hours, settings picked on the last week
 */
export function pooledTuned(series: SeasonalSeries, horizon: number): number[] {
  requireForecastInput(series, horizon);
  const p = series.periodsPerDay;
  const n = series.values.length;
  // observedDays(series)[k] has exactly k whole observed days before it.
  const inner = observedDays(series)
    .slice(MIN_OBSERVED_DAYS)
    .slice(-INNER_ORIGINS)
    .map((o) => o.day);
  const errors = POOLED_TUNING_GRID.map(() => 0);
  for (const d of inner) {
    const check = Math.min(horizon, n - d * p);
    // Fitted once per inner origin: the grid's settings change only the cheap last step.
    const basis = pooledProfileBasis({ ...series, values: series.values.slice(0, d * p) });
    POOLED_TUNING_GRID.forEach((options, k) => {
      const f = pooledProfileFrom(basis, check, options);
      for (let i = 0; i < check; i++) {
        const y = series.values[d * p + i]!;
        if (!Number.isNaN(y)) errors[k]! += Math.abs(f[i]! - y);
      }
    });
  }
  let best: PooledProfileOptions = {};
  let bestError = Number.POSITIVE_INFINITY;
  if (inner.length > 0)
    POOLED_TUNING_GRID.forEach((options, k) => {
      if (errors[k]! < bestError) {
        bestError = errors[k]!;
        best = options;
      }
    });
  return pooledProfile(series, horizon, best);
}
