import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, type DatabaseKind, openDatabase } from '../platform/db/connect.js';
import { openMigratedPglite } from './pglite-pool.js';
import { pgliteTemplate } from './pglite-template.js';

/** A fresh, empty database for one test file; `close` drops it. */
export type TestDatabase = Database;

export interface DatabaseTarget {
  kind: DatabaseKind;
  /** A new, empty database: no migrations applied. */
  open(): Promise<TestDatabase>;
  /**
   * A database for a Shoreline app, which migrates it on start: on PGlite an earlier file's,
   * emptied, when this worker has one (pglite-pool.ts). Without it, `open`.
   */
  openForApp?(): Promise<TestDatabase>;
}

/** `target`'s database for an app (see DatabaseTarget.openForApp). */
export function openForApp(target: DatabaseTarget): Promise<TestDatabase> {
  return target.openForApp ? target.openForApp() : target.open();
}

const pgliteTarget: DatabaseTarget = {
  kind: 'pglite',
  // In memory, started from a cached empty cluster instead of running initdb (pglite-template.ts).
  open: async () => openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteTemplate() }),
  openForApp: openMigratedPglite,
};

/** Creates database `name` on the server of `url` (dropping a leftover of a crashed run); its URL. */
export async function createPostgresDatabase(url: string, name: string): Promise<string> {
  await adminQuery(url, `drop database if exists ${name} with (force)`, `create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

export async function dropPostgresDatabase(url: string, name: string): Promise<void> {
  await adminQuery(url, `drop database if exists ${name} with (force)`);
}

async function adminQuery(url: string, ...statements: string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    for (const statement of statements) await admin.query(statement);
  } finally {
    await admin.end();
  }
}

function postgresTarget(url: string): DatabaseTarget {
  return {
    kind: 'postgres',
    async open() {
      // One throwaway database per test file, so files run in parallel without sharing rows.
      const name = `shoreline_t_${randomBytes(6).toString('hex')}`;
      const database = await openDatabase({ url: await createPostgresDatabase(url, name) });
      return {
        ...database,
        async close() {
          await database.close();
          await dropPostgresDatabase(url, name);
        },
      };
    },
  };
}

/**
 * PGlite always; PostgreSQL too when DATABASE_URL is set. For suites that must pass on both.
 * `SHORELINE_TEST_TARGETS=postgres` leaves PGlite out: CI sets it on its PostgreSQL run because its
 * PGlite run has already covered PGlite (each suite would otherwise run on PGlite twice).
 */
export function databaseTargets(): DatabaseTarget[] {
  const url = process.env.DATABASE_URL;
  if (!url) return [pgliteTarget];
  if (process.env.SHORELINE_TEST_TARGETS === 'postgres') return [postgresTarget(url)];
  return [pgliteTarget, postgresTarget(url)];
}

/** The database the rest of the tests use: PostgreSQL when DATABASE_URL is set, else PGlite. */
export function primaryTarget(): DatabaseTarget {
  const url = process.env.DATABASE_URL;
  return url ? postgresTarget(url) : pgliteTarget;
}
