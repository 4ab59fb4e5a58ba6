import { describe, expect, it } from 'vitest';
import { DurationSampler } from './distributions.js';
import { Xoshiro128 } from './rng.js';

function draws(sampler: DurationSampler, n: number, seed = 1): number[] {
  const rng = new Xoshiro128(seed);
  return Array.from({ length: n }, () => sampler.sample(rng));
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function extremes(values: number[]): [number, number] {
  return values.reduce(([lo, hi], v) => [Math.min(lo, v), Math.max(hi, v)], [Infinity, -Infinity]);
}

function sd(values: number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
}

describe('Xoshiro128 (xoshiro128**)', () => {
  it('matches the reference C code from state {1, 2, 3, 4}', () => {
    // Confirmed by compiling https://prng.di.unimi.it/xoshiro128starstar.c with s = {1, 2, 3, 4}.
    const rng = Xoshiro128.fromState(1, 2, 3, 4);
    expect(Array.from({ length: 6 }, () => rng.nextUint32())).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492,
    ]);
  });

  it('gives open-unit uniforms with mean 1/2 and nearby seeds unrelated streams', () => {
    const a = new Xoshiro128(7);
    const b = new Xoshiro128(8);
    const us = Array.from({ length: 100_000 }, () => a.nextOpenUnit());
    const [lowest, highest] = extremes(us);
    expect(lowest).toBeGreaterThan(0);
    expect(highest).toBeLessThan(1);
    expect(Math.abs(mean(us) - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / us.length));
    const vs = Array.from({ length: 100_000 }, () => b.nextOpenUnit());
    const correlation = us.reduce((acc, u, i) => acc + (u - 0.5) * (vs[i]! - 0.5), 0) / us.length / (1 / 12);
    expect(Math.abs(correlation)).toBeLessThan(4 / Math.sqrt(us.length));
  });
});

describe('DurationSampler', () => {
  const n = 200_000;
  it('exponential has the requested mean and sd = mean', () => {
    const values = draws(DurationSampler.from({ kind: 'exponential', meanSec: 180 }), n);
    expect(Math.abs(mean(values) - 180)).toBeLessThan((4 * 180) / Math.sqrt(n));
    expect(sd(values)).toBeCloseTo(180, -1);
  });

  it('lognormal has the requested mean and standard deviation', () => {
    const values = draws(DurationSampler.from({ kind: 'lognormal', meanSec: 200, sdSec: 150 }), n);
    expect(Math.abs(mean(values) - 200)).toBeLessThan((4 * 150) / Math.sqrt(n));
    expect(Math.abs(sd(values) - 150)).toBeLessThan(5);
  });

  it('empirical without interpolation only returns observed values, each about equally often', () => {
    const values = draws(DurationSampler.from({ kind: 'empirical', valuesSec: [30, 10, 20, 20] }), 40_000);
    expect(new Set(values)).toEqual(new Set([10, 20, 30]));
    const share20 = values.filter((v) => v === 20).length / values.length;
    expect(Math.abs(share20 - 0.5)).toBeLessThan(0.01);
  });

  it('empirical with interpolation stays within the observed range and fills the gaps', () => {
    const values = draws(
      DurationSampler.from({ kind: 'empirical', valuesSec: [10, 20, 40], interpolate: true }),
      n,
    );
    const [lowest, highest] = extremes(values);
    expect(lowest).toBeGreaterThanOrEqual(10);
    expect(highest).toBeLessThanOrEqual(40);
    // Piecewise-linear CDF through (10, 0), (20, ½), (40, 1): mean = ½·15 + ½·30 = 22.5.
    expect(Math.abs(mean(values) - 22.5)).toBeLessThan(0.1);
  });

  it('patience "none" never abandons', () => {
    const sampler = DurationSampler.from({ kind: 'none' });
    expect(sampler.isInfinite).toBe(true);
    expect(draws(sampler, 3)).toEqual([Infinity, Infinity, Infinity]);
  });
});
