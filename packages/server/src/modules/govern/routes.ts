import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireTimeZone } from '../../platform/db/time-zones.js';
import type { AppEnv } from '../../platform/http/env.js';
import { apiRoute, IdParam, json, jsonBody, listOf, routesFor } from '../../platform/http/openapi.js';
import type { ModuleContext } from '../../platform/module.js';
import { exitReadiness } from './exit.js';
import { listExportChecks, queueExportCheck } from './export-check.js';
import { listForecasts, logForecast } from './forecasts.js';
import { createGovernanceItem, listGovernance, scheduleReviews, updateGovernanceItem } from './governance.js';
import { reconcile } from './invoice.js';
import { contractJsonSchema } from './json-schema.js';
import {
  ClientForecastCreate,
  ClientForecastQuery,
  ClientForecastSchema,
  ContractApply,
  ContractSummarySchema,
  ContractVersionSchema,
  ExitReadinessRequest,
  ExitReadinessSchema,
  ExportChecksSchema,
  GovernanceItemCreate,
  GovernanceItemSchema,
  GovernanceItemUpdate,
  InvoiceRequest,
  ReconciliationSchema,
  ReviewPackRequest,
  ReviewSchedule,
  SettlementSchema,
  SettleQuery,
  SimulateRequest,
  SimulationJobSchema,
} from './schemas.js';
import * as service from './service.js';
import { getSimulation, queueSimulation } from './simulate-job.js';

const SettlementParams = IdParam.extend({
  // Any short text: a month with no statement is simply not found (as a foreign one is).
  period: z
    .string()
    .min(1)
    .max(7)
    .openapi({ param: { name: 'period', in: 'path' }, example: '2025-01' }),
});

/** Contracts (versioned documents), settlements per provider-month, the contract JSON Schema. */
export function governRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  const route = routesFor(app, 'govern');
  route.list(
    '/api/govern/contracts',
    'Every contract in its latest version (vendor staff: their provider’s)',
    ContractSummarySchema,
    'ContractList',
    service.listContracts,
  );
  route.post('/api/govern/contracts', {
    summary: 'Apply a contract document: a new contract, or a new version from its effective date',
    body: ContractApply,
    created: ContractVersionSchema,
    run: ({ scoped, body }) => service.applyContract(scoped, ctx.clock, body),
  });
  route.get('/api/govern/contracts/{id}/versions', {
    summary: "A contract's versions, oldest first",
    params: IdParam,
    ok: listOf(ContractVersionSchema, 'ContractVersions'),
    run: async ({ scoped, param }) => ({ items: await service.contractVersions(scoped, param.id) }),
  });
  route.post('/api/govern/settlements', {
    summary: 'Compute (or recompute) the settlement of one provider-month',
    body: SettleQuery,
    ok: SettlementSchema,
    run: ({ scoped, body }) => service.settle(scoped, ctx.clock, body),
  });
  route.get('/api/govern/contracts/{id}/settlements/{period}', {
    summary: 'A stored settlement statement',
    request: { params: SettlementParams },
    responses: { 200: json(SettlementSchema, 'Settlement') },
    run: ({ scoped, param }) => service.getSettlement(scoped, param.id, param.period),
  });
  app.openapi(
    apiRoute('govern', 'post', '/api/govern/contracts/{id}/settlements/{period}/review-pack', {
      summary: 'The monthly review pack of a stored settlement as a PDF, in the reader’s language',
      request: { params: SettlementParams, body: jsonBody(ReviewPackRequest) },
      responses: {
        200: {
          description: 'PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
    }),
    async (c) => {
      const { id, period } = c.req.valid('param');
      const pdf = await service.reviewPack(c.var.scoped, ctx.clock, id, period, c.req.valid('json'));
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="review-pack-${period}.pdf"`,
      }) as never;
    },
  );
  route.post('/api/govern/contracts/{id}/settlements/{period}/invoice', {
    summary: 'Reconcile a vendor invoice (CSV lines) with the charges recomputed for the month',
    request: { params: SettlementParams, body: jsonBody(InvoiceRequest) },
    responses: { 200: json(ReconciliationSchema, 'Each invoice line matched, differences flagged') },
    run: ({ scoped, param, body }) => reconcile(scoped, ctx.clock, param.id, param.period, body.csv),
  });
  route.post('/api/govern/simulations', {
    summary:
      'Queue a simulation: what a draft scheme would have paid over the provider’s past months, with gaming warnings',
    body: SimulateRequest,
    accepted: SimulationJobSchema,
    run: ({ scoped, body }) => queueSimulation(ctx, scoped, body),
  });
  route.get('/api/govern/simulations/{id}', {
    summary: 'A simulation of the caller’s own: state, progress and, once done, the answer',
    params: IdParam,
    ok: SimulationJobSchema,
    run: ({ scoped, param }) => getSimulation(scoped, param.id),
  });
  route.get('/api/govern/contracts/{id}/governance', {
    summary: 'The contract’s review meetings, corrective actions and escalations, by due day',
    params: IdParam,
    ok: listOf(GovernanceItemSchema, 'GovernanceItems'),
    run: async ({ scoped, param }) => ({ items: await listGovernance(scoped, ctx.clock, param.id) }),
  });
  route.post('/api/govern/contracts/{id}/governance', {
    summary: 'Add a review meeting, a corrective action or an escalation',
    params: IdParam,
    body: GovernanceItemCreate,
    created: GovernanceItemSchema,
    run: ({ scoped, param, body }) => createGovernanceItem(scoped, ctx.clock, param.id, body),
  });
  route.post('/api/govern/contracts/{id}/governance/reviews', {
    summary: 'Schedule the review meetings (weekly, monthly, quarterly) of the coming weeks',
    request: { params: IdParam, body: jsonBody(ReviewSchedule) },
    responses: { 200: json(listOf(GovernanceItemSchema, 'ScheduledGovernance'), 'Governance register') },
    run: async ({ scoped, param, body }) => ({
      items: await scheduleReviews(scoped, ctx.clock, param.id, body.from, body.weeks),
    }),
  });
  route.patch('/api/govern/governance/{id}', {
    summary: 'Close an item with its evidence, or move an escalation to another level',
    params: IdParam,
    body: GovernanceItemUpdate,
    ok: GovernanceItemSchema,
    run: ({ scoped, param, body }) => updateGovernanceItem(scoped, ctx.clock, param.id, body),
  });
  route.post('/api/govern/contracts/{id}/exit-readiness', {
    summary:
      'Exit readiness: notice dates and whether the in-house team could absorb the vendor’s volume (Plan’s staffing)',
    params: IdParam,
    description:
      'The vendor’s tickets of the month, by local hour of day in `timeZone` (or `teamId`’s zone; neither: UTC), staffed as an average day; an unknown zone answers 400 naming `timeZone` (decision 0065).',
    body: ExitReadinessRequest,
    ok: ExitReadinessSchema,
    run: async ({ scoped, param, body }) => {
      if (body.timeZone !== undefined) await requireTimeZone(ctx.db, body.timeZone, 'timeZone');
      return exitReadiness(scoped, ctx.clock, param.id, body);
    },
  });
  route.get('/api/govern/export-checks', {
    summary:
      'The canonical export’s round trips (exit readiness): the latest with their evidence, and one running',
    responses: { 200: json(ExportChecksSchema, 'Export checks') },
    run: ({ scoped }) => listExportChecks(scoped),
  });
  route.post('/api/govern/export-checks', {
    summary: 'Run the canonical export’s round trip now (a job; one at a time)',
    responses: { 202: json(ExportChecksSchema, 'Queued: poll GET /api/govern/export-checks') },
    run: ({ scoped }) => queueExportCheck(ctx, scoped, ctx.clock),
  });
  route.get('/api/govern/forecasts', {
    summary: 'The client’s logged forecasts, newest first (vendor staff: their provider’s)',
    request: { query: ClientForecastQuery },
    responses: { 200: json(listOf(ClientForecastSchema, 'ClientForecastList'), 'Forecasts') },
    run: async ({ scoped, query }) => ({ items: await listForecasts(scoped, query.providerId) }),
  });
  route.post('/api/govern/forecasts', {
    summary: 'Log a forecast given to a vendor (a month or days; a later one is a new version)',
    description:
      'One volume over a month or a range of days. When a settlement month, or a newer forecast, takes only some of its days, it counts pro rata by day (volume × days taken ÷ days covered). A forecast sent from a saved plan (`POST /api/plan/plans/{id}/forecasts`) carries its own volume per day (`dailyVolumes`), and the relief counts those days exactly (decision 0063). Days are local days of `timeZone` (default UTC): the relief counts the vendor’s tickets between their local midnights, 23 or 25 hours on a daylight-saving change; an unknown zone answers 400 naming `timeZone` (decision 0065).',
    request: { body: jsonBody(ClientForecastCreate) },
    responses: { 201: json(ClientForecastSchema, 'Logged') },
    run: async ({ scoped, body }) => {
      if (body.timeZone !== undefined) await requireTimeZone(ctx.db, body.timeZone, 'timeZone');
      return logForecast(scoped, ctx.clock, body);
    },
  });
  route.get('/api/govern/contract-schema', {
    summary: 'The JSON Schema of contract documents (docs/schemas/contract.schema.json)',
    responses: { 200: json(z.record(z.string(), z.unknown()).openapi('JsonSchema'), 'JSON Schema') },
    run: async () => contractJsonSchema(),
  });
}
