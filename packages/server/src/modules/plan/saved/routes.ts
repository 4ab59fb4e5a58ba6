import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/env.js';
import { IdParam, routesFor } from '../../../platform/http/openapi.js';
import type { ModuleContext } from '../../../platform/module.js';
import { authorizePlan } from '../policy.js';
import { SavedPlan, SavedPlanInput, SavedPlanList, SavedPlanRename } from './schemas.js';
import { createPlan, deletePlan, getPlan, listPlans, renamePlan } from './service.js';

/**
 * Saved plans: the organization's planners create one from imported history (built by a job: poll
 * `GET /api/plan/plans/{id}` for its progress), list, open, rename and delete them. Vendor staff
 * reach none (the plans table has no provider column; decision 0033).
 */
export function savedPlanRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  const route = routesFor(app, 'plan');
  route.post('/api/plan/plans', {
    summary: 'Save a plan: forecast the history, staff it, split it across providers, schedule shifts',
    description:
      'Answers 202 with the plan `running`; a job forecasts the horizon (automatic method by backtest), staffs each interval with Erlang C, splits the volume across the providers by their contracted hours (follow the sun), and schedules each provider’s agents as 8 h and 4 h shifts at the least paid hours. Poll the plan for `progress` until `done` (or `failed` with the field at fault).',
    body: SavedPlanInput,
    accepted: SavedPlan,
    run: ({ scoped, actor, body, c }) => {
      authorizePlan(actor, 'plans.write');
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
