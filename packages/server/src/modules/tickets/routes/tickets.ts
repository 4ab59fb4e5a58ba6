import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/env.js';
import { routesFor } from '../../../platform/http/openapi.js';
import type { ModuleContext } from '../../../platform/module.js';
import {
  AssigneeChange,
  Merge,
  MessageCreate,
  MessageSchema,
  StatusChange,
  TagsChange,
  TicketCreate,
  TicketDetailSchema,
  TicketIdParam,
  TicketSchema,
  Transfer,
} from '../schemas.js';
import * as service from '../service.js';

/** Live work on one ticket: open it, write to it, move it along its lifecycle. */
export function ticketRoutes(app: OpenAPIHono<AppEnv>, { clock }: ModuleContext): void {
  const route = routesFor(app, 'tickets');
  route.get('/api/tickets/{id}', {
    summary: 'A ticket with its conversation and history',
    params: TicketIdParam,
    ok: TicketDetailSchema,
    run: ({ scoped, param }) => service.readTicket(scoped, clock, param.id),
  });
  route.post('/api/tickets', {
    summary: 'Open a ticket',
    body: TicketCreate,
    created: TicketSchema,
    run: ({ scoped, body: { message, ...ticket } }) =>
      service.createTicket(scoped, clock, {
        ...ticket,
        message: message && { ...message, authorType: 'customer' as const },
      }),
  });
  route.post('/api/tickets/{id}/messages', {
    summary: 'Add a message: a reply, an internal note, or what the customer wrote',
    params: TicketIdParam,
    body: MessageCreate,
    created: MessageSchema,
    run: ({ scoped, param, body }) => service.appendMessage(scoped, clock, param.id, body),
  });
  route.patch('/api/tickets/{id}/status', {
    summary: 'Change the status (refused steps answer 409 invalid_transition naming `status`)',
    params: TicketIdParam,
    body: StatusChange,
    ok: TicketSchema,
    run: ({ scoped, param, body }) => service.changeStatus(scoped, clock, param.id, body.status),
  });
  route.patch('/api/tickets/{id}/assignee', {
    summary: 'Assign (or unassign with null)',
    params: TicketIdParam,
    body: AssigneeChange,
    ok: TicketSchema,
    run: ({ scoped, param, body }) => service.assignTicket(scoped, clock, param.id, body.assignee),
  });
  route.patch('/api/tickets/{id}/tags', {
    summary: 'Add and remove tags',
    params: TicketIdParam,
    body: TagsChange,
    ok: TicketSchema,
    run: ({ scoped, param, body }) => service.tagTicket(scoped, clock, param.id, body),
  });
  route.post('/api/tickets/{id}/transfer', {
    summary: 'Hand the ticket to another team or provider (vendor staff: within their provider)',
    params: TicketIdParam,
    body: Transfer,
    ok: TicketSchema,
    run: ({ scoped, param, body }) => service.transferTicket(scoped, clock, param.id, body),
  });
  route.post('/api/tickets/{id}/merge', {
    summary: 'Merge the ticket into another (its messages are copied; it becomes merged)',
    params: TicketIdParam,
    body: Merge,
    ok: TicketSchema,
    run: ({ scoped, param, body }) => service.mergeTicket(scoped, clock, param.id, body.into),
  });
}
