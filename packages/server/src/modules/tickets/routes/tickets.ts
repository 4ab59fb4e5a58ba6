import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/env.js';
import { apiRoute, json, jsonBody } from '../../../platform/http/openapi.js';
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
export function ticketRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  const { clock } = ctx;

  app.openapi(
    apiRoute('tickets', 'get', '/api/tickets/{id}', {
      summary: 'A ticket with its conversation and history',
      request: { params: TicketIdParam },
      responses: { 200: json(TicketDetailSchema, 'Ticket') },
    }),
    async (c) => c.json(await service.getTicket(c.var.scoped, c.req.valid('param').id), 200),
  );
  app.openapi(
    apiRoute('tickets', 'post', '/api/tickets', {
      summary: 'Open a ticket',
      request: { body: jsonBody(TicketCreate) },
      responses: { 201: json(TicketSchema, 'Created') },
    }),
    async (c) => {
      const { message, ...body } = c.req.valid('json');
      const input = { ...body, message: message && { ...message, authorType: 'customer' as const } };
      return c.json(await service.createTicket(c.var.scoped, clock, input), 201);
    },
  );
  app.openapi(
    apiRoute('tickets', 'post', '/api/tickets/{id}/messages', {
      summary: 'Add a message: a reply, an internal note, or what the customer wrote',
      request: { params: TicketIdParam, body: jsonBody(MessageCreate) },
      responses: { 201: json(MessageSchema, 'Added') },
    }),
    async (c) =>
      c.json(
        await service.appendMessage(c.var.scoped, clock, c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  );
  app.openapi(
    apiRoute('tickets', 'patch', '/api/tickets/{id}/status', {
      summary: 'Change the status (refused steps answer 409 invalid_transition naming `status`)',
      request: { params: TicketIdParam, body: jsonBody(StatusChange) },
      responses: { 200: json(TicketSchema, 'Changed') },
    }),
    async (c) =>
      c.json(
        await service.changeStatus(c.var.scoped, clock, c.req.valid('param').id, c.req.valid('json').status),
        200,
      ),
  );
  app.openapi(
    apiRoute('tickets', 'patch', '/api/tickets/{id}/assignee', {
      summary: 'Assign (or unassign with null)',
      request: { params: TicketIdParam, body: jsonBody(AssigneeChange) },
      responses: { 200: json(TicketSchema, 'Assigned') },
    }),
    async (c) =>
      c.json(
        await service.assignTicket(
          c.var.scoped,
          clock,
          c.req.valid('param').id,
          c.req.valid('json').assignee,
        ),
        200,
      ),
  );
  app.openapi(
    apiRoute('tickets', 'patch', '/api/tickets/{id}/tags', {
      summary: 'Add and remove tags',
      request: { params: TicketIdParam, body: jsonBody(TagsChange) },
      responses: { 200: json(TicketSchema, 'Tagged') },
    }),
    async (c) =>
      c.json(await service.tagTicket(c.var.scoped, clock, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    apiRoute('tickets', 'post', '/api/tickets/{id}/transfer', {
      summary: 'Hand the ticket to another team or provider (vendor staff: within their provider)',
      request: { params: TicketIdParam, body: jsonBody(Transfer) },
      responses: { 200: json(TicketSchema, 'Transferred') },
    }),
    async (c) =>
      c.json(
        await service.transferTicket(c.var.scoped, clock, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
  app.openapi(
    apiRoute('tickets', 'post', '/api/tickets/{id}/merge', {
      summary: 'Merge the ticket into another (its messages are copied; it becomes merged)',
      request: { params: TicketIdParam, body: jsonBody(Merge) },
      responses: { 200: json(TicketSchema, 'Merged') },
    }),
    async (c) =>
      c.json(
        await service.mergeTicket(c.var.scoped, clock, c.req.valid('param').id, c.req.valid('json').into),
        200,
      ),
  );
}
