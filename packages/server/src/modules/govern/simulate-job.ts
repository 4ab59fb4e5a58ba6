// The scheme simulator runs as a job (issue 11; decision 0039): up to five years of months, each a
// settlement's worth of SQL, would hold a request (and, on PGlite, the server's one thread) for as
// long as it takes. The request checks the input and queues; the job settles month by month,
// reporting progress, within a time budget, and keeps the answer as its result for its owner.
import { AppError, notFound } from '../../platform/http/problem.js';
import {
  enqueueJob,
  JOB_SUMMARY_COLUMNS,
  type JobDefinition,
  PermanentJobError,
  presentJob,
} from '../../platform/jobs/index.js';
import type { ModuleContext } from '../../platform/module.js';
import { type ScopedDb, systemActor } from '../../platform/scope.js';
import { checkSimulation, type Simulation, type SimulationInput, simulate } from './simulate.js';

export const SIMULATE_JOB = 'govern.simulate';
/** Wall-clock budget of one simulation: past it the job stops and says so. */
export const SIMULATION_BUDGET_MS = 120_000;

export const simulateJob: JobDefinition = {
  name: SIMULATE_JOB,
  // Out of time once is out of time again: no retry after a timeout (see handler).
  maxAttempts: 2,
  timeoutMs: SIMULATION_BUDGET_MS,
  async handler(payload, ctx) {
    const organizationId = ctx.job.organizationId;
    if (!organizationId) throw new PermanentJobError('a simulation belongs to an organization');
    // The request checked the caller's right; the job reads as the organization's system actor.
    const scoped = ctx.scope(systemActor('govern', organizationId));
    try {
      return await simulate(scoped, ctx.clock, payload as unknown as SimulationInput, {
        signal: ctx.signal,
        onMonth: (done, of) => ctx.progress(done / of),
      });
    } catch (err) {
      if (err instanceof AppError) throw new PermanentJobError(err.message);
      throw err;
    }
  },
};

/** Checks the request and queues the simulation for its caller. */
export async function queueSimulation(ctx: ModuleContext, s: ScopedDb, input: SimulationInput) {
  await checkSimulation(s, input);
  const { id } = await enqueueJob(ctx.db, ctx.clock, {
    name: SIMULATE_JOB,
    organizationId: s.actor.organizationId,
    createdBy: s.actor.userId,
    payload: { ...input },
  });
  return getSimulation(s, id);
}

/** A simulation job of the caller's own: its state and progress, and the answer once done. */
export async function getSimulation(s: ScopedDb, id: string) {
  const row = await s
    .selectFrom('jobs')
    .select([...JOB_SUMMARY_COLUMNS, 'result'])
    .where('id', '=', id)
    .where('name', '=', SIMULATE_JOB)
    .where('created_by', '=', s.actor.userId)
    .executeTakeFirst();
  if (!row) throw notFound('simulation');
  const job = presentJob(row);
  return {
    id: job.id,
    status: job.status,
    progress: job.progress,
    error: job.status === 'dead' ? job.lastError : null,
    result: job.status === 'done' ? (row.result as unknown as Simulation) : null,
  };
}
