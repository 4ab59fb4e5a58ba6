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
  route.create(
    '/api/webhooks',
    'Register an endpoint; the answer shows its signing secret once',
    EndpointCreate,
    CreatedEndpointSchema,
    (scoped, body) => service.createEndpoint(scoped, deps, body),
  );
  route.update('/api/webhooks/{id}', undefined, EndpointUpdate, EndpointSchema, (scoped, id, body) =>
    service.updateEndpoint(scoped, deps, id, body),
  );
  route.remove('/api/webhooks/{id}', undefined, service.deleteEndpoint);
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
