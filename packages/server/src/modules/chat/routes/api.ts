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
  route.create(
    '/api/chat/widgets',
    'Create a chat widget (its public key scopes chats to the organization)',
    ChatWidgetCreate,
    ChatWidgetSchema,
    (scoped, body) => service.createWidget(scoped, ctx.clock, ctx.config.publicUrl, body),
  );
  route.one(
    '/api/chat/tickets/{id}',
    "A chat ticket's session: its state and the context the page gave (articles read, search)",
    ChatSessionSchema,
    service.sessionOfTicket,
  );
  route.post('/api/chat/tickets/{id}/typing', {
    summary: 'Tell the customer an agent is typing (or stopped)',
    params: IdParam,
    body: ChatTyping,
    run: async ({ scoped, param, body }) => {
      await service.agentTyping(scoped, param.id, body.on);
    },
  });
}
