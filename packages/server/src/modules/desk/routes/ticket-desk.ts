import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/env.js';
import { json, routesFor } from '../../../platform/http/openapi.js';
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
export function ticketDeskRoutes(app: OpenAPIHono<AppEnv>, { clock }: ModuleContext): void {
  const route = routesFor(app, 'desk');
  route.get('/api/desk/macros', {
    summary: "The organization's macros",
    responses: { 200: json(z.object({ items: z.array(MacroSchema) }).openapi('MacroList'), 'Macros') },
    run: ({ scoped }) => service.listMacros(scoped),
  });
  route.create(
    '/api/desk/macros',
    'Add a macro: a body per language with {{placeholders}}, and actions (in-house supervisors, admins)',
    MacroCreate,
    MacroSchema,
    (scoped, body) => service.createMacro(scoped, clock, body),
  );
  route.delete('/api/desk/macros/{id}', {
    params: MacroIdParam,
    run: ({ scoped, param }) => service.deleteMacro(scoped, param.id),
  });
  route.get('/api/desk/tickets/{id}/macros/{macroId}', {
    summary: "A macro's body for this ticket: its language's translation, placeholders filled",
    params: TicketMacroParams,
    ok: RenderedMacroSchema,
    run: ({ scoped, param }) => service.renderMacro(scoped, param.id, param.macroId),
  });
  route.post('/api/desk/tickets/{id}/presence', {
    summary: 'I have this ticket open (or am replying) for the next 30 s; answers who else is on it',
    params: TicketIdParam,
    body: PresenceUpdate,
    ok: PresenceSchema,
    run: ({ scoped, param, body }) => service.touchPresence(scoped, clock, param.id, body.mode),
  });
  route.delete('/api/desk/tickets/{id}/presence', {
    summary: 'I closed this ticket',
    params: TicketIdParam,
    run: ({ scoped, param }) => service.leavePresence(scoped, clock, param.id),
  });
}
