import { type JobDefinition, PermanentJobError } from '../../platform/jobs/index.js';
import { deleteUpload, inChunks, readUpload, storeUpload } from '../../platform/uploads/index.js';
import type { PlanKind } from './compute.js';
import { runInWorker } from './run-in-worker.js';

export const PLAN_JOB = 'plan.compute';

export interface PlanJobPayload {
  kind: PlanKind;
  /** The request body, stored as an upload: a year of intervals is too big for a jsonb payload. */
  inputUploadId: string;
  budgetMs: number;
}

/** What a finished plan job keeps: where its answer is, or the problem core found in the input. */
export type PlanJobResult = { resultUploadId: string; bytes: number } | { problem: unknown };

/**
 * A staffing plan or simulation too costly for the request: computed in a worker thread within its
 * time budget (the event loop keeps answering), its JSON stored in 1 MiB chunks for the owner to
 * fetch. Input core rejects is an answer (a problem), not a failure; running out of time is a dead
 * letter (retrying would run out again). A process that died mid-way leaves the job to be taken
 * again after its lease: the calculation is deterministic, so the second run gives the same answer.
 */
export const planJob: JobDefinition = {
  name: PLAN_JOB,
  maxAttempts: 3,
  async handler(raw, ctx) {
    const p = raw as unknown as PlanJobPayload;
    const input: Uint8Array[] = [];
    for await (const chunk of readUpload(ctx.db, p.inputUploadId)) input.push(chunk);
    let answer: Awaited<ReturnType<typeof runInWorker>>;
    try {
      answer = await runInWorker(p.kind, Buffer.concat(input), { budgetMs: p.budgetMs, signal: ctx.signal });
    } catch (err) {
      if (ctx.signal.aborted) throw err;
      throw new PermanentJobError((err as Error).message);
    }
    if (!answer.ok) {
      if (answer.problem) {
        await deleteUpload(ctx.db, p.inputUploadId);
        return { problem: answer.problem } satisfies PlanJobResult;
      }
      throw new PermanentJobError(answer.error ?? 'the calculation failed');
    }
    const stored = await storeUpload(
      ctx.db,
      ctx.clock,
      {
        organizationId: ctx.job.organizationId!,
        providerId: ctx.job.providerId,
        userId: ctx.job.createdBy,
      },
      `${p.kind}-${ctx.job.id}.json`,
      inChunks(answer.bytes),
      Number.POSITIVE_INFINITY,
    );
    await deleteUpload(ctx.db, p.inputUploadId);
    return { resultUploadId: stored.id, bytes: stored.bytes } satisfies PlanJobResult;
  },
};
