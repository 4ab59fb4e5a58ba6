import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { listOf, routesFor } from '../../platform/http/openapi.js';
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
  const route = routesFor(app, 'routing');
  route.get('/api/routing/rules', {
    summary: 'The routing rules, in order (the first matching rule decides)',
    ok: listOf(RoutingRuleSchema, 'RoutingRuleList'),
    run: async ({ scoped }) => ({ items: await service.listRules(scoped) }) as never,
  });
  route.put('/api/routing/rules', {
    summary: 'Replace the ordered routing rules',
    body: RoutingRulesUpdate,
    ok: listOf(RoutingRuleSchema, 'RoutingRulesSaved'),
    run: async ({ scoped, body }) =>
      ({ items: await service.replaceRules(scoped, ctx.clock, body) }) as never,
  });
  route.post('/api/routing/replay', {
    summary:
      "What the stored (or given) rules would have done with the tickets created in a range: each provider's and rule's volume",
    body: RoutingReplayRequest,
    ok: RoutingReplaySchema,
    run: ({ scoped, body }) => service.replayRange(scoped, body),
  });
  route.one(
    '/api/routing/tickets/{id}',
    'Which rule routed a ticket, and why',
    RoutingDecisionSchema,
    service.decisionFor,
  );
  route.post('/api/routing/detect-language', {
    summary: 'The language of each text (ISO 639-1, `und` when unsure)',
    body: DetectLanguageRequest,
    ok: DetectLanguageSchema,
    run: async ({ body }) => ({ languages: body.texts.map(detectLanguage) }),
  });
}
