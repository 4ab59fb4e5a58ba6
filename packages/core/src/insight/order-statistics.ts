/**
 * Order statistics without a full sort: Floyd & Rivest (1975), "Algorithm 489: SELECT", CACM 18(3).
 * Expected n + min(k, n − k) comparisons; used for exact medians and p90 over up to millions of values.
 */

/**
 * Rearranges a[left..right] (inclusive) so that a[k] holds the value it would hold if that range were
 * sorted, everything before it is ≤ a[k] and everything after it is ≥ a[k]. Values must not be NaN.
 */
export function selectInPlace(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      // Sample-based narrowing of [left, right] around k (the algorithm's recursive step).
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      selectInPlace(a, k, newLeft, newRight);
    }
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const x = a[i]!;
  a[i] = a[j]!;
  a[j] = x;
}

/**
 * Hyndman & Fan definition 7 quantiles (PostgreSQL's `percentile_cont`, core `quantile`) of the values
 * in a[from..to) for ascending probabilities `ps`, reordering that range in place. Same arithmetic as
 * `quantile`: h = (n − 1)·p, Q = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋), so results are bit-identical.
 * @returns one value per p, or nulls for an empty range.
 */
export function quantilesInPlace(
  a: Float64Array,
  from: number,
  to: number,
  ps: readonly number[],
): (number | null)[] {
  const n = to - from;
  if (n <= 0) return ps.map(() => null);
  const out: (number | null)[] = new Array(ps.length);
  // Largest p first: each later selection only needs the prefix up to the previous rank, and the
  // value after its rank is the least of (rank, previous rank]: everything beyond is ≥ a[previous].
  let right = to - 1;
  let previous = -1;
  let previousUpper = 0;
  for (let q = ps.length - 1; q >= 0; q--) {
    const p = ps[q]!;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
    const h = (n - 1) * p;
    const rank = Math.floor(h);
    selectInPlace(a, from + rank, from, right);
    const lower = a[from + rank]!;
    let upper = lower;
    if (rank === previous) upper = previousUpper;
    else if (rank + 1 < n) {
      const end = previous < 0 ? to : from + previous + 1;
      upper = Number.POSITIVE_INFINITY;
      for (let i = from + rank + 1; i < end; i++) if (a[i]! < upper) upper = a[i]!;
    }
    out[q] = lower + (h - rank) * (upper - lower);
    right = from + rank;
    previous = rank;
    previousUpper = upper;
  }
  return out;
}
