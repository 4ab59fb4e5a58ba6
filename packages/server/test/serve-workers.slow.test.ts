import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { openShoreline } from '../src/main.js';
import { loadConfig } from '../src/platform/config.js';
import {
  childEnv,
  type ProcessDatabase,
  processDatabase,
  type ServerProcess,
  signInDemoAdmin,
  spawnCli,
  startServer,
  stopServer,
} from '../src/test-support/processes.js';

const url = process.env.DATABASE_URL;

/** A GET on a new connection each time, so the primary hands it to the next worker. */
function getOnce(address: string, cookie: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(address, { agent: false, headers: { cookie, connection: 'close' } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => {
        body += d.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

const childrenOf = (pid: number): number[] =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * `shoreline serve --workers 2` (decision 0058): two processes share the port, a session made
 * through one is honoured by the other, and SIGTERM stops both and leaves no connection open.
 * Several processes need one PostgreSQL database; on PGlite the flag is refused.
 */
describe('shoreline serve --workers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shoreline-workers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses several workers on PGlite, which is one process’s database', async () => {
    const child = spawnCli(
      ['serve', '--workers', '2'],
      childEnv({ PORT: '0', HOST: '127.0.0.1', SHORELINE_DATA_DIR: join(dir, 'pglite') }),
      ['ignore', 'pipe', 'pipe'],
    );
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(code).toBe(1);
    expect(err).toContain('--workers needs PostgreSQL');
  }, 60_000);

  describe.skipIf(!url)('on PostgreSQL', () => {
    const dbName = `shoreline_serve_workers_${process.pid}`;
    let database: ProcessDatabase;
    let server: ServerProcess;

    beforeAll(async () => {
      database = await processDatabase(dbName, dir);
      // The demo organization without its generated year.
      const instance = await openShoreline(loadConfig({ DATABASE_URL: database.env.DATABASE_URL }));
      await seedDemo(instance.ctx);
      await instance.close();
    }, 120_000);
    afterAll(async () => {
      if (server) await stopServer(server);
      await database?.drop();
    });

    it('serves from two processes on one port and stops both on SIGTERM', async () => {
      server = startServer(
        ['--workers', '2'],
        childEnv({
          PORT: '0',
          HOST: '127.0.0.1',
          SHORELINE_WEB_DIR: '/nonexistent',
          ...database.env,
        }),
      );
      const base = await server.url;
      const primary = server.child.pid!;
      const workers = existsSync(`/proc/${primary}/task`) ? childrenOf(primary) : [];
      if (existsSync(`/proc/${primary}/task`)) expect(workers).toHaveLength(2);

      // Signed in through one worker, known to both: every new connection goes to the next one.
      const cookie = await signInDemoAdmin(base);
      const answers = await Promise.all(Array.from({ length: 8 }, () => getOnce(`${base}/api/me`, cookie)));
      for (const a of answers) {
        expect(a.status).toBe(200);
        expect(JSON.parse(a.body).email).toBe('admin@northwind.example');
      }

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      for (const pid of workers) expect(alive(pid)).toBe(false);
      // Both workers closed their pools: no connection to the database is left.
      const admin = new pg.Client({ connectionString: database.env.DATABASE_URL });
      await admin.connect();
      try {
        // A closed connection's backend ends just after the client goes: ask until it has.
        let left = -1;
        for (let i = 0; i < 50 && left !== 0; i++) {
          if (i > 0) await new Promise((r) => setTimeout(r, 100));
          const q = await admin.query(
            'select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
            [dbName],
          );
          left = q.rows[0].n;
        }
        expect(left).toBe(0);
      } finally {
        await admin.end();
      }
    }, 120_000);
  });
});
