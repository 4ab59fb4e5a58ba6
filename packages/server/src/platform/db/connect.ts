import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { cancellablePool } from './cancel.js';
import { type DataDirLock, lockDataDir } from './data-dir-lock.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: the Kysely handle plus the native client, for what Kysely cannot do (COPY). */
export interface Database {
  readonly db: Kysely<DB>;
  readonly kind: DatabaseKind;
  readonly pglite?: PGlite;
  readonly pool?: pg.Pool;
  /** The lock on a PGlite data directory on disk (none in memory or on PostgreSQL). */
  readonly lock?: DataDirLock;
  close(): Promise<void>;
}

/**
 * PostgreSQL connections per process. Node runs one thread, so more connections only help while
 * queries wait on PostgreSQL (the SQL KPI engine, drill-downs); each costs PostgreSQL ≈ 10 MB.
 * With several server processes, processes × pool size must stay under `max_connections` (100).
 */
export const DEFAULT_POOL_SIZE = 10;

export interface DatabaseOptions {
  /** A postgres:// URL. When absent, the embedded PGlite is used. */
  url?: string | undefined;
  /** PostgreSQL only: connections in the pool (SHORELINE_DB_POOL_SIZE; default DEFAULT_POOL_SIZE). */
  poolSize?: number | undefined;
  /** PGlite data directory; `memory://` keeps everything in memory (tests). */
  dataDir?: string | undefined;
  /**
   * PGlite only: a data-directory tarball (`PGlite.dumpDataDir`) to start from instead of running
   * initdb, which is most of PGlite's start-up. Tests start every file's database from one.
   */
  loadDataDir?: Blob | undefined;
}

// int8 and numeric arrive as strings from PostgreSQL; counts fit in a double, so read them as numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

const opened = new WeakMap<object, Database>();

/**
 * The open database behind a Kysely handle from `openDatabase`: what needs the native client (COPY)
 * but holds only the handle — a ScopedDb's `database` — finds it here.
 */
export function databaseOf(db: object): Database | undefined {
  return opened.get(db);
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const database = await open(options);
  opened.set(database.db, database);
  return database;
}

async function open(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const url = options.url;
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? DEFAULT_POOL_SIZE });
    // An idle pooled connection the server ends (restart, failover, pg_terminate_backend) is dropped by
    // the pool and reopened on demand; without a listener its 'error' event would end the process.
    pool.on('error', (err) => console.warn(`database: idle connection closed: ${err.message}`));
    // Queries of a request whose client has gone are cancelled (cancel.ts): from a connection of
    // its own, since the pool may be full of the very queries to cancel.
    const cancelBackend = async (pid: number) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('select pg_cancel_backend($1)', [pid]);
      } finally {
        await client.end();
      }
    };
    const db = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: cancellablePool(pool, cancelBackend) }),
    });
    return { db, kind: 'postgres', pool, close: () => db.destroy() };
  }
  const dataDir = options.dataDir ?? 'memory://';
  let lock: DataDirLock | undefined;
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
    // One process per directory: a second PGlite on the same files loses writes without an error.
    lock = lockDataDir(dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir, {
      parsers: { 20: (v: string) => Number(v), 1700: (v: string) => Number(v) },
      // Trigram search (the tickets' search migration); PostgreSQL servers ship it in contrib.
      extensions: { pg_trgm },
      ...(options.loadDataDir && { loadDataDir: options.loadDataDir }),
    });
  } catch (err) {
    lock?.release();
    throw err;
  }
  return pgliteDatabase(pglite, lock);
}

/**
 * A Database over an open PGlite instance: openDatabase's, or one the tests hand from one file to
 * the next (test-support/pglite-pool.ts). Closing it closes the instance and releases `lock`.
 */
export function pgliteDatabase(pglite: PGlite, lock?: DataDirLock): Database {
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  const close = async () => {
    try {
      await db.destroy();
    } finally {
      lock?.release();
    }
  };
  const database: Database = lock
    ? { db, kind: 'pglite', pglite, lock, close }
    : { db, kind: 'pglite', pglite, close };
  opened.set(db, database);
  return database;
}
