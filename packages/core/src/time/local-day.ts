// Local days of an IANA time zone as ranges of instants (decision 0065): a business in Istanbul
// counts a ticket at 23:30 local on that local day, not on the UTC day (20:30Z) or the next one; a
// day with a daylight-saving change has 23 or 25 hours. Boundaries come from the runtime's tz data
// through `Intl` (zoned-time.ts): no offset table of our own.
import { addCalendarDays } from './calendar-day.js';
import { assertTimeZone, wallClockAt, zonedToUtc } from './zoned-time.js';

const HOUR_MS = 3_600_000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

function assertDay(day: string): void {
  if (!DAY_RE.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || addCalendarDays(day, 0) !== day)
    throw new RangeError(`not a day YYYY-MM-DD: "${day}"`);
}

/**
 * The first instant (ms since the epoch) of local `day` in `timeZone`: the instant its clocks read
 * 00:00 that day, or, when a daylight-saving change skips midnight (America/Santiago, Asia/Beirut),
 * the first instant after the gap; when midnight happens twice, the earlier (RFC 5545 §3.3.5 and
 * Temporal's "compatible" disambiguation, as `zonedToUtc`).
 *
 * @throws RangeError when `day` is not a valid YYYY-MM-DD or `timeZone` is not an IANA zone.
 * @example localDayStart('2026-03-29', 'Europe/Riga') // Date.UTC(2026, 2, 28, 22): 00:00 EET (UTC+2)
 */
export function localDayStart(day: string, timeZone: string): number {
  assertDay(day);
  assertTimeZone(timeZone);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return zonedToUtc({ year, month, day: date, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** One local day as the half-open range of instants [startMs, endMs). */
export interface LocalDayRange {
  readonly day: string;
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * Local `day` in `timeZone` as the instants [start of `day`, start of the next day): consecutive
 * days' ranges meet, so every instant lies in exactly one day (see {@link localDayOf}). Its length is
 * 24 hours, or 23 / 25 on a daylight-saving change (23.5 / 24.5 at Lord Howe Island).
 *
 * @throws RangeError when `day` is not a valid YYYY-MM-DD or `timeZone` is not an IANA zone.
 * @example localDayRange('2026-03-29', 'Europe/Riga') // { day, startMs: Date.UTC(2026, 2, 28, 22), endMs: Date.UTC(2026, 2, 29, 21) }: 23 h
 */
export function localDayRange(day: string, timeZone: string): LocalDayRange {
  return {
    day,
    startMs: localDayStart(day, timeZone),
    endMs: localDayStart(addCalendarDays(day, 1), timeZone),
  };
}

/**
 * The local days `from` to `to` (inclusive) in `timeZone`, each as its range of instants.
 * @throws RangeError as {@link localDayRange}, or when `to` is before `from`.
 * @example localDayRanges('2026-10-24', '2026-10-25', 'Europe/Riga').map((d) => (d.endMs - d.startMs) / 3_600_000) // [24, 25]
 */
export function localDayRanges(from: string, to: string, timeZone: string): LocalDayRange[] {
  assertDay(from);
  assertDay(to);
  if (to < from) throw new RangeError(`the last day ${to} is before the first ${from}`);
  const out: LocalDayRange[] = [];
  let start = localDayStart(from, timeZone);
  for (let day = from; day <= to; day = addCalendarDays(day, 1)) {
    const endMs = localDayStart(addCalendarDays(day, 1), timeZone);
    out.push({ day, startMs: start, endMs });
    start = endMs;
  }
  return out;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The local day (YYYY-MM-DD) in `timeZone` that instant `ms` belongs to: the day whose
 * {@link localDayRange} holds it. That is the day its clocks show, except in the hour a zone repeats
 * when it falls back across midnight (Chile, Paraguay): read as the previous day's 23:00 a second
 * time, it belongs to the later day, whose first reading of that hour came first.
 *
 * @throws RangeError when `timeZone` is not an IANA zone.
 * @example localDayOf(Date.UTC(2026, 0, 15, 22, 30), 'Europe/Istanbul') // '2026-01-16' (01:30 local)
 */
export function localDayOf(ms: number, timeZone: string): string {
  assertTimeZone(timeZone);
  const w = wallClockAt(ms, timeZone);
  const shown = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  const next = addCalendarDays(shown, 1);
  return ms >= localDayStart(next, timeZone) ? next : shown;
}

/** Hours in local `day` (24, or 23 / 25 on a daylight-saving change). @example localDayHours('2026-11-01', 'America/New_York') // 25 */
export function localDayHours(day: string, timeZone: string): number {
  const r = localDayRange(day, timeZone);
  return (r.endMs - r.startMs) / HOUR_MS;
}
