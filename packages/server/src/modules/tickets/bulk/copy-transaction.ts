import { finished } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../../platform/db/connect.js';
import { BINARY_COPY_HEADER, BINARY_COPY_TRAILER } from './binary-rows.js';

/** What the bulk loader needs inside one transaction: plain queries and `COPY … FROM STDIN`. */
export interface CopyTransaction {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Loads COPY text-format rows (tab-separated, `\\N` for NULL; UTF-8 segments) with `copy <target> from stdin`. */
  copyText(target: string, rows: readonly Buffer[]): Promise<void>;
  /**
   * Loads binary COPY rows (each a 16-bit field count, then per field a 32-bit length and its bytes;
   * see binary-rows.ts) with `copy <target> from stdin with (format binary)`; header and trailer are
   * added here.
   */
  copyBinary(target: string, rows: readonly Buffer[]): Promise<void>;
}

const tuned = new WeakSet<object>();

/**
 * Runs `fn` in one database transaction on either engine: PostgreSQL through a pooled client and
 * pg-copy-streams, PGlite through its transaction with `COPY … FROM '/dev/blob'`.
 */
export async function inCopyTransaction<R>(
  database: Database,
  fn: (tx: CopyTransaction) => Promise<R>,
): Promise<R> {
  if (database.pool) {
    const client = await database.pool.connect();
    try {
      if (!tuned.has(client)) {
        // Staging tables are temporary: give them room in local buffers before the session first
        // touches one (PostgreSQL refuses the setting afterwards; then the default stays).
        tuned.add(client);
        await client.query(`set temp_buffers = '128MB'`).catch(() => undefined);
      }
      await client.query('begin');
      // All segments are handed over at once: the stream sends them in one go (its writev) instead
      // of waiting for the socket to drain between segments, which costs an event-loop turn each.
      const copy = async (sql: string, rows: readonly Buffer[]) => {
        const stream = client.query(copyFrom(sql));
        const done = finished(stream);
        for (const segment of rows) stream.write(segment);
        stream.end();
        await done;
      };
      const result = await fn({
        query: async (sql, params) => (await client.query(sql, params)).rows,
        copyText: (target, rows) => copy(`copy ${target} from stdin`, rows),
        copyBinary: (target, rows) =>
          copy(`copy ${target} from stdin with (format binary)`, [
            BINARY_COPY_HEADER,
            ...rows,
            BINARY_COPY_TRAILER,
          ]),
      });
      await client.query('commit');
      return result;
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
  const pglite = database.pglite;
  if (!pglite) throw new Error('database has neither a pool nor a PGlite instance');
  return pglite.transaction(async (tx) => {
    const copy = async (sql: string, rows: readonly Buffer[]) => {
      // Node's Buffers are Blob parts; the cast only bridges DOM and Node typings of ArrayBuffer.
      const blob = new Blob(rows as unknown as ConstructorParameters<typeof Blob>[0]);
      await tx.query(sql, [], { blob });
    };
    return fn({
      query: async (sql, params) => (await tx.query(sql, params)).rows as never[],
      copyText: (target, rows) => copy(`copy ${target} from '/dev/blob'`, rows),
      copyBinary: (target, rows) =>
        copy(`copy ${target} from '/dev/blob' with (format binary)`, [
          BINARY_COPY_HEADER,
          ...rows,
          BINARY_COPY_TRAILER,
        ]),
    });
  });
}

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Text for COPY's text format: backslash, tab, newline and carriage return escaped; NULL is `\N`. */
export function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : value;
}

/** A number for COPY (NULL when null or not finite). */
export const copyNumber = (value: number | null): string =>
  value !== null && Number.isFinite(value) ? String(value) : '\\N';

/** A boolean for COPY. */
export const copyBoolean = (value: boolean | null): string => (value === null ? '\\N' : value ? 't' : 'f');

/** An instant for COPY, in ISO 8601 UTC. */
export const copyInstant = (value: Date | null): string => (value === null ? '\\N' : value.toISOString());
