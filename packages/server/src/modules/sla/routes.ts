import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { IdParam, listOf, routesFor } from '../../platform/http/openapi.js';
import type { ModuleContext } from '../../platform/module.js';
import {
  AttainmentQuery,
  AttainmentSchema,
  HolidaysSchema,
  HolidaysUpdate,
  SlaPolicyCreate,
  SlaPolicyRevise,
  SlaPolicySchema,
  TicketSlaSchema,
} from './schemas.js';
import * as service from './service.js';

/** SLA policies (versioned), team holidays, a ticket's SLA, attainment. */
export function slaRoutes(app: OpenAPIHono<AppEnv>, { clock }: ModuleContext): void {
  const route = routesFor(app, 'sla');
  route.list(
    '/api/sla/policies',
    'Every SLA policy in its latest version',
    SlaPolicySchema,
    'SlaPolicyList',
    service.listPolicies,
  );
  route.post('/api/sla/policies', {
    summary: 'Create a policy (version 1, in force from its effective date)',
    body: SlaPolicyCreate,
    created: SlaPolicySchema,
    run: ({ scoped, body }) => service.createPolicy(scoped, clock, body),
  });
  route.get('/api/sla/policies/{id}', {
    summary: "A policy's versions, oldest first",
    params: IdParam,
    ok: listOf(SlaPolicySchema, 'SlaPolicyVersions'),
    run: async ({ scoped, param }) => ({ items: await service.policyHistory(scoped, param.id) }),
  });
  route.post('/api/sla/policies/{id}/versions', {
    summary: 'Edit a policy: a new version with its effective date and reason',
    params: IdParam,
    body: SlaPolicyRevise,
    created: SlaPolicySchema,
    run: ({ scoped, param, body }) => service.revisePolicy(scoped, clock, param.id, body),
  });
  route.get('/api/sla/tickets/{id}', {
    summary: "A ticket's SLA now: targets, due times, remaining business seconds",
    params: IdParam,
    ok: TicketSlaSchema,
    run: ({ scoped, param }) => service.ticketSla(scoped, clock, param.id),
  });
  route.get('/api/sla/attainment', {
    summary: 'Share of SLA targets met, per team, provider or priority, for tickets created in a period',
    query: AttainmentQuery,
    ok: AttainmentSchema,
    run: ({ scoped, query }) => service.attainment(scoped, query),
  });
  route.get('/api/sla/holidays/{id}', {
    summary: "A team calendar's holidays",
    params: IdParam,
    ok: HolidaysSchema,
    run: ({ scoped, param }) => service.teamHolidays(scoped, param.id),
  });
  route.put('/api/sla/holidays/{id}', {
    summary: "Replace a team calendar's holidays",
    params: IdParam,
    body: HolidaysUpdate,
    ok: HolidaysSchema,
    run: ({ scoped, param, body }) => service.setTeamHolidays(scoped, param.id, body),
  });
}
