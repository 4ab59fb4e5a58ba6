import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from './calendar-day.js';

describe('addCalendarDays', () => {
  it('crosses months, leap days and years', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('agrees with the UTC calendar of Date.UTC for every day and offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: -800, max: 800 }), (d, n) => {
        const day = new Date(Date.UTC(1970, 0, 1 + d)).toISOString().slice(0, 10);
        const [y, m, dd] = day.split('-').map(Number) as [number, number, number];
        const expected = new Date(Date.UTC(y, m - 1, dd + n)).toISOString().slice(0, 10);
        expect(addCalendarDays(day, n)).toBe(expected);
      }),
    );
  });

  it('refuses a day that is not a date', () => {
    expect(() => addCalendarDays('2025-13-01', 1)).toThrow(RangeError);
  });
});
