import { dropRedundantShifts, greedySchedule } from './greedy.js';
import { scheduledCoverage } from './model.js';
import { type Shift, workedPeriods } from './shifts.js';

/**
 * A covering schedule from an LP optimum: keep ⌊xₛ⌋ of every candidate, cover what is still short
 * with the greedy set multicover ({@link greedySchedule}) on the residual requirement, then drop,
 * most paid first, any shift whose removal leaves every period covered. Rounding down then repairing
 * is the usual primal heuristic for covering programs with large right-hand sides (Wolsey, "Integer
 * Programming", 1998, §12.5): the floor loses less than one shift per fractional column, and the
 * repair only covers that loss. Periods no candidate works stay short, as in the greedy.
 *
 * @example roundedLpSchedule([1.5], [3], [{ type: 'a', start: 0, length: 1, mealLength: 0 }], false) // [2]
 */
export function roundedLpSchedule(
  lpValues: readonly number[],
  required: readonly number[],
  candidates: readonly Shift[],
  cyclic: boolean,
): number[] {
  const counts = candidates.map((_, i) => Math.max(0, Math.floor((lpValues[i] ?? 0) + 1e-9)));
  const periods = required.length;
  const coverage = scheduledCoverage(counts, candidates, periods, cyclic);
  const residual = required.map((r, q) => Math.max(0, Math.ceil(r) - coverage[q]!));
  greedySchedule(residual, candidates, cyclic).forEach((c, i) => {
    counts[i]! += c;
  });
  const worked = candidates.map((c) => workedPeriods(c, periods, cyclic));
  return dropRedundantShifts(counts, candidates, worked, required);
}
