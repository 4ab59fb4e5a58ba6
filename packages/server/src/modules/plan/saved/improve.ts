// The local search the CLI runs on a schedule (`shoreline schedule`, decision 0041), run by the plan
// job after the solver: the same core function, the same moves and seeds, within a budget.
import { iteratedImprove, paidPeriods, type Shift } from '@shoreline/core/schedule/index';

/** Rounds of iterated local search, as the CLI's default (`iterateRounds`, decision 0050). */
export const SEARCH_ROUNDS = 300;

/**
 * Iterated local search on a covering schedule ({@link iteratedImprove}), ten rounds at a time with
 * the seeds the CLI uses (1, 2, …) and a window of 32 periods, each chunk kept when it is paid less,
 * for `rounds` rounds; it stops early once within `acceptGap` of `lowerBound` or past `budgetMs` of
 * wall time (then the answer depends on the machine's speed; within the rounds it does not).
 * Never uncovers a period `counts` covers.
 *
 * @example improveWithinBudget(solution.counts, required, candidates, { lowerBound: solution.lowerBound, acceptGap: 0.001, rounds: 300, budgetMs: 10_000 })
 */
export function improveWithinBudget(
  counts: readonly number[],
  required: readonly number[],
  candidates: readonly Shift[],
  o: { lowerBound: number; acceptGap: number; rounds: number; budgetMs: number },
): { counts: number[]; rounds: number } {
  const began = performance.now();
  const paid = (x: readonly number[]) => x.reduce((s, c, i) => s + c * paidPeriods(candidates[i]!), 0);
  const within = (x: readonly number[]) => {
    const p = paid(x);
    return Number.isFinite(o.lowerBound) && p > 0 && (p - o.lowerBound) / p <= o.acceptGap;
  };
  let best = [...counts];
  let rounds = 0;
  for (let chunk = 1; rounds < o.rounds && !within(best); chunk++) {
    if (performance.now() - began > o.budgetMs) break;
    const n = Math.min(10, o.rounds - rounds);
    const next = iteratedImprove(best, required, candidates, false, { rounds: n, window: 32, seed: chunk });
    rounds += n;
    if (paid(next) < paid(best)) best = next;
  }
  return { counts: best, rounds };
}
