import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/env.js';
import { json, jsonBody, routesFor } from '../../../platform/http/openapi.js';
import type { ModuleContext } from '../../../platform/module.js';
import { setAvailability } from '../availability.js';
import {
  AgentSchema,
  AvailabilitySchema,
  AvailabilityUpdate,
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
  const route = routesFor(app, 'desk');
  route.get('/api/desk/views', {
    summary: 'The inbox views the caller has, with counts (capped), and the teams they may work',
    ok: DeskOverviewSchema,
    run: ({ scoped }) => service.overview(scoped, DESK_VIEWS),
  });
  route.get('/api/desk/tickets', {
    summary: 'One page of a view, oldest first (keyset: pass `next` as `cursor`)',
    query: QueueQuery,
    ok: QueuePageSchema,
    run: async ({ scoped, query: { view, cursor, limit } }) =>
      (await service.viewPage(scoped, view, cursor, limit)) as never,
  });
  route.get('/api/desk/search', {
    summary:
      'Tickets whose subject, description or messages hold the words (per language), or whose requester or number holds the text',
    query: SearchQuery,
    ok: SearchResultSchema,
    run: async ({ scoped, query }) => (await service.search(scoped, query.q, query.limit)) as never,
  });
  route.get('/api/desk/agents', {
    summary: 'The people the caller may assign tickets to, and who is online now',
    responses: { 200: json(z.object({ items: z.array(AgentSchema) }).openapi('DeskAgentList'), 'Agents') },
    run: ({ scoped }) => service.agents(scoped, ctx.clock),
  });
  route.put('/api/desk/me/availability', {
    summary:
      "The caller's availability for chats (online, away, offline), renewed by the open inbox; stale after 90 s",
    request: { body: jsonBody(AvailabilityUpdate) },
    responses: { 200: json(AvailabilitySchema, 'Saved') },
    run: ({ scoped, body }) => setAvailability(scoped, ctx.clock, body.status),
  });
  route.put('/api/desk/me/teams', {
    summary: "The teams whose queue the caller works (the 'team' view)",
    request: { body: jsonBody(MyTeamsUpdate) },
    responses: {
      200: json(z.object({ teamIds: z.array(z.string()) }).openapi('DeskMyTeams'), 'Saved'),
    },
    run: async ({ scoped, body }) => ({ teamIds: await service.setMyTeams(scoped, body.teamIds) }),
  });
}
