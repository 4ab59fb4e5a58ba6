// Exact decisions on decimal inputs. A rate such as 0.3 is not representable in binary, so
// 21 / (1 - 0.3) is 30.000000000000004 in float64 and Math.ceil gives 31 (FORMULAS.md §2,
// "Shrinkage"). Here every input number is read as the decimal it prints as (its shortest
// round-trip representation, which is what the user typed) and ceilings are decided in BigInt.

/** A decimal `units / 10^scale`, exact. */
export interface ExactDecimal {
  readonly units: bigint;
  readonly scale: number;
}

/**
 * The decimal a finite number prints as, e.g. 0.3 → 3/10, 1e-7 → 1/10^7, 314.1 → 3141/10.
 * Optionally rounded half-to-even to `maxPlaces` decimal places.
 */
export function exactDecimal(value: number, maxPlaces?: number): ExactDecimal {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) throw new RangeError(`not a finite decimal: ${text}`);
  const [, sign = '', whole = '0', fraction = '', exponentText = '0'] = match;
  let units = BigInt(sign + whole + fraction);
  let scale = fraction.length - Number(exponentText);
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  if (maxPlaces !== undefined && scale > maxPlaces) {
    const divisor = 10n ** BigInt(scale - maxPlaces);
    units = divideRoundHalfEven(units, divisor);
    scale = maxPlaces;
  }
  return { units, scale };
}

function divideRoundHalfEven(numerator: bigint, divisor: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / divisor;
  const twiceRemainder = 2n * (magnitude % divisor);
  if (twiceRemainder > divisor || (twiceRemainder === divisor && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/** Exact ⌈p/q⌉ for integers, q > 0. */
export function ceilDivide(p: bigint, q: bigint): bigint {
  const quotient = p / q; // truncates toward zero
  return p % q !== 0n && p > 0n ? quotient + 1n : quotient;
}

/** Exact ⌊p/q⌋ for integers, q > 0. */
export function floorDivide(p: bigint, q: bigint): bigint {
  const quotient = p / q;
  return p % q !== 0n && p < 0n ? quotient - 1n : quotient;
}

/** The exact rational Π numerators / Π denominators, each factor read as its printed decimal. */
function exactRatio(numerators: readonly number[], denominators: readonly number[]): [bigint, bigint] {
  let top = 1n;
  let bottom = 1n;
  for (const factor of numerators) {
    const d = exactDecimal(factor);
    top *= d.units;
    bottom *= 10n ** BigInt(d.scale);
  }
  for (const factor of denominators) {
    const d = exactDecimal(factor);
    bottom *= d.units;
    top *= 10n ** BigInt(d.scale);
  }
  if (bottom < 0n) return [-top, -bottom];
  return [top, bottom];
}

// A float product/quotient of a handful of factors is within ~1e-15 relative of the exact value,
// so when the float result is further than this from every integer its floor and ceiling are
// already exact; only near-integers go to BigInt. That keeps 35,040-row plans fast.
const SAFE_DISTANCE_FROM_INTEGER = 1e-9;

function floatRatio(numerators: readonly number[], denominators: readonly number[]): number {
  let value = 1;
  for (let i = 0; i < numerators.length; i++) value *= numerators[i]!;
  for (let i = 0; i < denominators.length; i++) value /= denominators[i]!;
  return value;
}

/**
 * Whether a float computed by a few operations on decimals is far enough from every integer that its
 * floor and ceiling are exact. Hot paths test this before falling back to {@link ceilOfRatio}.
 */
export function clearOfIntegers(value: number): boolean {
  return (
    Number.isFinite(value) &&
    Math.abs(value - Math.round(value)) > SAFE_DISTANCE_FROM_INTEGER * Math.max(1, Math.abs(value))
  );
}

/**
 * Exact ⌈Π numerators / Π denominators⌉, each factor read as the decimal it prints as.
 * @example ceilOfRatio([21], [0.7]) // 30 (Math.ceil(21 / 0.7) is 31)
 */
export function ceilOfRatio(numerators: readonly number[], denominators: readonly number[]): number {
  const estimate = floatRatio(numerators, denominators);
  if (clearOfIntegers(estimate)) return Math.ceil(estimate);
  const [top, bottom] = exactRatio(numerators, denominators);
  return Number(ceilDivide(top, bottom));
}

/**
 * Exact ⌊Π numerators / Π denominators⌋, each factor read as the decimal it prints as.
 * @example floorOfRatio([3, 0.1], [0.3]) // 1 (3 * 0.1 / 0.3 is 0.9999999999999999 in float64)
 */
export function floorOfRatio(numerators: readonly number[], denominators: readonly number[]): number {
  const estimate = floatRatio(numerators, denominators);
  if (clearOfIntegers(estimate)) return Math.floor(estimate);
  const [top, bottom] = exactRatio(numerators, denominators);
  return Number(floorDivide(top, bottom));
}
