import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.js';
import { enqueueJob } from '../../src/platform/jobs/enqueue.js';
import type { JobContext } from '../../src/platform/jobs/job-definition.js';
import { pruneJobs } from '../../src/platform/jobs/prune.js';
import { pruneUploads } from '../../src/platform/uploads/prune.js';
import { storeUploadText } from '../../src/platform/uploads/store.js';
import type { TestApp } from '../../src/test-support/test-app.js';
import { testAppAround } from '../app-around.js';

const DAY = 86_400_000;
const NOW = new Date('2026-03-02T03:17:00Z');

/** The nightly prunes keep what is younger than their window and delete the rest, answering how many went. */
describe('nightly prunes', () => {
  let t: TestApp;
  testAppAround({ demo: true }, (app) => {
    t = app;
  });
  const run = (job: typeof pruneJobs) =>
    job.handler({}, { ...t.shoreline.ctx, clock: fixedClock(NOW) } as unknown as JobContext);
  const daysAgo = (days: number) => fixedClock(new Date(NOW.getTime() - days * DAY));

  it('uploads older than a week go, younger ones stay', async () => {
    const { db } = t.shoreline.ctx;
    const org = (await db.selectFrom('organizations').select('id').executeTakeFirstOrThrow()).id;
    const owner = { organizationId: org, providerId: null, userId: null };
    const old = await storeUploadText(db, daysAgo(8), owner, 'old.csv', 'a,b\n');
    const young = await storeUploadText(db, daysAgo(6), owner, 'young.csv', 'a,b\n');
    expect(pruneUploads.schedule).toEqual({ cron: '47 3 * * *', timeZone: 'UTC' });
    expect(await run(pruneUploads)).toEqual({ deleted: 1 });
    const left = await db.selectFrom('uploads').select('id').where('id', 'in', [old.id, young.id]).execute();
    expect(left.map((u) => u.id)).toEqual([young.id]);
  });

  it('finished jobs older than 30 days go; dead letters and young finished jobs stay', async () => {
    const { db } = t.shoreline.ctx;
    const job = async (status: 'done' | 'cancelled' | 'dead', finishedDaysAgo: number) => {
      const { id } = await enqueueJob(db, daysAgo(finishedDaysAgo), { name: `test.${status}` });
      const finishedAt = new Date(NOW.getTime() - finishedDaysAgo * DAY);
      await db.updateTable('jobs').set({ status, finished_at: finishedAt }).where('id', '=', id).execute();
      return id;
    };
    const ids = [
      await job('done', 31),
      await job('cancelled', 40),
      await job('dead', 60),
      await job('done', 29),
    ];
    expect(pruneJobs.maxAttempts).toBe(3);
    expect(await run(pruneJobs)).toEqual({ deleted: 2 });
    const left = await db.selectFrom('jobs').select('id').where('id', 'in', ids).execute();
    expect(left.map((j) => j.id).sort()).toEqual([ids[2], ids[3]].sort());
  });
});
