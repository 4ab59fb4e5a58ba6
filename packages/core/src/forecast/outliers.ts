import { ForecastInputError, periodsPerWeek, type SeasonalSeries } from './series.js';

/** An interval whose volume is far from the same interval in the other weeks. */
export interface OutlierFlag {
  readonly index: number;
  readonly value: number;
  /** The median of the same interval over the observed weeks: what cleaning puts instead. */
  readonly expected: number;
  /** (y − expected) / √(φ·max(expected, 1)). */
  readonly score: number;
}

/** χ²₁ median, so that median(r²)/0.4549 estimates φ when r = (y − μ)/√μ is normal. */
const CHI2_1_MEDIAN = 0.454936423119572;

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/**
 * Flags outliers: for each interval, the expected value is the median of the same interval of the
 * week over all observed weeks (at least 3, else nothing is flagged there); the robust dispersion is
 * φ = max(1, median(r²)/0.4549) with r = (y − expected)/√max(expected, 1) over all such intervals;
 * an interval is flagged when |y − expected| > z·√(φ·max(expected, 1)). Median-based, so one
 * outlier cannot hide itself by moving its own baseline (Hampel's identifier; Hampel, "The influence
 * curve and its role in robust estimation", JASA 69:383–393, 1974; Pearson, "Outliers in process
 * modeling and identification", IEEE TCST 10(1), 2002).
 *
 * @throws {ForecastInputError} z not > 0.
 * @example flagOutliers(series, 4).map((f) => f.index)
 */
export function flagOutliers(series: SeasonalSeries, z = 4): OutlierFlag[] {
  if (!(z > 0)) throw new ForecastInputError('z must be > 0', 'z');
  const m = periodsPerWeek(series);
  const y = series.values;
  const expected = new Array<number>(m).fill(Number.NaN);
  for (let s = 0; s < m; s++) {
    const same: number[] = [];
    for (let t = s; t < y.length; t += m) if (!Number.isNaN(y[t]!)) same.push(y[t]!);
    if (same.length >= 3) expected[s] = median(same);
  }
  const squared: number[] = [];
  for (let t = 0; t < y.length; t++) {
    const e = expected[t % m]!;
    if (Number.isNaN(e) || Number.isNaN(y[t]!)) continue;
    squared.push((y[t]! - e) ** 2 / Math.max(e, 1));
  }
  if (squared.length === 0) return [];
  const phi = Math.max(1, median(squared) / CHI2_1_MEDIAN);
  const flags: OutlierFlag[] = [];
  for (let t = 0; t < y.length; t++) {
    const e = expected[t % m]!;
    if (Number.isNaN(e) || Number.isNaN(y[t]!)) continue;
    const score = (y[t]! - e) / Math.sqrt(phi * Math.max(e, 1));
    if (Math.abs(score) > z) flags.push({ index: t, value: y[t]!, expected: e, score });
  }
  return flags;
}

/** The series with each flagged interval replaced by its expected value. */
export function cleanOutliers(series: SeasonalSeries, flags: readonly OutlierFlag[]): SeasonalSeries {
  const values = [...series.values];
  for (const f of flags) values[f.index] = f.expected;
  return { values, periodsPerDay: series.periodsPerDay, firstDayOfWeek: series.firstDayOfWeek };
}
