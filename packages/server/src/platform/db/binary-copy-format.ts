/**
 * Constants of PostgreSQL's binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html,
 * "Binary Format"), shared by the writer of ticket rows and the reader of KPI columns.
 */

/** The 11 bytes every binary COPY stream starts with. */
export const BINARY_COPY_SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/** 2000-01-01T00:00:00Z, the epoch of binary `timestamptz` (int64 microseconds), in Unix milliseconds. */
export const PG_EPOCH_MS = 946_684_800_000;
