import { addBusinessSeconds, businessSeconds, type TeamCalendar } from '../time/business-hours.js';

/** A stretch [from, to) in which an SLA clock stands still; `to` null while it lasts. */
export interface Pause {
  readonly from: Date;
  readonly to: Date | null;
}

/**
 * The stretches after `start` in which the clock runs: the time line minus the pauses, in order;
 * the last one open-ended (`to` null) unless a pause is still running. Overlapping or unsorted
 * pauses are merged first.
 */
export function runningStretches(start: Date, pauses: readonly Pause[]): Pause[] {
  const sorted = [...pauses]
    .map((p) => ({ from: p.from.getTime(), to: p.to === null ? Number.POSITIVE_INFINITY : p.to.getTime() }))
    .filter((p) => p.to > p.from)
    .sort((a, b) => a.from - b.from);
  const out: Pause[] = [];
  let cursor = start.getTime();
  for (const p of sorted) {
    if (p.to <= cursor) continue;
    if (p.from > cursor) out.push({ from: new Date(cursor), to: new Date(p.from) });
    cursor = Math.max(cursor, p.to);
    if (cursor === Number.POSITIVE_INFINITY) return out;
  }
  out.push({ from: new Date(cursor), to: null });
  return out;
}

/**
 * Business seconds the clock has run from `start` to `until`: business time on the calendar with
 * the pauses removed (Zendesk's "agent work time" excludes pending and on-hold; ITIL "SLA clock
 * stop"). Null calendar: calendar seconds.
 */
export function runningSeconds(
  start: Date,
  until: Date,
  pauses: readonly Pause[],
  calendar: TeamCalendar | null,
): number {
  let total = 0;
  for (const s of runningStretches(start, pauses)) {
    if (s.from.getTime() >= until.getTime()) break;
    const to = s.to === null || s.to.getTime() > until.getTime() ? until : s.to;
    total += span(s.from, to, calendar);
  }
  return total;
}

const span = (from: Date, to: Date, calendar: TeamCalendar | null): number =>
  calendar === null
    ? Math.round((to.getTime() - from.getTime()) / 1000)
    : (businessSeconds(from, to, calendar) ?? 0);

/**
 * The instant the clock started at `start` has run `seconds` business seconds, the pauses
 * removed: `addBusinessSeconds` over the running stretches. A pause therefore moves the deadline
 * later by exactly the business time it covered, never earlier (property-tested). Null when a pause
 * still running comes first (the clock is stopped: no deadline until it resumes).
 *
 * @throws RangeError as `addBusinessSeconds` (negative or fractional seconds, a calendar that never opens).
 * @example dueAfter(mon 09:00, 8 h, weekdays 09–18, [pause 10:00–14:00]) // tue 12:00
 */
export function dueAfter(
  start: Date,
  seconds: number,
  pauses: readonly Pause[],
  calendar: TeamCalendar | null,
): Date | null {
  if (!Number.isInteger(seconds) || seconds < 0)
    throw new RangeError(`business seconds must be a whole number ≥ 0, got ${seconds}`);
  let remaining = seconds;
  for (const s of runningStretches(start, pauses)) {
    if (s.to === null) return add(s.from, remaining, calendar);
    const available = span(s.from, s.to, calendar);
    if (remaining === 0) return s.from;
    if (available >= remaining) return add(s.from, remaining, calendar);
    remaining -= available;
  }
  return null;
}

const add = (from: Date, seconds: number, calendar: TeamCalendar | null): Date =>
  calendar === null ? new Date(from.getTime() + seconds * 1000) : addBusinessSeconds(from, seconds, calendar);
