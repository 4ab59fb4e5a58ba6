import { offsetAtMemo, zonedToUtcMemo } from './zone-offsets.js';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * One opening window, as the team's wall clock reads it: `09:00`–`17:00` on the day it opens;
 * `24:00` allowed as a close. A close at or before the open crosses midnight: `22:00`–`06:00` on
 * Monday is Monday 22:00 to Tuesday 06:00 (night teams).
 */
export interface OpeningWindow {
  readonly day: Weekday;
  readonly open: string;
  readonly close: string;
}

/**
 * A team calendar: opening windows in an IANA time zone, and the local dates (`YYYY-MM-DD`) it is
 * closed on. A holiday closes the windows that open on that date (a night window opening the
 * evening before still runs into it).
 */
export interface TeamCalendar {
  readonly timeZone: string;
  readonly hours: readonly OpeningWindow[];
  readonly holidays?: readonly string[];
}

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_MS = 86_400_000;
/** Spans longer than this many days are measured on whole weeks past the first ten years. */
const MAX_DAYS_WALKED = 3_660;

function minutesOf(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`business hours: "${hhmm}" is not HH:MM`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes > 24 * 60 || Number(m[2]) > 59) throw new RangeError(`business hours: "${hhmm}" is past 24:00`);
  return minutes;
}

/** A calendar's windows per weekday as [open, close] minutes of the opening day; close may pass 24:00. */
interface CompiledCalendar {
  readonly timeZone: string;
  readonly windows: ReadonlyMap<Weekday, readonly (readonly [number, number])[]>;
  readonly holidays: ReadonlySet<string>;
  /** Open minutes in a week without holidays. */
  readonly weeklyOpenMinutes: number;
}

/**
 * Compiled calendars by calendar object: an import measures every ticket of a team on the same
 * calendar object, so it is compiled once, not once per ticket (calendars are read-only).
 */
const compiledCalendars = new WeakMap<TeamCalendar, CompiledCalendar>();

function compile(calendar: TeamCalendar): CompiledCalendar {
  let c = compiledCalendars.get(calendar);
  if (!c) {
    c = compileUncached(calendar);
    compiledCalendars.set(calendar, c);
  }
  return c;
}

function compileUncached(calendar: TeamCalendar): CompiledCalendar {
  const windows = new Map<Weekday, [number, number][]>();
  let weeklyOpenMinutes = 0;
  for (const w of calendar.hours) {
    const open = minutesOf(w.open);
    let close = minutesOf(w.close);
    if (open === 24 * 60) throw new RangeError(`business hours: a window cannot open at 24:00`);
    if (close <= open) close += 24 * 60; // crosses midnight into the next day
    const list = windows.get(w.day) ?? [];
    list.push([open, close]);
    windows.set(w.day, list);
    weeklyOpenMinutes += close - open;
  }
  for (const list of windows.values()) list.sort((a, b) => a[0] - b[0]);
  for (const d of calendar.holidays ?? [])
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new RangeError(`holiday "${d}" is not YYYY-MM-DD`);
  return {
    timeZone: calendar.timeZone,
    windows,
    holidays: new Set(calendar.holidays ?? []),
    weeklyOpenMinutes,
  };
}

/** The local calendar day (days since 1970-01-01 on the team's wall clock) containing instant `ms`. */
const localDayOf = (ms: number, timeZone: string): number =>
  Math.floor((ms + offsetAtMemo(ms, timeZone)) / DAY_MS);

/** Days of windows remembered per calendar; the memo starts afresh past this. */
const DAYS_REMEMBERED = 20_000;
const windowsByDay = new WeakMap<CompiledCalendar, Map<number, readonly (readonly [number, number])[]>>();

/**
 * windowsOpeningOn, remembered per calendar and day: every ticket of a team walks the same days
 * (an import measures thousands of tickets on one calendar), and each day costs two wall-clock →
 * UTC conversions per window.
 */
function windowsOpeningOnMemo(
  dayNumber: number,
  c: CompiledCalendar,
): readonly (readonly [number, number])[] {
  let days = windowsByDay.get(c);
  if (!days) {
    days = new Map();
    windowsByDay.set(c, days);
  }
  let windows = days.get(dayNumber);
  if (!windows) {
    windows = windowsOpeningOn(dayNumber, c);
    if (days.size >= DAYS_REMEMBERED) days.clear();
    days.set(dayNumber, windows);
  }
  return windows;
}

/** The UTC instants [from, to) of the windows that open on local day `dayNumber`, in opening order. */
function windowsOpeningOn(dayNumber: number, c: CompiledCalendar): [number, number][] {
  const date = new Date(dayNumber * DAY_MS);
  const windows = c.windows.get(WEEKDAYS[date.getUTCDay()]!);
  if (!windows) return [];
  if (c.holidays.size > 0 && c.holidays.has(date.toISOString().slice(0, 10))) return [];
  const wall = (minutes: number) => {
    const d = new Date((dayNumber + Math.floor(minutes / 1440)) * DAY_MS);
    const m = minutes % 1440;
    return zonedToUtcMemo(
      {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: Math.floor(m / 60),
        minute: m % 60,
        second: 0,
      },
      c.timeZone,
    );
  };
  return windows.map(([open, close]) => [wall(open), wall(close)]);
}

/**
 * The calendar's open time from `startMs` on, as disjoint intervals [from, to) in UTC milliseconds in
 * time order, for windows opening on local days `firstDay` … `lastDay`. Windows of a later day open
 * later on the wall clock, so the raw windows arrive ordered by opening; where one overlaps time
 * already yielded (a night shift and an early shift) only its new part is yielded. Lazy: a deadline
 * a day away walks a day, even on a calendar open around the clock.
 */
function* openIntervals(
  c: CompiledCalendar,
  startMs: number,
  firstDay: number,
  lastDay: number,
): Generator<[number, number]> {
  let coveredUntil = startMs;
  for (let day = firstDay; day <= lastDay; day++) {
    for (const [open, close] of windowsOpeningOnMemo(day, c)) {
      const from = Math.max(open, coveredUntil);
      if (close <= from) continue; // already counted, before `start`, or swallowed by a DST gap
      coveredUntil = close;
      yield [from, close];
    }
  }
}

/**
 * Seconds between `start` and `end` that fall inside the calendar's opening windows, counted on
 * the team's wall clock (a 09:00–17:00 day stays 8 hours across DST changes; a 22:00–06:00 night
 * window is 7 or 9 hours on the nights the clocks change inside it), holidays excluded. The
 * definition Zendesk uses for `reply_time_in_minutes.business`: elapsed time with closed hours
 * removed (Zendesk help center, "About ticket metrics: business hours").
 *
 * Properties (tested with fast-check): 0 ≤ result ≤ (end − start) in seconds; a calendar open
 * 24×7 gives exactly the calendar duration; it inverts `addBusinessSeconds`.
 *
 * @returns null when end < start (a data-quality defect, flagged elsewhere) or when the calendar has no windows.
 * @throws RangeError for a window that is not HH:MM, or a holiday that is not YYYY-MM-DD.
 * @example businessSeconds(mon 16:00, tue 10:00, {timeZone:'UTC', hours: weekdays 09–17}) // 7200
 */
export function businessSeconds(start: Date, end: Date, calendar: TeamCalendar): number | null {
  const startMs = start.getTime();
  const endMs = end.getTime();
  if (!(endMs >= startMs) || calendar.hours.length === 0) return null;
  const c = compile(calendar);
  // From the day before `start` (a night window opening then may still be open) to the day of `end`.
  const firstDay = localDayOf(startMs, c.timeZone) - 1;
  const lastDay = localDayOf(endMs, c.timeZone);
  const walkedLastDay = Math.min(lastDay, firstDay + MAX_DAYS_WALKED);
  let totalMs = 0;
  for (const [from, to] of openIntervals(c, startMs, firstDay, walkedLastDay)) {
    if (from >= endMs) break;
    totalMs += Math.min(to, endMs) - from;
  }
  if (walkedLastDay < lastDay) {
    // Beyond ten years, count whole weeks at the calendar's weekly open time (approximation, documented).
    totalMs += Math.floor((lastDay - walkedLastDay) / 7) * c.weeklyOpenMinutes * 60_000;
  }
  return Math.round(totalMs / 1000);
}

/**
 * The instant `seconds` business seconds after `start` on the calendar: what an SLA deadline is
 * ("first reply within 4 business hours"). Time while the team is closed (outside its windows, on
 * its holidays) does not count; if `start` is outside hours, the count begins at the next opening.
 * The inverse of `businessSeconds`: `businessSeconds(start, addBusinessSeconds(start, n, c), c) = n`.
 * A deadline that lands exactly on a closing time is that closing time, not the next opening.
 *
 * @throws RangeError when `seconds` is negative or not an integer, when the calendar is invalid,
 * or when the calendar does not open enough within ten years (no windows, or all on holidays).
 * @example addBusinessSeconds(mon 16:00Z, 7200, {timeZone:'UTC', hours: weekdays 09–17}) // tue 10:00Z
 */
export function addBusinessSeconds(start: Date, seconds: number, calendar: TeamCalendar): Date {
  if (!Number.isInteger(seconds) || seconds < 0)
    throw new RangeError(`business seconds must be a whole number ≥ 0, got ${seconds}`);
  const startMs = start.getTime();
  if (Number.isNaN(startMs)) throw new RangeError('start is not a valid date');
  if (seconds === 0) return new Date(startMs);
  const c = compile(calendar);
  let remainingMs = seconds * 1000;
  const firstDay = localDayOf(startMs, c.timeZone) - 1;
  for (const [from, to] of openIntervals(c, startMs, firstDay, firstDay + MAX_DAYS_WALKED)) {
    if (remainingMs <= to - from) return new Date(from + remainingMs);
    remainingMs -= to - from;
  }
  throw new RangeError(
    `the calendar does not open for ${seconds} s within ten years of ${start.toISOString()}`,
  );
}
