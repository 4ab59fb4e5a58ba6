import type { Xoshiro128 } from './rng.js';

/**
 * A duration distribution in seconds, as it appears in a scenario (plain JSON).
 *
 * - `exponential`: mean `meanSec` (the M in M/M/n).
 * - `lognormal`: given by its own mean and standard deviation, the usual description of handle
 *   times (Brown et al., JASA 2005, found Anonymous Bank service times close to lognormal).
 * - `empirical`: resamples the observed `valuesSec`; with `interpolate`, draws from the
 *   piecewise-linear empirical CDF through the order statistics (Law & Kelton, *Simulation Modeling
 *   and Analysis*, §6.2.4) so that values between the observations occur too.
 * - `constant`: always `valueSec` (M/D/n, and handy in tests).
 */
export type DurationDistribution =
  | { kind: 'exponential'; meanSec: number }
  | { kind: 'lognormal'; meanSec: number; sdSec: number }
  | { kind: 'empirical'; valuesSec: number[]; interpolate?: boolean }
  | { kind: 'constant'; valueSec: number };

/** Patience (time a caller waits before hanging up): `none` means the caller never abandons. */
export type PatienceDistribution = { kind: 'none' } | DurationDistribution;

const EXPONENTIAL = 0;
const LOGNORMAL = 1;
const EMPIRICAL = 2;
const EMPIRICAL_INTERPOLATED = 3;
const CONSTANT = 4;
const INFINITE = 5;
const TWO_PI = 2 * Math.PI;

/**
 * A compiled distribution: one monomorphic class with a switch, so the simulator's hot path calls
 * one method shape whatever the scenario says.
 */
export class DurationSampler {
  private constructor(
    private readonly kind: number,
    private readonly a: number,
    private readonly b: number,
    private readonly sortedValues: Float64Array,
  ) {}

  static from(spec: PatienceDistribution): DurationSampler {
    const none = new Float64Array(0);
    switch (spec.kind) {
      case 'none':
        return new DurationSampler(INFINITE, 0, 0, none);
      case 'exponential':
        return new DurationSampler(EXPONENTIAL, spec.meanSec, 0, none);
      case 'constant':
        return new DurationSampler(CONSTANT, spec.valueSec, 0, none);
      case 'lognormal': {
        // Moments of the lognormal: mean = e^(μ+σ²/2), var = mean²(e^σ² − 1).
        const sigmaSquared = Math.log(1 + (spec.sdSec / spec.meanSec) ** 2);
        const mu = Math.log(spec.meanSec) - sigmaSquared / 2;
        return new DurationSampler(LOGNORMAL, mu, Math.sqrt(sigmaSquared), none);
      }
      case 'empirical': {
        const sorted = Float64Array.from(spec.valuesSec).sort();
        const kind = spec.interpolate && sorted.length > 1 ? EMPIRICAL_INTERPOLATED : EMPIRICAL;
        return new DurationSampler(kind, 0, 0, sorted);
      }
    }
  }

  /** True when every draw is +∞ (a caller who never abandons). */
  get isInfinite(): boolean {
    return this.kind === INFINITE;
  }

  /** One draw, in seconds, by inversion (exponential, empirical) or Box–Muller (lognormal). */
  sample(rng: Xoshiro128): number {
    switch (this.kind) {
      case EXPONENTIAL:
        return -this.a * Math.log(rng.nextOpenUnit());
      case LOGNORMAL: {
        // Box–Muller without caching the second normal, so each draw depends on the stream alone.
        const radius = Math.sqrt(-2 * Math.log(rng.nextOpenUnit()));
        const normal = radius * Math.cos(TWO_PI * rng.nextOpenUnit());
        return Math.exp(this.a + this.b * normal);
      }
      case EMPIRICAL: {
        const values = this.sortedValues;
        return values[Math.floor(rng.nextOpenUnit() * values.length)]!;
      }
      case EMPIRICAL_INTERPOLATED: {
        const values = this.sortedValues;
        const position = rng.nextOpenUnit() * (values.length - 1);
        const below = Math.floor(position);
        const lower = values[below]!;
        return lower + (position - below) * (values[below + 1]! - lower);
      }
      case CONSTANT:
        return this.a;
      default:
        return Number.POSITIVE_INFINITY;
    }
  }
}
