import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thinLabels } from './scale';

describe('thin category labels', () => {
  it('keeps every label when they fit, every k-th when they would overlap', () => {
    const spaced = (n: number, gap: number) =>
      Array.from({ length: n }, (_, i) => ({ at: i * gap, text: '09:30' }));
    expect(thinLabels(spaced(5, 60))).toEqual([0, 1, 2, 3, 4]);
    // 48 half-hour intervals 12 px apart: "09:30" needs about 40 px, so one label in four.
    expect(thinLabels(spaced(48, 12)).slice(0, 4)).toEqual([0, 4, 8, 12]);
  });

  it('kept labels never overlap, whatever the spacing and text (strong ones aside)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 200 }),
        fc.double({ min: 1, max: 80, noNaN: true }),
        fc.string({ minLength: 1, maxLength: 12 }),
        (n, gap, text) => {
          const labels = Array.from({ length: n }, (_, i) => ({ at: i * gap, text }));
          const kept = thinLabels(labels);
          const width = text.length * 6.5 + 8;
          for (let i = 1; i < kept.length; i++)
            expect(labels[kept[i]!]!.at - labels[kept[i - 1]!]!.at).toBeGreaterThanOrEqual(width - 1e-9);
        },
      ),
    );
  });
});
