// Intraday reforecast of a saved plan (decision 0061): the rest of one day of the plan's forecast,
// moved by how the tickets that arrived so far compare with what the plan expected of them (core
// `reforecastIntraday`). Read from the tickets in the caller's scope and the plan's (decision 0063), as
// `/actuals` reads them.
import { normalQuantile, priorStrengthFromDayWape, reforecastIntraday } from '@shoreline/core/forecast/index';
import type { Clock } from '../../../platform/clock.js';
import { AppError } from '../../../platform/http/problem.js';
import type { ScopedDb } from '../../../platform/scope.js';
import { type ArrivalFilter, ticketArrivals } from '../../insight/index.js';
import type { PlanReforecast, SavedPlanResult } from './schemas.js';
import { actualsFilter, localWallClock, planTimeZone } from './scope.js';
import { getPlan } from './service.js';

const DAY_MS = 86_400_000;

/**
 * The day-level WAPE assumed when the plan has no backtest of its method (plans saved before the
 * backtest was kept, or a history too short for one): a day-ahead level is commonly 5–10 % off; the
 * wider end (a = 64), so the day's own tickets count for more.
 */
const DEFAULT_DAY_WAPE = 0.1;

/** The plans' prediction intervals are 95 % (core `forecast`'s default level). */
const PLAN_BAND_LEVEL = 0.95;

/**
 * The plan's quasi-Poisson dispersion φ, read back from its band: core `forecast` stored
 * upper = μ + z·√(φ·μ) (z for 95 %), so φ = ((upper − μ)/z)²/μ; the median over the intervals with
 * μ > 0, at least 1.
 */
export function planDispersion(forecast: SavedPlanResult['forecast']): number {
  const z = normalQuantile((1 + PLAN_BAND_LEVEL) / 2);
  const phis = forecast.volume
    .map((mu, i) => (mu > 0 ? ((forecast.upper[i]! - mu) / z) ** 2 / mu : Number.NaN))
    .filter((phi) => Number.isFinite(phi))
    .sort((a, b) => a - b);
  if (phis.length === 0) return 1;
  return Math.max(1, phis[Math.floor((phis.length - 1) / 2)]!);
}

/** The day-level WAPE the plan's backtest measured for the method it chose (null: none). */
function dayWapeOf(result: SavedPlanResult): number | null {
  const wape = result.backtest?.find((b) => b.method === result.method)?.day.wape;
  return typeof wape === 'number' && Number.isFinite(wape) ? wape : null;
}

/**
 * The rest of `day` (default: today in the time zone) reforecast from the tickets that arrived in its
 * intervals ended by the clock's now, counted as actual against plan counts them ({@link actualsFilter}):
 * the plan's forecast for the day as the day-ahead means, the prior strength from its backtest's day
 * WAPE, the dispersion from its band.
 * @throws {AppError} 404 for a plan the caller cannot read, 409 for one not built, 400 for a day
 *   outside its forecast or a filter outside the plan's scope.
 */
export async function planReforecast(
  scoped: ScopedDb,
  clock: Clock,
  id: string,
  q: ArrivalFilter & { timeZone?: string | undefined; day?: string | undefined },
): Promise<PlanReforecast> {
  const plan = await getPlan(scoped, id);
  const r = plan.result;
  if (!r) throw new AppError('conflict', `the plan is ${plan.status}: it has no forecast`, 'id');
  const perDay = 1440 / r.stepMin;
  const timeZone = planTimeZone(plan.input, q);
  const asOf = localWallClock(clock.now(), timeZone);
  const day = q.day ?? asOf.slice(0, 10);
  const first = r.forecastStart.slice(0, 10);
  const index = (Date.parse(`${day}T00:00Z`) - Date.parse(`${first}T00:00Z`)) / DAY_MS;
  const days = Math.floor(r.forecast.volume.length / perDay);
  if (!(index >= 0 && index < days)) {
    const last = new Date(Date.parse(`${first}T00:00Z`) + (days - 1) * DAY_MS).toISOString().slice(0, 10);
    const message = `${day} is outside the plan’s forecast (${first} to ${last})`;
    throw new AppError('validation_failed', `query.day: ${message}`, 'query.day', [
      { field: 'query.day', code: 'custom', message },
    ]);
  }
  const dayAhead = r.forecast.volume.slice(index * perDay, (index + 1) * perDay);
  const minutes = (Date.parse(`${asOf}:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 60_000;
  const closed = Math.max(0, Math.min(perDay, Math.floor(minutes / r.stepMin)));
  // The tickets actual against plan counts: the plan's scope (decision 0063), narrowed by the query.
  const filter = actualsFilter(plan.input.historyScope, q);
  const arrived = await ticketArrivals(scoped, {
    ...filter,
    timeZone,
    fromDay: day,
    days: 1,
    stepMin: r.stepMin,
  });
  const actual = arrived.slice(0, closed);
  const dayAheadTotal = dayAhead.reduce((a, b) => a + b, 0);
  const priorStrength = priorStrengthFromDayWape(dayWapeOf(r) ?? DEFAULT_DAY_WAPE);
  const dispersion = planDispersion(r.forecast);
  const made = reforecastIntraday(dayAhead, actual, { priorStrength, dispersion });
  const actualSoFar = actual.reduce((a, b) => a + b, 0);
  return {
    day,
    dayStart: `${day}T00:00`,
    asOf,
    stepMin: r.stepMin,
    dayAhead,
    closed,
    actual,
    reforecast: {
      volume: made.points.map((p) => p.volume),
      lower: made.points.map((p) => p.lower),
      upper: made.points.map((p) => p.upper),
    },
    multiplier: made.multiplier,
    priorStrength,
    dispersion,
    actualSoFar,
    expectedSoFar: dayAhead.slice(0, closed).reduce((a, b) => a + b, 0),
    dayAheadTotal,
    reforecastTotal: actualSoFar + made.means.reduce((a, b) => a + b, 0),
  };
}
