import { InputError } from '../domain/input-error.js';

/**
 * Thrown when an input to the settlement maths is out of its domain (a negative charge, an
 * allocation that is not a whole number of basis points, an empty escalation ladder). `field` names
 * the input as the caller spelled it, so the CLI and API can point at it.
 *
 * @example try { roundRatio(1n, 0n) } catch (e) { if (e instanceof SettlementInputError) e.field } // 'denominator'
 */
export class SettlementInputError extends InputError {
  readonly code = 'settlement_input_error';
  override readonly name = 'SettlementInputError';
}

/** @throws {SettlementInputError} unless `value` is a safe integer ≥ 0. */
export function requireWholeNonNegative(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new SettlementInputError(field, `must be a whole number ≥ 0, got ${value}`);
  }
}
