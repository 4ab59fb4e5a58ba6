import type { OpeningWindow, TeamCalendar, Weekday } from '../time/business-hours.js';
import { isOpenAt } from './open-hours.js';

/**
 * One weekly window of a slice of traffic (a pilot's "hours"): on each listed day, from `start` to
 * `end` on the local wall clock (`HH:MM`, `24:00` allowed as an end). An end at or before the start
 * crosses midnight: `22:00`–`06:00` on Friday is Friday 22:00 to Saturday 06:00.
 */
export interface WeeklyWindow {
  readonly days: readonly Weekday[];
  readonly start: string;
  readonly end: string;
}

/** Weekly windows read on the wall clock of an IANA time zone. */
export interface WeeklyHours {
  readonly timeZone: string;
  readonly windows: readonly WeeklyWindow[];
}

/**
 * The team calendar the windows describe (one opening window per listed day), so that the one
 * DST-aware reading of wall-clock hours (core/time/business-hours.ts) decides membership.
 *
 * @example weeklyHoursCalendar({ timeZone: 'Europe/Berlin', windows: [{ days: ['mon', 'tue'], start: '09:00', end: '17:00' }] })
 * // { timeZone: 'Europe/Berlin', hours: [{ day: 'mon', open: '09:00', close: '17:00' }, { day: 'tue', … }] }
 */
export function weeklyHoursCalendar(hours: WeeklyHours): TeamCalendar {
  const windows: OpeningWindow[] = hours.windows.flatMap((w) =>
    [...new Set(w.days)].map((day) => ({ day, open: w.start, close: w.end })),
  );
  return { timeZone: hours.timeZone, hours: windows };
}

/** Calendars by hours object: routing asks about the same split's hours for every new ticket. */
const calendars = new WeakMap<WeeklyHours, TeamCalendar>();

/**
 * Whether instant `at` falls inside the weekly windows, read on the zone's wall clock across DST
 * changes (a 09:00–17:00 window is 09:00–17:00 local in winter and in summer); null hours: always.
 * Definition: {@link isOpenAt} on {@link weeklyHoursCalendar} (the union of the windows, each
 * [start, end) in local time, as RFC 5545 §3.3.5 reads a wall time in a DST gap).
 *
 * @example withinWeeklyHours(new Date('2026-03-30T07:30:00Z'), { timeZone: 'Europe/Berlin', windows: [{ days: ['mon'], start: '09:00', end: '17:00' }] }) // true (09:30 CEST)
 */
export function withinWeeklyHours(at: Date, hours: WeeklyHours | null): boolean {
  if (hours === null) return true;
  let calendar = calendars.get(hours);
  if (!calendar) {
    calendar = weeklyHoursCalendar(hours);
    calendars.set(hours, calendar);
  }
  return isOpenAt(at, calendar);
}
