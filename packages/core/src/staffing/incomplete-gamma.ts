// Incomplete gamma function, by the power series below the transition point and the Legendre
// continued fraction (modified Lentz) above it. Sources: Numerical Recipes, 3rd ed., §6.2
// (gser/gcf); DLMF 8.7.1 (series) and 8.9.2 (continued fraction). The prefactor xᵃe^(−x)/Γ(a+1) goes
// through Loader's saddle-point form (log-gamma.ts) so it stays accurate for a in the 10⁵s.

import { StaffingInputError } from './errors.js';
import { logPoissonTerm } from './log-gamma.js';

const EPSILON = 1e-17;
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000_000;

/** Σ_{j≥0} t_j with t_0 = 1, t_j = t_{j−1}·y/(x+j); also its first moment Σ j·t_j. */
export interface GammaSeries {
  /** Σ_{j≥0} yʲ / Π_{k=1..j}(x+k) = x·eʸ·y^(−x)·γ(x, y) (Mandelbaum & Zeltyn's 𝒜(x, y)). */
  readonly sum: number;
  /** Σ_{j≥0} j·yʲ / Π_{k=1..j}(x+k). */
  readonly firstMoment: number;
}

/**
 * The scaled lower incomplete gamma series (DLMF 8.7.1): Σ_{j≥0} yʲ/Π_{k=1..j}(x+k), with its first
 * moment. All terms are positive, so there is no cancellation. Cost grows like min(√x, 1/(1 − y/x));
 * use it for y < x + 1 (above that, {@link scaledUpperGammaFraction}).
 */
export function scaledLowerGammaSeries(x: number, y: number): GammaSeries {
  let term = 1;
  let sum = 1;
  let firstMoment = 0;
  for (let j = 1; j < MAX_ITERATIONS; j++) {
    const ratio = y / (x + j);
    term *= ratio;
    sum += term;
    firstMoment += j * term;
    // Once the ratio is < 1 it keeps falling, so the tail is below term·r/(1−r) (and j-weighted alike).
    if (ratio < 1) {
      const nextRatio = y / (x + j + 1);
      const tailBound = (term * nextRatio) / (1 - nextRatio);
      const momentTailBound = tailBound * (j + 1 / (1 - nextRatio));
      if (tailBound <= EPSILON * sum && momentTailBound <= EPSILON * firstMoment) break;
    }
  }
  return { sum, firstMoment };
}

/**
 * eʸ·y^(−x)·Γ(x, y) by the continued fraction 1/(y+1−x− 1·(1−x)/(y+3−x− 2·(2−x)/(y+5−x− …)))
 * (NR §6.2 gcf; DLMF 8.9.2), evaluated by modified Lentz. Converges quickly for y > x + 1.
 */
export function scaledUpperGammaFraction(x: number, y: number): number {
  let b = y + 1 - x;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - x);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPSILON) break;
  }
  return h;
}

function checkArguments(a: number, x: number): void {
  if (!(a > 0) || !Number.isFinite(a))
    throw new StaffingInputError('a', `must be a finite number > 0, got ${a}`);
  if (!(x >= 0) || Number.isNaN(x)) throw new StaffingInputError('x', `must be ≥ 0, got ${x}`);
}

/**
 * Regularised lower incomplete gamma P(a, x) = γ(a, x)/Γ(a) (DLMF 8.2.4).
 * Series when x < a + 1, else 1 − Q by continued fraction (NR §6.2).
 * @throws {StaffingInputError} a ≤ 0 or x < 0.
 * @example regularizedGammaP(1, 2) // 1 − e^(−2) ≈ 0.8646647167633873
 */
export function regularizedGammaP(a: number, x: number): number {
  checkArguments(a, x);
  if (x === 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (x < a + 1) return Math.exp(logPoissonTerm(a, x)) * scaledLowerGammaSeries(a, x).sum;
  return 1 - upperTail(a, x);
}

/**
 * Regularised upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a) = 1 − P(a, x) (DLMF 8.2.4).
 * @throws {StaffingInputError} a ≤ 0 or x < 0.
 * @example regularizedGammaQ(1, 2) // e^(−2) ≈ 0.1353352832366127
 */
export function regularizedGammaQ(a: number, x: number): number {
  checkArguments(a, x);
  if (x === 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (x < a + 1) return 1 - Math.exp(logPoissonTerm(a, x)) * scaledLowerGammaSeries(a, x).sum;
  return upperTail(a, x);
}

// Q(a, x) = xᵃe^(−x)/Γ(a) · scaledUpperGammaFraction = a · [xᵃe^(−x)/Γ(a+1)] · fraction.
function upperTail(a: number, x: number): number {
  return a * Math.exp(logPoissonTerm(a, x)) * scaledUpperGammaFraction(a, x);
}
