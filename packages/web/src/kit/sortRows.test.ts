import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SortValue, sortRows } from './sortRows';

const collator = new Intl.Collator('en', { numeric: true });
const value = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constant(null), fc.constant(undefined));

describe('sortRows (the DataTable order)', () => {
  it('orders present values in the chosen direction and puts missing ones last, for all inputs', () => {
    fc.assert(
      fc.property(
        fc.array(value),
        fc.constantFrom('ascending', 'descending' as const),
        (values, direction) => {
          const rows = values.map((v, i) => ({ v, i }));
          const sorted = sortRows(rows, (r) => r.v as SortValue, direction, collator);
          expect(sorted).toHaveLength(rows.length);
          const present = sorted.filter((r) => r.v !== null && r.v !== undefined).map((r) => r.v as number);
          const firstMissing = sorted.findIndex((r) => r.v === null || r.v === undefined);
          if (firstMissing >= 0) expect(firstMissing).toBe(present.length);
          const expected = [...present].sort((a, b) => (direction === 'ascending' ? a - b : b - a));
          expect(present).toEqual(expected);
        },
      ),
    );
  });

  it('keeps the original order among equal values (stable) and sorts words as people read them', () => {
    const rows = [
      { name: 'item 10', n: 1 },
      { name: 'Item 9', n: 1 },
      { name: 'item 2', n: 1 },
    ];
    expect(sortRows(rows, (r) => r.n, 'descending', collator)).toEqual(rows);
    expect(sortRows(rows, (r) => r.name, 'ascending', collator).map((r) => r.name)).toEqual([
      'item 2',
      'Item 9',
      'item 10',
    ]);
  });
});
