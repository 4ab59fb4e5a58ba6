import { assertTimeZone } from '@shoreline/core';
import { type Kysely, sql } from 'kysely';
import { AppError } from '../http/problem.js';

const known = new WeakMap<object, Promise<Set<string>>>();

/**
 * The IANA time-zone names this database knows (`pg_timezone_names`), read once per database.
 * Node's and PostgreSQL's tz data differ (Node accepts `US/Pacific-New`, which PostgreSQL has
 * dropped): a zone used in SQL must be one PostgreSQL knows, or the query fails with a 500.
 */
export function databaseTimeZones<T>(db: Kysely<T>, key: object = db): Promise<Set<string>> {
  let names = known.get(key);
  if (!names) {
    names = sql<{ name: string }>`select name from pg_timezone_names`
      .execute(db)
      .then((r) => new Set(r.rows.map((row) => row.name)));
    names.catch(() => known.delete(key));
    known.set(key, names);
  }
  return names;
}

/**
 * The field error for a time zone this server cannot count days in (decision 0065): code
 * `unknown_time_zone`, which the web app's catalogs name in the reader's language.
 */
export function unknownTimeZone(field: string, timeZone: string): AppError {
  const message = 'unknown IANA time zone, such as Europe/Istanbul';
  return new AppError('validation_failed', `${field}: unknown IANA time zone "${timeZone}"`, field, [
    { field, code: 'unknown_time_zone', message },
  ]);
}

/**
 * Refuses, naming `field`, a time zone that either the runtime's `Intl` (which draws local days'
 * boundaries: core `localDayRange`) or the database (which reads local hours in SQL) does not know.
 * `key` is the per-database cache key (a ScopedDb's `database`) when `db` is a transaction.
 * @throws {AppError} `validation_failed` with one field error of code `unknown_time_zone`.
 */
export async function requireTimeZone<T>(db: Kysely<T>, timeZone: string, field: string, key: object = db) {
  try {
    assertTimeZone(timeZone);
  } catch {
    throw unknownTimeZone(field, timeZone);
  }
  if (!(await databaseTimeZones(db, key)).has(timeZone)) throw unknownTimeZone(field, timeZone);
}
