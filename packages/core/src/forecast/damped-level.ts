import { dailyMeans, gaussianSmooth, poissonMedian } from './median-combination.js';
import { cleanOutliers, flagOutliers } from './outliers.js';
import { dayOfWeekShares, similarDays } from './pooled-profile.js';
import {
  dayOfWeekAt,
  ForecastInputError,
  type ObservedDay,
  observedDays,
  requireForecastInput,
  requireSeries,
  type SeasonalSeries,
} from './series.js';

/** Settings of {@link dampedLevelProfile}. */
export interface DampedLevelOptions {
  /** Holt's level smoothing α, 0 < α ≤ 1. */
  readonly alpha: number;
  /** Holt's trend smoothing β*, 0 ≤ β* ≤ 1 (0: no trend is learnt). */
  readonly beta: number;
  /** Weight of a day one day older in the intraday shares, 0 < δ ≤ 1. */
  readonly shareDecayPerDay: number;
}

/** Damping φ of the trend (Gardner & McKenzie 1985 use 0.8–0.98; 0.9 is the middle of that range). */
const PHI = 0.9;
/** Standard deviation, in intervals, of the Gaussian kernel that smooths the shares. */
const BANDWIDTH = 0.6;
/** Prior weight, in days, that pulls each day-of-week factor toward 1. */
const FACTOR_PRIOR = 2;
/** Half-width, in days, of the window a day's total is compared with to find its day-of-week factor. */
const FACTOR_WINDOW = 3;
/** Outliers beyond this many robust standard deviations are cleaned before the shares are read. */
const OUTLIER_Z = 4;

/** The settings {@link dampedLevelTuned} chooses from: (α, β*) 3 × 3 and δ 3, fixed in advance. */
export const DAMPED_LEVEL_GRID = {
  level: [0.3, 0.5, 0.7].flatMap((alpha) => [0, 0.1, 0.2].map((beta) => ({ alpha, beta }))),
  shareDecayPerDay: [1, 0.9, 0.8],
} as const;

/** Inner origins {@link dampedLevelTuned} scores on: the last 7 midnights before the origin. */
const INNER_ORIGINS = 7;

/**
 * Holt's linear method with a damped trend (Gardner & McKenzie, "Forecasting trends in time series",
 * Management Science 31:1237–1246, 1985; Hyndman & Athanasopoulos, "Forecasting: principles and
 * practice", 3rd ed., §8.2): ℓₜ = α·yₜ + (1 − α)(ℓₜ₋₁ + φ·bₜ₋₁), bₜ = β*(ℓₜ − ℓₜ₋₁) + (1 − β*)·φ·bₜ₋₁,
 * started at ℓ₀ = y₀, b₀ = 0; the forecast m steps ahead is ℓₙ + (φ + φ² + … + φᵐ)·bₙ, floored at 0.
 *
 * @throws {ForecastInputError} α not in (0, 1], β* or φ not in [0, 1], m not a whole number ≥ 1.
 * @example holtDamped([10, 10, 10], 0.5, 0.1, 0.9, 2) // 10
 */
export function holtDamped(
  values: readonly number[],
  alpha: number,
  beta: number,
  phi: number,
  m: number,
): number {
  if (!(alpha > 0 && alpha <= 1)) throw new ForecastInputError('alpha must be in (0, 1]', 'alpha');
  if (!(beta >= 0 && beta <= 1)) throw new ForecastInputError('beta must be in [0, 1]', 'beta');
  if (!(phi >= 0 && phi <= 1)) throw new ForecastInputError('phi must be in [0, 1]', 'phi');
  if (!(Number.isInteger(m) && m >= 1)) throw new ForecastInputError('m must be a whole number ≥ 1', 'm');
  if (values.length === 0) return 0;
  let level = values[0]!;
  let trend = 0;
  for (let t = 1; t < values.length; t++) {
    const previous = level;
    level = alpha * values[t]! + (1 - alpha) * (previous + phi * trend);
    trend = beta * (level - previous) + (1 - beta) * phi * trend;
  }
  let damp = 0;
  for (let i = 1, f = phi; i <= m; i++, f *= phi) damp += f;
  return Math.max(0, level + damp * trend);
}

/** The whole observed days of a series, with the similar-day group of each day of week. */
function wholeDays(series: SeasonalSeries): { rows: ObservedDay[]; groups: number[][] } {
  const rows = observedDays(series);
  const { own, means } = dayOfWeekShares(rows, series.periodsPerDay);
  return { rows, groups: similarDays(own, means, 0.12) };
}

/**
 * A day of week's intraday shares from the most recent days of its group: Σ δ^{age(d)}·y(d, j) over
 * the whole days d of the similar days of week ({@link similarDays}), divided by the same sum of the
 * days' totals — exponentially weighted pooling, so the shape follows the latest days of every
 * similar weekday instead of 2–4 days of its own — then smoothed by a Gaussian kernel of 0.6 intervals
 * (Nadaraya–Watson, truncated at 3σ; Weinberg, Brown & Stroud, JASA 102:1185–1198, 2007, on smooth
 * intraday rates; Brown et al., JASA 100:36–50, 2005, §4, on weekday shapes alike) and renormalised.
 * A day of week with no volume in its group gets flat shares.
 */
function recentShares(
  rows: readonly ObservedDay[],
  group: readonly number[],
  lastDay: number,
  decayPerDay: number,
  p: number,
): number[] {
  const sum = new Array<number>(p).fill(0);
  let z = 0;
  for (const r of rows) {
    if (!group.includes(r.dow)) continue;
    const w = decayPerDay ** (lastDay - r.day);
    r.row.forEach((v, j) => {
      sum[j]! += w * v;
    });
    z += w * r.total;
  }
  if (!(z > 0)) return new Array<number>(p).fill(1 / p);
  const raw = sum.map((v) => v / z);
  const smooth = gaussianSmooth(raw, BANDWIDTH);
  const total = smooth.reduce((a, b) => a + b, 0);
  return smooth.map((v) => v / total);
}

/**
 * Day-of-week factors inside a group: each day's total over the mean of its group's days within
 * ±3 days (a local ratio, so a falling month does not bias the factors — the ratio-to-moving-average
 * idea of classical decomposition; Hyndman & Athanasopoulos, FPP3 §3.4), averaged per day of week
 * with 2 prior days at 1.
 */
function dayFactors(rows: readonly ObservedDay[]): number[] {
  const sum = new Array<number>(7).fill(0);
  const count = new Array<number>(7).fill(0);
  // Rows are in day order: the window of each row starts at or after the previous row's start.
  let from = 0;
  for (const r of rows) {
    while (rows[from]!.day < r.day - FACTOR_WINDOW) from++;
    let near = 0;
    let n = 0;
    for (let i = from; i < rows.length && rows[i]!.day <= r.day + FACTOR_WINDOW; i++) {
      near += rows[i]!.total;
      n++;
    }
    if (near > 0) {
      sum[r.dow]! += (r.total * n) / near;
      count[r.dow]!++;
    }
  }
  return sum.map((s, k) => (s + FACTOR_PRIOR) / (count[k]! + FACTOR_PRIOR));
}

/** A group's totals, each divided by its day-of-week factor, and the factors ({@link dayFactors}). */
interface GroupTotals {
  readonly deseasonalised: readonly number[];
  readonly factors: readonly number[];
}

function groupTotals(rows: readonly ObservedDay[], group: readonly number[]): GroupTotals {
  const mine = rows.filter((r) => group.includes(r.dow));
  const factors = dayFactors(mine);
  return { deseasonalised: mine.map((r) => r.total / factors[r.dow]!), factors };
}

/** Each day's total, m days of its group ahead: Holt's damped level over the group's deseasonalised totals. */
function groupLevel(
  totals: GroupTotals,
  group: readonly number[],
  lastDay: number,
  targetDay: number,
  targetDow: number,
  options: Pick<DampedLevelOptions, 'alpha' | 'beta'>,
  firstDayOfWeek: number,
): number {
  if (totals.deseasonalised.length === 0) return 0;
  let m = 0;
  for (let d = lastDay + 1; d <= targetDay; d++) if (group.includes((firstDayOfWeek + d) % 7)) m++;
  return (
    holtDamped(totals.deseasonalised, options.alpha, options.beta, PHI, Math.max(1, m)) *
    totals.factors[targetDow]!
  );
}

/**
 * A damped-level profile forecast. The intraday shares come from the outlier-cleaned history
 * ({@link flagOutliers} at 4 robust standard deviations: a half-hour outage must not dent the shape)
 * by {@link recentShares}; each forecast day's total is Holt's damped level ({@link holtDamped},
 * φ = 0.9) of its similar days' totals, each divided by its day-of-week factor, times the forecast
 * day's factor: the daily level of the days that behave alike, following a fall or a rise without
 * extrapolating it for ever. μ(t) = T(day t)·s(dow t, interval t), and the point is the Poisson median
 * of μ ({@link poissonMedian}), the optimum under absolute error for a count (Gneiting, JASA
 * 106:746–762, 2011). The first forecast day, when it starts mid-day, gets its shares renormalised
 * over the intervals left in it.
 *
 * @throws {ForecastInputError} bad options, a bad horizon, or fewer than 7 whole observed days.
 * @example dampedLevelProfile(series, 48, { alpha: 0.5, beta: 0.1, shareDecayPerDay: 0.9 })
 */
export function dampedLevelProfile(
  series: SeasonalSeries,
  horizon: number,
  options: DampedLevelOptions,
): number[] {
  return dampedLevelMeans(series, horizon, options).map(poissonMedian);
}

/**
 * The Poisson means μ(t) = T(day t)·s(dow t, interval t) behind {@link dampedLevelProfile}, before the
 * median: means add up across series (a bottom-up total sums its children's means, not their medians).
 *
 * @throws {ForecastInputError} bad options, a bad horizon, or fewer than 7 whole observed days.
 */
export function dampedLevelMeans(
  series: SeasonalSeries,
  horizon: number,
  options: DampedLevelOptions,
): number[] {
  requireForecastInput(series, horizon);
  if (!(options.shareDecayPerDay > 0 && options.shareDecayPerDay <= 1))
    throw new ForecastInputError('shareDecayPerDay must be in (0, 1]', 'shareDecayPerDay');
  const p = series.periodsPerDay;
  const n = series.values.length;
  const { rows, groups } = wholeDays(series);
  const clean = wholeDays(cleanOutliers(series, flagOutliers(series, OUTLIER_Z))).rows;
  const lastDay = Math.ceil(n / p) - 1;
  // One group's totals serve every forecast day of its days of week.
  const totalsOf = new Map<readonly number[], GroupTotals>();
  return dailyMeans(
    series,
    horizon,
    (_, t) => {
      const dow = dayOfWeekAt(series, t);
      const group = groups[dow]!;
      const day = Math.floor(t / p);
      let totals = totalsOf.get(group);
      if (!totals) {
        totals = groupTotals(rows, group);
        totalsOf.set(group, totals);
      }
      return groupLevel(totals, group, lastDay, day, dow, options, series.firstDayOfWeek);
    },
    (dow) => recentShares(clean, groups[dow]!, lastDay, options.shareDecayPerDay, p),
  );
}

/**
 * {@link dampedLevelProfile} with its settings chosen on the series' own past alone, by rolling
 * origin over the last 7 midnights d that leave 7 whole days before them (Tashman, Int. J.
 * Forecasting 16:437–450, 2000): (α, β*) from {@link DAMPED_LEVEL_GRID} by Σ|T̂(d) − Y(d)|, the
 * next day's total forecast from the days before d; δ by the shape's error Σⱼ|s(d, j)·Y(d) − y(d, j)|
 * (shares from the days before d, times d's own total). The two are chosen apart because the level
 * and the shape do not share a setting. Nothing after the series' end is read; with no inner origin
 * (under 8 days) it uses α = 0.5, β* = 0.1, δ = 0.9.
 *
 * @throws {ForecastInputError} a bad horizon, or fewer than 7 whole observed days.
 * @example dampedLevelTuned(series, 48) // the next day's 48 half-hours, whole calls
 */
export function dampedLevelTuned(series: SeasonalSeries, horizon: number): number[] {
  return dampedLevelProfile(series, horizon, tuneDampedLevel(series));
}

/** The settings {@link dampedLevelTuned} picks (exported for the bench and tests). */
export function tuneDampedLevel(series: SeasonalSeries): DampedLevelOptions {
  requireSeries(series);
  const p = series.periodsPerDay;
  const days = Math.floor(series.values.length / p);
  const first = Math.max(7, days - INNER_ORIGINS);
  let level: { alpha: number; beta: number } = { alpha: 0.5, beta: 0.1 };
  let shareDecayPerDay = 0.9;
  if (first >= days) return { ...level, shareDecayPerDay };
  const levelError = DAMPED_LEVEL_GRID.level.map(() => 0);
  const shareError = DAMPED_LEVEL_GRID.shareDecayPerDay.map(() => 0);
  for (const { day: d, dow, row, total } of observedDays(series, first)) {
    const before: SeasonalSeries = { ...series, values: series.values.slice(0, d * p) };
    const { rows, groups } = wholeDays(before);
    const clean = wholeDays(cleanOutliers(before, flagOutliers(before, OUTLIER_Z))).rows;
    const totals = groupTotals(rows, groups[dow]!);
    DAMPED_LEVEL_GRID.level.forEach((o, i) => {
      levelError[i]! += Math.abs(
        groupLevel(totals, groups[dow]!, d - 1, d, dow, o, series.firstDayOfWeek) - total,
      );
    });
    DAMPED_LEVEL_GRID.shareDecayPerDay.forEach((delta, i) => {
      const shares = recentShares(clean, groups[dow]!, d - 1, delta, p);
      for (let j = 0; j < p; j++) shareError[i]! += Math.abs(shares[j]! * total - row[j]!);
    });
  }
  level = DAMPED_LEVEL_GRID.level[argmin(levelError)]!;
  shareDecayPerDay = DAMPED_LEVEL_GRID.shareDecayPerDay[argmin(shareError)]!;
  return { ...level, shareDecayPerDay };
}

/** Index of the least value; the first on ties, and 0 when none compares (all NaN). */
function argmin(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! < values[best]!) best = i;
  return best;
}
