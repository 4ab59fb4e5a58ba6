import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priorStrengthFromDayWape, reforecastIntraday } from './intraday-reforecast.js';
import { poissonMedian } from './median-combination.js';
import { ForecastInputError } from './series.js';

const means = fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { minLength: 1, maxLength: 96 });
const strength = fc.double({ min: 0.5, max: 1e4, noNaN: true });
const discount = fc.double({ min: 0.5, max: 1, noNaN: true });

/** A day's means, a number of closed intervals and counts for them. */
const day = means.chain((mu) =>
  fc
    .integer({ min: 0, max: mu.length })
    .chain((k) =>
      fc
        .array(fc.integer({ min: 0, max: 1000 }), { minLength: k, maxLength: k })
        .map((observed) => ({ mu, observed })),
    ),
);

describe('intraday reforecast (Gamma–Poisson update of a day multiplier)', () => {
  it('with the counts exactly as expected so far, forecasts the rest as the day-ahead forecast did', () => {
    fc.assert(
      fc.property(means, strength, discount, fc.nat(), (mu, a, omega, seed) => {
        const k = seed % (mu.length + 1);
        const r = reforecastIntraday(mu, mu.slice(0, k), { priorStrength: a, discount: omega });
        expect(r.multiplier).toBeCloseTo(1, 9);
        r.means.forEach((m, j) => {
          expect(m).toBeCloseTo(mu[k + j]!, 6);
        });
      }),
    );
  });

  it('with nothing closed yet, is the day-ahead forecast (prior mean 1)', () => {
    const r = reforecastIntraday([4, 8, 2.5], [], { priorStrength: 50 });
    expect(r.multiplier).toBe(1);
    expect(r.means).toEqual([4, 8, 2.5]);
    expect(r.points.map((p) => p.volume)).toEqual([poissonMedian(4), poissonMedian(8), poissonMedian(2.5)]);
  });

  it('never lowers the rest of the day when one more call has arrived in any closed interval', () => {
    fc.assert(
      fc.property(day, strength, discount, fc.nat(), ({ mu, observed }, a, omega, pick) => {
        fc.pre(observed.length > 0);
        const more = [...observed];
        more[pick % more.length]! += 1;
        const before = reforecastIntraday(mu, observed, { priorStrength: a, discount: omega });
        const after = reforecastIntraday(mu, more, { priorStrength: a, discount: omega });
        expect(after.multiplier).toBeGreaterThan(before.multiplier);
        after.means.forEach((m, j) => {
          expect(m).toBeGreaterThanOrEqual(before.means[j]!);
        });
        after.points.forEach((p, j) => {
          expect(p.volume).toBeGreaterThanOrEqual(before.points[j]!.volume);
        });
      }),
    );
  });

  it('gives every remaining interval a band that holds its point, lower ≥ 0', () => {
    fc.assert(
      fc.property(
        day,
        strength,
        fc.double({ min: 1, max: 5, noNaN: true }),
        fc.double({ min: 0.05, max: 0.99, noNaN: true }),
        ({ mu, observed }, a, phi, level) => {
          const r = reforecastIntraday(mu, observed, { priorStrength: a, dispersion: phi, level });
          expect(r.points).toHaveLength(mu.length - observed.length);
          for (const p of r.points) {
            expect(p.lower).toBeGreaterThanOrEqual(0);
            expect(p.lower).toBeLessThanOrEqual(p.volume);
            expect(p.upper).toBeGreaterThanOrEqual(p.volume);
            expect(Number.isInteger(p.volume)).toBe(true);
          }
        },
      ),
    );
  });

  it('lies between the day-ahead level and what the day so far says, nearer the data the more of it there is', () => {
    // 20 % more calls than expected: θ̂ = (a + 1.2·E)/(a + E) moves from 1 toward 1.2 as E grows.
    const mu = new Array(48).fill(25);
    const early = reforecastIntraday(mu, new Array(4).fill(30), { priorStrength: 150 });
    const late = reforecastIntraday(mu, new Array(24).fill(30), { priorStrength: 150 });
    expect(early.multiplier).toBeCloseTo((150 + 120) / (150 + 100), 12);
    expect(late.multiplier).toBeCloseTo((150 + 720) / (150 + 600), 12);
    expect(late.multiplier).toBeGreaterThan(early.multiplier);
    expect(late.multiplier).toBeLessThan(1.2);
  });

  it('weighs recent intervals more with a discount below 1', () => {
    // A quiet morning then a busy last hour: the discounted update follows the last hour more.
    const mu = new Array(10).fill(20);
    const observed = [10, 10, 10, 10, 30, 30];
    const flat = reforecastIntraday(mu, observed, { priorStrength: 100 });
    const recent = reforecastIntraday(mu, observed, { priorStrength: 100, discount: 0.7 });
    expect(flat.multiplier).toBeCloseTo(200 / 220, 12);
    expect(recent.multiplier).toBeGreaterThan(1);
  });

  it('learns less from overdispersed counts: each tells 1/φ as much about the day', () => {
    const mu = new Array(48).fill(25);
    const observed = new Array(12).fill(30); // 360 calls where 300 were expected
    const poisson = reforecastIntraday(mu, observed, { priorStrength: 100 });
    const over = reforecastIntraday(mu, observed, { priorStrength: 100, dispersion: 3 });
    expect(poisson.multiplier).toBeCloseTo(460 / 400, 12);
    expect(over.multiplier).toBeCloseTo((100 + 120) / (100 + 100), 12);
    expect(over.points[0]!.upper - over.points[0]!.lower).toBeGreaterThan(
      poisson.points[0]!.upper - poisson.points[0]!.lower,
    );
  });

  it('narrows the band as the day is learnt (less uncertainty about θ), for the same mean', () => {
    const mu = new Array(48).fill(25);
    const early = reforecastIntraday(mu, [25], { priorStrength: 50 });
    const late = reforecastIntraday(mu, new Array(40).fill(25), { priorStrength: 50 });
    const width = (p: { lower: number; upper: number }) => p.upper - p.lower;
    expect(width(late.points.at(-1)!)).toBeLessThan(width(early.points.at(-1)!));
  });

  it('rejects bad input, naming the field', () => {
    const field = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(ForecastInputError);
        return (e as ForecastInputError).field;
      }
      return undefined;
    };
    expect(field(() => reforecastIntraday([1], [1, 2], { priorStrength: 1 }))).toBe('observedSoFar');
    expect(field(() => reforecastIntraday([1, -1], [], { priorStrength: 1 }))).toBe('dayAheadMeans[1]');
    expect(field(() => reforecastIntraday([1, 1], [Number.NaN], { priorStrength: 1 }))).toBe(
      'observedSoFar[0]',
    );
    expect(field(() => reforecastIntraday([1], [], { priorStrength: 0 }))).toBe('priorStrength');
    expect(field(() => reforecastIntraday([1], [], { priorStrength: 1, discount: 0 }))).toBe('discount');
    expect(field(() => reforecastIntraday([1], [], { priorStrength: 1, dispersion: 0.5 }))).toBe(
      'dispersion',
    );
  });
});

describe('prior strength from the day WAPE', () => {
  it('is 1/c² with c = WAPE·√(π/2), the standard deviation whose half-normal mean is the WAPE', () => {
    // c = 0.069 · 1.253314 = 0.086479: a = 1/c² = 133.72.
    expect(priorStrengthFromDayWape(0.069)).toBeCloseTo(133.72, 2);
    expect(priorStrengthFromDayWape(0)).toBeCloseTo(1e4, 6);
  });

  it('trusts the day-ahead level more the smaller its error, capped at c = 1 %', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (w1, w2) => {
          const [lo, hi] = w1 < w2 ? [w1, w2] : [w2, w1];
          expect(priorStrengthFromDayWape(lo)).toBeGreaterThanOrEqual(priorStrengthFromDayWape(hi));
          expect(priorStrengthFromDayWape(lo)).toBeLessThanOrEqual(1e4 + 1e-6);
        },
      ),
    );
    expect(() => priorStrengthFromDayWape(Number.NaN)).toThrow(ForecastInputError);
  });
});
