import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/env.js';
import { json, jsonBody, routesFor } from '../../../platform/http/openapi.js';
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
    request: { params: TicketIdParam },
    responses: { 200: json(TicketDetailSchema, 'Ticket') },
    run: ({ scoped, param }) => service.readTicket(scoped, clock, param.id),
  });
  route.post('/api/tickets', {
    summary: 'Open a ticket',
    request: { body: jsonBody(TicketCreate) },
    responses: { 201: json(TicketSchema, 'Created') },
    run: ({ scoped, body: { message, ...ticket } }) =>
      service.createTicket(scoped, clock, {
        ...ticket,
        message: message && { ...message, authorType: 'customer' as const },
      }),
  });
  route.post('/api/tickets/{id}/messages', {
    summary: 'Add a message: a reply, an internal note, or what the customer wrote',
    request: { params: TicketIdParam, body: jsonBody(MessageCreate) },
    responses: { 201: json(MessageSchema, 'Added') },
    run: ({ scoped, param, body }) => service.appendMessage(scoped, clock, param.id, body),
  });
  route.patch('/api/tickets/{id}/status', {
    summary: 'Change the status (refused steps answer 409 invalid_transition naming `status`)',
    request: { params: TicketIdParam, body: jsonBody(StatusChange) },
    responses: { 200: json(TicketSchema, 'Changed') },
    run: ({ scoped, param, body }) => service.changeStatus(scoped, clock, param.id, body.status),
  });
  route.patch('/api/tickets/{id}/assignee', {
    summary: 'Assign (or unassign with null)',
    request: { params: TicketIdParam, body: jsonBody(AssigneeChange) },
    responses: { 200: json(TicketSchema, 'Assigned') },
    run: ({ scoped, param, body }) => service.assignTicket(scoped, clock, param.id, body.assignee),
  });
  route.patch('/api/tickets/{id}/tags', {
    summary: 'Add and remove tags',
    request: { params: TicketIdParam, body: jsonBody(TagsChange) },
    responses: { 200: json(TicketSchema, 'Tagged') },
    run: ({ scoped, param, body }) => service.tagTicket(scoped, clock, param.id, body),
  });
  route.post('/api/tickets/{id}/transfer', {
    summary: 'Hand the ticket to another team or provider (vendor staff: within their provider)',
    request: { params: TicketIdParam, body: jsonBody(Transfer) },
    responses: { 200: json(TicketSchema, 'Transferred') },
    run: ({ scoped, param, body }) => service.transferTicket(scoped, clock, param.id, body),
  });
  route.post('/api/tickets/{id}/merge', {
    summary: 'Merge the ticket into another (its messages are copied; it becomes merged)',
    request: { params: TicketIdParam, body: jsonBody(Merge) },
    responses: { 200: json(TicketSchema, 'Merged') },
    run: ({ scoped, param, body }) => service.mergeTicket(scoped, clock, param.id, body.into),
  });
}
