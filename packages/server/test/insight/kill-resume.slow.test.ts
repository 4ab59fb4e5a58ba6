import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  childEnv,
  type ProcessDatabase,
  processDatabase,
  spawnCli,
} from '../../src/test-support/processes.js';
import { generateCanonicalTickets } from './generate.js';

const TICKETS = 3_000;
const KILLS = 20;

/**
 * Runs `shoreline import` as a child process and SIGKILLs it at random points (after a random number
 * of committed batches, plus a random delay, so kills land inside transactions too), 20 times; then
 * lets a last run finish. Every ticket must be there exactly once, with its data.
 */
describe('an import killed at random points resumes without losing or doubling tickets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shoreline-kill-'));
  const file = join(dir, 'tickets.ndjson');
  const dbName = `shoreline_kill_${process.pid}`;
  let database: ProcessDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    writeFileSync(file, `${[...generateCanonicalTickets(TICKETS)].join('\n')}\n`);
    database = await processDatabase(dbName, dir);
    env = childEnv({ SHORELINE_PROGRESS_LOG: '1', ...database.env });
    // One organization to import into; not seed-demo, which also imports the demo's generated year.
    const added = cli([
      'user',
      'add',
      '--email',
      'kill@example.com',
      '--name',
      'Kill',
      '--organization',
      'Kill Co',
      '--password',
      'kill-resume-Zq8v41p',
    ]);
    expect(await added.done).toBe(0);
    // Safety nets, not speed checks: CI runs the soaks on PGlite beside other steps (decision 0045),
    // and at load 18 this first start (initdb and every migration in a child process) took 100 s.
  }, 300_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database?.drop();
  });

  function cli(args: string[]): {
    child: ChildProcess;
    done: Promise<number | null>;
    progress: () => number;
  } {
    const child = spawnCli(args, env, ['ignore', 'pipe', 'pipe']);
    let lines = 0;
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => {
      lines += d
        .toString()
        .split('\n')
        .filter((l) => l.startsWith('progress')).length;
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const done = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => {
        if (code !== 0 && code !== null) console.error(stderr);
        resolve(code);
      }),
    );
    return { child, done, progress: () => lines };
  }

  async function countDoneRuns(): Promise<number> {
    const db = await database.open();
    try {
      const runs = await db.db.selectFrom('import_runs').select('status').execute();
      return runs.filter((r) => r.status === 'done').length;
    } finally {
      await db.close();
    }
  }

  it(`survives ${KILLS} SIGKILLs`, async () => {
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    let killed = 0;
    let completedBeforeKill = 0;
    let doneBefore = 0;
    for (let i = 0; i < KILLS; i++) {
      const run = cli(['import', 'canonical', file, '--batch-size', '50', '--no-progress']);
      const batchesBeforeKill = Math.floor(random() * 3);
      const extraMs = Math.floor(random() * 120);
      const start = Date.now();
      while (
        run.progress() < batchesBeforeKill &&
        run.child.exitCode === null &&
        Date.now() - start < 20_000
      ) {
        await new Promise((r) => setTimeout(r, 5));
      }
      await new Promise((r) => setTimeout(r, extraMs));
      if (run.child.exitCode === null) {
        run.child.kill('SIGKILL');
        killed++;
      }
      // On a fast database a run can finish the whole file before its kill lands, or land between
      // marking its run done and exiting; the next runs then re-import a finished file, which is a new
      // run that updates tickets in place. So runs are counted as completed by the database, and one
      // that exited normally must be among them.
      const code = await run.done;
      const doneNow = await countDoneRuns();
      const completed = doneNow - doneBefore;
      expect([0, 1]).toContain(completed);
      if (code === 0) expect(completed).toBe(1);
      completedBeforeKill += completed;
      doneBefore = doneNow;
    }
    expect(killed).toBeGreaterThanOrEqual(KILLS - 2);
    const final = cli(['import', 'canonical', file, '--batch-size', '50', '--no-progress']);
    expect(await final.done).toBe(0);

    const db = await database.open();
    try {
      const rows = await db.db
        .selectFrom('tickets')
        .select(['external_id', 'subject'])
        .where('source', '=', 'gen')
        .execute();
      const ids = new Set(rows.map((r) => r.external_id));
      expect(rows.length).toBe(TICKETS);
      expect(ids.size).toBe(TICKETS);
      for (let i = 0; i < TICKETS; i += 97) expect(ids.has(`T${i}`)).toBe(true);
      const runs = await db.db
        .selectFrom('import_runs')
        .select(['status', 'records_read', 'tickets_upserted'])
        .execute();
      const done = runs.filter((r) => r.status === 'done');
      expect(done).toHaveLength(completedBeforeKill + 1);
      for (const run of done) expect(Number(run.records_read)).toBe(TICKETS);
    } finally {
      await db.close();
    }
  }, 600_000);
});
