import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { IdParam, routesFor } from '../../platform/http/openapi.js';
import type { ModuleContext } from '../../platform/module.js';
import { LeadCreate, LeadOutcome, LeadSchema, LeadsReportQuery, LeadsReportSchema } from './schemas.js';
import * as service from './service.js';

/** Sales handoff: a conversation becomes a lead; the CRM reports the outcome; Insight's leads report. */
export function salesRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  const route = routesFor(app, 'sales');
  route.post('/api/sales/tickets/{id}/lead', {
    summary: 'Hand a conversation to sales as a lead (once per ticket); sends `lead.created` to webhooks',
    params: IdParam,
    body: LeadCreate,
    created: LeadSchema,
    run: ({ scoped, param, body }) => service.handOff(scoped, ctx.clock, param.id, body),
  });
  route.post('/api/sales/leads/{id}/outcome', {
    summary: "The CRM's outcome of a lead (won with its value, or lost); sends `lead.closed`",
    params: IdParam,
    body: LeadOutcome,
    ok: LeadSchema,
    run: ({ scoped, param, body }) => service.recordOutcome(scoped, ctx.clock, param.id, body),
  });
  route.list(
    '/api/sales/leads',
    'The latest leads in reach (500)',
    LeadSchema,
    'LeadList',
    service.listLeads,
  );
  route.get('/api/sales/report', {
    summary: 'Leads, conversion and won revenue per team, provider, channel, language or raiser',
    query: LeadsReportQuery,
    ok: LeadsReportSchema,
    run: ({ scoped, query }) => service.report(scoped, query),
  });
}
