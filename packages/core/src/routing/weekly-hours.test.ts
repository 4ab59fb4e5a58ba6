import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Weekday } from '../time/business-hours.js';
import { wallClockAt } from '../time/zoned-time.js';
import { type WeeklyHours, weeklyHoursCalendar, withinWeeklyHours } from './weekly-hours.js';

const WEEK: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const berlinWeekdays: WeeklyHours = {
  timeZone: 'Europe/Berlin',
  windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }],
};

describe('weekly hours of a slice', () => {
  it('are read on the local wall clock on both sides of a DST change (Berlin, 29 March 2026)', () => {
    // 07:30Z is 08:30 CET on Friday 27 March (outside) and 09:30 CEST on Monday 30 March (inside).
    expect(withinWeeklyHours(new Date('2026-03-27T07:30:00Z'), berlinWeekdays)).toBe(false);
    expect(withinWeeklyHours(new Date('2026-03-30T07:30:00Z'), berlinWeekdays)).toBe(true);
    // 16:30Z is 17:30 CET (outside) on Friday, 18:30 CEST on Monday (outside); 15:30Z is 16:30 CET.
    expect(withinWeeklyHours(new Date('2026-03-27T15:30:00Z'), berlinWeekdays)).toBe(true);
    expect(withinWeeklyHours(new Date('2026-03-30T15:30:00Z'), berlinWeekdays)).toBe(false);
    // The weekend is outside.
    expect(withinWeeklyHours(new Date('2026-03-28T10:00:00Z'), berlinWeekdays)).toBe(false);
  });

  it('a window ending at or before its start runs past midnight into the next day', () => {
    const nights: WeeklyHours = {
      timeZone: 'UTC',
      windows: [{ days: ['fri'], start: '22:00', end: '06:00' }],
    };
    expect(withinWeeklyHours(new Date('2026-03-27T23:00:00Z'), nights)).toBe(true); // Friday night
    expect(withinWeeklyHours(new Date('2026-03-28T05:59:00Z'), nights)).toBe(true); // Saturday dawn
    expect(withinWeeklyHours(new Date('2026-03-28T06:00:00Z'), nights)).toBe(false);
    expect(withinWeeklyHours(new Date('2026-03-28T23:00:00Z'), nights)).toBe(false); // Saturday night
  });

  it('no hours means every hour; a window lists each of its days once', () => {
    expect(withinWeeklyHours(new Date('2026-03-28T03:00:00Z'), null)).toBe(true);
    expect(
      weeklyHoursCalendar({
        timeZone: 'UTC',
        windows: [{ days: ['mon', 'mon'], start: '09:00', end: '10:00' }],
      }).hours,
    ).toEqual([{ day: 'mon', open: '09:00', close: '10:00' }]);
  });
});

/**
 * Oracle, independent of core/time's interval walk: read the zone's wall clock at the instant and
 * look the minute up in the windows listing that weekday, or the day before for one past midnight.
 */
function oracle(at: Date, hours: WeeklyHours): boolean {
  const w = wallClockAt(at.getTime(), hours.timeZone);
  const minute = w.hour * 60 + w.minute;
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  return hours.windows.some((win) => {
    const start = minutes(win.start);
    const end = minutes(win.end) <= start ? minutes(win.end) + 1440 : minutes(win.end);
    const today = win.days.includes(WEEK[day]!) && minute >= start && minute < end;
    const yesterday = win.days.includes(WEEK[(day + 6) % 7]!) && minute + 1440 < end;
    return today || yesterday;
  });
}

// Bounds outside the hours clocks change in these zones (01:00–04:00 local), so every bound is
// one instant; the instants themselves fall anywhere within two days of a change.
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Tokyo', 'UTC'] as const;
const TIMES = [
  '00:00',
  '00:30',
  ...Array.from({ length: 20 }, (_, i) => `${String(i + 4).padStart(2, '0')}:15`),
];
const CHANGES = ['2026-03-08T07:00Z', '2026-03-29T01:00Z', '2026-04-05T16:00Z', '2026-10-25T01:00Z'].map(
  (s) => new Date(s).getTime(),
);
const arbHours: fc.Arbitrary<WeeklyHours> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  windows: fc.array(
    fc.record({
      days: fc.subarray([...WEEK], { minLength: 1 }),
      start: fc.constantFrom(...TIMES),
      end: fc.constantFrom(...TIMES, '24:00'),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});
const arbInstant = fc
  .tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -48 * 60, max: 48 * 60 }))
  .map(([t, m]) => new Date(t + m * 60_000));

describe('weekly hours (fast-check)', () => {
  it('an instant is inside exactly when the local wall clock reads a minute of a window', () => {
    fc.assert(
      fc.property(arbHours, arbInstant, (hours, at) => {
        expect(withinWeeklyHours(at, hours)).toBe(oracle(at, hours));
      }),
      { numRuns: 300 },
    );
  });
});
