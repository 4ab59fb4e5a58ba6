import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { IdParam, json, jsonBody, listOf, routesFor } from '../../platform/http/openapi.js';
import type { ModuleContext } from '../../platform/module.js';
import { kpiServiceOf } from '../insight/index.js';
import * as evidence from './evidence-service.js';
import * as pilots from './pilot-service.js';
import { readiness } from './readiness-service.js';
import {
  SourceCompareRequest,
  SourceComparisonSchema,
  SourceDecisionCreate,
  SourceDecisionSchema,
  SourceDefaultsSchema,
  SourceEvidenceCreate,
  SourceEvidenceQuery,
  SourceEvidenceSchema,
  SourcePilotAssign,
  SourcePilotCreate,
  SourcePilotObservations,
  SourcePilotSchema,
  SourcePilotStart,
  SourceReadinessQuery,
  SourceReadinessSchema,
  SourceReportRequest,
  SourceScenarioCreate,
  SourceScenarioSchema,
  SourceScorecardCreate,
  SourceScorecardSchema,
  SourceScoresUpdate,
  SourceSelectionAdvance,
  SourceSelectionCreate,
  SourceSelectionSchema,
  SourceStageUpdate,
  SourceVendorCreate,
  SourceVendorSchema,
} from './schemas.js';
import * as selections from './selection-service.js';
import * as service from './service.js';

/** A download: the bytes as an attachment, never rendered inline. */
function download(c: Context<AppEnv>, bytes: Uint8Array, fileName: string, contentType: string): Response {
  return c.body(new Uint8Array(bytes), 200, {
    'content-type': contentType,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  });
}

/** Source: readiness, costs, vendors, evidence, selections, scorecards, pilots, decisions, the report. */
export function sourceRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  const kpis = kpiServiceOf(ctx);
  const { clock } = ctx;
  const route = routesFor(app, 'source');
  route.get('/api/source/defaults', {
    summary: 'Reference defaults with source and evidence grade, and the worked example scenario',
    ok: SourceDefaultsSchema,
    run: async ({ scoped }) => service.defaults(scoped) as never,
  });
  route.post('/api/source/compare', {
    summary: 'Cost every option of a scenario at the same service level, side by side',
    body: SourceCompareRequest,
    ok: SourceComparisonSchema,
    run: async ({ scoped, body }) => (await service.compare(scoped, kpis, body)) as never,
  });
  route.get('/api/source/readiness', {
    summary: 'Readiness assessment: measured evidence per question, questions for the user, graded segments',
    query: SourceReadinessQuery,
    ok: SourceReadinessSchema,
    run: async ({ scoped, query }) => (await readiness(scoped, kpis, clock, query)) as never,
  });

  route.get('/api/source/scenarios', {
    summary: 'Saved cost scenarios',
    ok: listOf(SourceScenarioSchema, 'SourceScenarioList'),
    run: async ({ scoped }) => ({ items: await service.listScenarios(scoped) }) as never,
  });
  route.post('/api/source/scenarios', {
    summary: 'Save a cost scenario',
    body: SourceScenarioCreate,
    created: SourceScenarioSchema,
    run: async ({ scoped, body }) => (await service.createScenario(scoped, clock, body)) as never,
  });
  route.get('/api/source/scenarios/{id}', {
    summary: 'A saved scenario',
    params: IdParam,
    ok: SourceScenarioSchema,
    run: async ({ scoped, param }) => (await service.getScenario(scoped, param.id)) as never,
  });
  route.put('/api/source/scenarios/{id}', {
    summary: 'Replace a scenario (its version goes up)',
    params: IdParam,
    body: SourceScenarioCreate,
    ok: SourceScenarioSchema,
    run: async ({ scoped, param, body }) =>
      (await service.updateScenario(scoped, clock, param.id, body)) as never,
  });

  route.get('/api/source/vendors', {
    summary: 'Vendor profiles, with certifications expiring within 90 days flagged',
    ok: listOf(SourceVendorSchema, 'SourceVendorList'),
    run: async ({ scoped }) => ({ items: await service.listVendors(scoped, clock) }) as never,
  });
  route.post('/api/source/vendors', {
    summary: 'Add a vendor profile',
    body: SourceVendorCreate,
    created: SourceVendorSchema,
    run: async ({ scoped, body }) => (await service.createVendor(scoped, clock, body)) as never,
  });
  route.put('/api/source/vendors/{id}', {
    summary: 'Replace a vendor profile',
    params: IdParam,
    body: SourceVendorCreate,
    ok: SourceVendorSchema,
    run: async ({ scoped, param, body }) =>
      (await service.updateVendor(scoped, clock, param.id, body)) as never,
  });

  route.get('/api/source/evidence', {
    summary:
      'Evidence files (certificates, audits, RFI/RFP documents) with expiry; vendor staff see their own',
    query: SourceEvidenceQuery,
    ok: listOf(SourceEvidenceSchema, 'SourceEvidenceList'),
    run: async ({ scoped, query }) => ({ items: await evidence.listEvidence(scoped, clock, query) }),
  });
  route.post('/api/source/evidence', {
    summary: 'Attach an evidence file to a vendor or a selection (base64 content, stored once per SHA-256)',
    body: SourceEvidenceCreate,
    created: SourceEvidenceSchema,
    run: ({ scoped, body }) => evidence.addEvidence(scoped, clock, body),
  });
  route.get('/api/source/evidence/{id}/content', {
    summary: "An evidence file's bytes (as a download)",
    request: { params: IdParam },
    responses: { 200: { description: 'The file' } },
    run: async ({ scoped, param, c }) => {
      const file = await evidence.readEvidence(scoped, param.id);
      return download(c, file.content, file.fileName, 'application/octet-stream');
    },
  });

  route.get('/api/source/selections', {
    summary: 'Vendor selections: stages (long list → RFI → short list → RFP → scoring → pilot → decision)',
    ok: listOf(SourceSelectionSchema, 'SourceSelectionList'),
    run: async ({ scoped }) => ({ items: await selections.listSelections(scoped, clock) }),
  });
  route.post('/api/source/selections', {
    summary: 'Start a selection from a long list of vendors, with stage owners and due dates',
    body: SourceSelectionCreate,
    created: SourceSelectionSchema,
    run: ({ scoped, body }) => selections.createSelection(scoped, clock, body),
  });
  route.get('/api/source/selections/{id}', {
    summary: 'A selection: its stages, vendors in and out (with reasons), overdue stages',
    params: IdParam,
    ok: SourceSelectionSchema,
    run: ({ scoped, param }) => selections.getSelection(scoped, clock, param.id),
  });
  route.patch('/api/source/selections/{id}/stages', {
    summary: "Set a stage's owner, due date or documents",
    params: IdParam,
    body: SourceStageUpdate,
    ok: SourceSelectionSchema,
    run: ({ scoped, param, body }) => selections.updateStage(scoped, clock, param.id, body),
  });
  route.post('/api/source/selections/{id}/advance', {
    summary: 'Complete the current stage: vendors leaving with reasons; at the decision, the award',
    params: IdParam,
    body: SourceSelectionAdvance,
    ok: SourceSelectionSchema,
    run: ({ scoped, param, body }) => selections.advance(scoped, clock, param.id, body),
  });

  route.list(
    '/api/source/scorecards',
    'Scorecards with weighted results',
    SourceScorecardSchema,
    'SourceScorecardList',
    service.listScorecards,
  );
  route.post('/api/source/scorecards', {
    summary: 'Create a scorecard: criteria with weights (price one among many), vendors, prices',
    body: SourceScorecardCreate,
    created: SourceScorecardSchema,
    run: ({ scoped, body }) => service.createScorecard(scoped, clock, body),
  });
  route.get('/api/source/scorecards/{id}', {
    summary: 'A scorecard: each criterion’s mean, spread between evaluators, weighted totals, ranks',
    params: IdParam,
    ok: SourceScorecardSchema,
    run: ({ scoped, param }) => service.getScorecard(scoped, param.id),
  });
  route.put('/api/source/scorecards/{id}/scores', {
    summary: 'Record the caller’s own scores as an evaluator',
    params: IdParam,
    body: SourceScoresUpdate,
    ok: SourceScorecardSchema,
    run: ({ scoped, param, body }) => service.putScores(scoped, clock, param.id, body),
  });

  route.list(
    '/api/source/pilots',
    'Pilots with their intervals and verdicts',
    SourcePilotSchema,
    'SourcePilotList',
    pilots.listPilots,
  );
  route.post('/api/source/pilots', {
    summary: 'Pre-register a pilot: slice, split, seed, metric, minimum detectable difference',
    body: SourcePilotCreate,
    created: SourcePilotSchema,
    run: ({ scoped, body }) => pilots.createPilot(scoped, clock, body),
  });
  route.get('/api/source/pilots/{id}', {
    summary: 'A pilot: interval for vendor − in-house; the verdict only once the sample is reached',
    params: IdParam,
    ok: SourcePilotSchema,
    run: ({ scoped, param }) => pilots.getPilot(scoped, param.id),
  });
  route.post('/api/source/pilots/{id}/start', {
    summary: "Start the pilot on real traffic: routing splits the slice's new tickets for a period",
    params: IdParam,
    body: SourcePilotStart,
    ok: SourcePilotSchema,
    run: ({ scoped, param, body }) => pilots.startPilot(scoped, clock, param.id, body),
  });
  route.post('/api/source/pilots/{id}/stop', {
    summary: "Stop a running pilot's split now (its tickets keep counting)",
    params: IdParam,
    ok: SourcePilotSchema,
    run: ({ scoped, param }) => pilots.stopPilot(scoped, clock, param.id),
  });
  route.post('/api/source/pilots/{id}/assign', {
    summary: 'Route a contact of the slice to an arm (random, seeded)',
    request: { params: IdParam, body: jsonBody(SourcePilotAssign) },
    responses: {
      200: json(
        z.object({ contactId: z.string(), arm: z.string() }),
        'Arm: `in-house`, a vendor id, or `vendor`',
      ),
    },
    run: ({ scoped, param, body }) => pilots.assignContact(scoped, param.id, body.contactId),
  });
  route.post('/api/source/pilots/{id}/observations', {
    summary: 'Add contacts observed outside Shoreline to an arm (pilots not routed through the Desk)',
    params: IdParam,
    body: SourcePilotObservations,
    ok: SourcePilotSchema,
    run: ({ scoped, param, body }) => pilots.addObservations(scoped, param.id, body),
  });

  route.post('/api/source/report', {
    summary: 'The decision report as a PDF, in the reader’s language',
    request: { body: jsonBody(SourceReportRequest) },
    responses: {
      200: {
        description: 'PDF',
        content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
      },
    },
    run: async ({ scoped, body, c }) =>
      download(c, await service.report(scoped, kpis, clock, body), 'source-report.pdf', 'application/pdf'),
  });
  route.list(
    '/api/source/decisions',
    'Decision record versions, newest first',
    SourceDecisionSchema,
    'SourceDecisionList',
    service.listDecisions,
  );
  route.post('/api/source/decisions', {
    summary: 'Record a decision with a snapshot of its costs, scorecard and pilots',
    body: SourceDecisionCreate,
    created: SourceDecisionSchema,
    run: ({ scoped, body }) => service.createDecision(scoped, kpis, clock, body),
  });
}
