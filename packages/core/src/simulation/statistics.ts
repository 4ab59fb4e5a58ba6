/** Two-sided 95% Student-t quantiles t(0.975, df) for df = 1…30 (any statistics table). */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const Z_975 = 1.959963984540054;

/**
 * t(0.975, df): a table up to 30 degrees of freedom, then the Cornish–Fisher expansion
 * z + (z³+z)/(4df) + (5z⁵+16z³+3z)/(96df²) (Abramowitz & Stegun 26.7.5), within 1e-4 beyond.
 *
 * @example
 * studentT975(9) // 2.262
 */
export function studentT975(degreesOfFreedom: number): number {
  if (degreesOfFreedom < 1) return Number.NaN;
  const tabled = T_975[degreesOfFreedom - 1];
  if (tabled !== undefined) return tabled;
  const z = Z_975;
  const df = degreesOfFreedom;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

/**
 * A metric over independent replications: the mean, its standard error and the half-width of the
 * 95% confidence interval mean ± t(0.975, n−1)·s/√n (Law & Kelton, *Simulation Modeling and
 * Analysis*, §9.4.1, replication/deletion approach). Null where undefined: no replication had a
 * value (e.g. a rate with nothing offered), or fewer than two for the spread.
 */
export interface Estimate {
  mean: number | null;
  standardError: number | null;
  halfWidth95: number | null;
  /** Replications that had a value. */
  n: number;
}

/** Estimate from per-replication values; NaN entries (undefined ratios) are left out. */
export function estimate(values: ArrayLike<number>): Estimate {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) {
      n++;
      sum += v;
    }
  }
  if (n === 0) return { mean: null, standardError: null, halfWidth95: null, n };
  const mean = sum / n;
  if (n < 2) return { mean, standardError: null, halfWidth95: null, n };
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) squares += (v - mean) ** 2;
  }
  const standardError = Math.sqrt(squares / (n - 1) / n);
  return { mean, standardError, halfWidth95: studentT975(n - 1) * standardError, n };
}
