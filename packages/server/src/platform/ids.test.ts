import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId, newSecret } from './ids.js';

describe('newId', () => {
  it('carries its prefix and sorts by creation time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 47 }), fc.integer({ min: 0, max: 2 ** 47 }), (t1, t2) => {
        const a = newId('tkt', t1);
        const b = newId('tkt', t2);
        expect(a).toMatch(/^tkt_[0-9a-z]{26}$/);
        if (t1 < t2) expect(a < b).toBe(true);
        if (t1 > t2) expect(a > b).toBe(true);
      }),
    );
  });

  it('does not repeat within the same millisecond', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId('x', 1)));
    expect(ids.size).toBe(10_000);
  });
});

describe('newSecret', () => {
  it('has 256 bits of entropy in URL-safe characters', () => {
    const s = newSecret('shs');
    expect(s).toMatch(/^shs_[A-Za-z0-9_-]{43}$/);
    expect(newSecret('shs')).not.toBe(s);
  });
});
