import {
  ForecastInputError,
  periodsPerWeek,
  requireHorizon,
  requireSeries,
  type SeasonalSeries,
} from './series.js';

/** Smoothing parameters of {@link doubleSeasonalFilter}, each in [0, 1]. */
export interface DoubleSeasonalParameters {
  /** α, the level. */
  readonly alpha: number;
  /** δ, the within-day season (period m₁ = intervals per day). */
  readonly delta: number;
  /** ω, the within-week season (period m₂ = intervals per week). */
  readonly omega: number;
  /** φ, the AR(1) adjustment of the last one-step error. */
  readonly phi: number;
}

/** The filter's state after the last observation, and its in-sample day-ahead error. */
export interface DoubleSeasonalState {
  readonly level: number;
  /** d by position t mod m₁ (the latest value at each position). */
  readonly daily: readonly number[];
  /** w by position t mod m₂. */
  readonly weekly: readonly number[];
  /** Last one-step error e(n−1). */
  readonly lastError: number;
  /** Σ of squared day-ahead errors from each midnight after the first two weeks (NaN actuals skipped). */
  readonly dayAheadSse: number;
  readonly parameters: DoubleSeasonalParameters;
}

/** The grid {@link doubleSeasonal} searches (4 × 4 × 4 × 3 = 192 sets). */
export const DOUBLE_SEASONAL_GRID = {
  alpha: [0, 0.01, 0.03, 0.1],
  delta: [0, 0.05, 0.15, 0.3],
  omega: [0, 0.05, 0.15, 0.3],
  phi: [0, 0.5, 0.9],
} as const;

/**
 * Taylor's double-seasonal exponential smoothing with an AR(1) error adjustment (J. W. Taylor,
 * "Short-term electricity demand forecasting using double seasonal exponential smoothing",
 * J. Oper. Res. Soc. 54(8):799–805, 2003), in its additive form (the multiplicative form of the paper
 * divides by seasonal indices that are 0 in a closed contact center's night):
 *   e(t) = y(t) − (l(t−1) + d(t−m₁) + w(t−m₂))
 *   l(t) = α·(y(t) − d(t−m₁) − w(t−m₂)) + (1−α)·l(t−1)
 *   d(t) = δ·(y(t) − l(t) − w(t−m₂)) + (1−δ)·d(t−m₁)
 *   w(t) = ω·(y(t) − l(t) − d(t−m₁)) + (1−ω)·w(t−m₂)
 *   ŷ(t+k) = l(t) + d(t−m₁+k) + w(t−m₂+k) + φᵏ·e(t)   (k ≤ m₁; later seasons repeat the latest value).
 * Initial state from the first week: l = its mean, d(j) = the mean of interval j over its days − l,
 * w(i) = y(i) − l − d(i mod m₁). A missing y(t) (NaN) is replaced by its one-step forecast (e = 0).
 *
 * @throws {ForecastInputError} a series shorter than a week, or a parameter outside [0, 1].
 * @example doubleSeasonalFilter(series, { alpha: 0.01, delta: 0.15, omega: 0.15, phi: 0.5 }).level
 */
export function doubleSeasonalFilter(
  series: SeasonalSeries,
  parameters: DoubleSeasonalParameters,
): DoubleSeasonalState {
  requireSeries(series);
  for (const key of ['alpha', 'delta', 'omega', 'phi'] as const) {
    const v = parameters[key];
    if (!(v >= 0 && v <= 1)) throw new ForecastInputError(`${key} must be in [0, 1]`, key);
  }
  const { alpha, delta, omega, phi } = parameters;
  const y = series.values;
  const m1 = series.periodsPerDay;
  const m2 = periodsPerWeek(series);
  const n = y.length;
  // Initial state from the first week.
  let sum = 0;
  let count = 0;
  for (let i = 0; i < m2; i++)
    if (!Number.isNaN(y[i]!)) {
      sum += y[i]!;
      count++;
    }
  let level = count > 0 ? sum / count : 0;
  const daily = new Array<number>(m1).fill(0);
  for (let j = 0; j < m1; j++) {
    let s = 0;
    let c = 0;
    for (let k = 0; k < 7; k++) {
      const v = y[k * m1 + j]!;
      if (!Number.isNaN(v)) {
        s += v;
        c++;
      }
    }
    daily[j] = c > 0 ? s / c - level : 0;
  }
  const weekly = new Array<number>(m2);
  for (let i = 0; i < m2; i++) weekly[i] = Number.isNaN(y[i]!) ? 0 : y[i]! - level - daily[i % m1]!;
  let error = 0;
  let sse = 0;
  for (let t = m2; t < n; t++) {
    if (t % m1 === 0 && t >= 2 * m2) {
      // Day-ahead errors from this midnight (the state holds everything up to t − 1).
      let damp = 1;
      for (let k = 1; k <= m1 && t - 1 + k < n; k++) {
        damp *= phi;
        const actual = y[t - 1 + k]!;
        if (Number.isNaN(actual)) continue;
        const at = t - 1 + k;
        const f = level + daily[at % m1]! + weekly[at % m2]! + damp * error;
        sse += (actual - f) ** 2;
      }
    }
    const d = daily[t % m1]!;
    const w = weekly[t % m2]!;
    const oneStep = level + d + w + phi * error;
    const observed = y[t]!;
    const value = Number.isNaN(observed) ? oneStep : observed;
    error = Number.isNaN(observed) ? 0 : value - (level + d + w);
    const newLevel = alpha * (value - d - w) + (1 - alpha) * level;
    daily[t % m1] = delta * (value - newLevel - w) + (1 - delta) * d;
    weekly[t % m2] = omega * (value - newLevel - d) + (1 - omega) * w;
    level = newLevel;
  }
  return { level, daily, weekly, lastError: error, dayAheadSse: sse, parameters };
}

/** Forecast from a filter state at the end of a series of length n: ŷ(n−1+k), k = 1 … horizon, clipped at 0. */
export function doubleSeasonalForecast(state: DoubleSeasonalState, n: number, horizon: number): number[] {
  requireHorizon(horizon);
  const m1 = state.daily.length;
  const m2 = state.weekly.length;
  const out: number[] = [];
  let damp = 1;
  for (let k = 1; k <= horizon; k++) {
    damp *= state.parameters.phi;
    const at = n - 1 + k;
    out.push(
      Math.max(0, state.level + state.daily[at % m1]! + state.weekly[at % m2]! + damp * state.lastError),
    );
  }
  return out;
}

/**
 * {@link doubleSeasonalFilter} with the parameters of {@link DOUBLE_SEASONAL_GRID} that give the least
 * in-sample day-ahead squared error (Taylor 2003 fits by least squares too, on one-step errors; the
 * planner's horizon is the next day, so the day-ahead error is the criterion here), then its forecast.
 *
 * @throws {ForecastInputError} a series shorter than two weeks, or a bad horizon.
 * @example doubleSeasonal(series, 48) // the next 48 half-hours
 */
export function doubleSeasonal(series: SeasonalSeries, horizon: number): number[] {
  requireHorizon(horizon);
  requireSeries(series, 2);
  let best: DoubleSeasonalState | undefined;
  for (const alpha of DOUBLE_SEASONAL_GRID.alpha)
    for (const delta of DOUBLE_SEASONAL_GRID.delta)
      for (const omega of DOUBLE_SEASONAL_GRID.omega)
        for (const phi of DOUBLE_SEASONAL_GRID.phi) {
          const state = doubleSeasonalFilter(series, { alpha, delta, omega, phi });
          if (!best || state.dayAheadSse < best.dayAheadSse) best = state;
        }
  return doubleSeasonalForecast(best!, series.values.length, horizon);
}
