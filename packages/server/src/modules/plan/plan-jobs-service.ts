import { sql } from 'kysely';
import { AppError, oneOrNotFound } from '../../platform/http/problem.js';
import { enqueueJob, JOB_SUMMARY_COLUMNS, presentJob } from '../../platform/jobs/index.js';
import type { ModuleContext } from '../../platform/module.js';
import type { Actor, ScopedDb } from '../../platform/scope.js';
import { chunkBytesFor, readUpload, storeUploadText } from '../../platform/uploads/index.js';
import type { PlanKind } from './compute.js';
import { PLAN_JOB, type PlanJobPayload, type PlanJobResult } from './plan-job.js';

/** Calculations one user may have queued or running at once (across processes: counted in the table). */
export const MAX_PENDING_PLAN_JOBS = 2;

/** Queues a costly calculation for `actor`. @throws AppError `rate_limited` past MAX_PENDING_PLAN_JOBS. */
export async function queuePlanJob(
  ctx: ModuleContext,
  actor: Actor,
  job: { kind: PlanKind; body: unknown; budgetMs: number },
) {
  return ctx.db.transaction().execute(async (tx) => {
    // One user's enqueues are serialised (a transaction-scoped lock on their id), so two parallel
    // requests cannot both pass the count.
    await sql`select pg_advisory_xact_lock(hashtext(${`plan:${actor.userId}`}))`.execute(tx);
    const pending = await tx
      .selectFrom('jobs')
      .select(sql<number>`count(*)`.as('n'))
      .where('name', '=', PLAN_JOB)
      .where('created_by', '=', actor.userId)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirstOrThrow();
    if (Number(pending.n) >= MAX_PENDING_PLAN_JOBS)
      throw new AppError(
        'rate_limited',
        `${MAX_PENDING_PLAN_JOBS} of your calculations are still running; wait for one to finish`,
        '(body)',
      );
    const input = await storeUploadText(
      tx,
      ctx.clock,
      actor,
      `${job.kind}-input.json`,
      JSON.stringify(job.body),
      chunkBytesFor(ctx.db),
    );
    const payload: PlanJobPayload = { kind: job.kind, inputUploadId: input.id, budgetMs: job.budgetMs };
    const { id } = await enqueueJob(tx, ctx.clock, {
      name: PLAN_JOB,
      organizationId: actor.organizationId,
      providerId: actor.providerId,
      createdBy: actor.userId,
      payload: { ...payload },
    });
    const row = await tx
      .selectFrom('jobs')
      .select(JOB_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return presentPlanJob(row);
  });
}

// Everything but the payload (no need to parse it to answer).
const JOB_COLUMNS = [...JOB_SUMMARY_COLUMNS, 'result'] as const;

function presentPlanJob(row: Parameters<typeof presentJob>[0] & { result: unknown }) {
  const result = (row.result ?? null) as PlanJobResult | null;
  return {
    ...presentJob(row),
    problem: result && 'problem' in result ? result.problem : null,
  };
}

/** A calculation job of the caller's own (results belong to whoever asked). */
export async function getPlanJob(scoped: ScopedDb, id: string) {
  const row = await oneOrNotFound(
    scoped
      .selectFrom('jobs')
      .select(JOB_COLUMNS)
      .where('id', '=', id)
      .where('name', '=', PLAN_JOB)
      .where('created_by', '=', scoped.actor.userId),
    'job',
  );
  const result = (row.result ?? null) as PlanJobResult | null;
  return {
    presented: presentPlanJob(row),
    resultUploadId: result && 'resultUploadId' in result ? result.resultUploadId : null,
  };
}

/**
 * A done job's answer as a stream: its fields, then `"result":` and the stored JSON chunk by chunk
 * (a year of intervals is about 14 MB; it is never parsed or held whole here). Null when there is
 * no stored result yet.
 */
export function planJobAnswer(
  ctx: ModuleContext,
  job: Awaited<ReturnType<typeof getPlanJob>>,
): ReadableStream<Uint8Array> | null {
  const uploadId = job.resultUploadId;
  if (!uploadId) return null;
  const head = new TextEncoder().encode(`${JSON.stringify(job.presented).slice(0, -1)},"result":`);
  const chunks = readUpload(ctx.db, uploadId)[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(head);
        return;
      }
      const next = await chunks.next();
      if (next.done) {
        controller.enqueue(new TextEncoder().encode('}'));
        controller.close();
      } else controller.enqueue(next.value);
    },
  });
}
