import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { apiRoute, IdParam, json, routesFor } from '../../platform/http/openapi.js';
import { AppError } from '../../platform/http/problem.js';
import { validationError } from '../../platform/http/validation.js';
import type { ModuleContext } from '../../platform/module.js';
import { verifySignature } from '../webhooks/index.js';
import {
  PhoneCallSchema,
  PhoneConnectorCreate,
  PhoneConnectorSchema,
  PhoneEventsRequest,
  PhoneEventsResultSchema,
} from './schemas.js';
import * as service from './service.js';

/** The phone channel: call reports by API (signed in) or signed webhook (a connector's secret). */
export function phoneRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  const route = routesFor(app, 'phone');
  route.post('/api/phone/events', {
    summary: 'Log call reports (queued, answered, abandoned, ended); each call becomes a ticket',
    body: PhoneEventsRequest,
    ok: PhoneEventsResultSchema,
    run: ({ scoped, body }) => service.recordEvents(scoped, ctx.clock, body.events),
  });
  route.list(
    '/api/phone/calls',
    'The latest calls in reach (100)',
    PhoneCallSchema,
    'PhoneCallList',
    service.recentCalls,
  );
  route.create(
    '/api/phone/connectors',
    'Register a telephony system: its webhook secret is in this answer only',
    PhoneConnectorCreate,
    PhoneConnectorSchema,
    (scoped, body) => service.createConnector(scoped, ctx.clock, body),
  );
  route.list(
    '/api/phone/connectors',
    'The telephony systems registered (without their secrets)',
    PhoneConnectorSchema,
    'PhoneConnectorList',
    service.listConnectors,
  );
  app.openapi(
    apiRoute('phone', 'post', '/api/phone/webhook/{id}', {
      summary:
        'Call reports from a telephony system, signed: `Shoreline-Signature: t=<unix s>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with the connector secret (5 min tolerance)',
      // The body is read raw (the signature covers its bytes) and validated here, as PhoneEvents.
      request: { params: IdParam },
      responses: { 200: json(PhoneEventsResultSchema, 'The calls after the reports') },
    }),
    async (c) => {
      const raw = await c.req.text();
      const connector = await ctx.db
        .selectFrom('phone_connectors')
        .selectAll()
        .where('id', '=', c.req.valid('param').id)
        .executeTakeFirst();
      const header = c.req.header('shoreline-signature') ?? '';
      const now = Math.floor(ctx.clock.now().getTime() / 1000);
      // An unknown connector and a bad signature answer alike: nothing tells a prober which it was.
      if (!connector || !verifySignature(connector.secret, raw, header, now))
        throw new AppError('unauthenticated', 'bad or missing signature', 'shoreline-signature');
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw new AppError('validation_failed', 'the body is not JSON', 'body');
      }
      const body = PhoneEventsRequest.safeParse(parsed);
      if (!body.success) throw validationError(body.error.issues, 'json');
      const scoped = ctx.scope(service.connectorActor(connector));
      return c.json(await service.recordEvents(scoped, ctx.clock, body.data.events), 200);
    },
  );
}
