// Currencies with dated rates the user supplies: no rate is ever invented.
import { SourceInputError } from './errors.js';

/** One user-supplied rate: 1 unit of the currency = `rate` units of the reporting currency, as of `asOf`. */
export interface FxRate {
  readonly rate: number;
  /** `YYYY-MM-DD`, shown next to every converted figure. */
  readonly asOf: string;
  readonly source?: string;
}

/** Rates into the reporting currency, by ISO 4217 code. */
export type FxTable = Readonly<Record<string, FxRate>>;

/**
 * Converts an amount in minor units (cents) of `from` into minor units of `to`:
 * converted = amount × rate(from→to), unrounded (callers round each reported line once,
 * half away from zero, so every line is traceable and totals are sums of shown lines).
 * Both currencies are assumed to have two decimal places (EUR, USD, GBP, PLN, PHP, TRY, ILS);
 * HUF and other currencies are entered in their two-decimal minor unit as ISO 4217 lists them.
 *
 * @throws {SourceInputError} `fx.<from>` when no rate was supplied or it is not positive.
 * @example convertMinor(10_000, 'USD', 'EUR', { USD: { rate: 0.92, asOf: '2026-11-30' } }) // 9200
 */
export function convertMinor(amountMinor: number, from: string, to: string, fx: FxTable): number {
  if (from === to) return amountMinor;
  const entry = fx[from];
  if (!entry || !(entry.rate > 0) || !Number.isFinite(entry.rate)) {
    throw new SourceInputError(`fx.${from}`, `no dated rate from ${from} to ${to}; enter one`);
  }
  return amountMinor * entry.rate;
}

/** Rounds to whole minor units, half away from zero (commercial rounding). @example roundMinor(2.5) // 3 */
export function roundMinor(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}
