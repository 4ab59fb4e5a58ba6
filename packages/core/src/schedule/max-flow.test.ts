import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feasibleCirculation, maxFlow } from './max-flow.js';

describe('maxFlow', () => {
  it('the network of Cormen, Leiserson, Rivest & Stein, Introduction to Algorithms (3rd ed.), Fig. 26.1: 23', () => {
    // s = 0, v1 … v4 = 1 … 4, t = 5; the book's maximum flow (Fig. 26.6) has value 23.
    const arcs = [
      [0, 1, 16],
      [0, 2, 13],
      [2, 1, 4],
      [1, 3, 12],
      [3, 2, 9],
      [2, 4, 14],
      [4, 3, 7],
      [3, 5, 20],
      [4, 5, 4],
    ].map(([from, to, cap]) => ({ from: from!, to: to!, cap: cap! }));
    expect(maxFlow(6, arcs, 0, 5)).toBe(23);
  });

  it('no path: 0', () => {
    expect(maxFlow(3, [{ from: 0, to: 1, cap: 5 }], 0, 2)).toBe(0);
  });

  it('equals the least s–t cut, found by trying every cut (max-flow min-cut theorem), on small graphs', () => {
    // Oracle independent of the algorithm: the capacity of every cut (S ∋ source, T ∋ sink) summed
    // over arcs from S to T; the maximum flow equals the least (Ford & Fulkerson 1956).
    const n = 6;
    const arc = fc.record({
      from: fc.integer({ min: 0, max: n - 1 }),
      to: fc.integer({ min: 0, max: n - 1 }),
      cap: fc.integer({ min: 0, max: 9 }),
    });
    fc.assert(
      fc.property(fc.array(arc, { maxLength: 14 }), (raw) => {
        const arcs = raw.filter((a) => a.from !== a.to);
        let leastCut = Number.POSITIVE_INFINITY;
        // Nodes 1 … n − 2 on either side; 0 (source) always in S, n − 1 (sink) always in T.
        for (let mask = 0; mask < 1 << (n - 2); mask++) {
          const inS = (v: number) => v === 0 || (v !== n - 1 && ((mask >> (v - 1)) & 1) === 1);
          let cut = 0;
          for (const a of arcs) if (inS(a.from) && !inS(a.to)) cut += a.cap;
          leastCut = Math.min(leastCut, cut);
        }
        expect(maxFlow(n, arcs, 0, n - 1)).toBe(leastCut);
      }),
      { numRuns: 300 },
    );
  });
});

describe('feasibleCirculation', () => {
  it('two items that must each go to one of two bins, bins between 1 and 1: feasible; both at least 2: not', () => {
    // 0 source, 1 sink, 2–3 items, 4–5 bins; every item may go to either bin.
    const base = [
      { from: 1, to: 0, lower: 0, upper: Number.POSITIVE_INFINITY },
      { from: 0, to: 2, lower: 1, upper: 1 },
      { from: 0, to: 3, lower: 1, upper: 1 },
      { from: 2, to: 4, lower: 0, upper: 1 },
      { from: 2, to: 5, lower: 0, upper: 1 },
      { from: 3, to: 4, lower: 0, upper: 1 },
      { from: 3, to: 5, lower: 0, upper: 1 },
    ];
    const bins = (lower: number, upper: number) => [
      { from: 4, to: 1, lower, upper },
      { from: 5, to: 1, lower, upper },
    ];
    expect(feasibleCirculation(6, [...base, ...bins(1, 1)])).toBe(true);
    expect(feasibleCirculation(6, [...base, ...bins(2, 2)])).toBe(false);
    expect(feasibleCirculation(6, [...base, ...bins(0, 0)])).toBe(false);
  });
});
