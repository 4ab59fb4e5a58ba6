import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { routesFor } from '../../platform/http/openapi.js';
import type { ModuleContext } from '../../platform/module.js';
import { CsatAnswer, CsatSurveySchema, TokenParam } from './schemas.js';
import * as service from './service.js';

/** The customer's survey link: no sign-in, the token is the key (one ticket's survey). */
export function csatRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  const route = routesFor(app, 'csat');
  route.get('/api/csat/{token}', {
    summary: 'A satisfaction survey (the link sent when the ticket was solved)',
    params: TokenParam,
    ok: CsatSurveySchema,
    run: ({ param }) => service.survey(ctx, param.token),
  });
  route.post('/api/csat/{token}', {
    summary: 'Answer a satisfaction survey (once)',
    params: TokenParam,
    body: CsatAnswer,
    ok: CsatSurveySchema,
    run: ({ param, body }) => service.answer(ctx, ctx.clock, param.token, body),
  });
}
