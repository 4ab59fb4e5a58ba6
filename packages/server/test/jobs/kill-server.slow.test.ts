import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computePlan } from '../../src/modules/plan/compute.js';
import {
  childEnv,
  type ProcessDatabase,
  processDatabase,
  signInDemoAdmin,
  startServer,
  stopServer,
} from '../../src/test-support/processes.js';
import { voiceScenario } from '../../src/test-support/scenarios.js';
import { generateCanonicalTickets } from '../insight/generate.js';

const TICKETS = 3_000;

/**
 * Platform #8, must-show 3: a real server process (`shoreline serve`) is killed with SIGKILL while
 * an HTTP import and a simulation job run; a new server on the same database finishes both:
 * every ticket once, the simulation's answer exactly what it computes uninterrupted, nothing left
 * `running`, the upload's bytes gone.
 */
describe('killing the server during an HTTP import and a simulation job', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shoreline-killsrv-'));
  const dbName = `shoreline_jobs_kill_${process.pid}`;
  let database: ProcessDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await processDatabase(dbName, dir);
    env = childEnv({
      PORT: '0',
      HOST: '127.0.0.1',
      // Small batches so the kill lands between checkpoints; a short lease so the new server on
      // PostgreSQL takes the orphaned jobs soon (on PGlite it takes them at start).
      SHORELINE_IMPORT_BATCH_SIZE: '100',
      SHORELINE_JOB_LEASE_MS: '1500',
      SHORELINE_JOB_POLL_MS: '200',
      ...database.env,
    });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database?.drop();
  });

  const scenario = voiceScenario({
    seed: 7,
    replications: 10,
    lengthSec: 900,
    count: 96,
    calls: [1500],
    agents: [420],
    handleSec: 240,
    patienceSec: 120,
  });

  it('after a restart both finish: nothing lost, nothing doubled, nothing left running', async () => {
    const first = startServer(['--demo'], env);
    const base = await first.url;
    const cookie = await signInDemoAdmin(base);
    const file = `${[...generateCanonicalTickets(TICKETS)].join('\n')}\n`;
    const up = await fetch(`${base}/api/uploads?fileName=tickets.ndjson`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', cookie },
      body: file,
    });
    expect(up.status).toBe(201);
    const { id: uploadId } = (await up.json()) as { id: string };
    const started = await fetch(`${base}/api/insight/imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ format: 'canonical', uploadId }),
    });
    expect(started.status).toBe(202);
    const { id: runId } = (await started.json()) as { id: string };
    const sim = await fetch(`${base}/api/plan/simulations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(scenario),
    });
    expect(sim.status).toBe(202);
    const { id: jobId } = (await sim.json()) as { id: string };

    // Kill once the import committed a batch but not all of them, with the simulation running.
    for (;;) {
      const run = (await (
        await fetch(`${base}/api/insight/imports/${runId}`, { headers: { cookie } })
      ).json()) as {
        recordsRead: number;
      };
      const job = (await (await fetch(`${base}/api/plan/jobs/${jobId}`, { headers: { cookie } })).json()) as {
        status: string;
      };
      expect(run.recordsRead).toBeLessThan(TICKETS);
      if (run.recordsRead > 0 && job.status === 'running') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await stopServer(first, 'SIGKILL');

    const second = startServer(['--demo'], env);
    const base2 = await second.url;
    const cookie2 = await signInDemoAdmin(base2);
    let run: { status: string; recordsRead: number; ticketsUpserted: number };
    let job: { status: string; attempts: number; lastError: string | null; result?: unknown };
    for (;;) {
      run = (await (
        await fetch(`${base2}/api/insight/imports/${runId}`, { headers: { cookie: cookie2 } })
      ).json()) as typeof run;
      job = (await (
        await fetch(`${base2}/api/plan/jobs/${jobId}`, { headers: { cookie: cookie2 } })
      ).json()) as typeof job;
      expect(run.status).not.toBe('failed');
      expect(job.status, job.lastError ?? '').not.toBe('dead');
      if (run.status === 'done' && job.status === 'done') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(run.recordsRead).toBe(TICKETS);
    expect(job.attempts).toBe(2);
    expect(job.result).toEqual(JSON.parse(computePlan('simulation', scenario)));
    // `serve --demo` also imports the demo's year of tickets in the background (not a job); the kill
    // interrupted it too, and the second server resumed it: let it finish before stopping.
    for (;;) {
      const list = (await (
        await fetch(`${base2}/api/insight/imports`, { headers: { cookie: cookie2 } })
      ).json()) as {
        items: { status: string }[];
      };
      if (list.items.every((r) => r.status !== 'running')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await stopServer(second);

    const db = await database.open();
    try {
      const tickets = await db.db
        .selectFrom('tickets')
        .select('external_id')
        .where('source', '=', 'gen')
        .execute();
      expect(tickets).toHaveLength(TICKETS);
      expect(new Set(tickets.map((t) => t.external_id)).size).toBe(TICKETS);
      const runs = await db.db.selectFrom('import_runs').select(['id', 'status']).execute();
      expect(runs.find((r) => r.id === runId)?.status).toBe('done');
      expect(runs.filter((r) => r.status !== 'done')).toEqual([]);
      const jobs = await db.db.selectFrom('jobs').select(['name', 'status']).execute();
      expect(jobs.filter((j) => j.status === 'running')).toEqual([]);
      expect(
        // The import and the simulation; recurring housekeeping (prunes, mail schedules) may be queued.
        jobs.filter((j) => j.name === 'insight.import' || j.name === 'plan.compute').map((j) => j.status),
      ).toEqual(['done', 'done']);
      // The import's upload is gone; what is left is the simulation's stored answer.
      const uploads = await db.db.selectFrom('uploads').select('file_name').execute();
      expect(uploads.map((u) => u.file_name)).toEqual([`simulation-${jobId}.json`]);
    } finally {
      await db.close();
    }
  }, 240_000);
});
