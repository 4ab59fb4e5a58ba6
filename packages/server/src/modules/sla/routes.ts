import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { apiRoute, IdParam, json, jsonBody, listOf } from '../../platform/http/openapi.js';
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
export function slaRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  app.openapi(
    apiRoute('sla', 'get', '/api/sla/policies', {
      summary: 'Every SLA policy in its latest version',
      responses: { 200: json(listOf(SlaPolicySchema, 'SlaPolicyList'), 'Policies') },
    }),
    async (c) => c.json({ items: await service.listPolicies(c.var.scoped) }, 200),
  );
  app.openapi(
    apiRoute('sla', 'post', '/api/sla/policies', {
      summary: 'Create a policy (version 1, in force from its effective date)',
      request: { body: jsonBody(SlaPolicyCreate) },
      responses: { 201: json(SlaPolicySchema, 'Created') },
    }),
    async (c) => c.json(await service.createPolicy(c.var.scoped, ctx.clock, c.req.valid('json')), 201),
  );
  app.openapi(
    apiRoute('sla', 'get', '/api/sla/policies/{id}', {
      summary: "A policy's versions, oldest first",
      request: { params: IdParam },
      responses: { 200: json(listOf(SlaPolicySchema, 'SlaPolicyVersions'), 'Versions') },
    }),
    async (c) => c.json({ items: await service.policyHistory(c.var.scoped, c.req.valid('param').id) }, 200),
  );
  app.openapi(
    apiRoute('sla', 'post', '/api/sla/policies/{id}/versions', {
      summary: 'Edit a policy: a new version with its effective date and reason',
      request: { params: IdParam, body: jsonBody(SlaPolicyRevise) },
      responses: { 201: json(SlaPolicySchema, 'Created') },
    }),
    async (c) =>
      c.json(
        await service.revisePolicy(c.var.scoped, ctx.clock, c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  );
  app.openapi(
    apiRoute('sla', 'get', '/api/sla/tickets/{id}', {
      summary: "A ticket's SLA now: targets, due times, remaining business seconds",
      request: { params: IdParam },
      responses: { 200: json(TicketSlaSchema, 'SLA state') },
    }),
    async (c) => c.json(await service.ticketSla(c.var.scoped, ctx.clock, c.req.valid('param').id), 200),
  );
  app.openapi(
    apiRoute('sla', 'get', '/api/sla/attainment', {
      summary: 'Share of SLA targets met, per team, provider or priority, for tickets created in a period',
      request: { query: AttainmentQuery },
      responses: { 200: json(AttainmentSchema, 'Attainment') },
    }),
    async (c) => c.json(await service.attainment(c.var.scoped, c.req.valid('query')), 200),
  );
  app.openapi(
    apiRoute('sla', 'get', '/api/sla/holidays/{id}', {
      summary: "A team calendar's holidays",
      request: { params: IdParam },
      responses: { 200: json(HolidaysSchema, 'Holidays') },
    }),
    async (c) => c.json(await service.teamHolidays(c.var.scoped, c.req.valid('param').id), 200),
  );
  app.openapi(
    apiRoute('sla', 'put', '/api/sla/holidays/{id}', {
      summary: "Replace a team calendar's holidays",
      request: { params: IdParam, body: jsonBody(HolidaysUpdate) },
      responses: { 200: json(HolidaysSchema, 'Holidays') },
    }),
    async (c) =>
      c.json(await service.setTeamHolidays(c.var.scoped, c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
