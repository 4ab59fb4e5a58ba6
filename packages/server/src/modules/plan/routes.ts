import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppEnv } from '../../platform/http/env.js';
import { json, jsonBody, routesFor } from '../../platform/http/openapi.js';
import { AppError } from '../../platform/http/problem.js';
import type { ModuleContext } from '../../platform/module.js';
import { computePlan, type PlanKind } from './compute.js';
import { INLINE_COST_US, MAX_COST_US, simulationCostUs, staffingCostUs, timeBudgetMs } from './cost.js';
import { getPlanJob, planJobAnswer, queuePlanJob } from './plan-jobs-service.js';
import { authorizePlan } from './policy.js';
import {
  PlanJobSchema,
  SimulationRequest,
  SimulationResponse,
  StaffingRequest,
  StaffingResponse,
} from './schemas.js';
import { checkSimulation } from './service.js';

/**
 * Staffing and simulation: any signed-in role. What costs little is computed in the request; what
 * costs more becomes a job computed in a worker thread (202 with the job; fetch it with
 * `GET /api/plan/jobs/{id}`), so no request holds the event loop; beyond MAX_COST_US is refused.
 */
/**
 * A calculation route's contract: its JSON body in, and one of two answers out: the result at once
 * (200), or, when it costs more than a request may spend, the job computing it (202; the client
 * fetches `GET /api/plan/jobs/{id}`).
 */
function calculation<B extends z.ZodTypeAny, S extends z.ZodTypeAny>(
  body: B,
  result: S,
  resultIs: string,
  jobFor: string,
) {
  return {
    request: { body: jsonBody(body) },
    responses: {
      200: json(result, resultIs),
      202: json(PlanJobSchema, `Queued: fetch the job for ${jobFor}`),
    },
  };
}

export function planRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  // Per user and process: at most a second of inline computation every ten seconds. Each process
  // guards its own event loop, so a per-process limit is the right one here.
  const inlineBudget = new RateLimiterMemory({ points: 1_000, duration: 10 });

  const answer = async (c: Context<AppEnv>, kind: PlanKind, body: unknown, costUs: number, field: string) => {
    if (costUs > MAX_COST_US) {
      const message = `would take about ${Math.round(costUs / 1e6)} s of computation; a request may take at most ${MAX_COST_US / 1e6} s (fewer or smaller intervals)`;
      throw new AppError('validation_failed', `${field}: ${message}`, field, [
        { field, code: 'too_big', message },
      ]);
    }
    const actor = c.var.scoped.actor;
    if (costUs <= INLINE_COST_US) {
      try {
        await inlineBudget.consume(actor.userId, Math.max(1, Math.ceil(costUs / 1000)));
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err;
        c.header('retry-after', String(Math.ceil(err.msBeforeNext / 1000)));
        throw new AppError('rate_limited', 'too many calculations; wait a few seconds', '(body)');
      }
      return c.body(computePlan(kind, body), 200, { 'content-type': 'application/json' });
    }
    const job = await queuePlanJob(ctx, actor, { kind, body, budgetMs: timeBudgetMs(costUs) });
    c.header('location', `/api/plan/jobs/${job.id}`);
    return c.json(job, 202);
  };

  const route = routesFor(app, 'plan');
  route.post('/api/plan/staffing', {
    summary:
      'Agents needed per interval (Erlang C, or Erlang A with patience), with totals in agent-hours and FTE',
    description:
      'Give `intervals` (objects; a single one for a what-if) or `series` (columns, for up to a year of quarter-hours within the request size limit). Plan-level targets, shrinkage, patience and minAgents apply to every interval unless the interval sets its own. A plan of small cost is answered at once (200); a larger one is queued and computed off the request (202 with a job: fetch `GET /api/plan/jobs/{id}`); the cost is estimated from the offered load of every interval, and one above a minute of computation is refused.',
    ...calculation(StaffingRequest, StaffingResponse, 'The staffing plan', 'the plan'),
    run: ({ actor, body, c }) => {
      authorizePlan(actor, 'staffing.run');
      return answer(c, 'staffing', body, staffingCostUs(body), body.series ? 'series' : 'intervals');
    },
  });
  route.post('/api/plan/simulations', {
    summary: 'Simulate a contact-center scenario: SL, ASA, abandonment and occupancy with 95% CIs',
    description:
      'At most 2,000,000 simulated contacts (arrivals × replications) and 100 replications per request. A small run is answered at once (200); a larger one is queued and computed off the request (202 with a job: fetch `GET /api/plan/jobs/{id}`). Larger runs: `shoreline simulate`.',
    ...calculation(SimulationRequest, SimulationResponse, 'The simulation result', 'the result'),
    run: ({ actor, body, c }) => {
      authorizePlan(actor, 'simulation.run');
      checkSimulation(body);
      return answer(c, 'simulation', body, simulationCostUs(body), 'skills');
    },
  });
  route.get('/api/plan/jobs/{id}', {
    summary:
      'A queued calculation: its status and progress; when done, its `result` (or the `problem` in its input)',
    request: { params: z.object({ id: z.string().max(64) }) },
    responses: { 200: json(PlanJobSchema, 'The job') },
    run: async ({ scoped, param, c }) => {
      const job = await getPlanJob(scoped, param.id);
      const stream = planJobAnswer(ctx, job);
      if (!stream) return job.presented;
      return c.body(stream, 200, { 'content-type': 'application/json' });
    },
  });
}
