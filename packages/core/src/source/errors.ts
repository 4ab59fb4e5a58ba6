import { InputError } from '../domain/input-error.js';

/**
 * Thrown when an input to the sourcing maths is out of its domain (a negative wage, a missing
 * exchange rate, a scorecard weighted on price alone, …). `field` names the input as the caller
 * spelled it (e.g. `options[1].pricing[0].priceMinor`), so the API and the page can point at it.
 *
 * @example
 * try { convertMinor(100, 'USD', 'EUR', {}) } catch (e) { if (e instanceof SourceInputError) e.field } // 'fx.USD'
 */
export class SourceInputError extends InputError {
  readonly code = 'source_input_error';
  override readonly name = 'SourceInputError';
}

export function requireFinite(value: number, field: string, min = 0): number {
  if (!Number.isFinite(value) || value < min) throw new SourceInputError(field, `must be a number ≥ ${min}`);
  return value;
}

export function requireFraction(value: number, field: string, maxExclusive = 1): number {
  if (!Number.isFinite(value) || value < 0 || value >= maxExclusive) {
    throw new SourceInputError(field, `must be in [0, ${maxExclusive})`);
  }
  return value;
}
