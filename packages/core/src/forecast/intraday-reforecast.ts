// Intraday reforecasting: during a day, move the rest of the day-ahead forecast by how the volume
// that has already arrived compares with what was expected of it (what WFM suites call intraday
// reforecasting). A conjugate Gamma–Poisson update of one multiplier of the whole day.
import { poissonMedian } from './median-combination.js';
import { type IntervalForecast, predictionInterval } from './prediction-interval.js';
import { ForecastInputError } from './series.js';

/** Settings of {@link reforecastIntraday}. */
export interface IntradayReforecastOptions {
  /**
   * a > 0: the prior strength of the day multiplier θ ~ Gamma(a, a) (mean 1, coefficient of
   * variation 1/√a), in calls' worth of evidence; {@link priorStrengthFromDayWape} reads it from the
   * day-level error the backtest measured.
   */
  readonly priorStrength: number;
  /**
   * ω in (0, 1]: weight of an interval one interval older (Harvey & Fernandes' discount; 1, the
   * default, weighs the whole day alike and is the plain conjugate update).
   */
  readonly discount?: number;
  /**
   * Quasi-Poisson dispersion φ ≥ 1 of one interval around its mean (default 1: Poisson): each count
   * then tells 1/φ as much about θ, and the band is wider.
   */
  readonly dispersion?: number;
  /** Prediction-interval level (default 0.95). */
  readonly level?: number;
}

/** The rest of the day, reforecast. */
export interface IntradayReforecast {
  /** Posterior mean of the day multiplier θ: (a′)/(b′). */
  readonly multiplier: number;
  /** Posterior Gamma(shape a′, rate b′) of θ. */
  readonly shape: number;
  readonly rate: number;
  /** Intervals already closed (the length of `observedSoFar`). */
  readonly closed: number;
  /** Means θ̂·μⱼ of the remaining intervals, from the first not closed. */
  readonly means: readonly number[];
  /** The same intervals: the Poisson median of each mean, with its prediction interval. */
  readonly points: readonly IntervalForecast[];
}

/**
 * The prior strength a of the day multiplier from the day-level WAPE of the day-ahead method's
 * backtest: for a normal relative error of standard deviation c, E|e| = c·√(2/π) (the half-normal
 * mean), so c ≈ WAPE·√(π/2), and a = 1/c² (Gamma(a, a) has coefficient of variation 1/√a), with c at
 * least 1 % (a ≤ 10⁴) so that a day's first calls always move the level a little. The Poisson part of
 * a day total's error is left in c: at small volumes taking it out leaves nothing (a perfect level
 * claimed from a few days' backtest), so the estimate errs toward the day's own tickets.
 *
 * @throws {ForecastInputError} a WAPE not a number ≥ 0.
 * @example priorStrengthFromDayWape(0.069) // c ≈ 8.6 %: a ≈ 134
 */
export function priorStrengthFromDayWape(dayWape: number): number {
  if (!(dayWape >= 0 && Number.isFinite(dayWape)))
    throw new ForecastInputError('day WAPE must be a number ≥ 0', 'dayWape');
  const c = Math.max(dayWape * Math.sqrt(Math.PI / 2), 0.01);
  return 1 / c ** 2;
}

/**
 * Intraday reforecast of the rest of a day. The day-ahead forecast gives each interval j of the day
 * a mean μⱼ; the counts are Yⱼ ~ Poisson(θ·μⱼ) with one unknown day multiplier θ ~ Gamma(a, a) (prior
 * mean 1: the day-ahead level). After the first k intervals have closed, the conjugate update gives
 * θ | y ~ Gamma(a′, b′) with a′ = ω^k·a + Σ ω^{k−1−i}·yᵢ/φ and b′ = ω^k·a + Σ ω^{k−1−i}·μᵢ/φ (i < k): the
 * Gamma–Poisson model of Jongbloed & Koole ("Managing uncertainty in call centres using Poisson
 * mixtures", Appl. Stoch. Models Bus. Ind. 17:307–318, 2001) updated within the day as in Weinberg,
 * Brown & Stroud ("Bayesian forecasting of an inhomogeneous Poisson process with applications to call
 * center data", JASA 102:1185–1198, 2007, §4: the day's level learnt from its early arrivals), with
 * the discount ω of Harvey & Fernandes ("Time series models for count or qualitative observations",
 * J. Bus. Econ. Stat. 7:407–417, 1989) so that recent intervals may weigh more (ω = 1: none), and each
 * count divided by the dispersion φ, the quasi-likelihood of an overdispersed count (McCullagh & Nelder,
 * "Generalized Linear Models", 2nd ed., 1989, §9.2: a count of variance φ·μ carries 1/φ of a Poisson
 * count's information; φ = 1: Poisson). The remaining intervals get the mean θ̂·μⱼ (θ̂ = a′/b′); the point is its Poisson median
 * ({@link poissonMedian}); the predictive count is negative binomial, variance φ·m + m²/a′ for a mean
 * m, so the interval is {@link predictionInterval} with dispersion φ + m/a′, widened if needed to
 * hold the point. With the observed counts exactly the expected ones, θ̂ = 1: the day-ahead forecast.
 *
 * @throws {ForecastInputError} more observed intervals than the day has, a mean or count not a
 *   number ≥ 0, or an option out of range.
 * @example reforecastIntraday([10, 10, 10, 10], [12, 12], { priorStrength: 20 }).multiplier // 44/40 = 1.1
 */
export function reforecastIntraday(
  dayAheadMeans: readonly number[],
  observedSoFar: readonly number[],
  options: IntradayReforecastOptions,
): IntradayReforecast {
  const a = options.priorStrength;
  const omega = options.discount ?? 1;
  const phi = options.dispersion ?? 1;
  const level = options.level ?? 0.95;
  if (!(a > 0 && Number.isFinite(a)))
    throw new ForecastInputError('priorStrength must be a number > 0', 'priorStrength');
  if (!(omega > 0 && omega <= 1)) throw new ForecastInputError('discount must be in (0, 1]', 'discount');
  if (!(phi >= 1 && Number.isFinite(phi)))
    throw new ForecastInputError('dispersion must be ≥ 1', 'dispersion');
  if (!(level > 0 && level < 1)) throw new ForecastInputError('level must be in (0, 1)', 'level');
  if (observedSoFar.length > dayAheadMeans.length)
    throw new ForecastInputError(
      `${observedSoFar.length} observed intervals but the day has ${dayAheadMeans.length}`,
      'observedSoFar',
    );
  for (const [i, mu] of dayAheadMeans.entries())
    if (!(mu >= 0 && Number.isFinite(mu)))
      throw new ForecastInputError('each mean must be a number ≥ 0', `dayAheadMeans[${i}]`);
  let shape = a;
  let rate = a;
  for (const [i, y] of observedSoFar.entries()) {
    if (!(y >= 0 && Number.isFinite(y)))
      throw new ForecastInputError('each count must be a number ≥ 0', `observedSoFar[${i}]`);
    // Harvey & Fernandes' prediction step (discount), then Bayes' rule for one (quasi-)Poisson count.
    shape = omega * shape + y / phi;
    rate = omega * rate + dayAheadMeans[i]! / phi;
  }
  const multiplier = shape / rate;
  const means = dayAheadMeans.slice(observedSoFar.length).map((mu) => multiplier * mu);
  const points = means.map((m) => {
    const band = predictionInterval(m, phi + m / shape, level);
    const volume = poissonMedian(m);
    return { volume, lower: Math.min(band.lower, volume), upper: Math.max(band.upper, volume) };
  });
  return { multiplier, shape, rate, closed: observedSoFar.length, means, points };
}
