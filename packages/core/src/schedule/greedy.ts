import { paidPeriods, type Shift, workedPeriods } from './shifts.js';

/**
 * A feasible schedule without a solver (the fallback when the integer program fails or runs out of
 * time): greedy set multicover — repeatedly add the candidate with the most still-uncovered
 * requirement per paid period (Chvátal, "A greedy heuristic for the set-covering problem", Math. Oper.
 * Res. 4(3), 1979; within H(d) of the optimum, d the longest shift) — then drop, longest first, any
 * shift whose removal leaves every period covered. Periods no candidate works stay short.
 *
 * @returns how many of each candidate (same order as `candidates`).
 * @example greedySchedule([2, 2], [{ type: 'a', start: 0, length: 2, mealLength: 0 }], false) // [2]
 */
export function greedySchedule(
  required: readonly number[],
  candidates: readonly Shift[],
  cyclic: boolean,
): number[] {
  const periods = required.length;
  const worked = candidates.map((c) => workedPeriods(c, periods, cyclic));
  const paid = candidates.map(paidPeriods);
  const deficit = required.map((r) => Math.max(0, Math.ceil(r)));
  const counts = new Array<number>(candidates.length).fill(0);
  for (;;) {
    let best = -1;
    let bestScore = 0;
    for (let i = 0; i < candidates.length; i++) {
      let gain = 0;
      for (const q of worked[i]!) if (deficit[q]! > 0) gain++;
      const score = gain / Math.max(1, paid[i]!);
      if (gain > 0 && score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best < 0) break;
    // Add as many copies as the smallest positive deficit it meets allows, at once.
    let copies = Number.POSITIVE_INFINITY;
    for (const q of worked[best]!) if (deficit[q]! > 0) copies = Math.min(copies, deficit[q]!);
    counts[best]! += copies;
    for (const q of worked[best]!) deficit[q] = Math.max(0, deficit[q]! - copies);
  }
  return dropRedundantShifts(counts, candidates, worked, required);
}

/**
 * Drops, the most paid candidate first, any shift whose removal leaves every period covered: the
 * clean-up step of the greedy set multicover and of LP rounding (a cover stays a cover; only
 * surplus paid periods go). `worked[i]` lists the periods candidate i works. Changes `counts` in place.
 *
 * @example dropRedundantShifts([2], [{ type: 'a', start: 0, length: 1, mealLength: 0 }], [[0]], [1]) // [1]
 */
export function dropRedundantShifts(
  counts: number[],
  candidates: readonly Shift[],
  worked: readonly (readonly number[])[],
  required: readonly number[],
): number[] {
  const coverage = new Array<number>(required.length).fill(0);
  counts.forEach((c, i) => {
    for (const q of worked[i]!) coverage[q]! += c;
  });
  const paid = candidates.map(paidPeriods);
  const order = candidates.map((_, i) => i).sort((a, b) => paid[b]! - paid[a]!);
  for (const i of order)
    while (counts[i]! > 0 && worked[i]!.every((q) => coverage[q]! - 1 >= Math.ceil(required[q]!))) {
      counts[i]!--;
      for (const q of worked[i]!) coverage[q]!--;
    }
  return counts;
}
