/**
 * Where zones change offset, found from the runtime's own tz data (ICU, via `offsetAt`): what the
 * local-time columns are checked against, in core's properties and against PostgreSQL in the server.
 * Source of the zones' rules: the IANA tz database (https://www.iana.org/time-zones).
 */
import { offsetAt } from './zoned-time.js';

const WEEK_MS = 7 * 86_400_000;

/**
 * Zones chosen for their awkward offsets: DST both ways and none, half- and quarter-hour offsets
 * (St_Johns, Kolkata, Kathmandu, Chatham), a 30-minute DST (Lord_Howe), a skipped day (Apia,
 * 2011-12-30) and a southern DST that ended (Sao_Paulo).
 */
export const AWKWARD_ZONES = [
  'UTC',
  'Europe/Riga',
  'America/New_York',
  'America/St_Johns',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Apia',
  'America/Sao_Paulo',
] as const;

/**
 * The instants (ms) in [fromMs, toMs] where `timeZone`'s offset changes: a weekly scan, then
 * bisection to the millisecond. Assumes at most one change a week, which holds for every IANA zone.
 */
export function offsetTransitions(timeZone: string, fromMs: number, toMs: number): number[] {
  const found: number[] = [];
  let prev = offsetAt(fromMs, timeZone);
  for (let t = fromMs + WEEK_MS; t <= toMs; t += WEEK_MS) {
    const off = offsetAt(t, timeZone);
    if (off === prev) continue;
    let lo = t - WEEK_MS;
    let hi = t;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid, timeZone) === prev) lo = mid;
      else hi = mid;
    }
    found.push(hi);
    prev = off;
  }
  return found;
}
