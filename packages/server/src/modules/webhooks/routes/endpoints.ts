import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/env.js';
import { apiRoute, IdParam, json, jsonBody, listOf } from '../../../platform/http/openapi.js';
import type { ModuleContext } from '../../../platform/module.js';
import {
  CreatedEndpointSchema,
  DeliverySchema,
  EndpointCreate,
  EndpointSchema,
  EndpointUpdate,
} from '../schemas.js';
import * as service from '../service.js';

/** Webhook endpoints, their delivery log, and a test delivery: in-house admins only. */
export function endpointRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  // Read per request: the setting is the operator's, and tests switch it.
  const deps = {
    clock: ctx.clock,
    get allowPrivate() {
      return ctx.config.webhookAllowPrivate;
    },
  };
  app.openapi(
    apiRoute('webhooks', 'get', '/api/webhooks', {
      summary: 'List webhook endpoints',
      responses: { 200: json(listOf(EndpointSchema, 'WebhookEndpointList'), 'Endpoints') },
    }),
    async (c) => c.json({ items: await service.listEndpoints(c.var.scoped) }, 200),
  );
  app.openapi(
    apiRoute('webhooks', 'post', '/api/webhooks', {
      summary: 'Register an endpoint; the answer shows its signing secret once',
      request: { body: jsonBody(EndpointCreate) },
      responses: { 201: json(CreatedEndpointSchema, 'Created') },
    }),
    async (c) => c.json(await service.createEndpoint(c.var.scoped, deps, c.req.valid('json')), 201),
  );
  app.openapi(
    apiRoute('webhooks', 'patch', '/api/webhooks/{id}', {
      request: { params: IdParam, body: jsonBody(EndpointUpdate) },
      responses: { 200: json(EndpointSchema, 'Updated') },
    }),
    async (c) =>
      c.json(
        await service.updateEndpoint(c.var.scoped, deps, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
  app.openapi(
    apiRoute('webhooks', 'delete', '/api/webhooks/{id}', {
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted, with its delivery log' } },
    }),
    async (c) => {
      await service.deleteEndpoint(c.var.scoped, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  app.openapi(
    apiRoute('webhooks', 'get', '/api/webhooks/{id}/deliveries', {
      summary: 'The 50 most recent deliveries: status code, attempts, next attempt',
      request: { params: IdParam },
      responses: { 200: json(listOf(DeliverySchema, 'WebhookDeliveryList'), 'Deliveries') },
    }),
    async (c) => c.json({ items: await service.listDeliveries(c.var.scoped, c.req.valid('param').id) }, 200),
  );
  app.openapi(
    apiRoute('webhooks', 'post', '/api/webhooks/{id}/test', {
      summary: 'Queue a signed `webhook.test` delivery to this endpoint',
      request: { params: IdParam },
      responses: { 202: json(DeliverySchema, 'Queued') },
    }),
    async (c) => {
      const delivery = await service.sendTestEvent(c.var.scoped, ctx.clock, c.req.valid('param').id);
      ctx.events.wake();
      return c.json(delivery, 202);
    },
  );
}
