import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { apiRoute, IdParam, json, jsonBody } from '../../platform/http/openapi.js';
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
  app.openapi(
    apiRoute('social', 'post', '/api/social/posts', {
      summary: 'Ingest public posts and direct messages with their reply links; threads become tickets',
      request: { body: jsonBody(SocialIngestRequest) },
      responses: { 200: json(SocialIngestResultSchema, 'Stored posts') },
    }),
    async (c) => c.json(await service.ingest(c.var.scoped, ctx.clock, c.req.valid('json')), 200),
  );
  app.openapi(
    apiRoute('social', 'post', '/api/social/tickets/{id}/reply', {
      summary: "Answer a social ticket on its network (through the network's connector)",
      request: { params: IdParam, body: jsonBody(SocialReplyRequest) },
      responses: { 201: json(SocialPostSchema, 'Sent') },
    }),
    async (c) =>
      c.json(
        await service.reply(
          c.var.scoped,
          ctx.clock,
          ctx.instance(socialConnectorsSlot),
          c.req.valid('param').id,
          c.req.valid('json').text,
        ),
        201,
      ),
  );
}
