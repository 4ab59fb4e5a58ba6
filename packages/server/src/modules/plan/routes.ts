import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { errorResponses, json, jsonBody } from '../../platform/http/openapi.js';
import { authorizePlan } from './policy.js';
import { presentSimulation, presentStaffingPlan } from './presenters.js';
import { SimulationRequest, SimulationResponse, StaffingRequest, StaffingResponse } from './schemas.js';
import { planStaffing, runSimulation } from './service.js';

/** Staffing and simulation calculators: stateless, synchronous, any signed-in role. */
export function planRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/plan/staffing',
      tags: ['plan'],
      summary:
        'Agents needed per interval (Erlang C, or Erlang A with patience), with totals in agent-hours and FTE',
      description:
        'Give `intervals` (objects; a single one for a what-if) or `series` (columns, for up to a year of quarter-hours within the request size limit). Plan-level targets, shrinkage, patience and minAgents apply to every interval unless the interval sets its own. Deterministic and fast: suited to recomputing on every slider move.',
      request: { body: jsonBody(StaffingRequest) },
      responses: { 200: json(StaffingResponse, 'The staffing plan'), ...errorResponses },
    }),
    (c) => {
      authorizePlan(c.var.scoped.actor, 'staffing.run');
      const body = c.req.valid('json');
      return c.json(presentStaffingPlan(planStaffing(body), body.output), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/plan/simulations',
      tags: ['plan'],
      summary: 'Simulate a contact-center scenario: SL, ASA, abandonment and occupancy with 95% CIs',
      description:
        'Synchronous and capped: at most 2,000,000 simulated contacts (arrivals × replications) and 100 replications per request, about a second of work. Larger runs: `shoreline simulate`.',
      request: { body: jsonBody(SimulationRequest) },
      responses: { 200: json(SimulationResponse, 'The simulation result'), ...errorResponses },
    }),
    (c) => {
      authorizePlan(c.var.scoped.actor, 'simulation.run');
      return c.json(presentSimulation(runSimulation(c.req.valid('json'))), 200);
    },
  );
}
