import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/main.js';
import { createOrganization } from '../../src/modules/identity/bootstrap.js';
import { modules } from '../../src/modules.js';
import { fixedClock } from '../../src/platform/clock.js';
import { loadConfig } from '../../src/platform/config.js';
import { createModuleContext } from '../../src/platform/context.js';
import {
  enqueueJob,
  type JobDefinition,
  JobRunner,
  nextOccurrence,
  PermanentJobError,
  seededRandom,
} from '../../src/platform/jobs/index.js';
import type { ModuleContext } from '../../src/platform/module.js';
import { databaseTargets, type TestDatabase } from '../../src/test-support/databases.js';

const START = new Date('2026-03-02T08:00:00Z');
const BACKOFF = { baseMs: 10_000, maxMs: 600_000 };

for (const target of databaseTargets()) {
  describe(`job queue on ${target.kind}`, () => {
    let database: TestDatabase;
    let clock: ReturnType<typeof fixedClock>;
    let ctx: ModuleContext;
    let organizationId: string;
    const ran: string[] = [];
    let failuresLeft = 0;

    const definitions: JobDefinition[] = [
      {
        name: 'test.record',
        async handler(payload) {
          ran.push(String(payload.tag));
          return { tag: payload.tag };
        },
      },
      {
        name: 'test.flaky',
        maxAttempts: 4,
        async handler(payload) {
          ran.push(String(payload.tag));
          if (failuresLeft-- > 0) throw new Error(`flaky failure ${payload.tag}`);
          return null;
        },
      },
      {
        name: 'test.bad-input',
        async handler() {
          throw new PermanentJobError('the input names no such thing');
        },
      },
      {
        name: 'test.nightly',
        schedule: { cron: '30 2 * * *', timeZone: 'Europe/Berlin' },
        async handler(payload) {
          ran.push(`nightly ${payload.scheduledFor}`);
        },
      },
    ];

    const runner = (seed = 1) =>
      new JobRunner({ ctx, definitions, random: seededRandom(seed), backoff: BACKOFF, concurrency: 3 });
    /** Queues `name` for the test organization with `tag` in its payload (and any further option). */
    const enqueue = (name: string, tag: string, more: Partial<Parameters<typeof enqueueJob>[2]> = {}) =>
      enqueueJob(database.db, clock, { name, payload: { tag }, organizationId, ...more });
    const job = (id: string) =>
      database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    beforeAll(async () => {
      database = await target.open();
      await runMigrations(database);
      clock = fixedClock(START);
      ctx = createModuleContext({
        database,
        clock,
        config: loadConfig({ SHORELINE_DATA_DIR: 'memory://' }),
        modules,
      });
      organizationId = (await createOrganization(database.db, clock, { name: `Jobs ${target.kind}` }))
        .organizationId;
    }, 60_000);
    afterAll(() => database?.close());
    beforeEach(async () => {
      ran.length = 0;
      failuresLeft = 0;
      await database.db.deleteFrom('jobs').execute();
    });

    it('runs a due job once and keeps a job that is not due yet', async () => {
      const now = await enqueue('test.record', 'now');
      const later = await enqueue('test.record', 'later', { runAt: new Date(START.getTime() + 60_000) });
      const r = runner();
      expect(await r.runDueJobs()).toEqual({ ran: 1, done: 1, failed: 0 });
      expect(await r.runDueJobs()).toEqual({ ran: 0, done: 0, failed: 0 });
      expect(ran).toEqual(['now']);
      const first = await job(now.id);
      expect(first.status).toBe('done');
      expect(first.result).toEqual({ tag: 'now' });
      expect(first.attempts).toBe(1);
      expect((await job(later.id)).status).toBe('queued');

      clock.advance(60_000);
      await r.runDueJobs();
      expect(ran).toEqual(['now', 'later']);
      expect((await job(later.id)).status).toBe('done');
    });

    it('an idempotency key makes a second enqueue return the first job', async () => {
      const a = await enqueue('test.record', 'a', { idempotencyKey: 'import imp_1' });
      const b = await enqueue('test.record', 'b', { idempotencyKey: 'import imp_1' });
      expect(a.created).toBe(true);
      expect(b).toEqual({ id: a.id, created: false });
      await runner().runDueJobs();
      expect(ran).toEqual(['a']);
    });

    it('an enqueue in a rolled-back transaction leaves no job', async () => {
      await expect(
        database.db.transaction().execute(async (tx) => {
          await enqueueJob(tx, clock, {
            name: 'test.record',
            payload: { tag: 'rolled back' },
            organizationId,
          });
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      await runner().runDueJobs();
      expect(ran).toEqual([]);
    });

    it('failures back off exponentially with jitter, and the last one leaves a dead letter with its error', async () => {
      failuresLeft = 99;
      const { id } = await enqueue('test.flaky', 'f', { maxAttempts: 4 });
      const r = runner(42);
      const delays: number[] = [];
      for (let attempt = 1; attempt <= 4; attempt++) {
        expect((await r.runDueJobs()).failed).toBe(1);
        const row = await job(id);
        expect(row.attempts).toBe(attempt);
        expect(row.last_error).toBe('flaky failure f');
        if (attempt < 4) {
          expect(row.status).toBe('queued');
          const delay = new Date(row.run_at).getTime() - clock.now().getTime();
          delays.push(delay);
          // Not yet due a moment before its time.
          clock.advance(delay - 1);
          expect((await r.runDueJobs()).ran).toBe(0);
          clock.advance(1);
        } else {
          expect(row.status).toBe('dead');
          expect(row.finished_at).not.toBeNull();
        }
      }
      // Equal jitter: each delay lies in [ceiling/2, ceiling], ceilings doubling from the base.
      delays.forEach((d, i) => {
        const ceiling = BACKOFF.baseMs * 2 ** i;
        expect(d).toBeGreaterThanOrEqual(ceiling / 2);
        expect(d).toBeLessThanOrEqual(ceiling);
      });
      expect(ran).toEqual(['f', 'f', 'f', 'f']);
      clock.advance(86_400_000);
      await r.runDueJobs();
      expect(ran.filter((t) => t === 'f')).toHaveLength(4);
      expect((await job(id)).status).toBe('dead');
    });

    it('a job that fails once and then succeeds ends done', async () => {
      failuresLeft = 1;
      const { id } = await enqueue('test.flaky', 'g');
      const r = runner();
      await r.runDueJobs();
      clock.advance(BACKOFF.baseMs);
      await r.runDueJobs();
      expect((await job(id)).status).toBe('done');
      expect(ran).toEqual(['g', 'g']);
    });

    it('a permanent error makes a dead letter at once', async () => {
      const { id } = await enqueueJob(database.db, clock, { name: 'test.bad-input', organizationId });
      await runner().runDueJobs();
      const row = await job(id);
      expect(row.status).toBe('dead');
      expect(row.attempts).toBe(1);
      expect(row.last_error).toBe('the input names no such thing');
    });

    it('a job whose process died is taken again after its lease, and not before', async () => {
      const { id } = await enqueue('test.record', 'orphan');
      // A process claims it and dies: simulate the claim without running it.
      await database.db
        .updateTable('jobs')
        .set({
          status: 'running',
          attempts: 1,
          locked_by: 'dead-process',
          locked_until: new Date(clock.now().getTime() + 30_000),
        })
        .where('id', '=', id)
        .execute();
      const r = runner();
      expect((await r.runDueJobs()).ran).toBe(0);
      clock.advance(30_000);
      expect((await r.runDueJobs()).done).toBe(1);
      const row = await job(id);
      expect(row.status).toBe('done');
      expect(row.attempts).toBe(2);
      expect(ran).toEqual(['orphan']);
    });

    it('recurring occurrences are enqueued once across two runners, in the zone, across DST', async () => {
      // The night before Berlin springs forward (29 March 2026): 02:30 local does not exist that night.
      const start = new Date('2026-03-27T12:00:00Z');
      clock.advance(start.getTime() - clock.now().getTime());
      const a = runner(1);
      const b = runner(2);
      const nights: string[] = [];
      for (let day = 0; day < 4; day++) {
        await a.scheduleRecurring();
        await b.scheduleRecurring();
        const due = await database.db
          .selectFrom('jobs')
          .select('run_at')
          .where('name', '=', 'test.nightly')
          .where('status', '=', 'queued')
          .execute();
        expect(due).toHaveLength(1);
        nights.push(new Date(due[0]!.run_at).toISOString());
        clock.advance(new Date(due[0]!.run_at).getTime() - clock.now().getTime());
        await Promise.all([a.runDueJobs(), b.runDueJobs()]);
      }
      // 02:30 CET = 01:30Z; on the spring-forward night the first valid time after the gap (03:00 CEST);
      // then 02:30 CEST = 00:30Z.
      expect(nights).toEqual([
        '2026-03-28T01:30:00.000Z',
        '2026-03-29T01:00:00.000Z',
        '2026-03-30T00:30:00.000Z',
        '2026-03-31T00:30:00.000Z',
      ]);
      expect(ran).toEqual(nights.map((n) => `nightly ${n}`));
    });
  });
}

describe('recurring times in autumn', () => {
  it('a local time that happens twice (Berlin, 25 October 2026) runs once', () => {
    const first = nextOccurrence('30 2 * * *', 'Europe/Berlin', new Date('2026-10-24T12:00:00Z'))!;
    const second = nextOccurrence('30 2 * * *', 'Europe/Berlin', first)!;
    expect(first.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(second.toISOString()).toBe('2026-10-26T01:30:00.000Z');
  });
});
