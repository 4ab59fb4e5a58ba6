import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { apiRoute, json, jsonBody } from '../../platform/http/openapi.js';
import type { ModuleContext } from '../../platform/module.js';
import { CsatAnswer, CsatSurveySchema, TokenParam } from './schemas.js';
import * as service from './service.js';

/** The customer's survey link: no sign-in, the token is the key (one ticket's survey). */
export function csatRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  app.openapi(
    apiRoute('csat', 'get', '/api/csat/{token}', {
      summary: 'A satisfaction survey (the link sent when the ticket was solved)',
      request: { params: TokenParam },
      responses: { 200: json(CsatSurveySchema, 'Survey') },
    }),
    async (c) => c.json(await service.survey(ctx, c.req.valid('param').token), 200),
  );
  app.openapi(
    apiRoute('csat', 'post', '/api/csat/{token}', {
      summary: 'Answer a satisfaction survey (once)',
      request: { params: TokenParam, body: jsonBody(CsatAnswer) },
      responses: { 200: json(CsatSurveySchema, 'Answered') },
    }),
    async (c) =>
      c.json(await service.answer(ctx, ctx.clock, c.req.valid('param').token, c.req.valid('json')), 200),
  );
}
