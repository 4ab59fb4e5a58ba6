// Domain checks shared by the staffing modules. Each throws StaffingInputError naming the field.
import { StaffingInputError } from './errors.js';

export function requireFinite(value: number, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new StaffingInputError(field, `must be a finite number, got ${String(value)}`);
  }
  return value;
}

export function requireNonNegative(value: number, field: string): number {
  requireFinite(value, field);
  if (value < 0) throw new StaffingInputError(field, `must be ≥ 0, got ${value}`);
  return value;
}

export function requirePositive(value: number, field: string): number {
  requireFinite(value, field);
  if (value <= 0) throw new StaffingInputError(field, `must be > 0, got ${value}`);
  return value;
}

export function requireNonNegativeInteger(value: number, field: string): number {
  requireNonNegative(value, field);
  if (!Number.isInteger(value)) throw new StaffingInputError(field, `must be a whole number, got ${value}`);
  return value;
}

export function requirePositiveInteger(value: number, field: string): number {
  requireNonNegativeInteger(value, field);
  if (value === 0) throw new StaffingInputError(field, 'must be at least 1');
  return value;
}

/** A fraction in [0, 1): 1 itself is rejected because it needs infinitely many agents or hours. */
export function requireFractionBelowOne(value: number, field: string): number {
  requireNonNegative(value, field);
  if (value >= 1) {
    throw new StaffingInputError(
      field,
      `must be below 1 (100 %), got ${value}: a 100 % target is unattainable`,
    );
  }
  return value;
}

/** A fraction in (0, 1]. */
export function requireFractionUpToOne(value: number, field: string): number {
  requirePositive(value, field);
  if (value > 1) throw new StaffingInputError(field, `must be at most 1 (100 %), got ${value}`);
  return value;
}
