import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { scheduleCsv, scheduleICalendar } from '@shoreline/core/schedule/index';
import { requireTimeZone } from '../../../platform/db/time-zones.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { IdParam, routesFor } from '../../../platform/http/openapi.js';
import { AppError } from '../../../platform/http/problem.js';
import type { ModuleContext } from '../../../platform/module.js';
import { appendAudit } from '../../audit/index.js';
import { authorizePlan } from '../policy.js';
import type { SCHEDULE_EXPORT_FORMATS } from '../vocabulary.js';
import { shiftExport } from './export.js';
import { planReforecast } from './reforecast.js';
import {
  PlanActuals,
  PlanActualsQuery,
  PlanComparison,
  PlanComparisonRequest,
  PlanForecastSend,
  PlanHistory,
  PlanHistoryQuery,
  PlanReforecast,
  PlanReforecastQuery,
  SavedPlan,
  SavedPlanInput,
  SavedPlanList,
  SavedPlanRename,
  ScheduleExportQuery,
} from './schemas.js';
import {
  cancelPlan,
  comparePlansById,
  createPlan,
  deletePlan,
  getPlan,
  listPlans,
  planActuals,
  planHistory,
  renamePlan,
} from './service.js';
import { sendPlanForecasts } from './vendor-forecasts.js';

/**
 * Saved plans: the organization's planners create one from imported history (built by a job: poll
 * `GET /api/plan/plans/{id}` for its progress), list, open, export the shifts (CSV, iCalendar), rename
 * and delete them. Vendor staff
 * reach none (the plans table has no provider column; decision 0033).
 */
export function savedPlanRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  const route = routesFor(app, 'plan');
  // The time zone reaches SQL (local intervals): one PostgreSQL (or Intl) does not know is a field error.
  const knownZone = (tz: string) => requireTimeZone(ctx.db, tz, 'query.timeZone');
  route.get('/api/plan/history', {
    summary: 'A plan’s history from imported tickets: tickets per interval over the last weeks',
    description:
      'Counts the tickets Insight imported (and live ones) per 15, 30 or 60 minutes over the last `weeks` whole weeks up to `until` (default: the day of the latest matching ticket), local to `timeZone`, for one channel, language, provider and queue (each optional). The answer’s `history` goes as is into `POST /api/plan/plans`.',
    query: PlanHistoryQuery,
    ok: PlanHistory,
    run: async ({ scoped, actor, query }) => {
      authorizePlan(actor, 'plans.read');
      await knownZone(query.timeZone);
      return planHistory(scoped, query);
    },
  });
  route.post('/api/plan/plans/compare', {
    summary: 'Compare two or more saved plans side by side',
    description:
      'Volume, peak and total required agents, paid hours, cost and unassigned volume, then each provider’s volume, paid hours and cost; each figure with its difference from the first plan and `differs` when a plan is more than 0.5 % away. A plan still running or failed answers 409.',
    body: PlanComparisonRequest,
    ok: PlanComparison,
    run: ({ scoped, actor, body }) => {
      authorizePlan(actor, 'plans.read');
      return comparePlansById(scoped, body.ids);
    },
  });
  route.post('/api/plan/plans', {
    summary: 'Save a plan: forecast the history, staff it, split it across providers, schedule shifts',
    description:
      'Answers 202 with the plan `running`; a job forecasts the horizon (automatic method by backtest), staffs each interval with Erlang C, splits the volume across the providers by their contracted hours (follow the sun), and schedules each provider’s agents as 8 h and 4 h shifts at the least paid hours. Poll the plan for `progress` until `done` (or `failed` with the field at fault).',
    body: SavedPlanInput,
    accepted: SavedPlan,
    run: async ({ scoped, actor, body, c }) => {
      authorizePlan(actor, 'plans.write');
      if (body.timeZone !== undefined) await requireTimeZone(ctx.db, body.timeZone, 'timeZone');
      return createPlan(scoped, ctx, body).then((plan) => {
        c.header('location', `/api/plan/plans/${plan.id}`);
        return plan;
      });
    },
  });
  route.get('/api/plan/plans', {
    summary: 'Saved plans, newest first',
    ok: SavedPlanList,
    run: async ({ scoped, actor }) => {
      authorizePlan(actor, 'plans.read');
      return { items: await listPlans(scoped) };
    },
  });
  route.get('/api/plan/plans/{id}', {
    summary: 'A saved plan: its inputs, progress, and (when done) the forecast, staffing, shifts and split',
    params: IdParam,
    ok: SavedPlan,
    run: ({ scoped, actor, param }) => {
      authorizePlan(actor, 'plans.read');
      return getPlan(scoped, param.id);
    },
  });
  route.get('/api/plan/plans/{id}/shifts', {
    summary: 'A saved plan’s shifts as a file: CSV (one row per shift) or iCalendar (one event per shift)',
    description:
      '`format=csv`: `provider,day,start,end,meal_start,agents`, a name that starts like a formula neutralised for spreadsheets; a plan with named agents has one row per shift and an `agent` column (blank: no agent could take it). `format=ics`: RFC 5545, local (floating) times, a night shift ending the next day. `agent=NAME`: that agent’s shifts only (their own calendar; 404 for a name the plan does not staff). Each export is recorded in the audit log. A plan still running has no shifts yet (409).',
    request: { params: IdParam, query: ScheduleExportQuery },
    responses: {
      200: {
        description: 'The schedule',
        content: {
          'text/csv': { schema: z.string() },
          'text/calendar': { schema: z.string() },
        },
      },
    },
    run: async ({ scoped, actor, param, query }) => {
      authorizePlan(actor, 'plans.read');
      const plan = await getPlan(scoped, param.id);
      if (!plan.result)
        throw new AppError('conflict', `the plan is ${plan.status}: it has no shifts yet`, 'id');
      const format = query.format satisfies (typeof SCHEDULE_EXPORT_FORMATS)[number];
      const exported = shiftExport(plan, query.agent);
      const body =
        format === 'csv'
          ? scheduleCsv(exported.rows)
          : scheduleICalendar(exported.rows, {
              calendarId: exported.calendarId,
              name: exported.name,
              stampUtc: plan.updatedAt,
            });
      await appendAudit(scoped, ctx.clock, {
        action: 'export',
        subjectType: 'plan',
        subjectId: plan.id,
        payload: { format, shifts: exported.rows.length, ...(query.agent ? { agent: query.agent } : {}) },
      });
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'text/calendar; charset=utf-8',
          // An agent's name may be any script: RFC 6266's UTF-8 form.
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${exported.fileName}.${format}`)}`,
        },
      });
    },
  });
  route.get('/api/plan/plans/{id}/actuals', {
    summary: 'Actual against plan: tickets arrived per interval of the plan’s horizon, and the error so far',
    description:
      'Tickets (imported or live) per interval of the forecast horizon, local to `timeZone`, in the plan’s scope (`historyScope`: the history’s filter, or the scope declared with an uploaded series); the query’s filter narrows only what that scope leaves open (a value against it answers 400 naming the field). MAE, WAPE and bias over the intervals that have ended.',
    params: IdParam,
    query: PlanActualsQuery,
    ok: PlanActuals,
    run: async ({ scoped, actor, param, query }) => {
      authorizePlan(actor, 'plans.read');
      if (query.timeZone !== undefined) await knownZone(query.timeZone);
      return planActuals(scoped, ctx, param.id, query);
    },
  });
  route.get('/api/plan/plans/{id}/reforecast', {
    summary: 'Reforecast the rest of a day of the plan from the tickets that arrived so far',
    description:
      'For `day` (default: today in `timeZone`), the plan’s forecast for the intervals still to come, moved by one day multiplier learnt from the tickets of the intervals already ended by now (a Gamma–Poisson update whose prior strength comes from the plan’s day-level backtest error; decision 0061), with 95 % bands. Tickets are counted in the caller’s scope and filtered like `/actuals`. A day outside the plan’s forecast answers 400, a plan not built 409.',
    params: IdParam,
    query: PlanReforecastQuery,
    ok: PlanReforecast,
    run: async ({ scoped, actor, param, query }) => {
      authorizePlan(actor, 'plans.read');
      if (query.timeZone !== undefined) await knownZone(query.timeZone);
      return planReforecast(scoped, ctx.clock, param.id, query);
    },
  });
  route.post('/api/plan/plans/{id}/forecasts', {
    summary: 'Send a built plan’s split to its vendors as client forecasts (Govern’s forecast relief)',
    description:
      'For each `vendors` entry, logs through Govern one client forecast: that plan provider’s forecast volume over the plan’s days, scoped as the plan’s history was (queue, channel, language), its note naming the plan and version. Sending again logs newer rows, which supersede these. The plan lists what it sent (`sentForecasts`). Client administrators only (Govern’s `govern.manage`); a plan not built answers 409.',
    params: IdParam,
    body: PlanForecastSend,
    created: SavedPlan,
    run: async ({ scoped, actor, param, body }) => {
      authorizePlan(actor, 'plans.read');
      await sendPlanForecasts(scoped, ctx.clock, param.id, body);
      return getPlan(scoped, param.id);
    },
  });
  route.post('/api/plan/plans/{id}/cancel', {
    summary: 'Cancel a plan still being built',
    description:
      'The plan becomes `cancelled` and its job stops at the next stage (`plan.finished` is pushed). A plan no longer running answers 409.',
    params: IdParam,
    ok: SavedPlan,
    run: ({ scoped, actor, param }) => {
      authorizePlan(actor, 'plans.write');
      return cancelPlan(scoped, ctx, param.id);
    },
  });
  route.patch('/api/plan/plans/{id}', {
    summary: 'Rename a saved plan (its version goes up)',
    params: IdParam,
    body: SavedPlanRename,
    ok: SavedPlan,
    run: ({ scoped, actor, param, body }) => {
      authorizePlan(actor, 'plans.write');
      return renamePlan(scoped, ctx, param.id, body.name);
    },
  });
  route.delete('/api/plan/plans/{id}', {
    summary: 'Delete a saved plan',
    params: IdParam,
    run: async ({ scoped, actor, param }) => {
      authorizePlan(actor, 'plans.write');
      await deletePlan(scoped, param.id);
    },
  });
}
