/**
 * Wall-clock ↔ UTC conversion for IANA time zones using only `Intl` (no time-zone database of our
 * own). Pure: the answer depends only on the arguments and the runtime's tz data.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** @throws RangeError naming the zone when it is not a valid IANA time zone. */
export function assertTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`unknown time zone "${timeZone}"`);
  }
}

export interface WallClock {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading in `timeZone` at instant `ms` (milliseconds since the epoch). */
export function wallClockAt(ms: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (east positive). */
export function offsetAt(ms: number, timeZone: string): number {
  const w = wallClockAt(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The UTC instant (ms) at which `timeZone`'s clocks read the given wall time. In a DST gap the
 * wall time does not exist and it is read with the offset in force before the gap (02:30 on the
 * spring-forward night in Berlin is 03:30 summer time), as RFC 5545 §3.3.5 and Temporal's
 * "compatible" disambiguation do; in an overlap, the earlier instant.
 */
export function zonedToUtc(w: WallClock, timeZone: string): number {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return instantOfWallTime(naive, (ms) => offsetAt(ms, timeZone));
}

const DAY = 86_400_000;

/**
 * The instant whose wall clock reads `naive` (the wall time's fields read as if UTC), given the
 * zone's offset function. The candidates are `naive − o` for the offsets in force a day before and
 * a day after (every real transition is under a day of offset, and none are closer than two days);
 * a candidate is right when its own offset is `o`. Two right ones: an overlap, the earlier is taken.
 * None: a gap, read with the offset before it (RFC 5545 §3.3.5), so the instant lies after the
 * gap and never before the wall time asked for. An earlier two-pass fixed point was wrong east of
 * Greenwich in the hours before a change (Australia/Sydney, Saturday 2025-10-04 20:00 read as
 * 09:00Z, an hour early: `naive` read as UTC lies past the change), which routing's DST
 * properties found; it also answered gaps an hour early.
 */
export function instantOfWallTime(naive: number, offsetOf: (ms: number) => number): number {
  const before = offsetOf(naive - DAY);
  const after = offsetOf(naive + DAY);
  let best = Number.POSITIVE_INFINITY;
  for (const o of before === after ? [before] : [before, after]) {
    const t = naive - o;
    if (offsetOf(t) === o && t < best) best = t;
  }
  return best !== Number.POSITIVE_INFINITY ? best : naive - before;
}
