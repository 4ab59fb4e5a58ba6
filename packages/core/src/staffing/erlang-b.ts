// Erlang B, the blocking probability of M/M/n/n (FORMULAS.md §1), by the stable recursion
// B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)). Never Aⁿ/n!, which overflows past n = 170.
// Source: FORMULAS.md §1; Gans, Koole & Mandelbaum (2003), MSOM 5(2) §4.

import { requireNonNegative, requireNonNegativeInteger } from './validate.js';

/**
 * Erlang B: B(n, A) = (Aⁿ/n!) / Σ_{k=0..n} Aᵏ/k!, the probability that an arrival finds all n servers
 * busy in M/M/n/n. Stable recursion in its inverse form (FORMULAS.md §1), O(n), no factorials;
 * relative error ≤ 3e-14 up to n = 100,000.
 * Underflows to 0 only below 1e-308 (e.g. n = 3334, A = 1000); use {@link logErlangB} there.
 *
 * @param agents n, whole number ≥ 0
 * @param offeredLoad A = λ·AHT in Erlangs, ≥ 0
 * @throws {StaffingInputError} agents not a whole number ≥ 0, or offeredLoad negative/not finite.
 * @example erlangB(14, 10) // ≈ 0.05681914338652086
 */
export function erlangB(agents: number, offeredLoad: number): number {
  requireNonNegativeInteger(agents, 'agents');
  requireNonNegative(offeredLoad, 'offeredLoad');
  return erlangBUnchecked(agents, offeredLoad);
}

/**
 * {@link erlangB} without argument checks, for the inner loops of the staffing search. Runs the
 * inverse form 1/B(k) = 1 + (k/A)·1/B(k−1) (FORMULAS.md §1): its loop-carried dependency is one
 * multiply-add (k/A does not depend on the previous step), about twice as fast as the B form, with
 * relative error ≤ 3e-14 up to A = 100,000. It overflows to ∞ (B = 0) only where B < 1e-308.
 */
export function erlangBUnchecked(agents: number, offeredLoad: number): number {
  let inverse = 1;
  for (let k = 1; k <= agents; k++) inverse = 1 + (k / offeredLoad) * inverse;
  return 1 / inverse;
}

/**
 * One step of the stable recursion: B(n+1, A) from B(n, A), O(1):
 * B(n+1) = A·B(n) / (n + 1 + A·B(n)) (FORMULAS.md §1, "Incremental cost").
 *
 * @param blocking B(n, A)
 * @param agents n, the count `blocking` belongs to
 * @param offeredLoad A in Erlangs
 * @example nextErlangB(erlangB(13, 10), 13, 10) // erlangB(14, 10)
 */
export function nextErlangB(blocking: number, agents: number, offeredLoad: number): number {
  const scaled = offeredLoad * blocking;
  return scaled / (agents + 1 + scaled);
}

const RESCALE_ABOVE = 1e280;
const RESCALE_FACTOR = 1e-280;
const LOG_RESCALE_FACTOR = Math.log(1e280);

/**
 * ln B(n, A), finite even where B underflows (n = 3334, A = 1000 gives ln B ≈ −1685.7).
 * Runs the inverse recursion 1/B(k) = 1 + (k/A)·1/B(k−1) (FORMULAS.md §1) with a rescaled mantissa.
 *
 * @throws {StaffingInputError} agents not a whole number ≥ 0, or offeredLoad negative/not finite.
 * @example logErlangB(3334, 1000) / Math.LN10 // ≈ −732.084558195
 */
export function logErlangB(agents: number, offeredLoad: number): number {
  requireNonNegativeInteger(agents, 'agents');
  requireNonNegative(offeredLoad, 'offeredLoad');
  return logErlangBUnchecked(agents, offeredLoad);
}

/** {@link logErlangB} without argument checks. */
export function logErlangBUnchecked(agents: number, offeredLoad: number): number {
  if (agents === 0) return 0;
  if (offeredLoad === 0) return Number.NEGATIVE_INFINITY;
  // inverse·e^(scaleLog) = 1/B; the "+1" shrinks by the same factor whenever the mantissa is rescaled.
  let inverse = 1;
  let one = 1;
  let scaleLog = 0;
  for (let k = 1; k <= agents; k++) {
    inverse = one + (k / offeredLoad) * inverse;
    if (inverse > RESCALE_ABOVE) {
      inverse *= RESCALE_FACTOR;
      one *= RESCALE_FACTOR;
      scaleLog += LOG_RESCALE_FACTOR;
    }
  }
  return -(Math.log(inverse) + scaleLog);
}

/**
 * The state of {@link logErlangBUnchecked}'s loop after k = `agents`. Stepping it forward runs the
 * same loop on, so {@link logErlangBAt} gives logErlangB(n, A) bit for bit, for any n reached in
 * any number of advances: a search over n pays the O(n) recursion once rather than at every probe.
 */
export interface LogErlangBCursor {
  agents: number;
  inverse: number;
  one: number;
  scaleLog: number;
}

/** A cursor at n = 0. */
export function logErlangBCursor(): LogErlangBCursor {
  return { agents: 0, inverse: 1, one: 1, scaleLog: 0 };
}

export function copyLogErlangBCursor(cursor: LogErlangBCursor): LogErlangBCursor {
  return { agents: cursor.agents, inverse: cursor.inverse, one: cursor.one, scaleLog: cursor.scaleLog };
}

/** Steps `cursor` up to n = `agents` (≥ cursor.agents), for offered load A > 0. */
export function advanceLogErlangB(cursor: LogErlangBCursor, agents: number, offeredLoad: number): void {
  let { inverse, one, scaleLog } = cursor;
  for (let k = cursor.agents + 1; k <= agents; k++) {
    inverse = one + (k / offeredLoad) * inverse;
    if (inverse > RESCALE_ABOVE) {
      inverse *= RESCALE_FACTOR;
      one *= RESCALE_FACTOR;
      scaleLog += LOG_RESCALE_FACTOR;
    }
  }
  if (agents > cursor.agents) cursor.agents = agents;
  cursor.inverse = inverse;
  cursor.one = one;
  cursor.scaleLog = scaleLog;
}

/** ln B(n, A) at the cursor (n ≥ 1, A > 0): exactly logErlangBUnchecked(n, A). */
export function logErlangBAt(cursor: LogErlangBCursor): number {
  return -(Math.log(cursor.inverse) + cursor.scaleLog);
}
