// Pilots as experiments: random assignment, a pre-registered sample size, intervals, and a verdict
// only when the pre-registered sample is reached.
import { normalQuantile } from '../forecast/index.js';
import { Xoshiro128 } from '../simulation/index.js';
import { SourceInputError } from './errors.js';

/**
 * Inverse of the standard normal CDF, Φ⁻¹(p): the forecast module's `normalQuantile` (P. J. Acklam's
 * rational approximation, relative error < 1.15·10⁻⁹; "An algorithm for computing the inverse normal
 * cumulative distribution function", 2003), with the error a Source caller expects.
 * @throws {SourceInputError} p outside (0, 1).
 * @example inverseNormalCdf(0.975) // 1.959963985
 */
export function inverseNormalCdf(p: number): number {
  if (!(p > 0 && p < 1)) throw new SourceInputError('p', 'must be in (0, 1)');
  return normalQuantile(p);
}

export interface Interval {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Wilson score interval for a proportion x/n: (p̂ + z²/2n ± z√(p̂(1−p̂)/n + z²/4n²)) ÷ (1 + z²/n).
 * Source: E. B. Wilson, JASA 22 (1927) 209–212; recommended by Brown, Cai & DasGupta, Statistical
 * Science 16 (2001) 101–133.
 * @throws {SourceInputError} n not a positive whole number, x outside 0..n.
 * @example wilsonInterval(81, 263) // { estimate: 0.308, low: 0.255, high: 0.366 } (Newcombe 1998, Table I)
 */
export function wilsonInterval(x: number, n: number, confidence = 0.95): Interval {
  if (!Number.isInteger(n) || n <= 0) throw new SourceInputError('n', 'must be a whole number > 0');
  if (!Number.isInteger(x) || x < 0 || x > n)
    throw new SourceInputError('x', 'must be a whole number in 0..n');
  const z = inverseNormalCdf(1 - (1 - confidence) / 2);
  const p = x / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return {
    estimate: p,
    low: Math.max(0, (centre - half) / denominator),
    high: Math.min(1, (centre + half) / denominator),
  };
}

/**
 * Interval for a difference of independent proportions p₁ − p₂ by Newcombe's hybrid score method
 * (method 10): with Wilson limits (l₁, u₁), (l₂, u₂) and d = p̂₁ − p̂₂,
 * low = d − √((p̂₁ − l₁)² + (u₂ − p̂₂)²), high = d + √((u₁ − p̂₁)² + (p̂₂ − l₂)²).
 * Source: R. G. Newcombe, "Interval estimation for the difference between independent
 * proportions", Statistics in Medicine 17 (1998) 873–890.
 * @example newcombeDifference(56, 70, 48, 80) // { estimate: 0.2, low: 0.0524, high: 0.3339 } (Newcombe Table II, ex. a)
 */
export function newcombeDifference(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  confidence = 0.95,
): Interval {
  const a = wilsonInterval(x1, n1, confidence);
  const b = wilsonInterval(x2, n2, confidence);
  const d = a.estimate - b.estimate;
  return {
    estimate: d,
    low: d - Math.sqrt((a.estimate - a.low) ** 2 + (b.high - b.estimate) ** 2),
    high: d + Math.sqrt((a.high - a.estimate) ** 2 + (b.estimate - b.low) ** 2),
  };
}

/**
 * Contacts needed per arm to detect a difference `mdd` in a proportion from `baseline` with a
 * two-sided test at level α and the given power (no continuity correction):
 * n = ⌈(z₁₋α/₂ √(2p̄q̄) + z₁₋β √(p₁q₁ + p₂q₂))² ÷ δ²⌉, p₂ = p₁ − δ (or p₁ + δ if that leaves [0, 1]),
 * p̄ = (p₁ + p₂)/2. Source: J. L. Fleiss, B. Levin & M. C. Paik, "Statistical Methods for Rates and
 * Proportions", 3rd ed. (Wiley, 2003), eq. 4.14.
 * @throws {SourceInputError} baseline outside (0, 1), mdd ≤ 0 or too large, alpha/power outside (0, 1).
 * @example sampleSizePerArm({ baseline: 0.8, mdd: 0.05 }) // 1094
 */
export function sampleSizePerArm(input: {
  readonly baseline: number;
  readonly mdd: number;
  readonly alpha?: number;
  readonly power?: number;
}): number {
  const { baseline, mdd } = input;
  const alpha = input.alpha ?? 0.05;
  const power = input.power ?? 0.8;
  if (!(baseline > 0 && baseline < 1)) throw new SourceInputError('baseline', 'must be in (0, 1)');
  if (!(mdd > 0 && mdd < 1)) throw new SourceInputError('mdd', 'must be in (0, 1)');
  if (!(alpha > 0 && alpha < 1)) throw new SourceInputError('alpha', 'must be in (0, 1)');
  if (!(power > 0 && power < 1)) throw new SourceInputError('power', 'must be in (0, 1)');
  const p2 = baseline - mdd > 0 ? baseline - mdd : baseline + mdd;
  if (!(p2 > 0 && p2 < 1)) throw new SourceInputError('mdd', 'too large for this baseline');
  const za = inverseNormalCdf(1 - alpha / 2);
  const zb = inverseNormalCdf(power);
  const pBar = (baseline + p2) / 2;
  const root =
    za * Math.sqrt(2 * pBar * (1 - pBar)) + zb * Math.sqrt(baseline * (1 - baseline) + p2 * (1 - p2));
  return Math.ceil((root * root) / (mdd * mdd) - 1e-9);
}

function median(values: Float64Array, length: number): number {
  const sorted = values.subarray(0, length).sort();
  const mid = length >> 1;
  return length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Percentile bootstrap interval for median(a) − median(b) (e.g. handle time, resolution time):
 * resample each arm with replacement `resamples` times (seeded xoshiro128**), take the α/2 and
 * 1 − α/2 quantiles of the resampled differences. Source: B. Efron & R. J. Tibshirani,
 * "An Introduction to the Bootstrap" (Chapman & Hall, 1993), ch. 13.
 * @throws {SourceInputError} an arm empty, resamples < 100.
 * @example bootstrapMedianDifference([3, 4, 5], [1, 2, 3], { seed: 1 }).estimate // 2
 */
export function bootstrapMedianDifference(
  a: readonly number[],
  b: readonly number[],
  options: { readonly seed: number; readonly resamples?: number; readonly confidence?: number },
): Interval {
  if (a.length === 0) throw new SourceInputError('a', 'needs at least one value');
  if (b.length === 0) throw new SourceInputError('b', 'needs at least one value');
  const resamples = options.resamples ?? 2000;
  if (!(resamples >= 100)) throw new SourceInputError('resamples', 'must be ≥ 100');
  const confidence = options.confidence ?? 0.95;
  const rng = new Xoshiro128(options.seed);
  const bufferA = new Float64Array(a.length);
  const bufferB = new Float64Array(b.length);
  const diffs = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < a.length; i++) bufferA[i] = a[Math.floor(rng.nextOpenUnit() * a.length)] as number;
    for (let i = 0; i < b.length; i++) bufferB[i] = b[Math.floor(rng.nextOpenUnit() * b.length)] as number;
    diffs[r] = median(bufferA, a.length) - median(bufferB, b.length);
  }
  diffs.sort();
  const at = (q: number) => diffs[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))] as number;
  return {
    estimate: median(Float64Array.from(a), a.length) - median(Float64Array.from(b), b.length),
    low: at((1 - confidence) / 2),
    high: at(1 - (1 - confidence) / 2),
  };
}

/**
 * A contact's seeded uniform draw in [0, 1): FNV-1a over its id's UTF-16 code units, then the seed
 * mixed in with SplitMix32's finaliser. The same contact and seed always draw the same number.
 */
function armDraw(contactId: string, seed: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < contactId.length; i++) h = Math.imul(h ^ contactId.charCodeAt(i), 0x01000193);
  let z = (h ^ Math.imul(seed | 0, 0x9e3779b9)) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  z = (z ^ (z >>> 15)) >>> 0;
  return z / 4294967296;
}

/**
 * Routes a contact to an arm by a seeded hash of its id: the vendor arm with probability `ratio`.
 * Neither side can pick contacts, and the same contact always goes to the same arm.
 * @example assignArm('tkt_1', 7, 0.5) // 'vendor' or 'in-house', always the same for these inputs
 */
export function assignArm(contactId: string, seed: number, ratio: number): 'vendor' | 'in-house' {
  if (!(ratio >= 0 && ratio <= 1)) throw new SourceInputError('ratio', 'must be in [0, 1]');
  return armDraw(contactId, seed) < ratio ? 'vendor' : 'in-house';
}

/**
 * The arm (its index) a contact goes to when a pilot has several arms with weights: arm i with
 * probability weights[i] / Σ weights, by the same seeded draw as {@link assignArm} laid over the
 * arms' cumulative shares (inverse-CDF sampling of a categorical distribution; Devroye,
 * "Non-Uniform Random Variate Generation", 1986, §III.2). With weights [r, 1 − r] arm 0 is
 * exactly `assignArm`'s vendor arm.
 * @throws {SourceInputError} naming `weights` when there is no arm or a weight is not > 0.
 * @example assignWeightedArm('tkt_1', 7, [0.4, 0.3, 0.3]) // 0, 1 or 2, always the same for these inputs
 */
export function assignWeightedArm(contactId: string, seed: number, weights: readonly number[]): number {
  if (weights.length === 0 || weights.some((w) => !(w > 0 && Number.isFinite(w))))
    throw new SourceInputError('weights', 'needs at least one arm, each weight > 0');
  const total = weights.reduce((a, b) => a + b, 0);
  const u = armDraw(contactId, seed);
  let cumulative = 0;
  for (let i = 0; i < weights.length - 1; i++) {
    cumulative += weights[i]! / total;
    if (u < cumulative) return i;
  }
  return weights.length - 1;
}

/** What was registered before the pilot started. */
export interface PilotRegistration {
  /** Contacts needed in each arm before a verdict is shown. */
  readonly sampleSizePerArm: number;
  /** The smallest difference that matters (same unit as the metric: a proportion, or seconds). */
  readonly mdd: number;
  readonly higherIsBetter: boolean;
  readonly confidence?: number;
}

export type PilotVerdict = 'vendor-better' | 'vendor-worse' | 'equivalent' | 'inconclusive';

export interface PilotReport {
  readonly difference: Interval;
  readonly samples: { readonly vendor: number; readonly inHouse: number };
  readonly stillNeeded: { readonly vendor: number; readonly inHouse: number };
  /** Null until both arms reach the pre-registered sample size. */
  readonly verdict: PilotVerdict | null;
}

/**
 * The verdict rule on an interval for vendor − in-house (sign flipped when lower is better):
 * better when the whole interval is above 0, worse when below 0, equivalent when it lies inside
 * (−mdd, +mdd), otherwise inconclusive; and **no verdict at all** until both arms have the
 * pre-registered sample (no peeking: the sample size was fixed before the data).
 */
export function pilotVerdict(
  difference: Interval,
  samples: PilotReport['samples'],
  registration: PilotRegistration,
): PilotReport {
  const need = registration.sampleSizePerArm;
  const stillNeeded = {
    vendor: Math.max(0, need - samples.vendor),
    inHouse: Math.max(0, need - samples.inHouse),
  };
  let verdict: PilotVerdict | null = null;
  if (stillNeeded.vendor === 0 && stillNeeded.inHouse === 0) {
    const sign = registration.higherIsBetter ? 1 : -1;
    const low = Math.min(sign * difference.low, sign * difference.high);
    const high = Math.max(sign * difference.low, sign * difference.high);
    if (low > 0) verdict = 'vendor-better';
    else if (high < 0) verdict = 'vendor-worse';
    else if (low > -registration.mdd && high < registration.mdd) verdict = 'equivalent';
    else verdict = 'inconclusive';
  }
  return { difference, samples, stillNeeded, verdict };
}

/** A proportion metric (resolved, reopened, CSAT top box): Newcombe interval, then {@link pilotVerdict}. */
export function proportionPilot(
  vendor: { readonly successes: number; readonly n: number },
  inHouse: { readonly successes: number; readonly n: number },
  registration: PilotRegistration,
): PilotReport {
  const empty = vendor.n === 0 || inHouse.n === 0;
  const difference = empty
    ? { estimate: Number.NaN, low: Number.NEGATIVE_INFINITY, high: Number.POSITIVE_INFINITY }
    : newcombeDifference(
        vendor.successes,
        vendor.n,
        inHouse.successes,
        inHouse.n,
        registration.confidence ?? 0.95,
      );
  return pilotVerdict(difference, { vendor: vendor.n, inHouse: inHouse.n }, registration);
}

/** A median metric (handle time, resolution time): bootstrap interval, then {@link pilotVerdict}. */
export function medianPilot(
  vendor: readonly number[],
  inHouse: readonly number[],
  registration: PilotRegistration,
  seed: number,
): PilotReport {
  const empty = vendor.length === 0 || inHouse.length === 0;
  const difference = empty
    ? { estimate: Number.NaN, low: Number.NEGATIVE_INFINITY, high: Number.POSITIVE_INFINITY }
    : bootstrapMedianDifference(vendor, inHouse, { seed, confidence: registration.confidence ?? 0.95 });
  return pilotVerdict(difference, { vendor: vendor.length, inHouse: inHouse.length }, registration);
}
