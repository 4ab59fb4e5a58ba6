import type { Selectable } from 'kysely';
import { newId } from '../../../platform/ids.js';
import { enqueueJob } from '../../../platform/jobs/index.js';
import type { ModuleContext } from '../../../platform/module.js';
import type { ScopedDb } from '../../../platform/scope.js';
import type { PlansTable } from '../tables.js';
import { SAVED_PLAN_JOB } from './job.js';
import type { SavedPlan, SavedPlanInput, SavedPlanSummary } from './schemas.js';

type PlanRow = Selectable<PlansTable>;

const SUMMARY_COLUMNS = [
  'id',
  'name',
  'horizon_days',
  'status',
  'problem',
  'version',
  'job_id',
  'created_at',
  'updated_at',
] as const;

async function progressOf(scoped: ScopedDb, jobIds: string[]): Promise<Map<string, number>> {
  if (jobIds.length === 0) return new Map();
  const rows = await scoped.selectFrom('jobs').select(['id', 'progress']).where('id', 'in', jobIds).execute();
  return new Map(rows.map((r) => [r.id, Number(r.progress)]));
}

function summary(
  row: Pick<PlanRow, (typeof SUMMARY_COLUMNS)[number]>,
  progress: Map<string, number>,
  totalCost: number | null,
): SavedPlanSummary {
  return {
    id: row.id,
    name: row.name,
    horizonDays: row.horizon_days,
    status: row.status,
    progress: row.status === 'running' ? (progress.get(row.job_id ?? '') ?? 0) : 1,
    problem: row.problem,
    version: row.version,
    totalCost,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Saves a plan's inputs and queues the job that builds it (forecast, staffing, split, shifts). */
export async function createPlan(
  scoped: ScopedDb,
  ctx: ModuleContext,
  input: SavedPlanInput,
): Promise<SavedPlan> {
  const now = ctx.clock.now();
  const id = newId('pln', now.getTime());
  await scoped.transaction(async (tx) => {
    const { id: jobId } = await enqueueJob(tx.executor, ctx.clock, {
      name: SAVED_PLAN_JOB,
      organizationId: scoped.actor.organizationId,
      providerId: scoped.actor.providerId,
      createdBy: scoped.actor.userId,
      payload: { planId: id },
    });
    await tx
      .insertInto('plans', {
        id,
        name: input.name,
        horizon_days: input.horizonDays,
        status: 'running',
        input: JSON.stringify(input),
        job_id: jobId,
        created_by: scoped.actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
  });
  return getPlan(scoped, id);
}

export async function listPlans(scoped: ScopedDb): Promise<SavedPlanSummary[]> {
  const rows = await scoped
    .selectFrom('plans')
    .select([
      ...SUMMARY_COLUMNS,
      (eb) =>
        eb
          .ref('result', '->>')
          .key('totalCost' as never)
          .as('total_cost'),
    ])
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  const progress = await progressOf(
    scoped,
    rows.filter((r) => r.status === 'running' && r.job_id).map((r) => r.job_id!),
  );
  return rows.map((r) =>
    summary(r, progress, r.total_cost === null || r.total_cost === undefined ? null : Number(r.total_cost)),
  );
}

export async function getPlan(scoped: ScopedDb, id: string): Promise<SavedPlan> {
  const row = await scoped.findOrNotFound('plans', id, 'plan');
  const progress = await progressOf(scoped, row.status === 'running' && row.job_id ? [row.job_id] : []);
  return {
    ...summary(row, progress, row.result?.totalCost ?? null),
    input: row.input,
    result: row.result,
  };
}

export async function renamePlan(scoped: ScopedDb, ctx: ModuleContext, id: string, name: string) {
  await scoped.findOrNotFound('plans', id, 'plan');
  await scoped
    .updateTable('plans')
    .set((eb) => ({ name, version: eb('version', '+', 1), updated_at: ctx.clock.now() }))
    .where('id', '=', id)
    .execute();
  return getPlan(scoped, id);
}

export async function deletePlan(scoped: ScopedDb, id: string): Promise<void> {
  await scoped.findOrNotFound('plans', id, 'plan');
  await scoped.deleteFrom('plans').where('id', '=', id).execute();
}
