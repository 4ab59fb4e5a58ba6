import { regularizedGammaP, regularizedGammaQ } from './incomplete-gamma.js';

const INVERSE_SQRT_TWO_PI = 0.3989422804014327;

/**
 * Standard normal density φ(x) = e^(−x²/2)/√(2π).
 * @example normalPdf(0) // 0.3989422804014327
 */
export function normalPdf(x: number): number {
  return INVERSE_SQRT_TWO_PI * Math.exp(-0.5 * x * x);
}

/**
 * Standard normal distribution function Φ(x), through the incomplete gamma function:
 * Φ(x) = ½·erfc(−x/√2) and erfc(z) = Q(½, z²) for z ≥ 0 (DLMF 7.11.2, 8.4.14).
 * Accurate to ≈ 1e-15 relative in both tails.
 * @example normalCdf(1.96) // ≈ 0.9750021048517795
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === 0) return 0.5;
  const halfSquare = 0.5 * x * x;
  if (x < 0) return 0.5 * regularizedGammaQ(0.5, halfSquare);
  return 0.5 + 0.5 * regularizedGammaP(0.5, halfSquare);
}
