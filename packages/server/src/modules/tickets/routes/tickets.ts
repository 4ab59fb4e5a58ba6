import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/env.js';
import { errorResponses, json, jsonBody } from '../../../platform/http/openapi.js';
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
  const tags = ['tickets'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tickets/{id}',
      tags,
      summary: 'A ticket with its conversation and history',
      request: { params: TicketIdParam },
      responses: { 200: json(TicketDetailSchema, 'Ticket'), ...errorResponses },
    }),
    async (c) => c.json(await service.getTicket(c.var.scoped, c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tickets',
      tags,
      summary: 'Open a ticket',
      request: { body: jsonBody(TicketCreate) },
      responses: { 201: json(TicketSchema, 'Created'), ...errorResponses },
    }),
    async (c) => {
      const { message, ...body } = c.req.valid('json');
      const input = { ...body, message: message && { ...message, authorType: 'customer' as const } };
      return c.json(await service.createTicket(c.var.scoped, clock, input), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tickets/{id}/messages',
      tags,
      summary: 'Add a message: a reply, an internal note, or what the customer wrote',
      request: { params: TicketIdParam, body: jsonBody(MessageCreate) },
      responses: { 201: json(MessageSchema, 'Added'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await service.appendMessage(c.var.scoped, clock, c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/tickets/{id}/status',
      tags,
      summary: 'Change the status (refused steps answer 409 invalid_transition naming `status`)',
      request: { params: TicketIdParam, body: jsonBody(StatusChange) },
      responses: { 200: json(TicketSchema, 'Changed'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await service.changeStatus(c.var.scoped, clock, c.req.valid('param').id, c.req.valid('json').status),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/tickets/{id}/assignee',
      tags,
      summary: 'Assign (or unassign with null)',
      request: { params: TicketIdParam, body: jsonBody(AssigneeChange) },
      responses: { 200: json(TicketSchema, 'Assigned'), ...errorResponses },
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
    createRoute({
      method: 'patch',
      path: '/api/tickets/{id}/tags',
      tags,
      summary: 'Add and remove tags',
      request: { params: TicketIdParam, body: jsonBody(TagsChange) },
      responses: { 200: json(TicketSchema, 'Tagged'), ...errorResponses },
    }),
    async (c) =>
      c.json(await service.tagTicket(c.var.scoped, clock, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tickets/{id}/transfer',
      tags,
      summary: 'Hand the ticket to another team or provider (vendor staff: within their provider)',
      request: { params: TicketIdParam, body: jsonBody(Transfer) },
      responses: { 200: json(TicketSchema, 'Transferred'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await service.transferTicket(c.var.scoped, clock, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tickets/{id}/merge',
      tags,
      summary: 'Merge the ticket into another (its messages are copied; it becomes merged)',
      request: { params: TicketIdParam, body: jsonBody(Merge) },
      responses: { 200: json(TicketSchema, 'Merged'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await service.mergeTicket(c.var.scoped, clock, c.req.valid('param').id, c.req.valid('json').into),
        200,
      ),
  );
}
