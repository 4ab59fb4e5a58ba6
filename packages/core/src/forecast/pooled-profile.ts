import { fitPoissonProfile } from './poisson-profile.js';
import {
  dayOfWeekAt,
  ForecastInputError,
  type ObservedDay,
  observedDays,
  requireForecastInput,
  requireHorizon,
  type SeasonalSeries,
} from './series.js';

/** Options of {@link pooledProfile}. */
export interface PooledProfileOptions {
  /** Prior weight κ of the similar-days profile, in mean days of that day of week (default 3). */
  readonly pooling?: number;
  /** Weight a of each neighbouring interval in the share smoother, 0 ≤ a < 1/2 (default 0.15). */
  readonly smoothing?: number;
  /** Weight w of the local level in the daily total, 0 ≤ w ≤ 1 (default 0.3). */
  readonly localLevelWeight?: number;
  /** Two days of week are similar when their profiles' total-variation distance is at most this (default 0.12). */
  readonly similarity?: number;
}

/** Days of week whose mean volume is within this ratio of each other may pool their shapes. */
const VOLUME_RATIO = 0.7;
/** Weight of a day one day older in the local level (exponential smoothing of the last week). */
const LOCAL_DECAY = 0.8;

/**
 * Day-of-week groups: k and k′ are similar when the total-variation distance ½·Σⱼ|p̂(k,j) − p̂(k′,j)|
 * of their observed shares is ≤ τ and their mean daily volumes are within 30 % (so Monday–Friday of
 * a bank pool, Saturday stays alone). Brown et al. ("Statistical analysis of a telephone call
 * center", JASA 100:36–50, 2005, §4) find the weekday arrival profiles of this kind of center alike
 * in shape and different in level: pooling their shapes multiplies the data each share rests on.
 */
export function similarDays(
  shares: readonly (readonly number[])[],
  means: readonly number[],
  tau: number,
): number[][] {
  return shares.map((row, k) => {
    const group: number[] = [];
    for (let k2 = 0; k2 < 7; k2++) {
      const a = means[k]!;
      const b = means[k2]!;
      if (!(a > 0 && b > 0) || Math.min(a, b) / Math.max(a, b) < VOLUME_RATIO) continue;
      let tv = 0;
      for (let j = 0; j < row.length; j++) tv += Math.abs(row[j]! - shares[k2]![j]!);
      if (tv / 2 <= tau) group.push(k2);
    }
    return group;
  });
}

/**
 * Per day of week k over observed days: the weighted sums cell(k, j) = Σ w(d)·y(d, j) and their
 * totals Σ w(d)·Y(d), the own shares p̂(k, j) = cell(k, j)/Σ w(d)·Y(d) (flat 1/p for a day of week
 * with no volume) and the unweighted mean daily total Ȳ(k): what {@link similarDays} compares and the
 * pooled shares are built from. The weight defaults to 1 (every day counts alike).
 */
export function dayOfWeekShares(
  days: readonly ObservedDay[],
  p: number,
  weight: (day: ObservedDay) => number = () => 1,
): { cell: number[][]; weighted: number[]; own: number[][]; means: number[] } {
  const cell = Array.from({ length: 7 }, () => new Array<number>(p).fill(0));
  const weighted = new Array<number>(7).fill(0);
  const plain = new Array<number>(7).fill(0);
  const counts = new Array<number>(7).fill(0);
  for (const day of days) {
    const w = weight(day);
    day.row.forEach((v, j) => {
      cell[day.dow]![j]! += w * v;
    });
    weighted[day.dow]! += w * day.total;
    plain[day.dow]! += day.total;
    counts[day.dow]!++;
  }
  const means = plain.map((s, k) => (counts[k]! > 0 ? s / counts[k]! : 0));
  const own = cell.map((row, k) => row.map((v) => (weighted[k]! > 0 ? v / weighted[k]! : 1 / p)));
  return { cell, weighted, own, means };
}

/** @throws {ForecastInputError} naming the first option out of its range. */
function requirePooledOptions(options: PooledProfileOptions): void {
  const kappa = options.pooling ?? 3;
  const a = options.smoothing ?? 0.15;
  const w = options.localLevelWeight ?? 0.3;
  const tau = options.similarity ?? 0.12;
  if (!(kappa >= 0 && Number.isFinite(kappa)))
    throw new ForecastInputError('pooling must be a finite number ≥ 0', 'pooling');
  if (!(a >= 0 && a < 0.5)) throw new ForecastInputError('smoothing must be in [0, 0.5)', 'smoothing');
  if (!(w >= 0 && w <= 1))
    throw new ForecastInputError('localLevelWeight must be in [0, 1]', 'localLevelWeight');
  if (!(tau >= 0 && tau <= 1)) throw new ForecastInputError('similarity must be in [0, 1]', 'similarity');
}

/** What {@link pooledProfile} learns from a series that does not depend on κ, a or w (fit once, forecast many). */
export interface PooledProfileBasis {
  readonly series: SeasonalSeries;
  readonly fit: ReturnType<typeof fitPoissonProfile>;
  readonly totals: readonly ObservedDay[];
  readonly cell: readonly (readonly number[])[];
  readonly sums: readonly number[];
  readonly own: readonly (readonly number[])[];
  readonly means: readonly number[];
  readonly groups: readonly (readonly number[])[];
}

/**
 * The part of {@link pooledProfile} that κ, a and w do not change: the Poisson fit, the observed days,
 * their day-of-week sums and shares, and the similar-day groups at `similarity` τ (default 0.12).
 * {@link pooledTuned} fits it once per origin and scores every setting of its grid on it.
 *
 * @throws {ForecastInputError} a bad series or similarity, or fewer than 7 whole observed days.
 */
export function pooledProfileBasis(series: SeasonalSeries, similarity = 0.12): PooledProfileBasis {
  if (!(similarity >= 0 && similarity <= 1))
    throw new ForecastInputError('similarity must be in [0, 1]', 'similarity');
  const fit = fitPoissonProfile(series, { pooling: 0 });
  const totals = observedDays(series);
  const { cell, weighted: sums, own, means } = dayOfWeekShares(totals, series.periodsPerDay);
  const groups = similarDays(own, means, similarity);
  return { series, fit, totals, cell, sums, own, means, groups };
}

/**
 * A combination forecast (Bates & Granger, "The combination of forecasts", Oper. Res. Q. 20:451–468,
 * 1969; Clemen, "Combining forecasts: a review", Int. J. Forecasting 5:559–583, 1989): the daily
 * total is T = (1 − w)·T_P + w·T_L, T_P the Poisson model's level e^{δ(dow) + β·x}
 * ({@link fitPoissonProfile}) and T_L a local level, the exponentially weighted mean (weight 0.8 per
 * day) of the last 7 days' totals divided by their day-of-week factor f(k) = Ȳ(k)/Ȳ, times f of the
 * forecast day. The shares are each day of week's observed shares shrunk toward its similar days'
 * pooled shares with prior weight κ mean days ({@link similarDays}; a Dirichlet prior as in the
 * Poisson model), then smoothed across neighbouring intervals, r′ⱼ = (1 − 2a)·rⱼ + a·(rⱼ₋₁ + rⱼ₊₁)
 * (edges repeat), and renormalised: a smooth intraday rate, as in Weinberg, Brown & Stroud ("Bayesian
 * forecasting of an inhomogeneous Poisson process with applications to call center data", JASA
 * 102:1185–1198, 2007). ŷ(t) = T(day t)·r′(dow t, interval t).
 *
 * @throws {ForecastInputError} bad options, a bad horizon, or fewer than 7 whole observed days.
 * @example pooledProfile(series, 48) // the next day's 48 half-hours
 */
export function pooledProfile(
  series: SeasonalSeries,
  horizon: number,
  options: PooledProfileOptions = {},
): number[] {
  requireForecastInput(series, horizon);
  requirePooledOptions(options);
  return pooledProfileFrom(pooledProfileBasis(series, options.similarity ?? 0.12), horizon, options);
}

/**
 * {@link pooledProfile} from a {@link pooledProfileBasis} (its `similarity` is the basis's; the
 * option is not read again).
 *
 * @throws {ForecastInputError} bad options or a bad horizon.
 */
export function pooledProfileFrom(
  basis: PooledProfileBasis,
  horizon: number,
  options: PooledProfileOptions = {},
): number[] {
  requireHorizon(horizon);
  requirePooledOptions(options);
  const kappa = options.pooling ?? 3;
  const a = options.smoothing ?? 0.15;
  const w = options.localLevelWeight ?? 0.3;
  const { series, fit, totals, cell, sums, own, means, groups } = basis;
  const p = series.periodsPerDay;
  const days = Math.floor(series.values.length / p);
  const shares = cell.map((row, k) => {
    const prior = new Array<number>(p).fill(0);
    let priorTotal = 0;
    for (const k2 of groups[k]!) {
      for (let j = 0; j < p; j++) prior[j]! += cell[k2]![j]!;
      priorTotal += sums[k2]!;
    }
    const weight = kappa * means[k]!;
    const raw =
      priorTotal > 0 && sums[k]! + weight > 0
        ? row.map((v, j) => (v + (weight * prior[j]!) / priorTotal) / (sums[k]! + weight))
        : own[k]!;
    const smooth = raw.map(
      (v, j) => (1 - 2 * a) * v + a * (raw[Math.max(0, j - 1)]! + raw[Math.min(p - 1, j + 1)]!),
    );
    const z = smooth.reduce((x, y) => x + y, 0);
    return smooth.map((v) => (z > 0 ? v / z : 1 / p));
  });
  // Local level from the last 7 whole days, each deseasonalised by its day-of-week factor.
  const active = means.filter((m) => m > 0).length;
  const overall = active > 0 ? means.reduce((x, y) => x + y, 0) / active : 0;
  // A history with no volume at all forecasts none.
  if (!(overall > 0)) return new Array<number>(horizon).fill(0);
  let num = 0;
  let den = 0;
  for (const t of totals.slice(-7)) {
    const factor = means[t.dow]! / overall;
    if (!(factor > 0)) continue;
    const weight = LOCAL_DECAY ** (days - 1 - t.day);
    num += (weight * t.total) / factor;
    den += weight;
  }
  const local = den > 0 ? num / den : overall;
  const out: number[] = [];
  const n = series.values.length;
  for (let h = 0; h < horizon; h++) {
    const t = n + h;
    const dow = dayOfWeekAt(series, t);
    const delta = fit.dayEffects[dow]!;
    const poisson = Number.isNaN(delta)
      ? local * (means[dow]! / overall)
      : Math.exp(delta + fit.trendPerDay * (Math.floor(t / p) - fit.lastDay));
    const total = (1 - w) * poisson + w * local * (means[dow]! / overall);
    out.push(total * shares[dow]![t % p]!);
  }
  return out;
}
