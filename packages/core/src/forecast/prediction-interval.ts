import { ForecastInputError } from './series.js';

/**
 * The quasi-Poisson dispersion of forecast errors: φ = Σ (y − ŷ)² / Σ ŷ over pairs with an observed
 * actual and ŷ > 0, at least 1 (McCullagh & Nelder, "Generalized Linear Models", 2nd ed., 1989,
 * §6.2: Var y = φ·μ; the Pearson estimate, with backtest forecasts in place of fitted values).
 * 1 (Poisson) when there is no pair.
 *
 * @example dispersion([10, 20], [10, 16]) // max(1, 16/26) = 1
 */
export function dispersion(actual: readonly number[], forecast: readonly number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i]!;
    const f = forecast[i]!;
    if (Number.isNaN(y) || !(f > 0)) continue;
    num += (y - f) ** 2;
    den += f;
  }
  return den > 0 ? Math.max(1, num / den) : 1;
}

/**
 * Φ⁻¹(p), the standard normal quantile (Acklam's rational approximation, relative error < 1.15e−9;
 * P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution function", 2003).
 *
 * @throws {ForecastInputError} p outside (0, 1).
 * @example normalQuantile(0.975) // ≈ 1.959963985
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new ForecastInputError('p must be in (0, 1)', 'p');
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/** A point forecast with its prediction interval. */
export interface IntervalForecast {
  readonly volume: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Prediction interval of level L for a quasi-Poisson count with mean μ and dispersion φ, by the
 * normal approximation: μ ± z·√(φ·μ), z = Φ⁻¹((1+L)/2), the lower bound clipped at 0.
 *
 * @throws {ForecastInputError} level outside (0, 1), φ < 1 or μ < 0.
 * @example predictionInterval(100, 1, 0.95) // { volume: 100, lower: ≈80.40, upper: ≈119.60 }
 */
export function predictionInterval(mean: number, phi: number, level: number): IntervalForecast {
  if (!(level > 0 && level < 1)) throw new ForecastInputError('level must be in (0, 1)', 'level');
  if (!(phi >= 1 && Number.isFinite(phi)))
    throw new ForecastInputError('dispersion must be ≥ 1', 'dispersion');
  if (!(mean >= 0 && Number.isFinite(mean))) throw new ForecastInputError('mean must be ≥ 0', 'mean');
  const half = normalQuantile((1 + level) / 2) * Math.sqrt(phi * mean);
  return { volume: mean, lower: Math.max(0, mean - half), upper: mean + half };
}
