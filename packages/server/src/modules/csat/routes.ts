import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { routesFor } from '../../platform/http/openapi.js';
import { AppError } from '../../platform/http/problem.js';
import type { ModuleContext } from '../../platform/module.js';
import { surveyPage } from './page.js';
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

  // The page the e-mailed link opens: server-rendered in the customer's language, a plain form.
  const html = (body: string, status: 200 | 404 | 400 = 200) =>
    new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
  const pageState = async (token: string) => {
    try {
      return await service.survey(ctx, token);
    } catch {
      return null;
    }
  };
  app.get('/survey/:token', async (c) => {
    const token = c.req.param('token');
    const found = await pageState(token);
    if (!found) return html(surveyPage(null, 'unknown', token), 404);
    return html(surveyPage(found.language, found.answered ? 'answered' : 'open', token));
  });
  app.post('/survey/:token', async (c) => {
    const token = c.req.param('token');
    const found = await pageState(token);
    if (!found) return html(surveyPage(null, 'unknown', token), 404);
    const form = await c.req.parseBody();
    const parsed = CsatAnswer.safeParse({
      scale: '1-5',
      score: Number(form.score),
      ...(typeof form.comment === 'string' && form.comment.trim() !== '' ? { comment: form.comment } : {}),
    });
    if (!parsed.success) return html(surveyPage(found.language, 'open', token), 400);
    try {
      await service.answer(ctx, ctx.clock, token, parsed.data);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict')
        return html(surveyPage(found.language, 'answered', token));
      throw error;
    }
    return html(surveyPage(found.language, 'thanks', token));
  });
}
