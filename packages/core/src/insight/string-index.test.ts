import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringIndex } from './string-index.js';

describe('StringIndex', () => {
  it('gives the position a Map of the same keys gives (last one wins), −1 for a key it lacks', () => {
    // Keys from a small pool (repeats), with non-ASCII and empty strings; lookups of absent keys too.
    const key = fc.oneof(
      fc.constantFrom('', 'a', '1', '1.0', 'é', '🚀', '\ud800'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 200 }), fc.array(key, { maxLength: 20 }), (keys, probes) => {
        const map = new Map(keys.map((k, i) => [k, i]));
        const index = new StringIndex(keys);
        for (const k of [...keys, ...probes]) expect(index.get(k), k).toBe(map.get(k) ?? -1);
        const last = index.lastPositions();
        for (const [i, k] of keys.entries()) expect(last[i] === 1, `${i}`).toBe(map.get(k) === i);
      }),
      { numRuns: 2_000 },
    );
  });

  it('holds 100,000 distinct ids', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => String(119_237 + i * 7));
    const index = new StringIndex(ids);
    expect(ids.every((id, i) => index.get(id) === i)).toBe(true);
    expect(index.get('119238')).toBe(-1);
  });
});
