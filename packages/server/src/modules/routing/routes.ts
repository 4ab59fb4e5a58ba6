import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { apiRoute, IdParam, json, jsonBody, listOf } from '../../platform/http/openapi.js';
import type { ModuleContext } from '../../platform/module.js';
import { detectLanguage } from './language.js';
import {
  DetectLanguageRequest,
  DetectLanguageSchema,
  RoutingDecisionSchema,
  RoutingReplayRequest,
  RoutingReplaySchema,
  RoutingRuleSchema,
  RoutingRulesUpdate,
} from './schemas.js';
import * as service from './service.js';

/** Routing rules (ordered), their replay over past tickets, a ticket's decision, language detection. */
export function routingRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  app.openapi(
    apiRoute('routing', 'get', '/api/routing/rules', {
      summary: 'The routing rules, in order (the first matching rule decides)',
      responses: { 200: json(listOf(RoutingRuleSchema, 'RoutingRuleList'), 'Rules') },
    }),
    async (c) => c.json({ items: await service.listRules(c.var.scoped) } as never, 200),
  );
  app.openapi(
    apiRoute('routing', 'put', '/api/routing/rules', {
      summary: 'Replace the ordered routing rules',
      request: { body: jsonBody(RoutingRulesUpdate) },
      responses: { 200: json(listOf(RoutingRuleSchema, 'RoutingRulesSaved'), 'Saved') },
    }),
    async (c) =>
      c.json(
        { items: await service.replaceRules(c.var.scoped, ctx.clock, c.req.valid('json')) } as never,
        200,
      ),
  );
  app.openapi(
    apiRoute('routing', 'post', '/api/routing/replay', {
      summary:
        "What the stored (or given) rules would have done with the tickets created in a range: each provider's and rule's volume",
      request: { body: jsonBody(RoutingReplayRequest) },
      responses: { 200: json(RoutingReplaySchema, 'Replay') },
    }),
    async (c) => c.json(await service.replayRange(c.var.scoped, c.req.valid('json')), 200),
  );
  app.openapi(
    apiRoute('routing', 'get', '/api/routing/tickets/{id}', {
      summary: 'Which rule routed a ticket, and why',
      request: { params: IdParam },
      responses: { 200: json(RoutingDecisionSchema, 'Decision') },
    }),
    async (c) => c.json(await service.decisionFor(c.var.scoped, c.req.valid('param').id), 200),
  );
  app.openapi(
    apiRoute('routing', 'post', '/api/routing/detect-language', {
      summary: 'The language of each text (ISO 639-1, `und` when unsure)',
      request: { body: jsonBody(DetectLanguageRequest) },
      responses: { 200: json(DetectLanguageSchema, 'Languages') },
    }),
    async (c) => c.json({ languages: c.req.valid('json').texts.map(detectLanguage) }, 200),
  );
}
