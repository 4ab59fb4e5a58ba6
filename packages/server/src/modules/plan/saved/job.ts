import { publishTransient, recordEvent } from '../../../platform/events/index.js';
import type { JobContext, JobDefinition } from '../../../platform/jobs/index.js';
import type { PlanBuildRequest } from '../compute-worker.js';
import { runInWorker } from '../run-in-worker.js';
import type { BuildLimits } from './build.js';
import { cancelWatchSlot } from './cancel-watch.js';
import { SEARCH_ROUNDS } from './improve.js';
import type { SavedPlanInput } from './schemas.js';

export const SAVED_PLAN_JOB = 'plan.build';

/**
 * The build's limits: 20 s of HiGHS for each provider's shifts (its watchdog stops it 5 s later),
 * then the CLI's 300 rounds of local search, at most 10 s of them; 5 s of HiGHS for each provider's
 * roster where the assignment misses its fairness bound (decision 0062).
 */
export const BUILD_LIMITS: BuildLimits = {
  timeLimitSec: 20,
  searchRounds: SEARCH_ROUNDS,
  searchBudgetMs: 10_000,
  rosterTimeLimitSec: 5,
};
/** The forecast, staffing and split of at most twelve weeks of history and two weeks ahead. */
const PREPARE_BUDGET_MS = 60_000;
/**
 * How often a running build looks at its plan's row for a cancel (the worker is then ended) while
 * signals are not arriving; while they are, the cancel's signal wakes it at once and the row is read
 * only every CANCEL_FALLBACK_MS, for a cancel whose signal a restart of the listening connection lost
 * (that restart also signals SIGNALS_MISSED, which wakes every build).
 */
const CANCEL_POLL_MS = 500;
const CANCEL_FALLBACK_MS = 5_000;

/** The build worker's wall budget: the forecast's, then each provider's solve, watchdog and search. */
const budgetMs = (limits: BuildLimits, providers: number) =>
  PREPARE_BUDGET_MS +
  providers *
    ((limits.timeLimitSec + 5) * 1000 +
      limits.searchBudgetMs +
      10_000 +
      (limits.rosterTimeLimitSec + 5) * 1000);

/** The payload of `plan.progress` (a transient push per stage); the plan page's bar reads it. */
export interface PlanProgressPayload {
  progress: number;
}

/** The payload of `plan.finished` (an outbox event: the stream, webhooks). */
export interface PlanFinishedPayload {
  status: 'done' | 'failed' | 'cancelled';
}

/** Why a build's worker was ended: its plan was cancelled (not a failure to retry). */
class Cancelled extends Error {}

/**
 * Builds a saved plan off the request, all of it in one worker thread (the forecast, staffing and
 * split; each provider's shifts by HiGHS, in a thread of that worker, then the CLI's local search;
 * the named agents' roster). Progress is posted by the worker, recorded on the job row and pushed to
 * the browser (`plan.progress`, transient, like an import's); the end is recorded as `plan.finished`
 * (outbox) in the same transaction as the plan's row. While it runs the job watches for the cancel's
 * signal (cancel-watch.ts; the plan's row every 0.5 s while signals are down, every 5 s otherwise):
 * once cancelled (POST …/cancel), or when the job's lease is lost, the worker is
 * terminated at once, HiGHS's thread with it, and nothing is saved. A bad input marks the plan failed
 * with the field at fault (no retry); a crash is retried by the queue.
 */
export const savedPlanJob: JobDefinition = savedPlanJobWith(BUILD_LIMITS);

/** The job with other limits (tests: a solve that would outlast them, to cancel). */
export function savedPlanJobWith(limits: BuildLimits): JobDefinition {
  return {
    name: SAVED_PLAN_JOB,
    maxAttempts: 2,
    handler: (payload, ctx) => buildPlanJob(String(payload.planId), limits, ctx),
  };
}

async function buildPlanJob(planId: string, limits: BuildLimits, ctx: JobContext) {
  const organizationId = ctx.job.organizationId!;
  const row = await ctx.db
    .selectFrom('plans')
    .select(['input', 'version', 'status'])
    .where('id', '=', planId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  if (!row) return { skipped: 'the plan was deleted' };
  if (row.status !== 'running') return { skipped: `the plan is ${row.status}` };
  // The build's own stop: the owner cancelled the plan (its row says so), or the job's lease was
  // lost or the process stops (ctx.signal).
  const stop = new AbortController();
  const stopWith = (reason: Error) => {
    if (!stop.signal.aborted) stop.abort(reason);
  };
  if (ctx.signal.aborted) stopWith(ctx.signal.reason as Error);
  else ctx.signal.addEventListener('abort', () => stopWith(ctx.signal.reason as Error), { once: true });
  let polling = false;
  let lastCheck = performance.now();
  const check = () => {
    if (polling) return;
    polling = true;
    lastCheck = performance.now();
    ctx.db
      .selectFrom('plans')
      .select('status')
      .where('id', '=', planId)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst()
      .then((now) => {
        if (now?.status !== 'running') stopWith(new Cancelled(`the plan is ${now?.status ?? 'deleted'}`));
      })
      .catch(() => undefined)
      .finally(() => {
        polling = false;
      });
  };
  const unwatch = ctx.instance(cancelWatchSlot).watch(planId, check);
  const poll = setInterval(() => {
    if (!ctx.events.signalsLive || performance.now() - lastCheck >= CANCEL_FALLBACK_MS) check();
  }, CANCEL_POLL_MS);
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
    const request: PlanBuildRequest = { input, limits };
    const answer = await runInWorker('plan-build', new TextEncoder().encode(JSON.stringify(request)), {
      budgetMs: budgetMs(limits, input.providers.length),
      signal: stop.signal,
      // Progress is a courtesy: a failed write never fails the build.
      onProgress: (fraction) => void progress(fraction).catch(() => undefined),
    });
    if (!answer.ok) {
      const problem = answer.problem?.detail ?? answer.problem?.title;
      if (problem) {
        await finish({ status: 'failed', problem });
        return { planId, problem };
      }
      throw new Error(answer.error ?? 'the build failed');
    }
    const result = new TextDecoder().decode(answer.bytes);
    await finish({ status: 'done', result });
    return { planId };
  } catch (err) {
    // Ended by a cancel: the worker (and HiGHS's thread) is gone, nothing was saved.
    if (stop.signal.reason instanceof Cancelled) return { planId, cancelled: true };
    if (ctx.signal.aborted) {
      const now = await ctx.db
        .selectFrom('plans')
        .select('status')
        .where('id', '=', planId)
        .executeTakeFirst();
      if (now?.status === 'cancelled') return { planId, cancelled: true };
    }
    throw err;
  } finally {
    clearInterval(poll);
    unwatch();
  }
}
