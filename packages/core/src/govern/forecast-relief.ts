// Forecast-accuracy relief. Source: 360vendormanagement.com, "What is a Pound of Carrots Worth?" and
// COPC CX Standard 7.0 (forecast accuracy ±5–15 % per interval): service levels bind only while the
// actual volume is inside an agreed band around the client's logged forecast.
import { requireWholeNonNegative } from './errors.js';
import { BASIS_POINTS } from './money.js';

/** The agreed band around the forecast, in basis points (1 000 bp = ±10 %); either side may be absent. */
export interface ForecastBand {
  /** Relief when actual > forecast × (1 + above/10 000). Absent: no relief above. */
  readonly aboveBp?: number;
  /** Relief when actual < forecast × (1 − below/10 000). Absent: no relief below. */
  readonly belowBp?: number;
}

export type ForecastRelief =
  | { readonly relieved: true; readonly reason: 'above_band' | 'below_band' }
  | { readonly relieved: false; readonly reason: 'inside_band' | 'no_forecast' };

/**
 * Whether the terms are suspended for a period (or an interval) because the actual volume left the
 * band around the client's forecast. Exact in integers:
 * above ⇔ actual · 10 000 > forecast · (10 000 + above);  below ⇔ actual · 10 000 < forecast · (10 000 − below).
 * No logged forecast (0) gives no relief: the client's obligation to forecast comes first.
 *
 * @throws {SettlementInputError} forecast, actual or a band not a whole number ≥ 0.
 * @example forecastRelief(10_000, 11_500, { aboveBp: 1_000 }) // { relieved: true, reason: 'above_band' }
 * @example forecastRelief(10_000, 11_000, { aboveBp: 1_000 }) // { relieved: false, reason: 'inside_band' } (the edge is inside)
 */
export function forecastRelief(forecast: number, actual: number, band: ForecastBand): ForecastRelief {
  requireWholeNonNegative(forecast, 'forecast');
  requireWholeNonNegative(actual, 'actual');
  if (band.aboveBp !== undefined) requireWholeNonNegative(band.aboveBp, 'band.aboveBp');
  if (band.belowBp !== undefined) requireWholeNonNegative(band.belowBp, 'band.belowBp');
  if (forecast === 0) return { relieved: false, reason: 'no_forecast' };
  const scaledActual = BigInt(actual) * BASIS_POINTS;
  const f = BigInt(forecast);
  if (band.aboveBp !== undefined && scaledActual > f * (BASIS_POINTS + BigInt(band.aboveBp))) {
    return { relieved: true, reason: 'above_band' };
  }
  if (band.belowBp !== undefined && scaledActual < f * (BASIS_POINTS - BigInt(band.belowBp))) {
    return { relieved: true, reason: 'below_band' };
  }
  return { relieved: false, reason: 'inside_band' };
}
