import { StaffingInputError } from './errors.js';
import { ceilDivide, exactDecimal } from './exact-decimal.js';
import { requireFractionBelowOne, requireNonNegativeInteger } from './validate.js';

/** Shrinkage is read to this many decimal places: a billionth of paid time. */
export const SHRINKAGE_DECIMAL_PLACES = 9;
const SHRINKAGE_SCALE = 10 ** SHRINKAGE_DECIMAL_PLACES;

let cachedShrinkage = Number.NaN;
let cachedShrinkageUnits = 0;

/** The shrinkage as an integer count of billionths, from the decimal it prints as (half-even). */
function shrinkageInBillionths(shrinkage: number): number {
  if (shrinkage !== cachedShrinkage) {
    const decimal = exactDecimal(shrinkage, SHRINKAGE_DECIMAL_PLACES);
    cachedShrinkageUnits = Number(decimal.units) * 10 ** (SHRINKAGE_DECIMAL_PLACES - decimal.scale);
    cachedShrinkage = shrinkage;
  }
  return cachedShrinkageUnits;
}

/**
 * Scheduled (paid) agents needed so that `productiveAgents` are on queue after shrinkage:
 * scheduled = ⌈raw / (1 − s)⌉ (FORMULAS.md §2, "Shrinkage").
 *
 * The ceiling is decided exactly: `s` is read as the decimal it prints as, rounded half-to-even to
 * 9 places, and ⌈raw·10⁹ / (10⁹ − s·10⁹)⌉ is taken in integer arithmetic. A float ceiling gets
 * 21/(1−0.3) = 30.000000000000004 → 31 wrong, and 5264/(1−0.3) → 7521 instead of 7520.
 *
 * @param productiveAgents raw agents on queue (whole number ≥ 0)
 * @param shrinkage fraction of paid time not available for the queue, in [0, 1)
 * @throws {StaffingInputError} `productiveAgents` not a whole number ≥ 0; `shrinkage` outside [0, 1).
 * @example scheduledAgents(21, 0.3) // 30
 * @example scheduledAgents(5264, 0.3) // 7520
 */
export function scheduledAgents(productiveAgents: number, shrinkage: number): number {
  requireNonNegativeInteger(productiveAgents, 'productiveAgents');
  requireFractionBelowOne(shrinkage, 'shrinkage');
  if (shrinkage === 0) return productiveAgents;
  return scheduledFromAvailableUnits(productiveAgents, availableUnitsOf(shrinkage));
}

/**
 * 10⁹·(1 − s) in integers, for a shrinkage s already checked to be in [0, 1).
 * @throws {StaffingInputError} s rounds to 1 at 9 decimal places.
 */
export function availableUnitsOf(shrinkage: number): number {
  const availableUnits = SHRINKAGE_SCALE - shrinkageInBillionths(shrinkage);
  if (availableUnits <= 0) {
    throw new StaffingInputError('shrinkage', `rounds to 1 at ${SHRINKAGE_DECIMAL_PLACES} decimal places`);
  }
  return availableUnits;
}

/**
 * ⌈raw·10⁹ / availableUnits⌉ exactly, for a whole raw ≥ 0 and availableUnits from
 * {@link availableUnitsOf}: {@link scheduledAgents} once its checks have passed (the interval
 * planner checks each distinct shrinkage once, not every row).
 */
export function scheduledFromAvailableUnits(productiveAgents: number, availableUnits: number): number {
  const numerator = productiveAgents * SHRINKAGE_SCALE;
  if (Number.isSafeInteger(numerator)) {
    // Exact integer division in float64: all operands and the product below are < 2^53.
    let quotient = Math.floor(numerator / availableUnits);
    while (quotient * availableUnits > numerator) quotient--;
    while ((quotient + 1) * availableUnits <= numerator) quotient++;
    return quotient * availableUnits === numerator ? quotient : quotient + 1;
  }
  return Number(ceilDivide(BigInt(productiveAgents) * BigInt(SHRINKAGE_SCALE), BigInt(availableUnits)));
}
