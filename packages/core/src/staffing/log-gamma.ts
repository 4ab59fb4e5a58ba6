// ln Γ and the two helpers of Loader's saddle-point method, which keep Poisson-like terms
// x^a·e^(−x)/Γ(a+1) accurate at a = 10⁵ where the naive exponent cancels catastrophically.
// Source: C. Loader (2000), "Fast and accurate computation of binomial probabilities"
// (the method of R's dpois); Stirling series: DLMF 5.11.1.

import { StaffingInputError } from './errors.js';

const HALF_LOG_TWO_PI = 0.9189385332046728; // ½·ln(2π)
const STIRLING_SERIES_FROM = 15;

/**
 * Stirling's error: δ(x) = ln Γ(x+1) − [(x+½)·ln x − x + ½·ln 2π], for x > 0.
 * Series (DLMF 5.11.1) for x > 15; below that, ln Γ by upward shift.
 */
export function stirlingError(x: number): number {
  if (x > STIRLING_SERIES_FROM) {
    const inverseSquare = 1 / (x * x);
    // 1/12 − 1/360x² + 1/1260x⁴ − 1/1680x⁶ + 1/1188x⁸, truncation < 3e-16 at x = 15.
    return (
      (1 / 12 -
        inverseSquare *
          (1 / 360 - inverseSquare * (1 / 1260 - inverseSquare * (1 / 1680 - inverseSquare / 1188)))) /
      x
    );
  }
  return logGammaOfSuccessor(x) - ((x + 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI);
}

/** ln Γ(x+1) = ln x!, for x ≥ 0, by shifting x up past 15 and using the Stirling series. */
function logGammaOfSuccessor(x: number): number {
  if (x > STIRLING_SERIES_FROM) return (x + 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + stirlingError(x);
  // ln Γ(x+1) = ln Γ(x+m+1) − ln Π_{k=1..m} (x+k); the product of ≤ 16 factors ≤ 31 cannot overflow.
  let shifted = x;
  let product = 1;
  while (shifted <= STIRLING_SERIES_FROM) {
    shifted += 1;
    product *= shifted;
  }
  return logGammaOfSuccessor(shifted) - Math.log(product);
}

/**
 * ln Γ(x) for x > 0 (DLMF 5.11.1 with an upward shift; absolute error ≈ 1e-15 · max(1, ln Γ(x))).
 * @throws {StaffingInputError} x not a finite number > 0.
 * @example logGamma(5) // ln 24 ≈ 3.1780538303479458
 */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x))
    throw new StaffingInputError('x', `must be a finite number > 0, got ${x}`);
  return logGammaOfSuccessor(x) - Math.log(x);
}

/**
 * Loader's deviance term bd0(x, m) = x·ln(x/m) + m − x ≥ 0, computed without cancellation when
 * x ≈ m (series in v = (x−m)/(x+m)). For x, m > 0.
 */
export function deviance(x: number, m: number): number {
  const difference = x - m;
  if (Math.abs(difference) < 0.1 * (x + m)) {
    const v = difference / (x + m);
    const vSquared = v * v;
    let sum = difference * v;
    let term = 2 * x * v;
    for (let j = 1; j < 1000; j++) {
      term *= vSquared;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * Math.log(x / m) + m - x;
}

/**
 * ln[ yˣ·e^(−y) / Γ(x+1) ], the log of the Poisson-like density at real x, accurate for large x.
 * = −δ(x) − bd0(x, y) − ½·ln(2πx) (Loader 2000). For x ≥ 0, y > 0.
 */
export function logPoissonTerm(x: number, y: number): number {
  if (x === 0) return -y;
  if (x <= STIRLING_SERIES_FROM) return x * Math.log(y) - y - logGammaOfSuccessor(x);
  return -stirlingError(x) - deviance(x, y) - HALF_LOG_TWO_PI - 0.5 * Math.log(x);
}
