import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../../platform/db/connect.js';

/** What the bulk loader needs inside one transaction: plain queries and `COPY … FROM STDIN`. */
export interface CopyTransaction {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Loads CSV text with `copy <target> from stdin (format csv)`. */
  copyCsv(target: string, csv: string): Promise<void>;
}

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
      await client.query('begin');
      const result = await fn({
        query: async (sql, params) => (await client.query(sql, params)).rows,
        copyCsv: async (target, csv) => {
          const stream = client.query(copyFrom(`copy ${target} from stdin (format csv)`));
          await pipeline(Readable.from([csv]), stream);
        },
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
  return pglite.transaction(async (tx) =>
    fn({
      query: async (sql, params) => (await tx.query(sql, params)).rows as never[],
      copyCsv: async (target, csv) => {
        await tx.query(`copy ${target} from '/dev/blob' (format csv)`, [], { blob: new Blob([csv]) });
      },
    }),
  );
}

/** One CSV field for COPY: null → unquoted empty (SQL NULL); text always quoted. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return `"${String(value).replaceAll('"', '""')}"`;
}

/** A PostgreSQL array literal of text: `{"a","b \"c\""}`. */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

export const csvRow = (fields: readonly unknown[]): string => `${fields.map(csvField).join(',')}\n`;
