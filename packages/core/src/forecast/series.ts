// The interval series every forecasting method reads: volumes per interval from midnight of a day,
// NaN where nothing was observed (missing, a holiday excluded, an outlier removed).

/** A forecast input that cannot be used; `field` names what is wrong. */
export class ForecastInputError extends RangeError {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'ForecastInputError';
  }
}

/** Volumes at a regular step; index 0 starts at midnight, NaN marks an interval not observed. */
export interface SeasonalSeries {
  readonly values: readonly number[];
  /** Intervals per day: 1440 / step in minutes (288, 96, 48, 24), or 1 for a daily series. */
  readonly periodsPerDay: number;
  /** Day of week of index 0: 0 = Sunday … 6 = Saturday. */
  readonly firstDayOfWeek: number;
}

/** The forecast for the `horizon` intervals after the series' last one. */
export type PointForecaster = (series: SeasonalSeries, horizon: number) => number[];

/** Intervals in a week (m₂ in Taylor 2003). */
export function periodsPerWeek(series: SeasonalSeries): number {
  return series.periodsPerDay * 7;
}

/** Day of week (0 = Sunday) of interval t. */
export function dayOfWeekAt(series: SeasonalSeries, t: number): number {
  return (series.firstDayOfWeek + Math.floor(t / series.periodsPerDay)) % 7;
}

/** A whole day of a series with every interval observed: its index, day of week, values and total. */
export interface ObservedDay {
  readonly day: number;
  readonly dow: number;
  readonly row: readonly number[];
  readonly total: number;
}

/**
 * The whole days of a series from day `fromDay` on whose every interval is observed, in order: a day
 * with a NaN interval (a holiday, a gap) and a part day at the end are left out, as every method's
 * day-of-week estimates leave them out.
 *
 * @example observedDays({ values: [1, 2, NaN, 4, 5], periodsPerDay: 2, firstDayOfWeek: 6 })
 * // [{ day: 0, dow: 6, row: [1, 2], total: 3 }]
 */
export function observedDays(series: SeasonalSeries, fromDay = 0): ObservedDay[] {
  const p = series.periodsPerDay;
  const days = Math.floor(series.values.length / p);
  const observed: ObservedDay[] = [];
  for (let d = fromDay; d < days; d++) {
    const row = series.values.slice(d * p, (d + 1) * p);
    if (row.some((v) => Number.isNaN(v))) continue;
    observed.push({ day: d, dow: dayOfWeekAt(series, d * p), row, total: row.reduce((a, b) => a + b, 0) });
  }
  return observed;
}

/**
 * Checks a series: at least one week long, a whole number of intervals per day, the first day of the
 * week 0–6, and every value NaN or a finite number ≥ 0.
 *
 * @throws {ForecastInputError} naming the field.
 */
export function requireSeries(series: SeasonalSeries, minWeeks = 1): void {
  const { periodsPerDay, firstDayOfWeek, values } = series;
  if (!(Number.isInteger(periodsPerDay) && periodsPerDay >= 1 && periodsPerDay <= 1440))
    throw new ForecastInputError('periodsPerDay must be a whole number from 1 to 1440', 'periodsPerDay');
  if (!(Number.isInteger(firstDayOfWeek) && firstDayOfWeek >= 0 && firstDayOfWeek <= 6))
    throw new ForecastInputError('firstDayOfWeek must be 0 (Sunday) to 6 (Saturday)', 'firstDayOfWeek');
  if (values.length < minWeeks * 7 * periodsPerDay)
    throw new ForecastInputError(
      `the history must cover at least ${minWeeks} week${minWeeks === 1 ? '' : 's'} (${minWeeks * 7 * periodsPerDay} intervals); it has ${values.length}`,
      'values',
    );
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v) && !(Number.isFinite(v) && v >= 0))
      throw new ForecastInputError(
        `values[${i}] must be a number ≥ 0 (or NaN when not observed)`,
        `values[${i}]`,
      );
  }
}

/** @throws {ForecastInputError} unless horizon is a whole number ≥ 1. */
export function requireHorizon(horizon: number): void {
  if (!(Number.isInteger(horizon) && horizon >= 1))
    throw new ForecastInputError('horizon must be a whole number of intervals ≥ 1', 'horizon');
}

/**
 * Checks a point forecaster's two inputs, the series first ({@link requireSeries}, at least one week)
 * and then the horizon ({@link requireHorizon}): the first defect is the one reported.
 *
 * @throws {ForecastInputError} naming the field.
 */
export function requireForecastInput(series: SeasonalSeries, horizon: number): void {
  requireSeries(series);
  requireHorizon(horizon);
}

/** A copy of the series with more values after it (used to roll an origin forward). */
export function withValues(series: SeasonalSeries, values: readonly number[]): SeasonalSeries {
  return { values, periodsPerDay: series.periodsPerDay, firstDayOfWeek: series.firstDayOfWeek };
}
