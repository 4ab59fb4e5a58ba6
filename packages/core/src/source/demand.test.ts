import { describe, expect, it } from 'vitest';
import { businessHoursPattern, firstWeekdayOfYear, yearFromHourOfWeek } from './demand.js';
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
