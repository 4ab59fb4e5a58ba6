import type { JobDefinition } from '../../../platform/jobs/index.js';
import { buildPlan, PlanBuildError } from './build.js';
import type { SavedPlanInput } from './schemas.js';

export const SAVED_PLAN_JOB = 'plan.build';

/** Seconds the solver may spend on each provider's shifts (a watchdog stops it 5 s later). */
const TIME_LIMIT_SEC = 20;

/**
 * Builds a saved plan off the request: the forecast, staffing and split in the job, the shifts in
 * HiGHS's worker thread; progress goes to the job row the plan's owner polls. A bad input marks the
 * plan failed with the field at fault (no retry); a crash is retried by the queue.
 */
export const savedPlanJob: JobDefinition = {
  name: SAVED_PLAN_JOB,
  maxAttempts: 2,
  async handler(payload, ctx) {
    const planId = String(payload.planId);
    const organizationId = ctx.job.organizationId!;
    const row = await ctx.db
      .selectFrom('plans')
      .select(['input', 'version'])
      .where('id', '=', planId)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    if (!row) return { skipped: 'the plan was deleted' };
    const finish = (changes: { status: 'done' | 'failed'; result?: string; problem?: string }) =>
      ctx.db
        .updateTable('plans')
        .set({ ...changes, updated_at: ctx.clock.now() })
        .where('id', '=', planId)
        .where('organization_id', '=', organizationId)
        .execute();
    try {
      const result = await buildPlan(row.input as SavedPlanInput, {
        progress: (f) => ctx.progress(f),
        timeLimitSec: TIME_LIMIT_SEC,
      });
      await finish({ status: 'done', result: JSON.stringify(result) });
      return { planId };
    } catch (err) {
      if (!(err instanceof PlanBuildError)) throw err;
      await finish({ status: 'failed', problem: err.message });
      return { planId, problem: err.message };
    }
  },
};
