/**
 * A seeded uniform generator on [0, 1): xorshift32 with shifts 13, 17, 5 (Marsaglia, "Xorshift
 * RNGs", J. Stat. Software 8(14), 2003), the state divided by 2³². The seed is taken as an unsigned
 * 32-bit integer; 0, the one state xorshift never leaves, becomes 1. The searches draw their windows
 * from it so that one seed always gives the same schedule.
 *
 * @example const random = xorshift32(1); random() // 270369 / 2³² ≈ 0.0000629502
 */
export function xorshift32(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
}
