import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/env.js';
import { apiRoute, json, jsonBody } from '../../../platform/http/openapi.js';
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
export function inboxRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute('desk', 'get', '/api/desk/views', {
      summary: 'The inbox views the caller has, with counts (capped), and the teams they may work',
      responses: { 200: json(DeskOverviewSchema, 'Views') },
    }),
    async (c) => c.json(await service.overview(c.var.scoped, DESK_VIEWS), 200),
  );
  app.openapi(
    apiRoute('desk', 'get', '/api/desk/tickets', {
      summary: 'One page of a view, oldest first (keyset: pass `next` as `cursor`)',
      request: { query: QueueQuery },
      responses: { 200: json(QueuePageSchema, 'Page') },
    }),
    async (c) => {
      const { view, cursor, limit } = c.req.valid('query');
      return c.json((await service.viewPage(c.var.scoped, view, cursor, limit)) as never, 200);
    },
  );
  app.openapi(
    apiRoute('desk', 'get', '/api/desk/search', {
      summary:
        'Tickets whose subject, description or messages hold the words (per language), or whose requester or number holds the text',
      request: { query: SearchQuery },
      responses: { 200: json(SearchResultSchema, 'Matches, newest first') },
    }),
    async (c) => {
      const { q, limit } = c.req.valid('query');
      return c.json((await service.search(c.var.scoped, q, limit)) as never, 200);
    },
  );
  app.openapi(
    apiRoute('desk', 'get', '/api/desk/agents', {
      summary: 'The people the caller may assign tickets to',
      responses: {
        200: json(z.object({ items: z.array(AgentSchema) }).openapi('DeskAgentList'), 'Agents'),
      },
    }),
    async (c) => c.json(await service.agents(c.var.scoped), 200),
  );
  app.openapi(
    apiRoute('desk', 'put', '/api/desk/me/teams', {
      summary: "The teams whose queue the caller works (the 'team' view)",
      request: { body: jsonBody(MyTeamsUpdate) },
      responses: {
        200: json(z.object({ teamIds: z.array(z.string()) }).openapi('DeskMyTeams'), 'Saved'),
      },
    }),
    async (c) =>
      c.json({ teamIds: await service.setMyTeams(c.var.scoped, c.req.valid('json').teamIds) }, 200),
  );
}
