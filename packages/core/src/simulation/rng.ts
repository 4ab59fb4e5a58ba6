const UINT32_TO_OPEN_UNIT = 1 / 4294967296;

function rotateLeft(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * xoshiro128** 1.0, a small, fast 32-bit pseudo-random generator with a 2^128 − 1 period.
 *
 * Source: D. Blackman & S. Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47(4),
 * 2021; reference C code at https://prng.di.unimi.it/xoshiro128starstar.c. A 32-bit seed is spread
 * over the 128-bit state with SplitMix32 (the constants of C. Wellons' hash-prospector), as the
 * authors recommend, so that nearby seeds (seed, seed + 1, …) give unrelated streams.
 *
 * @example
 * const rng = Xoshiro128.fromState(1, 2, 3, 4);
 * rng.nextUint32(); // 11520, as the reference C code prints
 */
export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    let x = seed >>> 0;
    const splitMix32 = (): number => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) | 0;
    };
    this.s0 = splitMix32();
    this.s1 = splitMix32();
    this.s2 = splitMix32();
    this.s3 = splitMix32();
    // The all-zero state is the one fixed point of the generator.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A generator with the given raw 128-bit state, for checking against the reference code. */
  static fromState(s0: number, s1: number, s2: number, s3: number): Xoshiro128 {
    const rng = new Xoshiro128(0);
    rng.s0 = s0 | 0;
    rng.s1 = s1 | 0;
    rng.s2 = s2 | 0;
    rng.s3 = s3 | 0;
    return rng;
  }

  /** The next 32-bit output as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotateLeft(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotateLeft(this.s3, 11);
    return result;
  }

  /** Uniform on the open interval (0, 1): never 0, so −log(u) is always finite. */
  nextOpenUnit(): number {
    return (this.nextUint32() + 0.5) * UINT32_TO_OPEN_UNIT;
  }
}
