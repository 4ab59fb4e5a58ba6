import type { JobDefinition } from '../jobs/job-definition.js';

const KEEP_DAYS = 7;

/**
 * Nightly: uploads nobody used (or whose transfer broke off) older than a week go. Uploads an
 * import still needs are deleted by the import when it finishes; a dead import keeps its upload
 * for a week, so an admin can retry it.
 */
export const pruneUploads: JobDefinition = {
  name: 'uploads.prune',
  schedule: { cron: '47 3 * * *', timeZone: 'UTC' },
  maxAttempts: 3,
  async handler(_payload, ctx) {
    const before = new Date(ctx.clock.now().getTime() - KEEP_DAYS * 86_400_000);
    const r = await ctx.db.deleteFrom('uploads').where('created_at', '<', before).executeTakeFirst();
    return { deleted: Number(r.numDeletedRows) };
  },
};
