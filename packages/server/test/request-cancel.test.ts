import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../src/demo/seed.js';
import { createShoreline, listen, type Shoreline } from '../src/main.js';
import { loadConfig } from '../src/platform/config.js';
import type { Database } from '../src/platform/db/connect.js';
import { primaryTarget } from '../src/test-support/databases.js';

// A request whose client goes away must not leave its query running (Hardening #14 item 15: with 50
// clients timing out, their queries ran on). The slow query is made deterministic by a lock: the test
// holds an exclusive lock on `tickets`, so the drill-down's query waits in PostgreSQL until cancelled.
// PGlite runs one query at a time in-process and cannot cancel one: PostgreSQL only.
const url = process.env.DATABASE_URL;

describe.skipIf(!url)('queries of a request whose client has gone (PostgreSQL; set DATABASE_URL)', () => {
  let database: Database;
  let shoreline: Shoreline;
  let server: { port: number; close(): Promise<void> };
  let base: string;
  let cookie: string;

  beforeAll(async () => {
    database = await primaryTarget().open();
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      SHORELINE_DATA_DIR: 'memory://',
    });
    shoreline = await createShoreline(config, { database, webDir: '/nonexistent' });
    await seedDemo(shoreline.ctx);
    server = await listen(shoreline, config);
    base = `http://127.0.0.1:${server.port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_USERS.admin, password: DEMO_PASSWORD }),
    });
    cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await shoreline?.close();
  });

  /** Backends (other than `except`) running a statement on tickets right now. */
  async function ticketQueries(except: number): Promise<number[]> {
    const rows = await database.pool!.query<{ pid: number }>(
      `select pid from pg_stat_activity
        where datname = current_database() and pid not in ($1, pg_backend_pid()) and state = 'active'
          and query ilike '%from "tickets"%'`,
      [except],
    );
    return rows.rows.map((r) => r.pid);
  }

  async function until<T>(find: () => Promise<T | null>, timeoutMs = 20_000): Promise<T | null> {
    const end = performance.now() + timeoutMs;
    while (performance.now() < end) {
      const found = await find();
      if (found !== null) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    return null;
  }

  it('cancels the query in PostgreSQL when the client aborts, and the server keeps serving', {
    timeout: 90_000,
  }, async () => {
    const locker = await database.pool!.connect();
    const lockerPid = (await locker.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    await locker.query('begin');
    await locker.query('lock table tickets in access exclusive mode');
    try {
      const client = new AbortController();
      const answer = fetch(`${base}/api/insight/tickets?limit=5`, {
        headers: { cookie },
        signal: client.signal,
      }).catch((err: Error) => err);
      // The drill-down's query is in PostgreSQL, waiting for the lock.
      const waiting = await until(async () => {
        const pids = await ticketQueries(lockerPid);
        return pids.length > 0 ? pids : null;
      });
      expect(waiting).not.toBeNull();

      client.abort();
      expect(await answer).toBeInstanceOf(Error);
      // Gone from pg_stat_activity while the lock is still held: cancelled, not finished.
      const gone = await until(async () => ((await ticketQueries(lockerPid)).length === 0 ? true : null));
      expect(gone).toBe(true);
    } finally {
      await locker.query('rollback');
      locker.release();
    }
    // No connection was lost to the pool: more requests than it has connections all succeed.
    const after = await Promise.all(
      Array.from({ length: 15 }, () =>
        fetch(`${base}/api/insight/tickets?limit=5`, { headers: { cookie } }).then((r) => r.status),
      ),
    );
    expect(after.every((s) => s === 200)).toBe(true);
  });
});
