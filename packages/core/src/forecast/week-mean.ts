import { seasonalNaive } from './seasonal-naive.js';
import { ForecastInputError, periodsPerWeek, requireForecastInput, type SeasonalSeries } from './series.js';

/**
 * Mean of the same interval over the last N weeks: ŷ(n+h) = (1/K)·Σ y(n+h − m·j) over the observed
 * values among j = k … k+N−1, k = ⌈h/m⌉ (K ≤ N of them; weeks not observed are left out, and with
 * none observed it falls back to {@link seasonalNaive}). What a planner's spreadsheet does ("average
 * of the last 8 Mondays at 09:00"); Hyndman & Athanasopoulos (2021) §5.2 call the unweighted form
 * the average method, here taken per seasonal position.
 *
 * @throws {ForecastInputError} weeks not a whole number ≥ 1; a series shorter than a week; a bad horizon.
 * @example weekMean({ values: [1,1,1,1,1,1,1, 3,3,3,3,3,3,3], periodsPerDay: 1, firstDayOfWeek: 0 }, 1, 2) // [2]
 */
export function weekMean(series: SeasonalSeries, horizon: number, weeks: number): number[] {
  requireForecastInput(series, horizon);
  if (!(Number.isInteger(weeks) && weeks >= 1))
    throw new ForecastInputError('weeks must be a whole number ≥ 1', 'weeks');
  const m = periodsPerWeek(series);
  const n = series.values.length;
  const naive = seasonalNaive(series, horizon);
  const out: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const k = Math.ceil(h / m);
    let sum = 0;
    let count = 0;
    for (let j = k; j < k + weeks; j++) {
      const t = n + h - 1 - m * j;
      if (t < 0) break;
      const v = series.values[t]!;
      if (Number.isNaN(v)) continue;
      sum += v;
      count++;
    }
    out.push(count > 0 ? sum / count : naive[h - 1]!);
  }
  return out;
}
