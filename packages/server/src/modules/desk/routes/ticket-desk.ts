import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/env.js';
import { apiRoute, json, jsonBody } from '../../../platform/http/openapi.js';
import type { ModuleContext } from '../../../platform/module.js';
import {
  MacroCreate,
  MacroIdParam,
  MacroSchema,
  PresenceSchema,
  PresenceUpdate,
  RenderedMacroSchema,
  TicketIdParam,
  TicketMacroParams,
} from '../schemas.js';
import * as service from '../service.js';

/** Macros (the organization's scripts) and presence on a ticket (the collision warning). */
export function ticketDeskRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  const { clock } = ctx;
  app.openapi(
    apiRoute('desk', 'get', '/api/desk/macros', {
      summary: "The organization's macros",
      responses: {
        200: json(z.object({ items: z.array(MacroSchema) }).openapi('MacroList'), 'Macros'),
      },
    }),
    async (c) => c.json(await service.listMacros(c.var.scoped), 200),
  );
  app.openapi(
    apiRoute('desk', 'post', '/api/desk/macros', {
      summary:
        'Add a macro: a body per language with {{placeholders}}, and actions (in-house supervisors, admins)',
      request: { body: jsonBody(MacroCreate) },
      responses: { 201: json(MacroSchema, 'Created') },
    }),
    async (c) => c.json(await service.createMacro(c.var.scoped, clock, c.req.valid('json')), 201),
  );
  app.openapi(
    apiRoute('desk', 'delete', '/api/desk/macros/{id}', {
      request: { params: MacroIdParam },
      responses: { 204: { description: 'Deleted' } },
    }),
    async (c) => {
      await service.deleteMacro(c.var.scoped, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  app.openapi(
    apiRoute('desk', 'get', '/api/desk/tickets/{id}/macros/{macroId}', {
      summary: "A macro's body for this ticket: its language's translation, placeholders filled",
      request: { params: TicketMacroParams },
      responses: { 200: json(RenderedMacroSchema, 'Rendered') },
    }),
    async (c) => {
      const { id, macroId } = c.req.valid('param');
      return c.json(await service.renderMacro(c.var.scoped, id, macroId), 200);
    },
  );
  app.openapi(
    apiRoute('desk', 'post', '/api/desk/tickets/{id}/presence', {
      summary: 'I have this ticket open (or am replying) for the next 30 s; answers who else is on it',
      request: { params: TicketIdParam, body: jsonBody(PresenceUpdate) },
      responses: { 200: json(PresenceSchema, 'Others on the ticket') },
    }),
    async (c) =>
      c.json(
        await service.touchPresence(c.var.scoped, clock, c.req.valid('param').id, c.req.valid('json').mode),
        200,
      ),
  );
  app.openapi(
    apiRoute('desk', 'delete', '/api/desk/tickets/{id}/presence', {
      summary: 'I closed this ticket',
      request: { params: TicketIdParam },
      responses: { 204: { description: 'Gone' } },
    }),
    async (c) => {
      await service.leavePresence(c.var.scoped, clock, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
}
