import { bucketStartDay, formatDay, hourOfWeekColumn, localDayColumn } from '@shoreline/core/insight/index';
import { AWKWARD_ZONES, offsetTransitions } from '@shoreline/core/time/index';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/platform/jobs/backoff.js';
import { databaseTargets, type TestDatabase } from '../../src/test-support/databases.js';

/**
 * The in-memory local-time columns (core/insight/local-time-columns.ts, offsets from Node's ICU)
 * give exactly what PostgreSQL gives for `extract(isodow|hour from ts at time zone tz)` and
 * `to_char(date_trunc('day'|'week'|'month', ts at time zone tz), 'YYYY-MM-DD')`.
 *
 * Eras: 1970–2037 only, where ICU and PostgreSQL agree for these ten zones. Both read the IANA tz
 * database, but different releases: Node 20.20's ICU 78.2 has tzdata 2025c, Debian's PostgreSQL 15
 * uses the system's 2025b, PGlite 0.5.16 (PostgreSQL 18.6) bundles its own, evidently newer, copy.
 * These ten zones agree on both servers over 1900–2100 (one instant every ~7.3 h). A scan of the
 * zones from Africa/* to Europe/L* (one instant every ~257 h, 1900–2100) found differences elsewhere:
 * - PostgreSQL 15 / Debian 2025b: zones that tzdata now links to another (Africa/Accra → Abidjan,
 *   Asia/Aden → Riyadh, Antarctica/McMurdo → Auckland, Europe/Luxembourg → Brussels, …) get the
 *   target's pre-1970 history, where ICU keeps each zone's own; America/Tijuana differs 1953–1975.
 * - PGlite: America/Vancouver, America/Edmonton, Africa/Casablanca and Africa/El_Aaiun differ from
 *   2026 on (rule changes in PGlite's newer data that ICU 2025c lacks).
 * Such differences follow the runtime's and the server's tz data, not this code.
 */
const ZONES = AWKWARD_ZONES;
const FROM_MS = Date.UTC(1970, 0, 1);
const TO_MS = Date.UTC(2038, 0, 1);
const RANDOM_PER_ZONE = 1_400;

/** Offset transitions (ms) of the zone in [FROM_MS, TO_MS): the last week before TO_MS holds none. */
const transitionsOf = (timeZone: string) => offsetTransitions(timeZone, FROM_MS, TO_MS);

/** ~2,000 instants in µs per zone: random over 1970–2037 (with sub-ms parts), plus ±1 ms / −1 µs at transitions. */
function instantsFor(timeZone: string, seed: number): number[] {
  // Deterministic (mulberry32), so a failure reproduces.
  const random = seededRandom(seed);
  const out: number[] = [];
  for (let i = 0; i < RANDOM_PER_ZONE; i++) {
    out.push(Math.floor((FROM_MS + random() * (TO_MS - FROM_MS - 1)) * 1000));
  }
  const transitions = transitionsOf(timeZone);
  // Evenly spaced transitions up to ~600 instants' worth, each probed five ways.
  const every = Math.max(1, Math.ceil((transitions.length * 5) / 600));
  transitions.forEach((t, i) => {
    if (i % every !== 0) return;
    for (const us of [t * 1000 - 1000, t * 1000 - 1, t * 1000, t * 1000 + 999, t * 1000 + 1000]) out.push(us);
  });
  return out;
}

interface PgRow {
  isodow: number;
  hour: number;
  day: string;
  week: string;
  month: string;
}

for (const target of databaseTargets()) {
  describe(`local-time columns equal PostgreSQL's at time zone on ${target.kind}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await target.open();
    }, 60_000);
    afterAll(() => database?.close());

    it.each(ZONES.map((zone, i) => [zone, i] as const))('%s', async (zone, i) => {
      const micros = instantsFor(zone, 1_000 + i);
      // µs as a bigint array literal; epoch + n µs is exact (interval arithmetic is in integer µs).
      const { rows } = await sql<PgRow>`
        select extract(isodow from l)::int as isodow,
               extract(hour from l)::int as hour,
               to_char(date_trunc('day', l), 'YYYY-MM-DD') as day,
               to_char(date_trunc('week', l), 'YYYY-MM-DD') as week,
               to_char(date_trunc('month', l), 'YYYY-MM-DD') as month
        from unnest(${`{${micros.join(',')}}`}::text::bigint[]) with ordinality as u(us, n)
        cross join lateral (
          select (timestamptz '1970-01-01 00:00:00+00' + u.us * interval '1 microsecond') at time zone ${zone} as l
        ) x
        order by u.n`.execute(database.db);
      expect(rows).toHaveLength(micros.length);

      const column = Float64Array.from(micros);
      const hours = hourOfWeekColumn(column, zone);
      const days = localDayColumn(column, zone);
      const mismatches: string[] = [];
      rows.forEach((row, k) => {
        const day = days[k]!;
        const ours = {
          isodow: Math.floor(hours[k]! / 24) + 1,
          hour: hours[k]! % 24,
          day: formatDay(bucketStartDay(day, 'day')),
          week: formatDay(bucketStartDay(day, 'week')),
          month: formatDay(bucketStartDay(day, 'month')),
        };
        const theirs = { ...row, isodow: Number(row.isodow), hour: Number(row.hour) };
        if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
          mismatches.push(
            `${new Date(Math.floor(micros[k]! / 1000)).toISOString()} ${JSON.stringify({ ours, theirs })}`,
          );
        }
      });
      expect(mismatches.slice(0, 10), `${mismatches.length} of ${micros.length} differ`).toEqual([]);
    });
  });
}
