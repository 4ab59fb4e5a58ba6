import { publishTransient, recordEvent } from '../../../platform/events/index.js';
import type { JobDefinition } from '../../../platform/jobs/index.js';
import { runInWorker } from '../run-in-worker.js';
import { PlanBuildError, type PreparedPlan, schedulePlan } from './build.js';
import type { SavedPlanInput } from './schemas.js';

export const SAVED_PLAN_JOB = 'plan.build';

/** Seconds the solver may spend on each provider's shifts (a watchdog stops it 5 s later). */
const TIME_LIMIT_SEC = 20;
/** The forecast, staffing and split of at most twelve weeks of history and two weeks ahead. */
const PREPARE_BUDGET_MS = 60_000;

/** The payload of `plan.progress` (a transient push per stage); the plan page's bar reads it. */
export interface PlanProgressPayload {
  progress: number;
}

/** The payload of `plan.finished` (an outbox event: the stream, webhooks). */
export interface PlanFinishedPayload {
  status: 'done' | 'failed' | 'cancelled';
}

/** Thrown between stages when the plan's owner cancelled it: the job ends quietly. */
class Cancelled extends Error {}

/**
 * Builds a saved plan off the request: the forecast, staffing and split in a worker thread, the
 * shifts in HiGHS's worker thread. Progress is recorded on the job row and pushed to the browser
 * (`plan.progress`, transient, like an import's); the end is recorded as `plan.finished` (outbox) in
 * the same transaction as the plan's row. A cancelled plan (POST …/cancel) stops at the next stage,
 * or at once when the job's lease is lost. A bad input marks the plan failed with the field at fault
 * (no retry); a crash is retried by the queue.
 */
export const savedPlanJob: JobDefinition = {
  name: SAVED_PLAN_JOB,
  maxAttempts: 2,
  async handler(payload, ctx) {
    const planId = String(payload.planId);
    const organizationId = ctx.job.organizationId!;
    const row = await ctx.db
      .selectFrom('plans')
      .select(['input', 'version', 'status'])
      .where('id', '=', planId)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    if (!row) return { skipped: 'the plan was deleted' };
    if (row.status !== 'running') return { skipped: `the plan is ${row.status}` };
    // Between stages: stop when the owner cancelled the plan (its row says so) or the job's lease was lost.
    const checkCancelled = async () => {
      const now = await ctx.db
        .selectFrom('plans')
        .select('status')
        .where('id', '=', planId)
        .where('organization_id', '=', organizationId)
        .executeTakeFirst();
      if (now?.status !== 'running') throw new Cancelled();
      // Aborted for another reason (a lost lease): not a cancel, so the queue may retry.
      if (ctx.signal.aborted) throw new Error('the job was stopped before the plan was built');
    };
    const progress = async (fraction: number) => {
      await ctx.progress(fraction);
      try {
        await publishTransient(ctx.db, {
          type: 'plan.progress',
          organizationId,
          providerId: null,
          subjectType: 'plan',
          subjectId: planId,
          payload: { progress: fraction } satisfies PlanProgressPayload,
        });
      } catch (err) {
        // Progress is a courtesy: never fail a plan over it.
        console.warn(`plan ${planId}: progress not pushed: ${(err as Error).message}`);
      }
    };
    const finish = (changes: { status: 'done' | 'failed'; result?: string; problem?: string }) =>
      ctx.db.transaction().execute(async (tx) => {
        const updated = await tx
          .updateTable('plans')
          .set({ ...changes, updated_at: ctx.clock.now() })
          .where('id', '=', planId)
          .where('organization_id', '=', organizationId)
          .where('status', '=', 'running')
          .executeTakeFirst();
        // Cancelled meanwhile: the cancel route recorded the end.
        if (Number(updated.numUpdatedRows) === 0) return;
        await recordEvent(tx, {
          type: 'plan.finished',
          organizationId,
          providerId: null,
          subjectType: 'plan',
          subjectId: planId,
          actorId: ctx.job.createdBy,
          occurredAt: ctx.clock.now(),
          payload: { status: changes.status } satisfies PlanFinishedPayload,
        });
      });
    try {
      const input = row.input as SavedPlanInput;
      // The forecast's backtest, the staffing and the split in a worker thread (the event loop
      // keeps answering); the shifts in HiGHS's own worker.
      const answer = await runInWorker('plan-prepare', new TextEncoder().encode(JSON.stringify(input)), {
        budgetMs: PREPARE_BUDGET_MS,
        signal: ctx.signal,
      });
      await checkCancelled();
      if (!answer.ok) {
        if (answer.problem) throw new PlanBuildError(answer.problem.detail ?? answer.problem.title);
        throw new Error(answer.error ?? 'the forecast failed');
      }
      const prepared = JSON.parse(new TextDecoder().decode(answer.bytes)) as PreparedPlan;
      await progress(0.3);
      const result = await schedulePlan(input, prepared, {
        progress,
        beforeProvider: checkCancelled,
        timeLimitSec: TIME_LIMIT_SEC,
      });
      await finish({ status: 'done', result: JSON.stringify(result) });
      return { planId };
    } catch (err) {
      if (err instanceof Cancelled) return { planId, cancelled: true };
      if (!(err instanceof PlanBuildError)) {
        // A worker stopped by the cancel's abort is not a crash to retry.
        if (ctx.signal.aborted) {
          const now = await ctx.db
            .selectFrom('plans')
            .select('status')
            .where('id', '=', planId)
            .executeTakeFirst();
          if (now?.status === 'cancelled') return { planId, cancelled: true };
        }
        throw err;
      }
      await finish({ status: 'failed', problem: err.message });
      return { planId, problem: err.message };
    }
  },
};
