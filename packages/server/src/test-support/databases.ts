import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, type DatabaseKind, openDatabase } from '../platform/db/connect.js';
import { pgliteTemplate } from './pglite-template.js';

/** A fresh, empty database for one test file; `close` drops it. */
export type TestDatabase = Database;

export interface DatabaseTarget {
  kind: DatabaseKind;
  open(): Promise<TestDatabase>;
}

const pgliteTarget: DatabaseTarget = {
  kind: 'pglite',
  // In memory, started from a cached empty cluster instead of running initdb (pglite-template.ts).
  open: async () => openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteTemplate() }),
};

function postgresTarget(url: string): DatabaseTarget {
  return {
    kind: 'postgres',
    async open() {
      // One throwaway database per test file, so files run in parallel without sharing rows.
      const name = `shoreline_t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const target = new URL(url);
      target.pathname = `/${name}`;
      const database = await openDatabase({ url: target.toString() });
      return {
        ...database,
        async close() {
          await database.close();
          const cleanup = new pg.Client({ connectionString: url });
          await cleanup.connect();
          await cleanup.query(`drop database if exists ${name} with (force)`);
          await cleanup.end();
        },
      };
    },
  };
}

/** PGlite always; PostgreSQL too when DATABASE_URL is set. For suites that must pass on both. */
export function databaseTargets(): DatabaseTarget[] {
  const url = process.env.DATABASE_URL;
  return url ? [pgliteTarget, postgresTarget(url)] : [pgliteTarget];
}

/** The database the rest of the tests use: PostgreSQL when DATABASE_URL is set, else PGlite. */
export function primaryTarget(): DatabaseTarget {
  const url = process.env.DATABASE_URL;
  return url ? postgresTarget(url) : pgliteTarget;
}
