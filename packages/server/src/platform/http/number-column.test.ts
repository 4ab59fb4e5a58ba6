import { z } from '@hono/zod-openapi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberColumn } from './schema.js';

// The fast column must say exactly what `z.array(item)` says: the same values accepted, the same
// issues (code, path, message) for everything else, so a planner's bad year names the same interval.
describe('numberColumn', () => {
  const Volume = z.number().min(0).max(1_000);
  const Aht = z.number().positive().max(86_400);
  const cases = [
    { item: Volume, bounds: { min: 0, max: 1_000 } },
    { item: Aht, bounds: { min: 0, exclusive: true, max: 86_400 } },
    { item: z.number().int().min(-5).max(5), bounds: { min: -5, max: 5, int: true } },
  ];
  const length = { min: 1, max: 12 };
  const value = fc.oneof(
    fc.double({ noDefaultInfinity: false }),
    fc.integer({ min: -10, max: 10 }),
    fc.constantFrom(0, 1_000, 1_000.5, 86_400, Number.NaN, Number.POSITIVE_INFINITY),
    fc.constantFrom<unknown>('3', null, undefined, true, [], {}),
  );
  const input = fc.oneof(fc.array(value, { maxLength: 15 }), value);

  it('accepts and refuses what z.array(item) does, with the same issues', () => {
    for (const { item, bounds } of cases) {
      const full = z.object({ column: z.array(item).min(length.min).max(length.max) });
      const fast = z.object({ column: numberColumn(item, length, bounds) });
      fc.assert(
        fc.property(input, (column) => {
          const a = full.safeParse({ column });
          const b = fast.safeParse({ column });
          expect(b.success).toBe(a.success);
          if (a.success && b.success) expect(b.data).toEqual(a.data);
          else expect(b.error?.issues).toEqual(a.error?.issues);
        }),
        { numRuns: 400 },
      );
    }
  });

  it('accepts a year of quarter-hours and names the one bad interval', () => {
    const year = Array.from({ length: 35_136 }, (_, i) => i % 1_001);
    const column = numberColumn(Volume, { min: 1, max: 35_136 }, { min: 0, max: 1_000 });
    expect(column.safeParse(year)).toEqual({ success: true, data: year });
    const bad = year.with(20_000, -1);
    expect(column.safeParse(bad).error?.issues.map((i) => i.path)).toEqual([[20_000]]);
  });
});
