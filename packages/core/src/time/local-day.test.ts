import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from './calendar-day.js';
import { localDayHours, localDayOf, localDayRange, localDayRanges, localDayStart } from './local-day.js';
import { wallClockAt } from './zoned-time.js';

const H = 3_600_000;

// Zones with DST in either hemisphere, half- and quarter-hour offsets, a 30-minute DST (Lord Howe),
// midnight changes (Santiago, Asuncion), a date-line jump (Apia skipped 30 December 2011) and UTC.
const ZONES = [
  'UTC',
  'Europe/Istanbul',
  'Europe/Riga',
  'America/New_York',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Santiago',
  'America/Asuncion',
  'Pacific/Apia',
  'America/St_Johns',
] as const;

describe('local days of a time zone', () => {
  it('puts a ticket at 22:30 UTC in Istanbul (UTC+3, no DST since 2016) on the next local day', () => {
    expect(localDayOf(Date.UTC(2026, 0, 15, 22, 30), 'Europe/Istanbul')).toBe('2026-01-16');
    expect(localDayOf(Date.UTC(2026, 0, 15, 20, 59), 'Europe/Istanbul')).toBe('2026-01-15');
    expect(localDayStart('2026-01-16', 'Europe/Istanbul')).toBe(Date.UTC(2026, 0, 15, 21));
  });

  // Published rules (EU Directive 2000/84/EC: last Sunday of March and October at 01:00 UTC; US
  // Energy Policy Act 2005: second Sunday of March, first Sunday of November at 02:00 local).
  it('has 23 hours on a spring-forward day and 25 on a fall-back day', () => {
    expect(localDayRange('2026-03-29', 'Europe/Riga')).toEqual({
      day: '2026-03-29',
      startMs: Date.UTC(2026, 2, 28, 22),
      endMs: Date.UTC(2026, 2, 29, 21),
    });
    expect(localDayHours('2026-03-29', 'Europe/Riga')).toBe(23);
    expect(localDayHours('2026-10-25', 'Europe/Riga')).toBe(25);
    expect(localDayHours('2026-03-08', 'America/New_York')).toBe(23);
    expect(localDayHours('2026-11-01', 'America/New_York')).toBe(25);
    expect(localDayHours('2026-11-02', 'America/New_York')).toBe(24);
    expect(localDayHours('2026-04-05', 'Australia/Lord_Howe')).toBe(24.5);
    expect(
      localDayRanges('2026-10-24', '2026-10-26', 'Europe/Riga').map((d) => (d.endMs - d.startMs) / H),
    ).toEqual([24, 25, 24]);
  });

  it('starts a day whose midnight a DST change skips at the end of the gap', () => {
    // Chile moves 00:00 → 01:00 on the first Sunday of September (2026-09-06).
    const start = localDayStart('2026-09-06', 'America/Santiago');
    expect(wallClockAt(start, 'America/Santiago')).toMatchObject({ day: 6, hour: 1, minute: 0 });
    expect(localDayHours('2026-09-06', 'America/Santiago')).toBe(23);
  });

  it('skips a day a zone never had (Apia, 30 December 2011): empty range', () => {
    const r = localDayRange('2011-12-30', 'Pacific/Apia');
    expect(r.endMs - r.startMs).toBe(0);
    expect(localDayOf(r.startMs, 'Pacific/Apia')).toBe('2011-12-31');
  });

  it('refuses a day that is no date and a zone that is no IANA zone', () => {
    expect(() => localDayStart('2026-02-30', 'UTC')).toThrow(RangeError);
    expect(() => localDayStart('2026-1-5', 'UTC')).toThrow(RangeError);
    expect(() => localDayStart('2026-01-05', 'Europe/Atlantis')).toThrow(/unknown time zone/);
    expect(() => localDayOf(0, 'Mars/Olympus')).toThrow(/unknown time zone/);
    expect(() => localDayRanges('2026-01-05', '2026-01-04', 'UTC')).toThrow(/before/);
  });

  const zone = fc.constantFrom(...ZONES);
  // 1990–2037: the zones' modern rules; tz data before 1970 is not guaranteed across runtimes.
  const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2037, 11, 31) });

  it('maps every instant to exactly one local day, whose range holds it', () => {
    fc.assert(
      fc.property(zone, instant, (tz, ms) => {
        const day = localDayOf(ms, tz);
        const holding = [-1, 0, 1]
          .map((n) => localDayRange(addCalendarDays(day, n), tz))
          .filter((r) => r.startMs <= ms && ms < r.endMs);
        expect(holding.map((r) => r.day)).toEqual([day]);
      }),
      { numRuns: 400 },
    );
  });

  it('is the day the clocks show, except in an hour repeated across midnight', () => {
    fc.assert(
      fc.property(zone, instant, (tz, ms) => {
        const w = wallClockAt(ms, tz);
        const shown = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
        const day = localDayOf(ms, tz);
        if (day !== shown) {
          // Only the repeated hour: the clocks show the previous day's last hour a second time.
          expect(day).toBe(addCalendarDays(shown, 1));
          expect(w.hour).toBe(23);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('has monotone boundaries: each day starts no earlier than the one before ends, and days last 0–26 hours', () => {
    fc.assert(
      fc.property(zone, instant, fc.integer({ min: 1, max: 40 }), (tz, ms, n) => {
        const from = new Date(ms).toISOString().slice(0, 10);
        const days = localDayRanges(from, addCalendarDays(from, n), tz);
        days.forEach((d, i) => {
          expect(d.endMs).toBeGreaterThanOrEqual(d.startMs);
          expect(d.endMs - d.startMs).toBeLessThanOrEqual(26 * H);
          if (i > 0) expect(d.startMs).toBe(days[i - 1]!.endMs);
        });
        // A range of days covers exactly the instants between its ends.
        expect(days.reduce((sum, d) => sum + (d.endMs - d.startMs), 0)).toBe(
          days[days.length - 1]!.endMs - days[0]!.startMs,
        );
      }),
      { numRuns: 200 },
    );
  });
});
