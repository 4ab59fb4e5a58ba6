import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  businessHoursPattern,
  firstWeekdayOfYear,
  patternFromForecast,
  yearFromHourOfWeek,
} from './demand.js';
import { workedExampleSeries } from './worked-example.js';

describe('a year from a weekly pattern', () => {
  it('1 January weekdays: 2025 Wednesday, 2024 Monday, 2000 Saturday, 2028 Saturday (calendar)', () => {
    expect([2025, 2024, 2000, 2028].map(firstWeekdayOfYear)).toEqual([2, 0, 5, 5]);
  });
  it('the worked example is weekdays 08:00–18:00 at 200 an hour', () => {
    const rows = yearFromHourOfWeek({
      year: 2025,
      intervalMin: 30,
      perHourOfWeek: businessHoursPattern(200),
      ahtSec: 180,
    });
    expect(rows).toEqual(workedExampleSeries().map((r) => ({ ...r, open: true })));
  });
  it('a leap year of quarter-hours, nothing closed: 366 × 96 intervals', () => {
    const rows = yearFromHourOfWeek({
      year: 2028,
      intervalMin: 15,
      perHourOfWeek: Array(168).fill(4),
      ahtSec: 60,
    });
    expect(rows).toHaveLength(35_136);
    expect(rows.reduce((s, r) => s + r.volume, 0)).toBe(366 * 24 * 4);
  });
});

describe('a weekly pattern from a daily forecast', () => {
  it('weekdays 08:00–18:00 at 10 an hour, forecast 120 a weekday: 12 an hour, weekend closed', () => {
    const pattern = patternFromForecast(businessHoursPattern(10), [120, 120, 120, 120, 120, 50, 50], 0);
    expect(pattern[8]).toBeCloseTo(12);
    expect(pattern[4 * 24 + 17]).toBeCloseTo(12);
    expect(pattern[5 * 24 + 10]).toBe(0);
  });
  it('each weekday totals the mean forecast of its days, whatever the history shape (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 168, maxLength: 168 }),
        fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { minLength: 7, maxLength: 28 }),
        fc.integer({ min: 0, max: 6 }),
        (history, daily, first) => {
          const pattern = patternFromForecast(history, daily, first);
          for (let d = 0; d < 7; d++) {
            const days = daily.filter((_v, i) => (first + i) % 7 === d);
            const mean = days.reduce((a, b) => a + b, 0) / days.length;
            const total = pattern.slice(d * 24, d * 24 + 24).reduce((a, b) => a + b, 0);
            expect(total).toBeCloseTo(mean, 6);
          }
        },
      ),
    );
  });
  it('refuses a history that is not 168 hours, naming it', () => {
    expect(() => patternFromForecast([1, 2], [1], 0)).toThrow(/168/);
  });
});
