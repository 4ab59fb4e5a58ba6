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
  const lines = objectiveLines(candidates);
  rows.forEach((vars, q) => {
    const need = Math.ceil(required[q]!);
    if (need > 0 && vars.length > 0) lines.push(` c${q}: ${vars.join(' + ')} >= ${need}`);
  });
  lines.push('Bounds');
  return withShiftBounds(lines, candidates, integer);
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

/**
 * The same covering program in difference form: coverage variables c(q) ≥ ⌈r(q)⌉ and, for every period,
 *   c(q) − c(q−1) = Σ starts at q − Σ ends at q − Σ meals starting at q + Σ meals ending at q
 * (c(−1) = c(P−1) in a cyclic horizon, 0 in a one-off one; a cyclic horizon also anchors c(0) to
 * the shifts working period 0, since differences around a cycle leave a constant free). Each shift column has at most 4 nonzeros
 * instead of one per period it works, about ten times fewer in all (the reformulation of the interval
 * covering matrix by row differences: Bartholdi, Orlin & Ratliff, "Cyclic scheduling via integer
 * programs with circular ones", Oper. Res. 28(5), 1980; Veinott & Wagner 1962), which lets the LP
 * solve in seconds instead of minutes. Its optimum equals the plain form's.
 *
 * @example coveringModelDifferenceLp([1, 1], [{ type: 'a', start: 0, length: 2, mealLength: 0 }], true, true)
 */
export function coveringModelDifferenceLp(
  required: readonly number[],
  candidates: readonly Shift[],
  cyclic: boolean,
  integer: boolean,
): string {
  const periods = required.length;
  const rows: Map<number, number>[] = Array.from({ length: periods }, () => new Map());
  const add = (q: number, i: number, coef: number) => {
    if (!cyclic && q >= periods) return;
    const row = rows[((q % periods) + periods) % periods]!;
    row.set(i, (row.get(i) ?? 0) + coef);
  };
  const coverable = scheduledCoverage(
    candidates.map(() => 1),
    candidates,
    periods,
    cyclic,
  );
  candidates.forEach((c, i) => {
    add(c.start, i, 1);
    add(c.start + c.length, i, -1);
    if (c.mealOffset !== undefined && c.mealLength > 0) {
      add(c.start + c.mealOffset, i, -1);
      add(c.start + c.mealOffset + c.mealLength, i, 1);
    }
  });
  const lines = objectiveLines(candidates);
  rows.forEach((row, q) => {
    const terms = [`c${q}`];
    if (q > 0 || cyclic) terms.push(`- c${q === 0 ? periods - 1 : q - 1}`);
    for (const [i, coef] of row) {
      if (coef === 0) continue;
      terms.push(`${coef > 0 ? '-' : '+'} ${Math.abs(coef)} x${i}`);
    }
    lines.push(` d${q}: ${terms.join(' ')} = 0`);
  });
  if (cyclic) {
    // Around a cycle the differences fix c only up to a constant: anchor period 0 to its plain row.
    const at0 = candidates.flatMap((c, i) => (workedPeriods(c, periods, true).includes(0) ? [`x${i}`] : []));
    lines.push(` a0: c0${at0.map((x) => ` - ${x}`).join('')} = 0`);
  }
  lines.push('Bounds');
  required.forEach((r, q) => {
    const need = coverable[q]! > 0 ? Math.max(0, Math.ceil(r)) : 0;
    lines.push(` c${q} >= ${need}`);
  });
  return withShiftBounds(lines, candidates, integer);
}

/** Both forms' objective, minimise paid periods Σₛ paid(s)·xₛ, and the opening of their constraints. */
function objectiveLines(candidates: readonly Shift[]): string[] {
  const objective = candidates.map((c, i) => `${paidPeriods(c)} x${i}`).join(' + ');
  return ['Minimize', ` obj: ${objective}`, 'Subject To'];
}

/**
 * Both forms' ending: xₛ ≥ 0 for every shift (after any bounds already written), every xₛ integer
 * unless the LP relaxation is asked for, then the whole text.
 */
function withShiftBounds(lines: string[], candidates: readonly Shift[], integer: boolean): string {
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
