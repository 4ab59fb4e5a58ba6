import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { apiRoute, json } from '../../platform/http/openapi.js';
import { CustomerHistorySchema, CustomerIdParam } from './schemas.js';
import { customerHistory } from './service.js';

/** A customer with their ticket history, as far as the caller sees tickets. */
export function customerRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute('customers', 'get', '/api/customers/{id}', {
      summary: "A customer, their identities, and the caller's visible tickets of theirs",
      request: { params: CustomerIdParam },
      responses: { 200: json(CustomerHistorySchema, 'The customer and their tickets') },
    }),
    async (c) => c.json(await customerHistory(c.var.scoped, c.req.valid('param').id), 200),
  );
}
