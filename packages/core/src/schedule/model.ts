import { paidPeriods, type Shift, workedPeriods } from './shifts.js';

/**
 * The covering integer program in CPLEX LP text, as HiGHS reads it:
 *   minimise Σₛ paid(s)·xₛ  subject to  Σ_{s works q} xₛ ≥ ⌈r(q)⌉ for each period q with r(q) > 0 that
 *   some candidate works, xₛ ∈ ℤ, xₛ ≥ 0
 * (Dantzig, "A comment on Edie's traffic delays at toll booths", Oper. Res. 2(3), 1954: the set-covering
 * shift-scheduling model; paid hours, not headcount, are the objective). `integer: false` writes
 * the LP relaxation, whose optimum is the lower bound the gap is measured against.
 *
 * @example coveringModelLp([1, 1], [{ type: 'a', start: 0, length: 2, mealLength: 0 }], false, true)
 */
export function coveringModelLp(
  required: readonly number[],
  candidates: readonly Shift[],
  cyclic: boolean,
  integer: boolean,
): string {
  const periods = required.length;
  const rows: string[][] = Array.from({ length: periods }, () => []);
  candidates.forEach((c, i) => {
    for (const q of workedPeriods(c, periods, cyclic)) rows[q]!.push(`x${i}`);
  });
  const objective = candidates.map((c, i) => `${paidPeriods(c)} x${i}`).join(' + ');
  const lines = ['Minimize', ` obj: ${objective}`, 'Subject To'];
  rows.forEach((vars, q) => {
    const need = Math.ceil(required[q]!);
    if (need > 0 && vars.length > 0) lines.push(` c${q}: ${vars.join(' + ')} >= ${need}`);
  });
  lines.push('Bounds');
  candidates.forEach((_, i) => {
    lines.push(` x${i} >= 0`);
  });
  if (integer) {
    lines.push('General');
    lines.push(` ${candidates.map((_, i) => `x${i}`).join(' ')}`);
  }
  lines.push('End');
  return lines.join('\n');
}

/** Agents working each period under a schedule (counts per candidate). */
export function scheduledCoverage(
  counts: readonly number[],
  candidates: readonly Shift[],
  periods: number,
  cyclic: boolean,
): number[] {
  const coverage = new Array<number>(periods).fill(0);
  counts.forEach((c, i) => {
    if (c > 0) for (const q of workedPeriods(candidates[i]!, periods, cyclic)) coverage[q]! += c;
  });
  return coverage;
}
