import { type Kysely, sql } from 'kysely';

const known = new WeakMap<object, Promise<Set<string>>>();

/**
 * The IANA time-zone names this database knows (`pg_timezone_names`), read once per database.
 * Node's and PostgreSQL's tz data differ (Node accepts `US/Pacific-New`, which PostgreSQL has
 * dropped): a zone used in SQL must be one PostgreSQL knows, or the query fails with a 500.
 */
export function databaseTimeZones<T>(db: Kysely<T>): Promise<Set<string>> {
  let names = known.get(db);
  if (!names) {
    names = sql<{ name: string }>`select name from pg_timezone_names`
      .execute(db)
      .then((r) => new Set(r.rows.map((row) => row.name)));
    names.catch(() => known.delete(db));
    known.set(db, names);
  }
  return names;
}
