import { addCalendarDays } from '@shoreline/core';
import type { Selectable } from 'kysely';
import { publishSignal, recordEvent } from '../../../platform/events/index.js';
import { AppError } from '../../../platform/http/problem.js';
import { newId } from '../../../platform/ids.js';
import { enqueueJob } from '../../../platform/jobs/index.js';
import type { ModuleContext } from '../../../platform/module.js';
import type { ScopedDb } from '../../../platform/scope.js';
import { directoryFor, directoryTimeZone } from '../../identity/index.js';
import { type ArrivalFilter, lastArrivalDay, ticketArrivals } from '../../insight/index.js';
import type { PlansTable } from '../tables.js';
import { planCancelSignal } from './cancel-watch.js';
import { comparePlans } from './compare.js';
import { type PlanFinishedPayload, SAVED_PLAN_JOB } from './job.js';
import { agentsProblem } from './roster.js';
import type {
  PlanActuals,
  PlanComparison,
  PlanHistory,
  SavedPlan,
  SavedPlanInput,
  SavedPlanSummary,
} from './schemas.js';
import { actualsFilter, checkPlanScope, localWallClock, planTimeZone } from './scope.js';

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

/**
 * Saves a plan's inputs and queues the job that builds it (forecast, staffing, split, shifts, roster).
 * @throws {AppError} `validation_failed` for an agent listed twice or working for no provider of the plan.
 */
export async function createPlan(
  scoped: ScopedDb,
  ctx: ModuleContext,
  input: SavedPlanInput,
): Promise<SavedPlan> {
  const problem = agentsProblem(input);
  if (problem)
    throw new AppError('validation_failed', `${problem.field}: ${problem.message}`, problem.field, [
      { field: problem.field, code: 'custom', message: problem.message },
    ]);
  await checkPlanScope(scoped, input.historyScope);
  // The plan keeps its zone (decision 0065): the one given, else the organization's (its in-house teams').
  const saved: SavedPlanInput = {
    ...input,
    timeZone: input.timeZone ?? directoryTimeZone(await directoryFor(scoped)),
  };
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
        input: JSON.stringify(saved),
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
    // Newest sending first; one sending's forecasts in the order asked (the sort is stable).
    sentForecasts: [...row.forecasts_sent].sort((a, b) => b.loggedAt.localeCompare(a.loggedAt)),
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
  await scoped.transaction(async (tx) => {
    await tx.deleteFrom('plans').where('id', '=', id).execute();
    // A build still running stops at once (it finds the row gone), saving nothing.
    await publishSignal(tx.executor, planCancelSignal(id));
  });
}

/**
 * Cancels a plan still being built: the plan becomes `cancelled` and its job `cancelled` (a queued
 * job never starts; a running one loses its lease, and the build stops at its next stage), with
 * `plan.finished` recorded in the same transaction.
 * @throws {AppError} 409 when the plan is no longer running.
 */
export async function cancelPlan(scoped: ScopedDb, ctx: ModuleContext, id: string): Promise<SavedPlan> {
  const row = await scoped.findOrNotFound('plans', id, 'plan');
  if (row.status !== 'running')
    throw new AppError('conflict', `the plan is ${row.status}: only a running plan can be cancelled`, 'id');
  await scoped.transaction(async (tx) => {
    const now = ctx.clock.now();
    const updated = await tx
      .updateTable('plans')
      .set({ status: 'cancelled', problem: null, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return;
    // Wakes the running build wherever it runs, at commit (cancel-watch.ts).
    await publishSignal(tx.executor, planCancelSignal(id));
    if (row.job_id)
      await tx
        .updateTable('jobs')
        .set({ status: 'cancelled', updated_at: now })
        .where('id', '=', row.job_id)
        .where('status', 'in', ['queued', 'running'])
        .execute();
    await recordEvent(tx.executor, {
      type: 'plan.finished',
      organizationId: scoped.actor.organizationId,
      providerId: null,
      subjectType: 'plan',
      subjectId: id,
      actorId: scoped.actor.userId,
      occurredAt: now,
      payload: { status: 'cancelled' } satisfies PlanFinishedPayload,
    });
  });
  return getPlan(scoped, id);
}

/**
 * Finished plans side by side ({@link comparePlans}), in the order asked.
 * @throws {AppError} 404 for a plan the caller cannot read, 409 for one not built.
 */
export async function comparePlansById(scoped: ScopedDb, ids: readonly string[]): Promise<PlanComparison> {
  const plans: SavedPlan[] = [];
  for (const id of ids) plans.push(await getPlan(scoped, id));
  const unbuilt = plans.find((p) => !p.result);
  if (unbuilt)
    throw new AppError(
      'conflict',
      `the plan "${unbuilt.name}" is ${unbuilt.status}: it has no figures`,
      'ids',
    );
  return comparePlans(plans);
}

/**
 * A plan's history from the tickets Insight imported (and live ones): tickets per interval over the
 * last `weeks` whole weeks up to `until` (default the day of the latest matching ticket), local to
 * `timeZone`, filtered by channel, language, provider and queue.
 */
export async function planHistory(
  scoped: ScopedDb,
  q: ArrivalFilter & { timeZone: string; stepMin: 15 | 30 | 60; weeks: number; until?: string | undefined },
): Promise<PlanHistory> {
  const until = q.until ?? (await lastArrivalDay(scoped, q));
  if (!until) return { history: null, tickets: 0 };
  const days = q.weeks * 7;
  const fromDay = addCalendarDays(until, 1 - days);
  const values = await ticketArrivals(scoped, { ...q, fromDay, days });
  return {
    history: { start: `${fromDay}T00:00`, stepMin: q.stepMin, values },
    tickets: values.reduce((a, b) => a + b, 0),
  };
}

/**
 * Actual against plan: tickets arrived per interval of the plan's forecast horizon (local to
 * `timeZone`) in the plan's scope ({@link actualsFilter}), and MAE, WAPE and bias over the intervals
 * that have ended by the clock's now.
 * @throws {AppError} 409 for a plan not built; 400 naming `query.<field>` for a filter against the plan's scope.
 */
export async function planActuals(
  scoped: ScopedDb,
  ctx: ModuleContext,
  id: string,
  q: ArrivalFilter & { timeZone?: string | undefined },
): Promise<PlanActuals> {
  const plan = await getPlan(scoped, id);
  const r = plan.result;
  if (!r) throw new AppError('conflict', `the plan is ${plan.status}: it has no forecast`, 'id');
  const timeZone = planTimeZone(plan.input, q);
  const filter = actualsFilter(plan.input.historyScope, q);
  const perDay = 1440 / r.stepMin;
  const days = Math.ceil(r.forecast.volume.length / perDay);
  const actual = (
    await ticketArrivals(scoped, {
      ...filter,
      timeZone,
      fromDay: r.forecastStart.slice(0, 10),
      days,
      stepMin: r.stepMin,
    })
  ).slice(0, r.forecast.volume.length);
  // Intervals ended by now, in the plan's local time: now's wall clock in the time zone.
  const local = localWallClock(ctx.clock.now(), timeZone);
  const minutes = (Date.parse(`${local}:00Z`) - Date.parse(`${r.forecastStart}:00Z`)) / 60_000;
  const elapsed = Math.max(0, Math.min(actual.length, Math.floor(minutes / r.stepMin)));
  let abs = 0;
  let sumActual = 0;
  let sumForecast = 0;
  for (let i = 0; i < elapsed; i++) {
    abs += Math.abs(actual[i]! - r.forecast.volume[i]!);
    sumActual += actual[i]!;
    sumForecast += r.forecast.volume[i]!;
  }
  return {
    scope: {
      queue: filter.queue ?? null,
      channel: filter.channel ?? null,
      language: filter.language ?? null,
      providerId: filter.providerId ?? null,
    },
    forecastStart: r.forecastStart,
    stepMin: r.stepMin,
    actual,
    forecast: r.forecast.volume,
    elapsed,
    mae: elapsed > 0 ? abs / elapsed : null,
    wape: elapsed > 0 && sumActual > 0 ? abs / sumActual : null,
    bias: elapsed > 0 ? sumActual - sumForecast : null,
  };
}
