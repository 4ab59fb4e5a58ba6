import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/env.js';
import { errorResponses, json, jsonBody } from '../../../platform/http/openapi.js';
import type { ModuleContext } from '../../../platform/module.js';
import {
  AgentSchema,
  DeskOverviewSchema,
  MyTeamsUpdate,
  QueuePageSchema,
  QueueQuery,
  SearchQuery,
  SearchResultSchema,
} from '../schemas.js';
import * as service from '../service.js';
import { DESK_VIEWS } from '../vocabulary.js';

/** The agent inbox: views with counts, a view's pages, search, the people to assign, my teams. */
export function inboxRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  const tags = ['desk'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/desk/views',
      tags,
      summary: 'The inbox views the caller has, with counts (capped), and the teams they may work',
      responses: { 200: json(DeskOverviewSchema, 'Views'), ...errorResponses },
    }),
    async (c) => c.json(await service.overview(c.var.scoped, DESK_VIEWS), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/desk/tickets',
      tags,
      summary: 'One page of a view, oldest first (keyset: pass `next` as `cursor`)',
      request: { query: QueueQuery },
      responses: { 200: json(QueuePageSchema, 'Page'), ...errorResponses },
    }),
    async (c) => {
      const { view, cursor, limit } = c.req.valid('query');
      return c.json((await service.viewPage(c.var.scoped, ctx.clock, view, cursor, limit)) as never, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/desk/search',
      tags,
      summary:
        'Tickets whose subject, description or messages hold the words (per language), or whose requester or number holds the text',
      request: { query: SearchQuery },
      responses: { 200: json(SearchResultSchema, 'Matches, newest first'), ...errorResponses },
    }),
    async (c) => {
      const { q, limit } = c.req.valid('query');
      return c.json((await service.search(c.var.scoped, q, limit)) as never, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/desk/agents',
      tags,
      summary: 'The people the caller may assign tickets to',
      responses: {
        200: json(z.object({ items: z.array(AgentSchema) }).openapi('DeskAgentList'), 'Agents'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await service.agents(c.var.scoped), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/desk/me/teams',
      tags,
      summary: "The teams whose queue the caller works (the 'team' view)",
      request: { body: jsonBody(MyTeamsUpdate) },
      responses: {
        200: json(z.object({ teamIds: z.array(z.string()) }).openapi('DeskMyTeams'), 'Saved'),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json({ teamIds: await service.setMyTeams(c.var.scoped, c.req.valid('json').teamIds) }, 200),
  );
}
