import { periodsPerWeek, requireForecastInput, type SeasonalSeries } from './series.js';

/**
 * Seasonal naive forecast with a weekly season: ŷ(n+h) = y(n+h − m·k), k = ⌈h/m⌉, m the intervals in
 * a week — the same interval of the last observed week. When that interval was not observed (NaN:
 * a holiday or a gap), it steps back one more week; with no observed week it gives 0. The baseline
 * that every accuracy figure is compared to (Hyndman & Athanasopoulos, "Forecasting: Principles and
 * Practice", 3rd ed., 2021, §5.2; it is also the scale of MASE).
 *
 * @throws {ForecastInputError} a series shorter than a week, or a horizon that is not a whole number ≥ 1.
 * @example seasonalNaive({ values: week, periodsPerDay: 1, firstDayOfWeek: 0 }, 2) // [week[0], week[1]]
 */
export function seasonalNaive(series: SeasonalSeries, horizon: number): number[] {
  requireForecastInput(series, horizon);
  const m = periodsPerWeek(series);
  const n = series.values.length;
  const out: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    let t = n + h - 1 - m * Math.ceil(h / m);
    while (t >= 0 && Number.isNaN(series.values[t]!)) t -= m;
    out.push(t >= 0 ? series.values[t]! : 0);
  }
  return out;
}
