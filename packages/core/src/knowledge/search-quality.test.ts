import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanReciprocalRank, recallAtK } from './search-quality.js';

describe('search quality measures', () => {
  it('matches hand-computed recall@3 and MRR', () => {
    // By hand: ranks 1, 4, miss, 2 → recall@3 = 2/4; MRR = (1 + 1/4 + 0 + 1/2) / 4 = 0.4375.
    expect(recallAtK([1, 4, null, 2], 3)).toBe(0.5);
    expect(meanReciprocalRank([1, 4, null, 2])).toBeCloseTo(0.4375, 12);
    expect(recallAtK([], 3)).toBe(0);
    expect(meanReciprocalRank([])).toBe(0);
  });

  it('refuses k < 1 and ranks < 1', () => {
    expect(() => recallAtK([1], 0)).toThrow(RangeError);
    expect(() => meanReciprocalRank([0])).toThrow(RangeError);
  });

  it('keeps MRR within [recall@1, recall@∞] and recall@k monotone in k', () => {
    const ranks = fc.array(fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }), { minLength: 1 });
    fc.assert(
      fc.property(ranks, fc.integer({ min: 1, max: 19 }), (r, k) => {
        const mrr = meanReciprocalRank(r);
        expect(mrr).toBeGreaterThanOrEqual(recallAtK(r, 1) - 1e-12);
        expect(mrr).toBeLessThanOrEqual(recallAtK(r, 20) + 1e-12);
        expect(recallAtK(r, k)).toBeLessThanOrEqual(recallAtK(r, k + 1));
      }),
    );
  });
});
