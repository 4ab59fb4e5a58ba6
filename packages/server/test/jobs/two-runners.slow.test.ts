import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/main.js';
import { systemClock } from '../../src/platform/clock.js';
import { enqueueJob } from '../../src/platform/jobs/index.js';
import { databaseTargets, type TestDatabase } from '../../src/test-support/databases.js';
import { spawnTs } from '../../src/test-support/processes.js';

const JOBS = 500;
const postgres = databaseTargets().find((t) => t.kind === 'postgres');

/**
 * Two processes run the same queue on one PostgreSQL database at the same time: every job runs,
 * and none runs twice (FOR UPDATE SKIP LOCKED). PGlite is one process by nature, so PostgreSQL only.
 */
describe.runIf(postgres)('two runner processes on PostgreSQL', () => {
  let database: TestDatabase;
  let url: string;

  beforeAll(async () => {
    database = await postgres!.open();
    await runMigrations(database);
    await sql`create table test_job_log (job_id text not null, worker text not null)`.execute(database.db);
    for (let i = 0; i < JOBS; i++)
      await enqueueJob(database.db, systemClock, { name: 'test.log', payload: { i } });
    const current = await sql<{ db: string }>`select current_database() as db`.execute(database.db);
    const target = new URL(process.env.DATABASE_URL!);
    target.pathname = `/${current.rows[0]!.db}`;
    url = target.toString();
  }, 60_000);
  afterAll(() => database?.close());

  function child(worker: string) {
    const proc = spawnTs('packages/server/test/jobs/two-runners-child.ts', [url, worker], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    const ready = new Promise<void>((resolve) =>
      proc.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('ready')) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve));
    return { proc, ready, exited, output: () => out };
  }

  it(`runs each of ${JOBS} jobs exactly once`, async () => {
    const a = child('runner-a');
    const b = child('runner-b');
    await Promise.all([a.ready, b.ready]);
    a.proc.stdin?.write('go\n');
    b.proc.stdin?.write('go\n');
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);

    const log = await sql<{
      job_id: string;
      worker: string;
    }>`select job_id, worker from test_job_log`.execute(database.db);
    const ids = log.rows.map((r) => r.job_id);
    expect(ids).toHaveLength(JOBS);
    expect(new Set(ids).size).toBe(JOBS);
    const jobs = await database.db
      .selectFrom('jobs')
      .select(['id', 'status', 'attempts', 'locked_by'])
      .execute();
    expect(jobs.filter((j) => j.status === 'done')).toHaveLength(JOBS);
    expect(jobs.every((j) => j.attempts === 1)).toBe(true);
    // Each job was recorded by the process that held its claim.
    const holder = new Map(jobs.map((j) => [j.id, j.locked_by]));
    for (const r of log.rows) expect(holder.get(r.job_id)).toBe(r.worker);
    const byWorker = new Set(log.rows.map((r) => r.worker));
    expect([...byWorker].sort()).toEqual(['runner-a', 'runner-b']);
  }, 120_000);
});
