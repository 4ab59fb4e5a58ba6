import { describe, expect, it } from 'vitest';
import { estimate, studentT975 } from './statistics.js';

describe('studentT975', () => {
  it('matches statistics tables', () => {
    // Confirmed in R: qt(0.975, c(1, 9, 30, 60, 120)) = 12.706, 2.262, 2.042, 2.000, 1.980.
    expect(studentT975(1)).toBeCloseTo(12.706, 3);
    expect(studentT975(9)).toBeCloseTo(2.262, 3);
    expect(studentT975(30)).toBeCloseTo(2.042, 3);
    expect(studentT975(60)).toBeCloseTo(2.0003, 3);
    expect(studentT975(120)).toBeCloseTo(1.9799, 3);
  });
});

describe('estimate', () => {
  it('gives mean ± t·s/√n and skips undefined replications', () => {
    // mean(2, 4, 6) = 4, s = 2, SE = 2/√3, half-width = 4.303·2/√3.
    const e = estimate([2, Number.NaN, 4, 6]);
    expect(e.n).toBe(3);
    expect(e.mean).toBe(4);
    expect(e.standardError).toBeCloseTo(2 / Math.sqrt(3), 12);
    expect(e.halfWidth95).toBeCloseTo((4.303 * 2) / Math.sqrt(3), 12);
  });

  it('reports null rather than NaN when nothing is defined', () => {
    expect(estimate([Number.NaN])).toEqual({ mean: null, standardError: null, halfWidth95: null, n: 0 });
    expect(estimate([5])).toEqual({ mean: 5, standardError: null, halfWidth95: null, n: 1 });
  });
});
