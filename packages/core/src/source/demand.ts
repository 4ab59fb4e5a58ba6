// A year of intervals from a weekly pattern: the demand the cost comparison staffs.
import { SourceInputError } from './errors.js';
import type { DemandInterval } from './staffing-profile.js';

const pad = (n: number) => String(n).padStart(2, '0');

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** ISO weekday of 1 January (0 = Monday), by Gauss's algorithm (no Date, no clock). */
export function firstWeekdayOfYear(year: number): number {
  const y = year - 1;
  const sunday0 = (1 + 5 * (y % 4) + 4 * (y % 100) + 6 * (y % 400)) % 7; // 0 = Sunday
  return (sunday0 + 6) % 7;
}

/**
 * Every interval of a calendar year, each carrying its hour-of-week's contacts spread evenly over
 * the hour's intervals: volume = perHourOfWeek[h] × intervalMin ÷ 60, with h = weekday × 24 + hour
 * (Monday 00:00 = 0, as Insight's `hour_of_week`). Hours with no contacts are closed (`open: false`).
 * Weekday of 1 January by Gauss's algorithm (Gauss, 1800; see e.g. Richards, "Mapping Time", 1998).
 *
 * @throws {SourceInputError} `perHourOfWeek` not 168 numbers ≥ 0, AHT ≤ 0, a year outside 1900–2200.
 * @example yearFromHourOfWeek({ year: 2025, intervalMin: 30, perHourOfWeek, ahtSec: 180 }).length // 17,520
 */
export function yearFromHourOfWeek(input: {
  readonly year: number;
  readonly intervalMin: 15 | 30 | 60;
  readonly perHourOfWeek: readonly number[];
  readonly ahtSec: number;
  /** Keep closed hours out of the series (they staff nothing); default true. */
  readonly skipClosed?: boolean;
}): DemandInterval[] {
  const { year, intervalMin, perHourOfWeek, ahtSec } = input;
  if (!Number.isInteger(year) || year < 1900 || year > 2200)
    throw new SourceInputError('year', 'must be 1900–2200');
  if (perHourOfWeek.length !== 168 || perHourOfWeek.some((v) => !(v >= 0) || !Number.isFinite(v))) {
    throw new SourceInputError('perHourOfWeek', 'must be 168 numbers ≥ 0, Monday 00:00 first');
  }
  if (!(ahtSec > 0) || !Number.isFinite(ahtSec)) throw new SourceInputError('ahtSec', 'must be > 0');
  const skipClosed = input.skipClosed ?? true;
  const monthDays = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const perHour = 60 / intervalMin;
  const rows: DemandInterval[] = [];
  let weekday = firstWeekdayOfYear(year);
  monthDays.forEach((days, month) => {
    for (let day = 1; day <= days; day++) {
      for (let hour = 0; hour < 24; hour++) {
        const hourly = perHourOfWeek[weekday * 24 + hour] as number;
        if (hourly === 0 && skipClosed) continue;
        for (let k = 0; k < perHour; k++) {
          rows.push({
            start: `${year}-${pad(month + 1)}-${pad(day)}T${pad(hour)}:${pad(k * intervalMin)}`,
            volume: hourly / perHour,
            ahtSec,
            open: hourly > 0,
          });
        }
      }
      weekday = (weekday + 1) % 7;
    }
  });
  return rows;
}

/** The worked example's weekly pattern: Monday–Friday 08:00–18:00 at `perHour` contacts an hour. */
export function businessHoursPattern(perHour: number, from = 8, to = 18, days = 5): number[] {
  return Array.from({ length: 168 }, (_, h) =>
    Math.floor(h / 24) < days && h % 24 >= from && h % 24 < to ? perHour : 0,
  );
}

/**
 * The weekly pattern of a forecast: history's shape within each weekday, scaled so that weekday's
 * day total equals the mean of the forecast's days on that weekday —
 * pattern[d·24 + h] = history[d·24 + h] × F̄_d ÷ Σ_h history[d·24 + h], F̄_d the mean forecast daily
 * volume of weekday d over the horizon. A weekday history never saw contacts on stays closed (0).
 * The level comes from the forecast (core/forecast, docs/maths/forecast.md), the intraday shape from
 * history: the "top-down" split of a daily forecast into intervals (Hyndman & Athanasopoulos,
 * "Forecasting: Principles and Practice", 3rd ed., §11.2 "top-down approaches", otexts.com/fpp3).
 *
 * @param history contacts per hour of week, Monday 00:00 first (168 numbers ≥ 0).
 * @param dailyForecast forecast contacts per day, the first on `firstWeekday` (0 = Monday).
 * @throws {SourceInputError} history not 168 numbers ≥ 0, a forecast day not a number ≥ 0, no days.
 * @example patternFromForecast(businessHoursPattern(10), [120, 120, 120, 120, 120, 0, 0], 0)[8] // 12
 */
export function patternFromForecast(
  history: readonly number[],
  dailyForecast: readonly number[],
  firstWeekday: number,
): number[] {
  if (history.length !== 168 || history.some((v) => !(v >= 0) || !Number.isFinite(v)))
    throw new SourceInputError('perHourOfWeek', 'must be 168 numbers ≥ 0, Monday 00:00 first');
  if (dailyForecast.length === 0 || dailyForecast.some((v) => !(v >= 0) || !Number.isFinite(v)))
    throw new SourceInputError('forecast', 'must be at least one day of numbers ≥ 0');
  if (!Number.isInteger(firstWeekday) || firstWeekday < 0 || firstWeekday > 6)
    throw new SourceInputError('firstWeekday', 'must be 0–6 (Monday = 0)');
  const sum = Array<number>(7).fill(0);
  const days = Array<number>(7).fill(0);
  dailyForecast.forEach((v, i) => {
    const d = (firstWeekday + i) % 7;
    sum[d] = (sum[d] as number) + v;
    days[d] = (days[d] as number) + 1;
  });
  return history.map((v, h) => {
    const d = Math.floor(h / 24);
    let dayTotal = 0;
    for (let k = d * 24; k < d * 24 + 24; k++) dayTotal += history[k] as number;
    const n = days[d] as number;
    return dayTotal > 0 && n > 0 ? (v * (sum[d] as number)) / n / dayTotal : 0;
  });
}
