import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { JobDefinition } from './job-definition.js';

const DAY_MS = 86_400_000;

/**
 * A nightly maintenance job (at `cron`, UTC, three attempts): `prune` deletes what it keeps no
 * longer than `keepDays` days, given the cutoff instant; the job's result is how many rows went.
 */
export function nightlyPrune(
  name: string,
  cron: string,
  keepDays: number,
  prune: (db: Kysely<DB>, before: Date) => Promise<{ numDeletedRows: bigint }>,
): JobDefinition {
  return {
    name,
    schedule: { cron, timeZone: 'UTC' },
    maxAttempts: 3,
    async handler(_payload, ctx) {
      const r = await prune(ctx.db, new Date(ctx.clock.now().getTime() - keepDays * DAY_MS));
      return { deleted: Number(r.numDeletedRows) };
    },
  };
}

/** Nightly: finished jobs older than 30 days go; dead letters stay until an admin acts on them. */
export const pruneJobs = nightlyPrune('jobs.prune', '17 3 * * *', 30, (db, before) =>
  db
    .deleteFrom('jobs')
    .where('status', 'in', ['done', 'cancelled'])
    .where('finished_at', '<', before)
    .executeTakeFirst(),
);
