import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/env.js';
import { IdParam, json, jsonBody, listOf, routesFor } from '../../../platform/http/openapi.js';
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
  const route = routesFor(app, 'webhooks');
  route.get('/api/webhooks', {
    summary: 'List webhook endpoints',
    responses: { 200: json(listOf(EndpointSchema, 'WebhookEndpointList'), 'Endpoints') },
    run: async ({ scoped }) => ({ items: await service.listEndpoints(scoped) }),
  });
  route.post('/api/webhooks', {
    summary: 'Register an endpoint; the answer shows its signing secret once',
    request: { body: jsonBody(EndpointCreate) },
    responses: { 201: json(CreatedEndpointSchema, 'Created') },
    run: ({ scoped, body }) => service.createEndpoint(scoped, deps, body),
  });
  route.patch('/api/webhooks/{id}', {
    request: { params: IdParam, body: jsonBody(EndpointUpdate) },
    responses: { 200: json(EndpointSchema, 'Updated') },
    run: ({ scoped, param, body }) => service.updateEndpoint(scoped, deps, param.id, body),
  });
  route.delete('/api/webhooks/{id}', {
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted, with its delivery log' } },
    run: ({ scoped, param }) => service.deleteEndpoint(scoped, param.id),
  });
  route.get('/api/webhooks/{id}/deliveries', {
    summary: 'The 50 most recent deliveries: status code, attempts, next attempt',
    request: { params: IdParam },
    responses: { 200: json(listOf(DeliverySchema, 'WebhookDeliveryList'), 'Deliveries') },
    run: async ({ scoped, param }) => ({ items: await service.listDeliveries(scoped, param.id) }),
  });
  route.post('/api/webhooks/{id}/test', {
    summary: 'Queue a signed `webhook.test` delivery to this endpoint',
    request: { params: IdParam },
    responses: { 202: json(DeliverySchema, 'Queued') },
    run: async ({ scoped, param }) => {
      const delivery = await service.sendTestEvent(scoped, ctx.clock, param.id);
      ctx.events.wake();
      return delivery;
    },
  });
}
