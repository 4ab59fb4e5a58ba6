import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { IdParam, routesFor } from '../../platform/http/openapi.js';
import { instanceSlot, type ModuleContext } from '../../platform/module.js';
import { type SocialConnector, TestSocialConnector } from './connectors.js';
import {
  SocialIngestRequest,
  SocialIngestResultSchema,
  SocialPostSchema,
  SocialReplyRequest,
} from './schemas.js';
import * as service from './service.js';

/** The instance's connectors by network; `test` (TestSocialConnector) is always there. */
export const socialConnectorsSlot = instanceSlot(
  'social.connectors',
  () => new Map<string, SocialConnector>([['test', new TestSocialConnector()]]),
);

export function socialRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  const route = routesFor(app, 'social');
  route.post('/api/social/posts', {
    summary: 'Ingest public posts and direct messages with their reply links; threads become tickets',
    body: SocialIngestRequest,
    ok: SocialIngestResultSchema,
    run: ({ scoped, body }) => service.ingest(scoped, ctx.clock, body),
  });
  route.post('/api/social/tickets/{id}/reply', {
    summary: "Answer a social ticket on its network (through the network's connector)",
    params: IdParam,
    body: SocialReplyRequest,
    created: SocialPostSchema,
    run: ({ scoped, param, body }) =>
      service.reply(scoped, ctx.clock, ctx.instance(socialConnectorsSlot), param.id, body.text),
  });
}
