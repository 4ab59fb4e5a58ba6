import { seasonalNaive } from './seasonal-naive.js';
import {
  dayOfWeekAt,
  ForecastInputError,
  requireHorizon,
  requireSeries,
  type SeasonalSeries,
} from './series.js';

/** Options of {@link poissonProfile}. */
export interface PoissonProfileOptions {
  /** Weight of a day one week older than the last, 0 < ρ ≤ 1 (default 0.8): the level follows recent weeks. */
  readonly decayPerWeek?: number;
  /** Fit a log-linear trend β in the daily level (default true), |β| ≤ 0.05 a day. */
  readonly trend?: boolean;
  /** Prior weight κ of the all-days profile, in mean days of volume (default 2). */
  readonly pooling?: number;
}

/** The fitted model: log μ(d, j) = δ(dow d) + β·x(d) + log p(dow d, j). */
export interface PoissonProfileFit {
  /** δ per day of week (−Infinity for a day of week with no volume, NaN when never observed). */
  readonly dayEffects: readonly number[];
  /** β, per day. */
  readonly trendPerDay: number;
  /** p(dow, j): each day of week's share of its volume in interval j (rows sum to 1). */
  readonly profiles: readonly (readonly number[])[];
  /** Index of the last whole day used (x(d) = d − lastDay). */
  readonly lastDay: number;
}

const MAX_TREND = 0.05;

/**
 * Fits the Poisson log-linear model with a day-of-week × time-of-day effect and a level:
 * y(d, j) ~ Poisson(μ), log μ(d, j) = δ(dow d) + β·x(d) + log p(dow d, j), x(d) = d − (last day),
 * with Σⱼ p(k, j) = 1, by weighted maximum likelihood with weight w(d) = ρ^(−x(d)/7) (recent weeks
 * count more: a discounted likelihood, Harvey 1989 §6.6). Because the day-of-week × interval effect
 * is saturated, the likelihood splits (Bishop, Fienberg & Holland 1975, §3.4): the daily totals Y(d)
 * follow the log-linear level model log E Y(d) = δ(dow) + β·x(d), and given them the intervals are
 * multinomial with shares p. For fixed β, δ(k) = log(Σ_{d∈k} w·Y / Σ_{d∈k} w·e^{β·x}); β maximises
 * the concave profile log-likelihood ℓ(β) = Σₖ Sₖ·log(Sₖ / Σ_{d∈k} w·e^{β·x}) + β·Σ w·Y·x
 * (Sₖ = Σ_{d∈k} w·Y), found by bisection on its derivative (the score, decreasing) in [−0.05, 0.05]. The shares are the weighted
 * ratio of sums shrunk toward the all-days profile P: p(k, j) = (Σ w·y(d, j) + κ·Ȳ·P(j)) / (Σ w·Y + κ·Ȳ),
 * Ȳ the mean daily total (a conjugate Dirichlet prior; Gelman et al., "Bayesian Data Analysis", §3.4).
 * Uses whole days with every interval observed.
 *
 * @throws {ForecastInputError} bad options, or fewer than 7 whole observed days.
 */
export function fitPoissonProfile(
  series: SeasonalSeries,
  options: PoissonProfileOptions = {},
): PoissonProfileFit {
  requireSeries(series);
  const decay = options.decayPerWeek ?? 0.8;
  const pooling = options.pooling ?? 2;
  if (!(decay > 0 && decay <= 1))
    throw new ForecastInputError('decayPerWeek must be in (0, 1]', 'decayPerWeek');
  if (!(pooling >= 0 && Number.isFinite(pooling)))
    throw new ForecastInputError('pooling must be a finite number ≥ 0', 'pooling');
  const p = series.periodsPerDay;
  const days = Math.floor(series.values.length / p);
  const lastDay = days - 1;
  const dayTotals: { x: number; dow: number; total: number; weight: number; start: number }[] = [];
  for (let d = 0; d < days; d++) {
    let total = 0;
    let complete = true;
    for (let j = 0; j < p; j++) {
      const v = series.values[d * p + j]!;
      if (Number.isNaN(v)) {
        complete = false;
        break;
      }
      total += v;
    }
    if (!complete) continue;
    const x = d - lastDay;
    dayTotals.push({ x, dow: dayOfWeekAt(series, d * p), total, weight: decay ** (-x / 7), start: d * p });
  }
  if (dayTotals.length < 7)
    throw new ForecastInputError(
      `the Poisson profile needs at least 7 whole observed days; the series has ${dayTotals.length}`,
      'values',
    );
  const sums = new Array<number>(7).fill(0);
  let wyx = 0;
  for (const day of dayTotals) {
    sums[day.dow]! += day.weight * day.total;
    wyx += day.weight * day.total * day.x;
  }
  const exposure = (beta: number): number[] => {
    const e = new Array<number>(7).fill(0);
    for (const day of dayTotals) e[day.dow]! += day.weight * Math.exp(beta * day.x);
    return e;
  };
  // dℓ/dβ = Σ w·Y·x − Σₖ Sₖ·(Σ_{d∈k} w·x·e^{β·x} / Σ_{d∈k} w·e^{β·x}): decreasing in β (ℓ is concave).
  const score = (b: number): number => {
    const num = new Array<number>(7).fill(0);
    const den = new Array<number>(7).fill(0);
    for (const day of dayTotals) {
      const we = day.weight * Math.exp(b * day.x);
      num[day.dow]! += we * day.x;
      den[day.dow]! += we;
    }
    let s = wyx;
    for (let k = 0; k < 7; k++) if (sums[k]! > 0) s -= (sums[k]! * num[k]!) / den[k]!;
    return s;
  };
  let beta = 0;
  if (options.trend ?? true) {
    let lo = -MAX_TREND;
    let hi = MAX_TREND;
    if (score(lo) <= 0) beta = lo;
    else if (score(hi) >= 0) beta = hi;
    else {
      for (let i = 0; i < 200 && lo < hi; i++) {
        const mid = (lo + hi) / 2;
        if (mid === lo || mid === hi) break;
        if (score(mid) > 0) lo = mid;
        else hi = mid;
      }
      beta = (lo + hi) / 2;
    }
  }
  const e = exposure(beta);
  const dayEffects = sums.map((s, k) => (e[k]! === 0 ? Number.NaN : Math.log(s / e[k]!)));
  // Shares: weighted sums per day of week and interval, shrunk toward the all-days profile.
  const cell = Array.from({ length: 7 }, () => new Array<number>(p).fill(0));
  const all = new Array<number>(p).fill(0);
  let allTotal = 0;
  let plainTotal = 0;
  for (const day of dayTotals) {
    for (let j = 0; j < p; j++) {
      const wy = day.weight * series.values[day.start + j]!;
      cell[day.dow]![j]! += wy;
      all[j]! += wy;
    }
    allTotal += day.weight * day.total;
    plainTotal += day.total;
  }
  const prior = pooling * (plainTotal / dayTotals.length);
  const profiles = cell.map((row, k) => {
    const denominator = sums[k]! + prior;
    return row.map((v, j) => {
      const pooled = allTotal > 0 ? all[j]! / allTotal : 1 / p;
      return denominator > 0 ? (v + prior * pooled) / denominator : pooled;
    });
  });
  return { dayEffects, trendPerDay: beta, profiles, lastDay };
}

/**
 * Forecast from {@link fitPoissonProfile}: μ(t) = e^{δ(dow) + β·x(day t)}·p(dow, interval of t), with
 * the seasonal naive value for a day of week never observed whole.
 *
 * @throws {ForecastInputError} as {@link fitPoissonProfile}, or a bad horizon.
 * @example poissonProfile(series, 48) // the next day's 48 half-hours
 */
export function poissonProfile(
  series: SeasonalSeries,
  horizon: number,
  options: PoissonProfileOptions = {},
): number[] {
  requireHorizon(horizon);
  const fit = fitPoissonProfile(series, options);
  const p = series.periodsPerDay;
  const n = series.values.length;
  let naive: number[] | undefined;
  const out: number[] = [];
  for (let h = 0; h < horizon; h++) {
    const t = n + h;
    const day = Math.floor(t / p);
    const dow = dayOfWeekAt(series, t);
    const delta = fit.dayEffects[dow]!;
    if (Number.isNaN(delta)) {
      naive ??= seasonalNaive(series, horizon);
      out.push(naive[h]!);
      continue;
    }
    out.push(Math.exp(delta + fit.trendPerDay * (day - fit.lastDay)) * fit.profiles[dow]![t % p]!);
  }
  return out;
}
