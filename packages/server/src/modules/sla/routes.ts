import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { IdParam, json, jsonBody, listOf, routesFor } from '../../platform/http/openapi.js';
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
  route.get('/api/sla/policies', {
    summary: 'Every SLA policy in its latest version',
    responses: { 200: json(listOf(SlaPolicySchema, 'SlaPolicyList'), 'Policies') },
    run: async ({ scoped }) => ({ items: await service.listPolicies(scoped) }),
  });
  route.post('/api/sla/policies', {
    summary: 'Create a policy (version 1, in force from its effective date)',
    request: { body: jsonBody(SlaPolicyCreate) },
    responses: { 201: json(SlaPolicySchema, 'Created') },
    run: ({ scoped, body }) => service.createPolicy(scoped, clock, body),
  });
  route.get('/api/sla/policies/{id}', {
    summary: "A policy's versions, oldest first",
    request: { params: IdParam },
    responses: { 200: json(listOf(SlaPolicySchema, 'SlaPolicyVersions'), 'Versions') },
    run: async ({ scoped, param }) => ({ items: await service.policyHistory(scoped, param.id) }),
  });
  route.post('/api/sla/policies/{id}/versions', {
    summary: 'Edit a policy: a new version with its effective date and reason',
    request: { params: IdParam, body: jsonBody(SlaPolicyRevise) },
    responses: { 201: json(SlaPolicySchema, 'Created') },
    run: ({ scoped, param, body }) => service.revisePolicy(scoped, clock, param.id, body),
  });
  route.get('/api/sla/tickets/{id}', {
    summary: "A ticket's SLA now: targets, due times, remaining business seconds",
    request: { params: IdParam },
    responses: { 200: json(TicketSlaSchema, 'SLA state') },
    run: ({ scoped, param }) => service.ticketSla(scoped, clock, param.id),
  });
  route.get('/api/sla/attainment', {
    summary: 'Share of SLA targets met, per team, provider or priority, for tickets created in a period',
    request: { query: AttainmentQuery },
    responses: { 200: json(AttainmentSchema, 'Attainment') },
    run: ({ scoped, query }) => service.attainment(scoped, query),
  });
  route.get('/api/sla/holidays/{id}', {
    summary: "A team calendar's holidays",
    request: { params: IdParam },
    responses: { 200: json(HolidaysSchema, 'Holidays') },
    run: ({ scoped, param }) => service.teamHolidays(scoped, param.id),
  });
  route.put('/api/sla/holidays/{id}', {
    summary: "Replace a team calendar's holidays",
    request: { params: IdParam, body: jsonBody(HolidaysUpdate) },
    responses: { 200: json(HolidaysSchema, 'Holidays') },
    run: ({ scoped, param, body }) => service.setTeamHolidays(scoped, param.id, body),
  });
}
