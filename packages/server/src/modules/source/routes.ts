import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { apiRoute, IdParam, json, jsonBody, listOf } from '../../platform/http/openapi.js';
import type { ModuleContext } from '../../platform/module.js';
import { kpiServiceOf } from '../insight/index.js';
import { readiness } from './readiness-service.js';
import {
  SourceCompareRequest,
  SourceComparisonSchema,
  SourceDecisionCreate,
  SourceDecisionSchema,
  SourceDefaultsSchema,
  SourcePilotAssign,
  SourcePilotCreate,
  SourcePilotObservations,
  SourcePilotSchema,
  SourceReadinessQuery,
  SourceReadinessSchema,
  SourceReportRequest,
  SourceScenarioCreate,
  SourceScenarioSchema,
  SourceScorecardCreate,
  SourceScorecardSchema,
  SourceScoresUpdate,
  SourceVendorCreate,
  SourceVendorSchema,
} from './schemas.js';
import * as service from './service.js';

const T = 'source';

/** Source: readiness, cost comparison, vendors, scorecards, pilots, decisions (admins; supervisors read and score). */
export function sourceRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  const kpis = kpiServiceOf(ctx);
  app.openapi(
    apiRoute(T, 'get', '/api/source/defaults', {
      summary: 'Reference defaults with source and evidence grade, and the worked example scenario',
      responses: { 200: json(SourceDefaultsSchema, 'Defaults') },
    }),
    (c) => c.json(service.defaults(c.var.scoped) as never, 200),
  );
  app.openapi(
    apiRoute(T, 'post', '/api/source/compare', {
      summary: 'Cost every option of a scenario at the same service level, side by side',
      request: { body: jsonBody(SourceCompareRequest) },
      responses: { 200: json(SourceComparisonSchema, 'Comparison') },
    }),
    async (c) => c.json((await service.compare(c.var.scoped, kpis, c.req.valid('json'))) as never, 200),
  );
  app.openapi(
    apiRoute(T, 'get', '/api/source/readiness', {
      summary:
        'Readiness assessment: measured evidence per question, questions for the user, graded segments',
      request: { query: SourceReadinessQuery },
      responses: { 200: json(SourceReadinessSchema, 'Assessment') },
    }),
    async (c) => c.json((await readiness(c.var.scoped, kpis, ctx.clock, c.req.valid('query'))) as never, 200),
  );
  app.openapi(
    apiRoute(T, 'get', '/api/source/scenarios', {
      summary: 'Saved cost scenarios',
      responses: { 200: json(listOf(SourceScenarioSchema, 'SourceScenarioList'), 'Scenarios') },
    }),
    async (c) => c.json({ items: await service.listScenarios(c.var.scoped) } as never, 200),
  );
  app.openapi(
    apiRoute(T, 'post', '/api/source/scenarios', {
      summary: 'Save a cost scenario',
      request: { body: jsonBody(SourceScenarioCreate) },
      responses: { 201: json(SourceScenarioSchema, 'Created') },
    }),
    async (c) =>
      c.json((await service.createScenario(c.var.scoped, ctx.clock, c.req.valid('json'))) as never, 201),
  );
  app.openapi(
    apiRoute(T, 'get', '/api/source/scenarios/{id}', {
      summary: 'A saved scenario',
      request: { params: IdParam },
      responses: { 200: json(SourceScenarioSchema, 'Scenario') },
    }),
    async (c) => c.json((await service.getScenario(c.var.scoped, c.req.valid('param').id)) as never, 200),
  );
  app.openapi(
    apiRoute(T, 'put', '/api/source/scenarios/{id}', {
      summary: 'Replace a scenario (its version goes up)',
      request: { params: IdParam, body: jsonBody(SourceScenarioCreate) },
      responses: { 200: json(SourceScenarioSchema, 'Updated') },
    }),
    async (c) =>
      c.json(
        (await service.updateScenario(
          c.var.scoped,
          ctx.clock,
          c.req.valid('param').id,
          c.req.valid('json'),
        )) as never,
        200,
      ),
  );
  app.openapi(
    apiRoute(T, 'get', '/api/source/vendors', {
      summary: 'Vendor profiles, with certifications expiring within 90 days flagged',
      responses: { 200: json(listOf(SourceVendorSchema, 'SourceVendorList'), 'Vendors') },
    }),
    async (c) => c.json({ items: await service.listVendors(c.var.scoped, ctx.clock) } as never, 200),
  );
  app.openapi(
    apiRoute(T, 'post', '/api/source/vendors', {
      summary: 'Add a vendor profile',
      request: { body: jsonBody(SourceVendorCreate) },
      responses: { 201: json(SourceVendorSchema, 'Created') },
    }),
    async (c) =>
      c.json((await service.createVendor(c.var.scoped, ctx.clock, c.req.valid('json'))) as never, 201),
  );
  app.openapi(
    apiRoute(T, 'get', '/api/source/scorecards', {
      summary: 'Scorecards with weighted results',
      responses: { 200: json(listOf(SourceScorecardSchema, 'SourceScorecardList'), 'Scorecards') },
    }),
    async (c) => c.json({ items: await service.listScorecards(c.var.scoped) }, 200),
  );
  app.openapi(
    apiRoute(T, 'post', '/api/source/scorecards', {
      summary: 'Create a scorecard: criteria with weights (price one among many), vendors, prices',
      request: { body: jsonBody(SourceScorecardCreate) },
      responses: { 201: json(SourceScorecardSchema, 'Created') },
    }),
    async (c) => c.json(await service.createScorecard(c.var.scoped, ctx.clock, c.req.valid('json')), 201),
  );
  app.openapi(
    apiRoute(T, 'get', '/api/source/scorecards/{id}', {
      summary: 'A scorecard: each criterion’s mean, spread between evaluators, weighted totals, ranks',
      request: { params: IdParam },
      responses: { 200: json(SourceScorecardSchema, 'Scorecard') },
    }),
    async (c) => c.json(await service.getScorecard(c.var.scoped, c.req.valid('param').id), 200),
  );
  app.openapi(
    apiRoute(T, 'put', '/api/source/scorecards/{id}/scores', {
      summary: 'Record the caller’s own scores as an evaluator',
      request: { params: IdParam, body: jsonBody(SourceScoresUpdate) },
      responses: { 200: json(SourceScorecardSchema, 'Scorecard') },
    }),
    async (c) =>
      c.json(
        await service.putScores(c.var.scoped, ctx.clock, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
  app.openapi(
    apiRoute(T, 'get', '/api/source/pilots', {
      summary: 'Pilots with their intervals and verdicts',
      responses: { 200: json(listOf(SourcePilotSchema, 'SourcePilotList'), 'Pilots') },
    }),
    async (c) => c.json({ items: await service.listPilots(c.var.scoped) }, 200),
  );
  app.openapi(
    apiRoute(T, 'post', '/api/source/pilots', {
      summary: 'Pre-register a pilot: slice, split, seed, metric, minimum detectable difference',
      request: { body: jsonBody(SourcePilotCreate) },
      responses: { 201: json(SourcePilotSchema, 'Created') },
    }),
    async (c) => c.json(await service.createPilot(c.var.scoped, ctx.clock, c.req.valid('json')), 201),
  );
  app.openapi(
    apiRoute(T, 'get', '/api/source/pilots/{id}', {
      summary: 'A pilot: interval for vendor − in-house; the verdict only once the sample is reached',
      request: { params: IdParam },
      responses: { 200: json(SourcePilotSchema, 'Pilot') },
    }),
    async (c) => c.json(await service.getPilot(c.var.scoped, c.req.valid('param').id), 200),
  );
  app.openapi(
    apiRoute(T, 'post', '/api/source/pilots/{id}/assign', {
      summary: 'Route a contact of the slice to an arm (random, seeded)',
      request: { params: IdParam, body: jsonBody(SourcePilotAssign) },
      responses: {
        200: json(z.object({ contactId: z.string(), arm: z.enum(['vendor', 'in-house']) }), 'Arm'),
      },
    }),
    async (c) =>
      c.json(
        await service.assignContact(c.var.scoped, c.req.valid('param').id, c.req.valid('json').contactId),
        200,
      ),
  );
  app.openapi(
    apiRoute(T, 'post', '/api/source/pilots/{id}/observations', {
      summary: 'Add observed contacts to an arm',
      request: { params: IdParam, body: jsonBody(SourcePilotObservations) },
      responses: { 200: json(SourcePilotSchema, 'Pilot') },
    }),
    async (c) =>
      c.json(await service.addObservations(c.var.scoped, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    apiRoute(T, 'post', '/api/source/report', {
      summary: 'The decision report as a PDF, in the reader’s language',
      request: { body: jsonBody(SourceReportRequest) },
      responses: {
        200: {
          description: 'PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
    }),
    async (c) => {
      const pdf = await service.report(c.var.scoped, kpis, ctx.clock, c.req.valid('json'));
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': 'attachment; filename="source-report.pdf"',
      }) as never;
    },
  );
  app.openapi(
    apiRoute(T, 'get', '/api/source/decisions', {
      summary: 'Decision record versions, newest first',
      responses: { 200: json(listOf(SourceDecisionSchema, 'SourceDecisionList'), 'Decisions') },
    }),
    async (c) => c.json({ items: await service.listDecisions(c.var.scoped) }, 200),
  );
  app.openapi(
    apiRoute(T, 'post', '/api/source/decisions', {
      summary: 'Record a decision with a snapshot of its costs, scorecard and pilots',
      request: { body: jsonBody(SourceDecisionCreate) },
      responses: { 201: json(SourceDecisionSchema, 'Created') },
    }),
    async (c) =>
      c.json(await service.createDecision(c.var.scoped, kpis, ctx.clock, c.req.valid('json')), 201),
  );
}
