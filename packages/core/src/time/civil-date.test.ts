import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays } from './civil-date.js';

const DAY_MS = 86_400_000;

describe('civilFromDays', () => {
  it('gives the date JavaScript gives every day a Date can hold (oracle: Date#getUTC*)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), (day) => {
        const d = new Date(day * DAY_MS);
        expect(civilFromDays(day)).toEqual({
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          dom: d.getUTCDate(),
        });
      }),
      { numRuns: 5_000 },
    );
  });

  it('knows the edges of eras and leap days', () => {
    expect(civilFromDays(0)).toEqual({ year: 1970, month: 1, dom: 1 });
    expect(civilFromDays(-1)).toEqual({ year: 1969, month: 12, dom: 31 });
    expect(civilFromDays(11_016)).toEqual({ year: 2000, month: 2, dom: 29 }); // 2000 is a leap year
    expect(civilFromDays(-25_508)).toEqual({ year: 1900, month: 3, dom: 1 }); // 1900 is not
    expect(civilFromDays(-719_528)).toEqual({ year: 0, month: 1, dom: 1 });
  });
});
