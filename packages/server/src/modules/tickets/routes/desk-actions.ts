import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/env.js';
import { apiRoute, json, jsonBody } from '../../../platform/http/openapi.js';
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

  app.openapi(
    apiRoute('tickets', 'patch', '/api/tickets/{id}/priority', {
      summary: 'Set the priority (or none with null)',
      request: { params: TicketIdParam, body: jsonBody(PriorityChange) },
      responses: { 200: json(TicketSchema, 'Changed') },
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
    apiRoute('tickets', 'post', '/api/tickets/{id}/escalate', {
      summary:
        'Escalate to an in-house team with a reason (vendor staff too: the ticket then leaves their reach)',
      request: { params: TicketIdParam, body: jsonBody(Escalation) },
      responses: { 200: json(TicketSchema, 'Escalated') },
    }),
    async (c) =>
      c.json(
        await service.escalateTicket(c.var.scoped, clock, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
  app.openapi(
    apiRoute('tickets', 'post', '/api/tickets/bulk', {
      summary: 'One action on up to 100 tickets in one transaction, with a result per ticket',
      request: { body: jsonBody(BulkRequest) },
      responses: { 200: json(BulkResultSchema, 'Results') },
    }),
    async (c) => {
      const { ticketIds, action } = c.req.valid('json');
      const results = await service.bulkApply(c.var.scoped, clock, ticketIds, action);
      return c.json({ results } as never, 200);
    },
  );
}
