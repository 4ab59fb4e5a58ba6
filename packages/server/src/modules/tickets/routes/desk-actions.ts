import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/env.js';
import { routesFor } from '../../../platform/http/openapi.js';
import type { ModuleContext } from '../../../platform/module.js';
import {
  BulkRequest,
  BulkResultSchema,
  Escalation,
  PriorityChange,
  TicketIdParam,
  TicketSchema,
  TypeChange,
} from '../schemas.js';
import * as service from '../service.js';

/** What the agent inbox adds to one-ticket work: priority, type, escalation, and one action on many tickets. */
export function deskActionRoutes(app: OpenAPIHono<AppEnv>, { clock }: ModuleContext): void {
  const route = routesFor(app, 'tickets');
  route.patch('/api/tickets/{id}/priority', {
    summary: 'Set the priority (or none with null)',
    params: TicketIdParam,
    body: PriorityChange,
    ok: TicketSchema,
    run: ({ scoped, param, body }) => service.changePriority(scoped, clock, param.id, body.priority),
  });
  route.patch('/api/tickets/{id}/type', {
    summary: 'Set the type (question, incident, problem, task, complaint; or none with null)',
    params: TicketIdParam,
    body: TypeChange,
    ok: TicketSchema,
    run: ({ scoped, param, body }) => service.changeType(scoped, clock, param.id, body.type),
  });
  route.post('/api/tickets/{id}/escalate', {
    summary:
      'Escalate to an in-house team with a reason (vendor staff too: the ticket then leaves their reach)',
    params: TicketIdParam,
    body: Escalation,
    ok: TicketSchema,
    run: ({ scoped, param, body }) => service.escalateTicket(scoped, clock, param.id, body),
  });
  route.post('/api/tickets/bulk', {
    summary: 'One action on up to 100 tickets in one transaction, with a result per ticket',
    body: BulkRequest,
    ok: BulkResultSchema,
    run: async ({ scoped, body }) => ({
      results: await service.bulkApply(scoped, clock, body.ticketIds, body.action),
    }),
  });
}
