import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantilesInPlace, selectInPlace } from './order-statistics.js';
import { quantile } from './quantile.js';

// Small integer ranges make many ties, the case where selection algorithms usually break.
const samples = fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 10_000_000 })), {
  minLength: 0,
  maxLength: 2500,
});

describe('order statistics by selection (Floyd–Rivest)', () => {
  it('selectInPlace puts the k-th smallest at k, smaller before and larger after', () => {
    fc.assert(
      fc.property(
        samples.filter((xs) => xs.length > 0),
        fc.nat(),
        (xs, seed) => {
          const a = Float64Array.from(xs);
          const k = seed % a.length;
          selectInPlace(a, k, 0, a.length - 1);
          const sorted = [...xs].sort((x, y) => x - y);
          expect(a[k]).toBe(sorted[k]);
          for (let i = 0; i < k; i++) expect(a[i]!).toBeLessThanOrEqual(a[k]!);
          for (let i = k + 1; i < a.length; i++) expect(a[i]!).toBeGreaterThanOrEqual(a[k]!);
          expect([...a].sort((x, y) => x - y)).toEqual(sorted);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('quantilesInPlace is bit-identical to quantile (percentile_cont) for any p and any sub-range', () => {
    fc.assert(
      fc.property(
        samples,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(50),
        (xs, p1, p2, pad) => {
          const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          // The range sits between padding that must not be read or moved.
          const a = new Float64Array(xs.length + 2 * pad).fill(-1);
          a.set(xs, pad);
          const got = quantilesInPlace(a, pad, pad + xs.length, [lo, hi]);
          expect(got).toEqual([quantile(xs, lo), quantile(xs, hi)]);
          for (let i = 0; i < pad; i++) expect(a[i]).toBe(-1);
          for (let i = pad + xs.length; i < a.length; i++) expect(a[i]).toBe(-1);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('medians of large samples with few distinct values (every duration 0 or 60 s)', () => {
    const xs = Array.from({ length: 100_001 }, (_, i) => (i % 3 === 0 ? 60 : 0));
    expect(quantilesInPlace(Float64Array.from(xs), 0, xs.length, [0.5, 0.9])).toEqual([
      quantile(xs, 0.5),
      quantile(xs, 0.9),
    ]);
  });

  it('rejects p outside [0, 1] and answers null for an empty range', () => {
    expect(() => quantilesInPlace(new Float64Array(3), 0, 3, [1.5])).toThrow(RangeError);
    expect(quantilesInPlace(new Float64Array(3), 1, 1, [0.5, 0.9])).toEqual([null, null]);
  });
});
