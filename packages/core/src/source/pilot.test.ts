import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Xoshiro128 } from '../simulation/index.js';
import {
  assignArm,
  assignWeightedArm,
  bootstrapMedianDifference,
  inverseNormalCdf,
  newcombeDifference,
  proportionPilot,
  sampleSizePerArm,
  wilsonInterval,
} from './pilot.js';

describe('pilot statistics against published values', () => {
  it('Φ⁻¹ matches tabulated normal quantiles', () => {
    // Abramowitz & Stegun Table 26.5: z(0.975) = 1.959964, z(0.8) = 0.841621, z(0.999) = 3.090232.
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959964, 6);
    expect(inverseNormalCdf(0.8)).toBeCloseTo(0.841621, 6);
    expect(inverseNormalCdf(0.001)).toBeCloseTo(-3.090232, 6);
  });

  it('Wilson interval: 81/263 → 0.2553–0.3662 (Newcombe 1998a, Statistics in Medicine 17:857, Table II)', () => {
    const interval = wilsonInterval(81, 263);
    expect(interval.low).toBeCloseTo(0.2553, 4);
    expect(interval.high).toBeCloseTo(0.3662, 4);
  });

  it('Newcombe hybrid score (method 10) reproduces Table II of Newcombe 1998b', () => {
    // Statistics in Medicine 17:873, Table II: 56/70 − 48/80 → 0.0524, 0.3339; 9/10 − 3/10 → 0.1705, 0.8090.
    const a = newcombeDifference(56, 70, 48, 80);
    expect(a.low).toBeCloseTo(0.0524, 4);
    expect(a.high).toBeCloseTo(0.3339, 4);
    const c = newcombeDifference(9, 10, 3, 10);
    expect(c.low).toBeCloseTo(0.1705, 4);
    expect(c.high).toBeCloseTo(0.809, 4);
  });

  it('sample size per arm (Fleiss eq. 4.14, no continuity correction): 80 % → 75 % needs 1,094', () => {
    // By hand: p̄ = 0.775; (1.959964·√(2·0.775·0.225) + 0.841621·√(0.16 + 0.1875))² ÷ 0.05² = 1,093.74 → 1,094.
    expect(sampleSizePerArm({ baseline: 0.8, mdd: 0.05 })).toBe(1094);
  });

  it('random assignment follows the ratio and is stable per contact', () => {
    let vendor = 0;
    for (let i = 0; i < 10_000; i++) if (assignArm(`tkt_${i}`, 42, 0.3) === 'vendor') vendor++;
    expect(vendor / 10_000).toBeGreaterThan(0.28);
    expect(vendor / 10_000).toBeLessThan(0.32);
    expect(assignArm('tkt_7', 42, 0.3)).toBe(assignArm('tkt_7', 42, 0.3));
  });
});

describe('several arms with weights', () => {
  it('each arm gets its weight’s share of contacts (three arms 2 : 1 : 1)', () => {
    const counts = [0, 0, 0];
    for (let i = 0; i < 12_000; i++) counts[assignWeightedArm(`tkt_${i}`, 9, [2, 1, 1])]!++;
    // Binomial sd at n = 12,000: ≈ 55 for p = 0.5, ≈ 47 for p = 0.25; ± 300 is over five sd.
    expect(Math.abs(counts[0]! - 6000)).toBeLessThan(300);
    expect(Math.abs(counts[1]! - 3000)).toBeLessThan(300);
    expect(Math.abs(counts[2]! - 3000)).toBeLessThan(300);
    expect(() => assignWeightedArm('tkt_1', 9, [1, 0])).toThrow(/weights/);
  });

  it('two arms [r, 1 − r] route every contact as the vendor/in-house split does (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 24 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (contact, seed, ratio) => {
          const arm = assignWeightedArm(contact, seed, [ratio, 1 - ratio]);
          expect(arm === 0 ? 'vendor' : 'in-house').toBe(assignArm(contact, seed, ratio));
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** Simulated pilot: contacts routed at random (assignArm), each resolved with its arm's true rate. */
function simulatePilot(seed: number, contacts: number, truth: { vendor: number; inHouse: number }) {
  const rng = new Xoshiro128(seed);
  const arms = { vendor: { successes: 0, n: 0 }, inHouse: { successes: 0, n: 0 } };
  for (let i = 0; i < contacts; i++) {
    const arm = assignArm(`c${i}`, seed, 0.5) === 'vendor' ? arms.vendor : arms.inHouse;
    const p = arm === arms.vendor ? truth.vendor : truth.inHouse;
    arm.n++;
    if (rng.nextOpenUnit() < p) arm.successes++;
  }
  return arms;
}

describe('must-show 3: pilot intervals cover the known truth and no verdict comes early', () => {
  it('the 95 % interval for vendor − in-house covers the true difference in ≈95 % of 1,000 seeded pilots', () => {
    const truth = { vendor: 0.72, inHouse: 0.78 }; // true difference −0.06
    const registration = {
      sampleSizePerArm: sampleSizePerArm({ baseline: 0.78, mdd: 0.06 }),
      mdd: 0.06,
      higherIsBetter: true,
    };
    let covered = 0;
    let verdicts = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const arms = simulatePilot(seed, 2 * registration.sampleSizePerArm + 200, truth);
      const report = proportionPilot(arms.vendor, arms.inHouse, registration);
      if (report.difference.low <= -0.06 && -0.06 <= report.difference.high) covered++;
      if (report.verdict !== null) verdicts++;
    }
    console.info(
      `coverage ${covered}/1000, verdicts ${verdicts}/1000, n per arm ${registration.sampleSizePerArm}`,
    );
    // Binomial(1000, 0.95) lies in [930, 970] with probability > 0.998.
    expect(covered).toBeGreaterThanOrEqual(930);
    expect(covered).toBeLessThanOrEqual(970);
    expect(verdicts).toBeGreaterThan(0);
  });

  it('the bootstrap interval for a median difference covers the truth in ≈95 % of seeded pilots', () => {
    // Handle times exponential with means 300 s and 360 s: true median difference (360 − 300)·ln 2.
    const truth = 60 * Math.LN2;
    let covered = 0;
    const runs = 100;
    for (let seed = 1; seed <= runs; seed++) {
      const rng = new Xoshiro128(seed);
      const draw = (mean: number) => Array.from({ length: 200 }, () => -mean * Math.log(rng.nextOpenUnit()));
      const interval = bootstrapMedianDifference(draw(360), draw(300), {
        seed: seed + 10_000,
        resamples: 200,
      });
      if (interval.low <= truth && truth <= interval.high) covered++;
    }
    console.info(`bootstrap coverage ${covered}/${runs}`);
    expect(covered / runs).toBeGreaterThanOrEqual(0.88);
    expect(covered / runs).toBeLessThanOrEqual(0.99);
  });

  it('property: no verdict below the pre-registered sample size in either arm', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (required, nVendor, nInHouse, pv, pi) => {
          const report = proportionPilot(
            { successes: Math.round(pv * nVendor), n: nVendor },
            { successes: Math.round(pi * nInHouse), n: nInHouse },
            { sampleSizePerArm: required, mdd: 0.05, higherIsBetter: true },
          );
          const reached = nVendor >= required && nInHouse >= required;
          expect(report.verdict !== null).toBe(reached);
          expect(report.stillNeeded.vendor).toBe(Math.max(0, required - nVendor));
          expect(report.stillNeeded.inHouse).toBe(Math.max(0, required - nInHouse));
        },
      ),
    );
  });

  it('property: the Newcombe interval always contains the observed difference and stays in [−1, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        fc.nat(),
        fc.nat(),
        (n1, n2, a, b) => {
          const x1 = a % (n1 + 1);
          const x2 = b % (n2 + 1);
          const interval = newcombeDifference(x1, n1, x2, n2);
          expect(interval.low).toBeLessThanOrEqual(interval.estimate + 1e-12);
          expect(interval.high).toBeGreaterThanOrEqual(interval.estimate - 1e-12);
          expect(interval.low).toBeGreaterThanOrEqual(-1 - 1e-12);
          expect(interval.high).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
    );
  });
});
