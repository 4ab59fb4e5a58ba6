import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/env.js';
import { IdParam, listOf, routesFor } from '../../../platform/http/openapi.js';
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
  route.list(
    '/api/webhooks',
    'List webhook endpoints',
    EndpointSchema,
    'WebhookEndpointList',
    service.listEndpoints,
  );
  route.post('/api/webhooks', {
    summary: 'Register an endpoint; the answer shows its signing secret once',
    body: EndpointCreate,
    created: CreatedEndpointSchema,
    run: ({ scoped, body }) => service.createEndpoint(scoped, deps, body),
  });
  route.patch('/api/webhooks/{id}', {
    params: IdParam,
    body: EndpointUpdate,
    ok: EndpointSchema,
    run: ({ scoped, param, body }) => service.updateEndpoint(scoped, deps, param.id, body),
  });
  route.delete('/api/webhooks/{id}', {
    params: IdParam,
    run: ({ scoped, param }) => service.deleteEndpoint(scoped, param.id),
  });
  route.get('/api/webhooks/{id}/deliveries', {
    summary: 'The 50 most recent deliveries: status code, attempts, next attempt',
    params: IdParam,
    ok: listOf(DeliverySchema, 'WebhookDeliveryList'),
    run: async ({ scoped, param }) => ({ items: await service.listDeliveries(scoped, param.id) }),
  });
  route.post('/api/webhooks/{id}/test', {
    summary: 'Queue a signed `webhook.test` delivery to this endpoint',
    params: IdParam,
    accepted: DeliverySchema,
    run: async ({ scoped, param }) => {
      const delivery = await service.sendTestEvent(scoped, ctx.clock, param.id);
      ctx.events.wake();
      return delivery;
    },
  });
}
