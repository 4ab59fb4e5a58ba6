import { addBusinessSeconds, type TeamCalendar } from '../time/business-hours.js';

/**
 * The first instant at or after `at` at which the calendar is open, to the second; `at` itself
 * when open now. Null calendar: open around the clock. Null when it does not open within ten years
 * (no windows, or every window on a holiday).
 *
 * Definition: the calendar's open time is the union of its opening windows read on the team's wall
 * clock in its IANA zone (core/time/business-hours.ts, which handles DST gaps and overlaps and
 * holidays); the first business second after `at` ends one second after the opening we want, so
 * `nextOpening(at) = addBusinessSeconds(at, 1) − 1 s`.
 *
 * @example nextOpening(sat 10:00Z, {timeZone:'UTC', hours: weekdays 09–17}) // mon 09:00Z
 */
export function nextOpening(at: Date, calendar: TeamCalendar | null): Date | null {
  if (calendar === null) return at;
  if (calendar.hours.length === 0) return null;
  try {
    return new Date(addBusinessSeconds(at, 1, calendar).getTime() - 1000);
  } catch (e) {
    if (e instanceof RangeError && /does not open/.test(e.message)) return null;
    throw e;
  }
}

/**
 * Whether the calendar is open at `at` (for at least the next second). Null calendar: always.
 *
 * @example isOpenAt(mon 10:00Z, {timeZone:'UTC', hours: weekdays 09–17}) // true
 */
export function isOpenAt(at: Date, calendar: TeamCalendar | null): boolean {
  return nextOpening(at, calendar)?.getTime() === at.getTime();
}
