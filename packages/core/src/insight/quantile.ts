/**
 * The p-quantile of a sample by linear interpolation between closest ranks: Hyndman & Fan (1996)
 * definition 7, the default of R's `quantile` and what PostgreSQL's `percentile_cont` computes, so
 * figures computed here agree with the SQL KPIs.
 *
 * h = (n − 1)·p;  Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])  over the sorted sample x.
 *
 * @throws RangeError when p is outside [0, 1].
 * @returns null for an empty sample.
 * @example quantile([1, 2, 3, 4], 0.5) // 2.5 (R: quantile(1:4, 0.5) = 2.5)
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lowerRank = Math.floor(h);
  const lower = sorted[lowerRank]!;
  const upper = sorted[Math.min(lowerRank + 1, sorted.length - 1)]!;
  return lower + (h - lowerRank) * (upper - lower);
}

/** The median: quantile(values, 0.5). */
export const median = (values: readonly number[]): number | null => quantile(values, 0.5);

/** The 90th percentile: quantile(values, 0.9). */
export const p90 = (values: readonly number[]): number | null => quantile(values, 0.9);
