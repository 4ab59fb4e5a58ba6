import type { JobDefinition } from '../../../platform/jobs/index.js';
import { runInWorker } from '../run-in-worker.js';
import { PlanBuildError, type PreparedPlan, schedulePlan } from './build.js';
import type { SavedPlanInput } from './schemas.js';

export const SAVED_PLAN_JOB = 'plan.build';

/** Seconds the solver may spend on each provider's shifts (a watchdog stops it 5 s later). */
const TIME_LIMIT_SEC = 20;
/** The forecast, staffing and split of at most twelve weeks of history and two weeks ahead. */
const PREPARE_BUDGET_MS = 60_000;

/**
 * Builds a saved plan off the request: the forecast, staffing and split in a worker thread, the
 * shifts in HiGHS's worker thread; progress goes to the job row the plan's owner polls. A bad input marks the
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
      const input = row.input as SavedPlanInput;
      // The forecast's backtest, the staffing and the split in a worker thread (the event loop
      // keeps answering); the shifts in HiGHS's own worker.
      const answer = await runInWorker('plan-prepare', new TextEncoder().encode(JSON.stringify(input)), {
        budgetMs: PREPARE_BUDGET_MS,
        signal: ctx.signal,
      });
      if (!answer.ok) {
        if (answer.problem) throw new PlanBuildError(answer.problem.detail ?? answer.problem.title);
        throw new Error(answer.error ?? 'the forecast failed');
      }
      const prepared = JSON.parse(new TextDecoder().decode(answer.bytes)) as PreparedPlan;
      await ctx.progress(0.3);
      const result = await schedulePlan(input, prepared, {
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
