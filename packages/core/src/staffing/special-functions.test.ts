import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regularizedGammaP, regularizedGammaQ } from './incomplete-gamma.js';
import { logGamma } from './log-gamma.js';
import { normalCdf } from './normal-distribution.js';

describe('logGamma', () => {
  it('equals ln (n−1)! summed term by term', () => {
    let logFactorial = 0;
    for (let n = 1; n <= 170; n++) {
      expect(Math.abs(logGamma(n) - logFactorial)).toBeLessThanOrEqual(1e-13 * Math.max(1, logFactorial));
      logFactorial += Math.log(n);
    }
  });

  it('gives Γ(½) = √π', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
  });
});

describe('regularised incomplete gamma', () => {
  it('P(1, x) = 1 − e^(−x) and P + Q = 1', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 2e4, noNaN: true }),
        (a, x) => {
          expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 12);
        },
      ),
    );
    expect(regularizedGammaP(1, 2)).toBeCloseTo(1 - Math.exp(-2), 15);
    expect(regularizedGammaQ(1, 30)).toBeCloseTo(Math.exp(-30), 25);
  });
});

describe('normalCdf', () => {
  it('matches published values (Abramowitz & Stegun table 26.1)', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145705, 14);
    expect(normalCdf(-8) / 6.22096057427178e-16).toBeCloseTo(1, 10);
  });
});
