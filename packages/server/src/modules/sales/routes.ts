import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { apiRoute, IdParam, json, jsonBody, listOf } from '../../platform/http/openapi.js';
import type { ModuleContext } from '../../platform/module.js';
import { LeadCreate, LeadOutcome, LeadSchema, LeadsReportQuery, LeadsReportSchema } from './schemas.js';
import * as service from './service.js';

/** Sales handoff: a conversation becomes a lead; the CRM reports the outcome; Insight's leads report. */
export function salesRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  app.openapi(
    apiRoute('sales', 'post', '/api/sales/tickets/{id}/lead', {
      summary: 'Hand a conversation to sales as a lead (once per ticket); sends `lead.created` to webhooks',
      request: { params: IdParam, body: jsonBody(LeadCreate) },
      responses: { 201: json(LeadSchema, 'The lead') },
    }),
    async (c) =>
      c.json(
        await service.handOff(c.var.scoped, ctx.clock, c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  );
  app.openapi(
    apiRoute('sales', 'post', '/api/sales/leads/{id}/outcome', {
      summary: "The CRM's outcome of a lead (won with its value, or lost); sends `lead.closed`",
      request: { params: IdParam, body: jsonBody(LeadOutcome) },
      responses: { 200: json(LeadSchema, 'The lead') },
    }),
    async (c) =>
      c.json(
        await service.recordOutcome(c.var.scoped, ctx.clock, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
  app.openapi(
    apiRoute('sales', 'get', '/api/sales/leads', {
      summary: 'The latest leads in reach (500)',
      responses: { 200: json(listOf(LeadSchema, 'LeadList'), 'Leads') },
    }),
    async (c) => c.json({ items: await service.listLeads(c.var.scoped) }, 200),
  );
  app.openapi(
    apiRoute('sales', 'get', '/api/sales/report', {
      summary: 'Leads, conversion and won revenue per team, provider, channel, language or raiser',
      request: { query: LeadsReportQuery },
      responses: { 200: json(LeadsReportSchema, 'Report') },
    }),
    async (c) => c.json(await service.report(c.var.scoped, c.req.valid('query')), 200),
  );
}
