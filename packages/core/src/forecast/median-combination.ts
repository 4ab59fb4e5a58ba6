import { poissonProfile } from './poisson-profile.js';
import { dayOfWeekShares, similarDays } from './pooled-profile.js';
import { pooledTuned } from './pooled-tuned.js';
import {
  dayOfWeekAt,
  type ObservedDay,
  observedDays,
  requireForecastInput,
  type SeasonalSeries,
} from './series.js';

/** Settings of {@link intradayShares}. */
export interface ShareOptions {
  /** Weight of a day one week older than the last, 0 < ρ ≤ 1. */
  readonly decayPerWeek: number;
  /** Standard deviation of the Gaussian smoothing kernel, in intervals (0: no smoothing). */
  readonly bandwidth: number;
  /** Prior weight κ of the similar days' shares, in mean days of the day of week. */
  readonly pooling: number;
}

/** The share settings {@link tunedShares} chooses from: ρ × bandwidth × κ, 3 × 3 × 3 = 27, fixed in advance. */
export const SHARE_TUNING_GRID: readonly ShareOptions[] = [1, 0.7, 0.5].flatMap((decayPerWeek) =>
  [0, 0.6, 1.2].flatMap((bandwidth) => [0, 3, 30].map((pooling) => ({ decayPerWeek, bandwidth, pooling }))),
);

/** Inner origins {@link tunedShares} scores on: the last 7 midnights before the origin. */
const INNER_ORIGINS = 7;

/**
 * Median of a Poisson(μ) count: the least k with P(X ≤ k) ≥ ½, from the CDF summed term by term
 * (pₖ₊₁ = pₖ·μ/(k+1)) for μ ≤ 600, and ⌊μ + 1/3 − 0.02/μ⌋ above (where e^{−μ} underflows; Choi,
 * "On the medians of gamma distributions and an equation of Ramanujan", Proc. AMS 121:245–251, 1994,
 * proves μ − ln 2 ≤ median < μ + 1/3). Under absolute loss the best point forecast of a count is a
 * median of its predictive distribution, not its mean (Gneiting, "Making and evaluating point
 * forecasts", JASA 106:746–762, 2011, §3; Kolassa, "Evaluating predictive count data distributions
 * in retail sales forecasting", Int. J. Forecasting 32:788–803, 2016).
 *
 * @example poissonMedian(2.5) // 2
 */
export function poissonMedian(mu: number): number {
  if (!(mu > 0)) return 0;
  if (mu > 600) return Math.floor(mu + 1 / 3 - 0.02 / mu);
  let pk = Math.exp(-mu);
  let cdf = pk;
  let k = 0;
  while (cdf < 0.5) {
    k++;
    pk *= mu / k;
    cdf += pk;
  }
  return k;
}

/**
 * A day of week's intraday shares: weighted sums y(d, j)·ρ^{age(d)/7} over its own whole days,
 * shrunk toward the same weighted sums of its similar days ({@link similarDays}: total-variation
 * distance ≤ 0.12, volumes within 30 %) with prior weight κ mean days (a Dirichlet prior; Gelman et
 * al., "Bayesian Data Analysis", §3.4), then smoothed by a Gaussian kernel of the given bandwidth
 * (Nadaraya–Watson over neighbouring intervals, truncated at 3σ; Weinberg, Brown & Stroud, JASA
 * 102:1185–1198, 2007, on smooth intraday rates) and renormalised to sum 1. A day of week with no
 * volume gets flat shares.
 */
export function intradayShares(series: SeasonalSeries, dow: number, options: ShareOptions): number[] {
  const p = series.periodsPerDay;
  const days = Math.floor(series.values.length / p);
  return sharesOf(shareSums(observedDays(series), days, p, options.decayPerWeek), dow, options);
}

/** The weighted day-of-week sums and similar-day groups {@link intradayShares} starts from (one ρ). */
interface ShareSums {
  readonly sums: ReturnType<typeof dayOfWeekShares>;
  readonly groups: number[][];
  readonly p: number;
}

/** {@link ShareSums} of the observed days before day `days` (the series' length in days), weight ρ^{age/7}. */
function shareSums(
  observed: readonly ObservedDay[],
  days: number,
  p: number,
  decayPerWeek: number,
): ShareSums {
  const sums = dayOfWeekShares(observed, p, ({ day }) => decayPerWeek ** ((days - 1 - day) / 7));
  return { sums, groups: similarDays(sums.own, sums.means, 0.12), p };
}

/** The pooling, smoothing and renormalising steps of {@link intradayShares} on its {@link ShareSums}. */
function sharesOf({ sums, groups, p }: ShareSums, dow: number, options: ShareOptions): number[] {
  const { cell, weighted, own, means } = sums;
  const group = groups[dow]!;
  const prior = new Array<number>(p).fill(0);
  let priorTotal = 0;
  for (const k of group) {
    for (let j = 0; j < p; j++) prior[j]! += cell[k]![j]!;
    priorTotal += weighted[k]!;
  }
  const weight = options.pooling * means[dow]!;
  let shares =
    priorTotal > 0 && weighted[dow]! + weight > 0
      ? cell[dow]!.map((v, j) => (v + (weight * prior[j]!) / priorTotal) / (weighted[dow]! + weight))
      : own[dow]!;
  const sigma = options.bandwidth;
  if (sigma > 0) shares = gaussianSmooth(shares, sigma);
  const z = shares.reduce((a, b) => a + b, 0);
  return shares.map((v) => (z > 0 ? v / z : 1 / p));
}

/**
 * {@link intradayShares} with its settings chosen on the series' own past: each set of
 * {@link SHARE_TUNING_GRID} is scored by Σ|sⱼ·Y(d) − y(d, j)| over the last 7 whole days d that leave
 * 7 days before them (shares from the days before d, times d's own total: the shape's error alone),
 * and the least wins — rolling-origin cross-validation (Tashman 2000), reading nothing after the
 * series' end. Returns the chosen settings.
 */
export function tuneShares(series: SeasonalSeries): ShareOptions {
  const p = series.periodsPerDay;
  const days = Math.floor(series.values.length / p);
  const observed = observedDays(series);
  const errors = SHARE_TUNING_GRID.map(() => 0);
  for (const { day: d, dow, row, total } of observedDays(series, Math.max(7, days - INNER_ORIGINS))) {
    // The days before d, as intradayShares reads them from the series cut at d; its sums once per ρ.
    const before = observed.filter((o) => o.day < d);
    const byDecay = new Map<number, ShareSums>();
    SHARE_TUNING_GRID.forEach((options, k) => {
      let base = byDecay.get(options.decayPerWeek);
      if (!base) {
        base = shareSums(before, d, p, options.decayPerWeek);
        byDecay.set(options.decayPerWeek, base);
      }
      const shares = sharesOf(base, dow, options);
      for (let j = 0; j < p; j++) errors[k]! += Math.abs(shares[j]! * total - row[j]!);
    });
  }
  let best = SHARE_TUNING_GRID[0]!;
  let bestError = Number.POSITIVE_INFINITY;
  SHARE_TUNING_GRID.forEach((options, k) => {
    if (errors[k]! < bestError) {
      bestError = errors[k]!;
      best = options;
    }
  });
  return best;
}

/**
 * A median combination forecast, every setting chosen out of sample. Each forecast day's total is
 * the equal-weight mean of two levels, the out-of-sample tuned pooled model's ({@link pooledTuned})
 * and the Poisson log-linear model's ({@link poissonProfile}): simple averages of forecasts are hard
 * to beat (Clemen, Int. J. Forecasting 5:559–583, 1989; Smith & Wallis, "A simple explanation of the
 * forecast combination puzzle", Oxford Bull. Econ. Stat. 71:331–355, 2009). The intraday shares are
 * {@link intradayShares} with settings from {@link tuneShares}. μ(t) = T(day t)·s(dow t, interval t),
 * and the point forecast is the Poisson median of μ ({@link poissonMedian}), the optimum under
 * absolute error for a count (Gneiting 2011). Nothing after the series' end is read.
 *
 * @throws {ForecastInputError} a bad horizon, or fewer than 7 whole observed days.
 * @example medianCombination(series, 48) // the next day's 48 half-hours, whole calls
 */
export function medianCombination(series: SeasonalSeries, horizon: number): number[] {
  requireForecastInput(series, horizon);
  const p = series.periodsPerDay;
  const n = series.values.length;
  // The levels are read from whole forecast days, so forecast to the end of the last day touched.
  const whole = Math.ceil((n + horizon) / p) * p - n;
  const a = pooledTuned(series, whole);
  const b = poissonProfile(series, whole);
  const options = tuneShares(series);
  return dailyMedians(
    series,
    horizon,
    (h, t) => {
      // The whole day from its midnight (the first day may start mid-day: its part of each level).
      const end = Math.min(whole, h + (p - (t % p)));
      let ta = 0;
      let tb = 0;
      for (let i = h; i < end; i++) {
        ta += a[i]!;
        tb += b[i]!;
      }
      return (ta + tb) / 2;
    },
    (dow) => intradayShares(series, dow, options),
  );
}

/**
 * Nadaraya–Watson smoothing with a Gaussian kernel of standard deviation `sigma` (in positions),
 * cut at 3σ and renormalised at the ends: r′ⱼ = Σᵢ K((i − j)/σ)·rᵢ / Σᵢ K((i − j)/σ).
 * Source: Nadaraya, Theory Probab. Appl. 9(1), 1964; Watson, Sankhyā A 26(4), 1964.
 */
export function gaussianSmooth(values: readonly number[], sigma: number): number[] {
  const n = values.length;
  const reach = Math.ceil(3 * sigma);
  return values.map((_, j) => {
    let num = 0;
    let den = 0;
    for (let i = Math.max(0, j - reach); i <= Math.min(n - 1, j + reach); i++) {
      const k = Math.exp(-0.5 * ((i - j) / sigma) ** 2);
      num += k * values[i]!;
      den += k;
    }
    return num / den;
  });
}

/**
 * The Poisson mean interval by interval from a level per forecast day and shares per day of week: the
 * interval at t = n + h gets {@link intervalMean} of its day's level and its day of week's shares,
 * renormalised over the day's forecast intervals (the first day may start mid-day). `dayLevel(h, t)`
 * is asked once per forecast day, at its first forecast interval; `sharesOf(dow)` once per day of week.
 */
export function dailyMeans(
  series: SeasonalSeries,
  horizon: number,
  dayLevel: (h: number, t: number) => number,
  sharesOf: (dow: number) => readonly number[],
): number[] {
  const p = series.periodsPerDay;
  const n = series.values.length;
  const shareCache = new Map<number, readonly number[]>();
  const out: number[] = [];
  let level = 0;
  let dayStart = 0;
  for (let h = 0; h < horizon; h++) {
    const t = n + h;
    if (h === 0 || t % p === 0) {
      dayStart = h;
      level = dayLevel(h, t);
    }
    const dow = dayOfWeekAt(series, t);
    let shares = shareCache.get(dow);
    if (!shares) {
      shares = sharesOf(dow);
      shareCache.set(dow, shares);
    }
    out.push(intervalMean(level, shares, (n + dayStart) % p, t % p));
  }
  return out;
}

/** Whole calls interval by interval: the Poisson median ({@link poissonMedian}) of {@link dailyMeans}. */
export function dailyMedians(
  series: SeasonalSeries,
  horizon: number,
  dayLevel: (h: number, t: number) => number,
  sharesOf: (dow: number) => readonly number[],
): number[] {
  return dailyMeans(series, horizon, dayLevel, sharesOf).map(poissonMedian);
}

/**
 * Interval j's share of a day's level, with the shares renormalised over the intervals from `from`
 * on (the first forecast day starts mid-day): μ = level · sⱼ / Σ_{i ≥ from} sᵢ.
 */
export function intervalMean(level: number, shares: readonly number[], from: number, j: number): number {
  let rest = 0;
  for (let i = from; i < shares.length; i++) rest += shares[i]!;
  return rest > 0 ? (level * shares[j]!) / rest : 0;
}

/** The Poisson median of {@link intervalMean}: whole calls. */
export function intervalMedian(level: number, shares: readonly number[], from: number, j: number): number {
  return poissonMedian(intervalMean(level, shares, from, j));
}
