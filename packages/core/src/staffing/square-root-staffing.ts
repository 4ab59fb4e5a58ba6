// Square-root staffing in the Halfin–Whitt (QED) regime (FORMULAS.md §3).
// Halfin & Whitt (1981), Operations Research 29(3):567–588; Borst, Mandelbaum & Reiman (2004),
// Operations Research 52(1):17–34.

import { StaffingInputError } from './errors.js';
import { normalCdf, normalPdf } from './normal-distribution.js';
import { requireNonNegative, requirePositive } from './validate.js';

/**
 * The Halfin–Whitt delay probability: with n = A + β√A and A → ∞, P(W>0) → α(β) = [1 + β·Φ(β)/φ(β)]⁻¹.
 * @param beta β > 0, the safety staffing in units of √A
 * @throws {StaffingInputError} beta not a finite number > 0.
 * @example halfinWhittDelayProbability(1.0615163) // ≈ 0.2
 */
export function halfinWhittDelayProbability(beta: number): number {
  requirePositive(beta, 'beta');
  return 1 / (1 + (beta * normalCdf(beta)) / normalPdf(beta));
}

/**
 * The β with α(β) = delayProbability (inverse of {@link halfinWhittDelayProbability}), by bisection
 * to full double precision; α is decreasing in β.
 * @param delayProbability target P(W>0), in (0, 1)
 * @throws {StaffingInputError} delayProbability outside (0, 1).
 * @example halfinWhittBeta(0.2) // ≈ 1.0615163
 */
export function halfinWhittBeta(delayProbability: number): number {
  requirePositive(delayProbability, 'delayProbability');
  if (delayProbability >= 1) throw new StaffingInputError('delayProbability', 'must be below 1');
  let low = 0;
  let high = 1;
  while (halfinWhittDelayProbability(high) > delayProbability) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-15 * high; i++) {
    const middle = 0.5 * (low + high);
    if (middle <= 0 || halfinWhittDelayProbability(middle) > delayProbability) low = middle;
    else high = middle;
  }
  return 0.5 * (low + high);
}

/**
 * The square-root staffing rule n = ⌈A + β√A⌉ (Borst, Mandelbaum & Reiman 2004). With β from
 * {@link halfinWhittBeta} it equals the exact Erlang C staffing for a P(W>0) target, or is one agent
 * short (FORMULAS.md §3, sqrt_staffing_check.csv): a start point for the exact search, not the answer.
 * @throws {StaffingInputError} offeredLoad or beta negative or not finite.
 * @example squareRootStaffing(100, 1.0615163) // 111
 */
export function squareRootStaffing(offeredLoad: number, beta: number): number {
  requireNonNegative(offeredLoad, 'offeredLoad');
  requireNonNegative(beta, 'beta');
  return Math.ceil(offeredLoad + beta * Math.sqrt(offeredLoad));
}
