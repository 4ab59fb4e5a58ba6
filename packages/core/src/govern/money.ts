// Money in integer minor units; every figure of a statement is an exact ratio rounded once.
// Source: ISO 4217 minor units; "round half away from zero" is the commercial rounding of
// EN 16931-1 (European e-invoicing, §6.5.4 "rounding": amounts to 2 decimals, half up in magnitude).
import { SettlementInputError } from './errors.js';

/** One percent in basis points: percentages are whole basis points (12.5 % = 1 250 bp), never floats. */
export const BASIS_POINTS = 10_000n;

/**
 * The one rounding rule of a settlement: an exact ratio numerator / denominator of minor units,
 * rounded to the nearest whole minor unit, halves away from zero.
 * round(n / d) = sign · floor((2|n| + d) / 2d).
 *
 * @throws {SettlementInputError} denominator ≤ 0, or the result is beyond Number.MAX_SAFE_INTEGER.
 * @example roundRatio(7n, 2n) // 4 (3.5 → 4);  roundRatio(-7n, 2n) // -4;  roundRatio(91_300_000n, 30n) // 3_043_333
 */
export function roundRatio(numerator: bigint, denominator: bigint): number {
  if (denominator <= 0n) throw new SettlementInputError('denominator', 'must be > 0');
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  const result = Number(numerator < 0n ? -rounded : rounded);
  if (!Number.isSafeInteger(result)) throw new SettlementInputError('amount', 'beyond a safe integer');
  return result;
}

/**
 * An exact amount: numerator / denominator minor units. Intermediate figures stay exact; only the
 * statement's lines are rounded ({@link roundRatio}).
 */
export interface Exact {
  readonly n: bigint;
  readonly d: bigint;
}

export const exact = (minor: number | bigint, denominator: bigint = 1n): Exact => ({
  n: BigInt(minor),
  d: denominator,
});
export const addExact = (a: Exact, b: Exact): Exact => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
export const scaleExact = (a: Exact, num: bigint, den: bigint): Exact => ({ n: a.n * num, d: a.d * den });
/** a < b, exactly (denominators are positive). */
export const lessExact = (a: Exact, b: Exact): boolean => a.n * b.d < b.n * a.d;
export const minExact = (a: Exact, b: Exact): Exact => (lessExact(b, a) ? b : a);
export const roundExact = (a: Exact): number => roundRatio(a.n, a.d);
