import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/env.js';
import { IdParam, routesFor } from '../../../platform/http/openapi.js';
import type { ModuleContext } from '../../../platform/module.js';
import {
  ChatSessionSchema,
  ChatTyping,
  ChatWidgetCreate,
  ChatWidgetList,
  ChatWidgetSchema,
} from '../schemas.js';
import * as service from '../service.js';

/** The signed-in side: admins install widgets; agents read a chat's context and type into it. */
export function chatApiRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  const route = routesFor(app, 'chat');
  route.get('/api/chat/widgets', {
    summary: "The organization's chat widgets, with the script tag to paste into a page",
    ok: ChatWidgetList,
    run: ({ scoped }) => service.listWidgets(scoped, ctx.config.publicUrl),
  });
  route.post('/api/chat/widgets', {
    summary: 'Create a chat widget (its public key scopes chats to the organization)',
    body: ChatWidgetCreate,
    created: ChatWidgetSchema,
    run: ({ scoped, body }) => service.createWidget(scoped, ctx.clock, ctx.config.publicUrl, body),
  });
  route.get('/api/chat/tickets/{id}', {
    summary: "A chat ticket's session: its state and the context the page gave (articles read, search)",
    params: IdParam,
    ok: ChatSessionSchema,
    run: ({ scoped, param }) => service.sessionOfTicket(scoped, param.id),
  });
  route.post('/api/chat/tickets/{id}/typing', {
    summary: 'Tell the customer an agent is typing (or stopped)',
    params: IdParam,
    body: ChatTyping,
    run: async ({ scoped, param, body }) => {
      await service.agentTyping(scoped, param.id, body.on);
    },
  });
}
