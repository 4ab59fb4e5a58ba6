import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/env.js';
import { errorResponses, json, jsonBody } from '../../../platform/http/openapi.js';
import type { ModuleContext } from '../../../platform/module.js';
import {
  BulkRequest,
  BulkResultSchema,
  Escalation,
  PriorityChange,
  TicketIdParam,
  TicketSchema,
} from '../schemas.js';
import * as service from '../service.js';

/** What the agent inbox adds to one-ticket work: priority, escalation, and one action on many tickets. */
export function deskActionRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  const { clock } = ctx;
  const tags = ['tickets'];

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/tickets/{id}/priority',
      tags,
      summary: 'Set the priority (or none with null)',
      request: { params: TicketIdParam, body: jsonBody(PriorityChange) },
      responses: { 200: json(TicketSchema, 'Changed'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await service.changePriority(
          c.var.scoped,
          clock,
          c.req.valid('param').id,
          c.req.valid('json').priority,
        ),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tickets/{id}/escalate',
      tags,
      summary:
        'Escalate to an in-house team with a reason (vendor staff too: the ticket then leaves their reach)',
      request: { params: TicketIdParam, body: jsonBody(Escalation) },
      responses: { 200: json(TicketSchema, 'Escalated'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await service.escalateTicket(c.var.scoped, clock, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tickets/bulk',
      tags,
      summary: 'One action on up to 100 tickets in one transaction, with a result per ticket',
      request: { body: jsonBody(BulkRequest) },
      responses: { 200: json(BulkResultSchema, 'Results'), ...errorResponses },
    }),
    async (c) => {
      const { ticketIds, action } = c.req.valid('json');
      const results = await service.bulkApply(c.var.scoped, clock, ticketIds, action);
      return c.json({ results } as never, 200);
    },
  );
}
