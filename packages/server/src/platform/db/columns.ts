import type { ColumnType } from 'kysely';

// The column types every module's tables.ts spells its rows with (what a row reads as, what an
// insert and an update take): one definition, so the tables agree on what an instant or JSON is.

/** An instant (timestamptz): read as a Date, written as a Date or an ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** An instant that may be null, and may be left out of an insert. */
export type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

/** A creation instant the database fills in by default and nothing updates. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** A jsonb column: read as `T`, written as its JSON text. */
export type Json<T> = ColumnType<T, string, string>;

/** A Timestamp or NullableTimestamp column's value as the API sends it: ISO 8601 in UTC, or null. */
export const isoOrNull = (d: Date | string | null): string | null =>
  d === null ? null : new Date(d).toISOString();
