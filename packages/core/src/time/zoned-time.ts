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
 * wall time does not exist and the instant one offset later is returned; in an overlap, the
 * earlier one.
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
 * None: a gap, answered by the two-pass fixed point (min of `naive − off(naive)` and
 * `naive − off(that)`). The fixed point alone is wrong east of Greenwich in the hours before a
 * change (Australia/Sydney, Saturday 2025-10-04 20:00 read as 09:00Z, an hour early: `naive` read as
 * UTC lies past the change), which routing's DST properties found.
 */
export function instantOfWallTime(naive: number, offsetOf: (ms: number) => number): number {
  const before = offsetOf(naive - DAY);
  const after = offsetOf(naive + DAY);
  let best = Number.POSITIVE_INFINITY;
  for (const o of before === after ? [before] : [before, after]) {
    const t = naive - o;
    if (offsetOf(t) === o && t < best) best = t;
  }
  if (best !== Number.POSITIVE_INFINITY) return best;
  const first = naive - offsetOf(naive);
  return Math.min(first, naive - offsetOf(first));
}
