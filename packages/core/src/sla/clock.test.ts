import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessSeconds, type TeamCalendar, type Weekday } from '../time/business-hours.js';
import { dueAfter, type Pause, runningSeconds } from './clock.js';

const days = (list: readonly Weekday[], open: string, close: string) =>
  list.map((day) => ({ day, open, close }));
const MON_FRI: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const SUN_THU: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu'];
const at = (iso: string) => new Date(iso);
const HOUR = 3600;

// Calendars across zones, weekends, DST rules, night windows and holidays.
const istanbul: TeamCalendar = { timeZone: 'Europe/Istanbul', hours: days(MON_FRI, '09:00', '18:00') };
const riga: TeamCalendar = {
  timeZone: 'Europe/Riga',
  hours: days(MON_FRI, '09:00', '18:00'),
  holidays: ['2026-11-18', '2026-12-24', '2026-12-25'],
};
const jerusalem: TeamCalendar = {
  timeZone: 'Asia/Jerusalem',
  hours: days(SUN_THU, '08:00', '17:00'),
  holidays: ['2026-04-02'],
};
const newYorkNights: TeamCalendar = {
  timeZone: 'America/New_York',
  hours: [{ day: 'sat', open: '22:00', close: '06:00' }],
};
const newYork: TeamCalendar = {
  timeZone: 'America/New_York',
  hours: [...days(MON_FRI, '08:00', '20:00'), { day: 'fri', open: '22:00', close: '02:00' }],
  holidays: ['2026-11-26', '2026-12-25'],
};
const CALENDARS = [istanbul, riga, jerusalem, newYorkNights, newYork];

describe('dueAfter: oracle cases computed by hand', () => {
  it('Jerusalem across its spring DST (Fri 27 Mar 2026 02:00→03:00) and its Fri/Sat weekend', () => {
    // Thu 26 Mar 16:00 IST (UTC+2) = 14:00Z; 1 h until 17:00; Fri, Sat closed; Sun 29 Mar 08:00 IDT
    // (UTC+3) = 05:00Z, 1 h more → 06:00Z.
    expect(dueAfter(at('2026-03-26T14:00Z'), 2 * HOUR, [], jerusalem)).toEqual(at('2026-03-29T06:00Z'));
  });
  it('Jerusalem skips a holiday (2 Apr 2026)', () => {
    // Wed 1 Apr 16:00 IDT = 13:00Z; 1 h until 17:00; Thu 2 Apr holiday; Fri/Sat weekend;
    // Sun 5 Apr 08:00 IDT = 05:00Z + 1 h = 06:00Z.
    expect(dueAfter(at('2026-04-01T13:00Z'), 2 * HOUR, [], jerusalem)).toEqual(at('2026-04-05T06:00Z'));
  });
  it('Riga across the autumn DST change (Sun 25 Oct 2026 04:00 EEST → 03:00 EET)', () => {
    // Fri 23 Oct 17:00 EEST (UTC+3) = 14:00Z; 1 h; Mon 26 Oct 09:00 EET (UTC+2) = 07:00Z + 2 h = 09:00Z.
    expect(dueAfter(at('2026-10-23T14:00Z'), 3 * HOUR, [], riga)).toEqual(at('2026-10-26T09:00Z'));
  });
  it('Riga skips Proclamation Day (18 Nov)', () => {
    // Tue 17 Nov 17:00 EET = 15:00Z; 1 h; Wed holiday; Thu 19 Nov 09:00 EET = 07:00Z + 1 h = 08:00Z.
    expect(dueAfter(at('2026-11-17T15:00Z'), 2 * HOUR, [], riga)).toEqual(at('2026-11-19T08:00Z'));
  });
  it('a New York night window is 7 h on the night the clocks spring forward (8 Mar 2026)', () => {
    // Sat 7 Mar 22:00 EST = 03:00Z Sun; the window ends Sun 06:00 EDT = 10:00Z: 7 h. The 8th hour
    // falls in the next Saturday night: 14 Mar 22:00 EDT = 15 Mar 02:00Z, + 1 h = 03:00Z.
    expect(dueAfter(at('2026-03-08T03:00Z'), 8 * HOUR, [], newYorkNights)).toEqual(at('2026-03-15T03:00Z'));
  });
  it('a pause in Istanbul moves the deadline by the business time it covered', () => {
    // Mon 7 Dec 2026 09:00 (UTC+3) = 06:00Z, 8 h target; paused 10:00–14:00 local (07:00Z–11:00Z).
    // Without the pause: 17:00 local. With it: 1 h + 4 h (14–18) Mon, 3 h Tue → Tue 12:00 = 09:00Z.
    const start = at('2026-12-07T06:00Z');
    expect(dueAfter(start, 8 * HOUR, [], istanbul)).toEqual(at('2026-12-07T14:00Z'));
    const pause: Pause = { from: at('2026-12-07T07:00Z'), to: at('2026-12-07T11:00Z') };
    expect(dueAfter(start, 8 * HOUR, [pause], istanbul)).toEqual(at('2026-12-08T09:00Z'));
  });
  it('a pause entirely outside business hours moves nothing', () => {
    const start = at('2026-12-07T06:00Z');
    const night: Pause = { from: at('2026-12-07T16:00Z'), to: at('2026-12-08T05:00Z') };
    expect(dueAfter(start, 10 * HOUR, [night], istanbul)).toEqual(dueAfter(start, 10 * HOUR, [], istanbul));
  });
  it('a pause still running leaves no deadline unless it was reached before the pause', () => {
    const start = at('2026-12-07T06:00Z');
    expect(dueAfter(start, 8 * HOUR, [{ from: at('2026-12-07T08:00Z'), to: null }], istanbul)).toBeNull();
    expect(dueAfter(start, HOUR, [{ from: at('2026-12-07T08:00Z'), to: null }], istanbul)).toEqual(
      at('2026-12-07T07:00Z'),
    );
  });
  it('without a calendar it counts calendar seconds', () => {
    expect(dueAfter(at('2026-12-07T06:00Z'), 60, [], null)).toEqual(at('2026-12-07T06:01Z'));
  });
});

const instant = fc.integer({ min: 1_767_225_600, max: 1_830_297_600 }); // 2026-01-01 … 2027-12-31, whole seconds
const calendarArb = fc.constantFrom(...CALENDARS);
const pausesArb = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 20 * 86_400 }), fc.integer({ min: 1, max: 3 * 86_400 })),
  { maxLength: 4 },
);
const toPauses = (start: number, list: readonly (readonly [number, number])[]): Pause[] =>
  list.map(([offset, length]) => ({
    from: new Date((start + offset) * 1000),
    to: new Date((start + offset + length) * 1000),
  }));
/** A clock started at a random whole second: a target of 1 s … `maxTargetSec`, a calendar, pauses after the start. */
const clockCase = (maxTargetSec: number) =>
  fc
    .tuple(instant, fc.integer({ min: 1, max: maxTargetSec }), calendarArb, pausesArb)
    .map(([s, target, calendar, p]) => ({
      start: new Date(s * 1000),
      target,
      calendar,
      pauses: toPauses(s, p),
    }));

describe('dueAfter: properties across zones, DST changes, holidays and pauses', () => {
  it('a due time never falls outside business hours (the second before it is open)', () => {
    fc.assert(
      fc.property(clockCase(40 * HOUR), ({ start, target, calendar, pauses }) => {
        const due = dueAfter(start, target, pauses, calendar)!;
        expect(businessSeconds(new Date(due.getTime() - 1000), due, calendar)).toBe(1);
      }),
      { numRuns: 150 },
    );
  });
  it('pausing never shortens a deadline, and the clock runs exactly the target until the due time', () => {
    fc.assert(
      fc.property(clockCase(40 * HOUR), ({ start, target, calendar, pauses }) => {
        const plain = dueAfter(start, target, [], calendar)!;
        const paused = dueAfter(start, target, pauses, calendar)!;
        expect(paused.getTime()).toBeGreaterThanOrEqual(plain.getTime());
        expect(runningSeconds(start, paused, pauses, calendar)).toBe(target);
      }),
      { numRuns: 150 },
    );
  });
  it('adding one more pause never moves a deadline earlier', () => {
    fc.assert(
      fc.property(clockCase(30 * HOUR), ({ start, target, calendar, pauses }) => {
        const fewer = pauses.slice(1);
        expect(dueAfter(start, target, pauses, calendar)!.getTime()).toBeGreaterThanOrEqual(
          dueAfter(start, target, fewer, calendar)!.getTime(),
        );
      }),
      { numRuns: 100 },
    );
  });
  it('is monotone in the target: more business seconds never fall due earlier', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 30 * HOUR }),
        fc.integer({ min: 0, max: 10 * HOUR }),
        calendarArb,
        pausesArb,
        (s, a, extra, cal, p) => {
          const start = new Date(s * 1000);
          const pauses = toPauses(s, p);
          expect(dueAfter(start, a + extra, pauses, cal)!.getTime()).toBeGreaterThanOrEqual(
            dueAfter(start, a, pauses, cal)!.getTime(),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
