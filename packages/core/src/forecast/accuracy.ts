import { ForecastInputError } from './series.js';

/** Forecast errors over the pairs whose actual is observed. */
export interface AccuracyMetrics {
  /** Mean absolute error: (1/n)·Σ|y − ŷ|. */
  readonly mae: number;
  /** Weighted absolute percentage error: Σ|y − ŷ| / Σ|y| (NaN when Σ|y| = 0). */
  readonly wape: number;
  /** Mean absolute scaled error: MAE / (in-sample MAE of the seasonal naive); NaN with no scale. */
  readonly mase: number;
  /** Pairs counted. */
  readonly n: number;
}

function requireSameLength(actual: readonly number[], forecast: readonly number[]): void {
  if (actual.length !== forecast.length)
    throw new ForecastInputError(
      `actual (${actual.length}) and forecast (${forecast.length}) must have the same length`,
      'forecast',
    );
}

/**
 * The in-sample MAE of the seasonal naive forecast: (1/(T−m))·Σ_{t>m} |y(t) − y(t−m)| over pairs with
 * both observed — the scale of MASE (Hyndman & Koehler, "Another look at measures of forecast
 * accuracy", Int. J. Forecasting 22(4):679–688, 2006, eq. for seasonal MASE).
 *
 * @example naiveScale([1, 2, 3, 5], 2) // (|3−1| + |5−2|)/2 = 2.5
 */
export function naiveScale(training: readonly number[], seasonLag: number): number {
  let sum = 0;
  let n = 0;
  for (let t = seasonLag; t < training.length; t++) {
    const a = training[t]!;
    const b = training[t - seasonLag]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    sum += Math.abs(a - b);
    n++;
  }
  return n > 0 ? sum / n : Number.NaN;
}

/**
 * MAE, WAPE and MASE (Hyndman & Koehler 2006) of a forecast against actuals; pairs with a NaN actual
 * are left out. `scale` is {@link naiveScale} of the training data (omit it for MASE = NaN).
 *
 * @throws {ForecastInputError} actual and forecast of different lengths.
 * @example accuracy([10, 20], [12, 17], 5) // { mae: 2.5, wape: 5/30, mase: 0.5, n: 2 }
 */
export function accuracy(
  actual: readonly number[],
  forecast: readonly number[],
  scale = Number.NaN,
): AccuracyMetrics {
  requireSameLength(actual, forecast);
  let abs = 0;
  let volume = 0;
  let n = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i]!;
    if (Number.isNaN(y)) continue;
    abs += Math.abs(y - forecast[i]!);
    volume += Math.abs(y);
    n++;
  }
  const mae = n > 0 ? abs / n : Number.NaN;
  return { mae, wape: volume > 0 ? abs / volume : Number.NaN, mase: scale > 0 ? mae / scale : Number.NaN, n };
}

/**
 * Sums each whole day of `periodsPerDay` intervals (a day with a NaN interval is NaN), for the
 * day-level figures.
 *
 * @example dailyTotals([1, 2, 3, 4], 2) // [3, 7]
 */
export function dailyTotals(values: readonly number[], periodsPerDay: number): number[] {
  const out: number[] = [];
  for (let start = 0; start + periodsPerDay <= values.length; start += periodsPerDay) {
    let s = 0;
    for (let j = 0; j < periodsPerDay; j++) s += values[start + j]!;
    out.push(s);
  }
  return out;
}
