import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  childEnv,
  type ProcessDatabase,
  processDatabase,
  repoRoot,
  type ServerProcess,
  signInDemoAdmin,
  startServer,
  stopServer,
} from '../src/test-support/processes.js';

// The CLI bundled into one module (scripts/compile-server.mjs; the slow suite's setup makes it), as
// `npm start` and `npx shoreline` run it: its commands, and the two worker threads that start from
// files beside the code (HiGHS for `shoreline schedule`, the compute worker for queued plans).

const BUNDLE = join(repoRoot, 'packages/server/dist/bundle/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'shoreline-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) =>
  spawnSync(process.execPath, [BUNDLE, ...args], { cwd: dir, encoding: 'utf8', env: childEnv({}) });

describe('the bundled CLI', () => {
  it('lists its commands (`npx shoreline --help`)', () => {
    const { status, stdout } = cli(['--help']);
    expect(status).toBe(0);
    for (const command of ['serve', 'import', 'schedule', 'staff']) expect(stdout).toContain(command);
  });

  it('solves a schedule with HiGHS in its worker thread', () => {
    const requirements = join(dir, 'req.csv');
    const lines = ['interval_start,required'];
    for (let h = 0; h < 24; h++) lines.push(`2027-01-04T${String(h).padStart(2, '0')}:00,1`);
    writeFileSync(requirements, `${lines.join('\n')}\n`);
    const rules = join(dir, 'rules.json');
    writeFileSync(
      rules,
      JSON.stringify({ shiftTypes: [{ name: '8h', lengthMin: 480 }], startGridMin: 60, mode: 'cyclic' }),
    );
    const output = join(dir, 'shifts.csv');
    const run = cli([
      'schedule',
      '--requirements',
      requirements,
      '--rules',
      rules,
      '--output',
      output,
      '--json',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { solver: string; paidHours: number; shifts: number };
    // 'greedy' would mean the worker failed and the fallback answered.
    expect(report.solver).toBe('highs');
    expect(report.paidHours).toBe(24);
    expect(readFileSync(output, 'utf8').trimEnd().split('\n')).toHaveLength(4);
  });
});

describe('the bundled server', () => {
  const dbName = `shoreline_bundle_${process.pid}`;
  let database: ProcessDatabase;
  let server: ServerProcess;

  beforeAll(async () => {
    database = await processDatabase(dbName, dir);
    server = startServer(
      ['--demo'],
      childEnv({ PORT: '0', HOST: '127.0.0.1', SHORELINE_JOB_POLL_MS: '200', ...database.env }),
    );
  });
  afterAll(async () => {
    await stopServer(server);
    await database.drop();
  });

  it('computes a queued staffing plan in the compute worker', async () => {
    const base = await server.url;
    const cookie = await signInDemoAdmin(base);
    const volume = Array.from({ length: 35_040 }, (_, i) => Math.round(60 + 50 * Math.sin(i / 15)));
    const queued = await fetch(`${base}/api/plan/staffing`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        series: { start: '2025-01-01T00:00', intervalMin: 15, volume, ahtSec: 300 },
        targets: { serviceLevel: { fraction: 0.8, withinSec: 20 } },
        output: 'columns',
      }),
    });
    expect(queued.status).toBe(202);
    const { id } = (await queued.json()) as { id: string };
    let job: { status: string; lastError?: string | null; result?: { columns: { start: string[] } } };
    for (;;) {
      job = (await (
        await fetch(`${base}/api/plan/jobs/${id}`, { headers: { cookie } })
      ).json()) as typeof job;
      expect(job.status, job.lastError ?? '').not.toBe('dead');
      if (job.status === 'done') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(job.result!.columns.start).toHaveLength(35_040);
  });
});
