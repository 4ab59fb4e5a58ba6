import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pieces } from './measure.js';

describe('pieces of a measured range', () => {
  it('cuts January into 8-day pieces that cover it exactly', () => {
    expect(pieces('2025-01-01', '2025-02-01')).toEqual([
      ['2025-01-01', '2025-01-09'],
      ['2025-01-09', '2025-01-17'],
      ['2025-01-17', '2025-01-25'],
      ['2025-01-25', '2025-02-01'],
    ]);
  });

  it('for any range, the pieces are contiguous, none longer than its bound, and end where the range ends', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_000 }),
        fc.integer({ min: 1, max: 62 }),
        fc.integer({ min: 1, max: 10 }),
        (start, length, days) => {
          const day = (n: number) =>
            new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
          const out = pieces(day(start), day(start + length), days);
          expect(out[0]?.[0]).toBe(day(start));
          expect(out.at(-1)?.[1]).toBe(day(start + length));
          for (let i = 1; i < out.length; i++) expect(out[i]?.[0]).toBe(out[i - 1]?.[1]);
          for (const [a, b] of out)
            expect((Date.parse(b) - Date.parse(a)) / 86_400_000).toBeLessThanOrEqual(days);
        },
      ),
    );
  });
});
