import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessSeconds, businessSeconds, type TeamCalendar } from './business-hours.js';

const weekdays = (open: string, close: string) =>
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, open, close }));
const everyDay = (open: string, close: string) =>
  (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({ day, open, close }));
const HOUR = 3600;

describe('businessSeconds', () => {
  const utc9to17: TeamCalendar = { timeZone: 'UTC', hours: weekdays('09:00', '17:00') };
  it('counts only open hours: Mon 16:00 → Tue 10:00 is 2 h', () => {
    // 2024-01-01 is a Monday.
    expect(businessSeconds(new Date('2024-01-01T16:00Z'), new Date('2024-01-02T10:00Z'), utc9to17)).toBe(
      7200,
    );
  });
  it('reads the calendar on the team wall clock (Istanbul is UTC+3)', () => {
    const istanbul: TeamCalendar = { timeZone: 'Europe/Istanbul', hours: weekdays('09:00', '18:00') };
    expect(businessSeconds(new Date('2024-01-01T05:00Z'), new Date('2024-01-01T07:00Z'), istanbul)).toBe(
      3600,
    );
  });
  it('keeps a 09–17 day 8 hours across a DST change (Budapest, 2024-03-31)', () => {
    const budapest: TeamCalendar = {
      timeZone: 'Europe/Budapest',
      hours: [...weekdays('09:00', '17:00'), { day: 'sun', open: '00:00', close: '24:00' }],
    };
    // Sunday 31 March 2024 has 23 hours in Budapest.
    expect(businessSeconds(new Date('2024-03-30T23:00Z'), new Date('2024-03-31T22:00Z'), budapest)).toBe(
      23 * 3600,
    );
  });
  it('0 ≤ business ≤ calendar; 24×7 equals calendar', () => {
    const always: TeamCalendar = {
      timeZone: 'America/New_York',
      hours: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({
        day,
        open: '00:00',
        close: '24:00',
      })),
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1_600_000_000, max: 1_800_000_000 }),
        fc.integer({ min: 0, max: 40 * 86_400 }),
        (start, length) => {
          const a = new Date(start * 1000);
          const b = new Date((start + length) * 1000);
          const business = businessSeconds(a, b, utc9to17)!;
          expect(business).toBeGreaterThanOrEqual(0);
          expect(business).toBeLessThanOrEqual(length);
          expect(businessSeconds(a, b, always)).toBe(length);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('night windows crossing midnight', () => {
  const nightsUtc: TeamCalendar = { timeZone: 'UTC', hours: [{ day: 'mon', open: '22:00', close: '06:00' }] };
  it('a Monday 22:00–06:00 window runs into Tuesday morning', () => {
    // 2024-01-01 is a Monday.
    expect(businessSeconds(new Date('2024-01-01T20:00Z'), new Date('2024-01-02T12:00Z'), nightsUtc)).toBe(
      8 * HOUR,
    );
    expect(businessSeconds(new Date('2024-01-02T01:00Z'), new Date('2024-01-02T02:30Z'), nightsUtc)).toBe(
      1.5 * HOUR,
    );
  });
  it('is 7 hours on the night New York springs forward', () => {
    // Hand-computed: US daylight saving time begins at 02:00 local time on the second Sunday in
    // March (15 U.S.C. § 260a, as amended by the Energy Policy Act of 2005), so on 2024-03-10 the
    // clocks in America/New_York jump from 02:00 EST (UTC−5) to 03:00 EDT (UTC−4). Saturday
    // 22:00 EST is 03:00Z on the 10th; Sunday 06:00 EDT is 10:00Z: 7 hours open, not 8.
    const nights: TeamCalendar = {
      timeZone: 'America/New_York',
      hours: [{ day: 'sat', open: '22:00', close: '06:00' }],
    };
    const start = new Date('2024-03-10T03:00:00Z');
    expect(businessSeconds(start, new Date('2024-03-10T12:00:00Z'), nights)).toBe(7 * HOUR);
    expect(addBusinessSeconds(start, 7 * HOUR, nights).toISOString()).toBe('2024-03-10T10:00:00.000Z');
    // One second more waits for the next Saturday night: 2024-03-16 22:00 EDT = 2024-03-17T02:00Z.
    expect(addBusinessSeconds(start, 7 * HOUR + 1, nights).toISOString()).toBe('2024-03-17T02:00:01.000Z');
  });
  it('refuses a window opening at 24:00 and a malformed time', () => {
    const bad = (open: string, close: string): TeamCalendar => ({
      timeZone: 'UTC',
      hours: [{ day: 'mon', open, close }],
    });
    expect(() => addBusinessSeconds(new Date(0), 1, bad('24:00', '06:00'))).toThrow(RangeError);
    expect(() => businessSeconds(new Date(0), new Date(1), bad('9am', '17:00'))).toThrow(/HH:MM/);
  });
});

describe('addBusinessSeconds', () => {
  const utc9to17: TeamCalendar = { timeZone: 'UTC', hours: weekdays('09:00', '17:00') };
  it('counts from the next opening, over the night and the weekend', () => {
    expect(addBusinessSeconds(new Date('2024-01-01T16:00Z'), 2 * HOUR, utc9to17).toISOString()).toBe(
      '2024-01-02T10:00:00.000Z',
    );
    // Friday 2024-01-05 16:00 + 2 h: one hour on Friday, one on Monday the 8th.
    expect(addBusinessSeconds(new Date('2024-01-05T16:00Z'), 2 * HOUR, utc9to17).toISOString()).toBe(
      '2024-01-08T10:00:00.000Z',
    );
    // Saturday: the clock starts on Monday at 09:00.
    expect(addBusinessSeconds(new Date('2024-01-06T12:00Z'), 60, utc9to17).toISOString()).toBe(
      '2024-01-08T09:01:00.000Z',
    );
  });
  it('a deadline at closing time is the closing time', () => {
    expect(addBusinessSeconds(new Date('2024-01-01T09:00Z'), 8 * HOUR, utc9to17).toISOString()).toBe(
      '2024-01-01T17:00:00.000Z',
    );
  });
  it('skips a holiday (Istanbul, Republic Day)', () => {
    // Hand-computed: 29 October is Republic Day, a full-day public holiday in Türkiye (Law No. 2429
    // on national holidays, art. 1); Europe/Istanbul has been UTC+3 all year since 2016. From
    // Monday 2024-10-28 17:00 local, 2 business hours on a 09–18 weekday calendar: 17:00–18:00
    // Monday, Tuesday closed, 09:00–10:00 Wednesday → 2024-10-30 10:00 local = 07:00Z.
    const istanbul: TeamCalendar = {
      timeZone: 'Europe/Istanbul',
      hours: weekdays('09:00', '18:00'),
      holidays: ['2024-10-29'],
    };
    const start = new Date('2024-10-28T14:00:00Z');
    expect(addBusinessSeconds(start, 2 * HOUR, istanbul).toISOString()).toBe('2024-10-30T07:00:00.000Z');
    expect(businessSeconds(start, new Date('2024-10-30T07:00:00Z'), istanbul)).toBe(2 * HOUR);
    expect(addBusinessSeconds(start, 2 * HOUR, { ...istanbul, holidays: [] }).toISOString()).toBe(
      '2024-10-29T07:00:00.000Z',
    );
  });
  it('refuses negative or fractional seconds, and a calendar that never opens', () => {
    expect(() => addBusinessSeconds(new Date(0), -1, utc9to17)).toThrow(RangeError);
    expect(() => addBusinessSeconds(new Date(0), 1.5, utc9to17)).toThrow(RangeError);
    expect(() => addBusinessSeconds(new Date(0), 1, { timeZone: 'UTC', hours: [] })).toThrow(/ten years/);
    expect(() =>
      addBusinessSeconds(new Date(0), 1, {
        timeZone: 'UTC',
        hours: weekdays('09:00', '17:00'),
        holidays: ['x'],
      }),
    ).toThrow(/YYYY-MM-DD/);
  });

  const calendars: TeamCalendar[] = [
    utc9to17,
    { timeZone: 'America/New_York', hours: everyDay('22:00', '06:00') },
    {
      timeZone: 'Europe/Budapest',
      hours: [
        ...weekdays('08:00', '12:00'),
        ...weekdays('13:00', '17:30'),
        { day: 'sat', open: '10:00', close: '14:00' },
      ],
      holidays: ['2024-03-15', '2024-12-25', '2025-01-01'],
    },
    // Overlapping windows (a night shift and an early shift) count once.
    {
      timeZone: 'Australia/Adelaide',
      hours: [...everyDay('20:00', '04:00'), ...everyDay('02:00', '09:30')],
    },
    { timeZone: 'Asia/Kolkata', hours: everyDay('00:00', '24:00') },
  ];
  const instant = fc
    .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
    .map((ms) => new Date(ms));
  /** One of the calendars and a start instant. */
  const calendarAndStart = fc.tuple(fc.constantFrom(...calendars), instant);

  it('is the inverse of businessSeconds, for every calendar, start and duration', () => {
    fc.assert(
      fc.property(calendarAndStart, fc.integer({ min: 0, max: 30 * 24 * HOUR }), ([calendar, start], n) => {
        const deadline = addBusinessSeconds(start, n, calendar);
        expect(deadline.getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(businessSeconds(start, deadline, calendar)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
  it('never moves a deadline earlier when more time is allowed', () => {
    fc.assert(
      fc.property(
        calendarAndStart,
        fc.integer({ min: 0, max: 5 * 24 * HOUR }),
        fc.integer({ min: 0, max: 5 * 24 * HOUR }),
        ([calendar, start], a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(addBusinessSeconds(start, lo, calendar).getTime()).toBeLessThanOrEqual(
            addBusinessSeconds(start, hi, calendar).getTime(),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
  it('on a calendar open around the clock is plain addition', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 * 24 * HOUR }), (start, n) => {
        expect(addBusinessSeconds(start, n, calendars[4]!).getTime()).toBe(start.getTime() + n * 1000);
      }),
      { numRuns: 100 },
    );
  });
});
