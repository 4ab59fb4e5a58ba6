import type { JobDefinition } from './job-definition.js';

const KEEP_FINISHED_DAYS = 30;

/** Nightly: finished jobs older than 30 days go; dead letters stay until an admin acts on them. */
export const pruneJobs: JobDefinition = {
  name: 'jobs.prune',
  schedule: { cron: '17 3 * * *', timeZone: 'UTC' },
  maxAttempts: 3,
  async handler(_payload, ctx) {
    const before = new Date(ctx.clock.now().getTime() - KEEP_FINISHED_DAYS * 86_400_000);
    const r = await ctx.db
      .deleteFrom('jobs')
      .where('status', 'in', ['done', 'cancelled'])
      .where('finished_at', '<', before)
      .executeTakeFirst();
    return { deleted: Number(r.numDeletedRows) };
  },
};
