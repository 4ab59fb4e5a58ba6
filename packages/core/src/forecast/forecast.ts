import { dailyOrigins, type MethodBacktest, rollingOriginBacktest } from './backtest.js';
import { AUTO_CANDIDATES, type ForecastMethodName, forecasterFor, minimumWeeks } from './methods.js';
import { cleanOutliers, flagOutliers, type OutlierFlag } from './outliers.js';
import { dispersion, type IntervalForecast, predictionInterval } from './prediction-interval.js';
import { ForecastInputError, requireForecastInput, type SeasonalSeries } from './series.js';

/** A special day: excluded from the history; in the horizon its forecast is multiplied by `factor`. */
export interface SpecialDay {
  /** Day index from the series' first day (0 = the day of values[0]). */
  readonly day: number;
  /** Multiplier for a forecast day (default 1: excluded from learning, forecast as a normal day). */
  readonly factor?: number;
}

/** What {@link forecast} needs. */
export interface ForecastRequest {
  readonly series: SeasonalSeries;
  /** Intervals to forecast after the last value. */
  readonly horizon: number;
  /** `auto` (default) or a method name (see {@link forecasterFor}). */
  readonly method?: 'auto' | ForecastMethodName | string;
  /** Prediction-interval level (default 0.95). */
  readonly level?: number;
  readonly specialDays?: readonly SpecialDay[];
  /** z of {@link flagOutliers} (default 4); `false` keeps every value. */
  readonly outlierZ?: number | false;
  /**
   * At most this many origins for the backtest `auto` chooses by (and the dispersion comes from):
   * the latest midnights with a week of observed history before them. Default
   * {@link AUTO_BACKTEST_ORIGINS}; a caller on a request's thread may ask for fewer.
   */
  readonly backtestOrigins?: number;
}

/**
 * Default cap on the backtest's origins: every midnight with at least a week of observed history
 * before it counts, up to the latest 28 (four weeks of day-ahead checks). Measured on the Anonymous
 * Bank month (decision 0064): 7 origins chose by noise (−28.9 % against seasonal naive at 30 minutes,
 * day ahead; damped alone −36.3 %), every eligible midnight −36.1 %.
 */
export const AUTO_BACKTEST_ORIGINS = 28;

/** Whole observed days a backtest origin needs before it: what every candidate but taylor needs. */
const MIN_OBSERVED_DAYS = 7;

/** The forecast and how it was made. */
export interface ForecastResult {
  readonly method: string;
  readonly points: readonly IntervalForecast[];
  /** Quasi-Poisson dispersion of the backtest errors (1 with no backtest). */
  readonly dispersion: number;
  readonly outliers: readonly OutlierFlag[];
  /** Each candidate's backtest (empty when the history is too short for one). */
  readonly backtest: readonly MethodBacktest[];
}

/**
 * Forecast with prediction intervals: special days of the history become NaN (excluded), outliers
 * are flagged and replaced by their weekly median ({@link flagOutliers}) in what the methods learn
 * from (the backtest scores against the values as observed), `auto` runs a rolling-origin
 * backtest ({@link rollingOriginBacktest}) of snaive, mean4, mean8, poisson, pooled, pooled-cv,
 * combo, damped and taylor from every midnight that has at least 7 whole observed days before it and
 * a horizon of min(h, one week) after it (else one day), the latest {@link AUTO_BACKTEST_ORIGINS} at
 * most (`backtestOrigins` sets another cap); each origin's history is cleaned of outliers on its own,
 * so nothing after an origin is read. A candidate that cannot forecast from the earliest origin
 * (taylor needs two weeks) is reported as failed and left out; of the rest, the least interval MAE
 * wins. The interval is μ ± z·√(φ·μ) with φ the chosen method's backtest dispersion
 * ({@link predictionInterval}); special days in the horizon are multiplied by their factor.
 *
 * @throws {ForecastInputError} naming the field: a short series, a bad horizon, level, factor or method.
 * @example forecast({ series, horizon: 7 * 48 }).points[0] // { volume, lower, upper }
 */
export function forecast(request: ForecastRequest): ForecastResult {
  const { series, horizon } = request;
  requireForecastInput(series, horizon);
  const level = request.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new ForecastInputError('level must be in (0, 1)', 'level');
  const originCount = request.backtestOrigins ?? AUTO_BACKTEST_ORIGINS;
  if (!(Number.isInteger(originCount) && originCount >= 1))
    throw new ForecastInputError('backtestOrigins must be a whole number ≥ 1', 'backtestOrigins');
  const method = request.method ?? 'auto';
  if (method !== 'auto') forecasterFor(method);
  const p = series.periodsPerDay;
  const n = series.values.length;
  const values = [...series.values];
  const factors = new Map<number, number>();
  for (const [i, special] of (request.specialDays ?? []).entries()) {
    const factor = special.factor ?? 1;
    if (!(Number.isInteger(special.day) && special.day >= 0))
      throw new ForecastInputError('day must be a whole number ≥ 0', `specialDays[${i}].day`);
    if (!(factor >= 0 && Number.isFinite(factor)))
      throw new ForecastInputError('factor must be a number ≥ 0', `specialDays[${i}].factor`);
    for (let t = special.day * p; t < Math.min(n, (special.day + 1) * p); t++) values[t] = Number.NaN;
    factors.set(special.day, factor);
  }
  const raw: SeasonalSeries = { values, periodsPerDay: p, firstDayOfWeek: series.firstDayOfWeek };
  const z = request.outlierZ ?? 4;
  const outliers = z === false ? [] : flagOutliers(raw, z);
  const history = cleanOutliers(raw, outliers);

  const weeks = Math.floor(n / (7 * p));
  const candidates = method === 'auto' ? AUTO_CANDIDATES.filter((m) => minimumWeeks(m) <= weeks) : [method];
  // A candidate that needs more history than the earliest origin has fails there and is left out.
  const minHistory = 7 * p * Math.min(...candidates.map((m) => minimumWeeks(m as ForecastMethodName)));
  const clean = (training: SeasonalSeries) =>
    z === false ? training : cleanOutliers(training, flagOutliers(training, z));
  let backtest: MethodBacktest[] = [];
  for (const backtestHorizon of [Math.min(horizon, 7 * p), Math.min(horizon, p)]) {
    const origins = dailyOrigins(raw, originCount, backtestHorizon, minHistory, MIN_OBSERVED_DAYS);
    if (origins.length > 0) {
      backtest = rollingOriginBacktest(raw, candidates, origins, backtestHorizon, values, clean);
      break;
    }
  }
  const usable = backtest.filter((b) => !b.failed && Number.isFinite(b.interval.mae));
  let chosen = method;
  if (method === 'auto') {
    chosen =
      usable.length > 0
        ? usable.reduce((a, b) => (b.interval.mae < a.interval.mae ? b : a)).method
        : candidates.includes('mean4')
          ? 'mean4'
          : 'snaive';
  }
  const chosenBacktest = usable.find((b) => b.method === chosen);
  const phi = chosenBacktest ? dispersion(chosenBacktest.actual, chosenBacktest.forecast) : 1;
  const point = forecasterFor(chosen)(history, horizon);
  const points = point.map((mu, h) => {
    const factor = factors.get(Math.floor((n + h) / p)) ?? 1;
    return predictionInterval(Math.max(0, mu) * factor, phi, level);
  });
  return { method: chosen, points, dispersion: phi, outliers, backtest };
}
