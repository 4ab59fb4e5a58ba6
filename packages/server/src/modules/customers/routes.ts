import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { json, routesFor } from '../../platform/http/openapi.js';
import type { ModuleContext } from '../../platform/module.js';
import { CustomerHistorySchema, CustomerIdParam } from './schemas.js';
import { customerHistory } from './service.js';

/** A customer with their ticket history, as far as the caller sees tickets. */
export function customerRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  routesFor(app, 'customers').get('/api/customers/{id}', {
    summary: "A customer, their identities, and the caller's visible tickets of theirs",
    request: { params: CustomerIdParam },
    responses: { 200: json(CustomerHistorySchema, 'The customer and their tickets') },
    run: ({ scoped, param }) => customerHistory(scoped, ctx.clock, param.id),
  });
}
