import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/env.js';
import { errorResponses, json, jsonBody } from '../../../platform/http/openapi.js';
import type { ModuleContext } from '../../../platform/module.js';
import {
  IdParam,
  listOf,
  ProviderCreate,
  ProviderSchema,
  ProviderUpdate,
  TeamCreate,
  TeamSchema,
  TeamUpdate,
  UserInvite,
  UserInvited,
  UserSchema,
  UserUpdate,
} from '../schemas.js';
import * as service from '../service.js';
import { signInCacheOf } from '../session-cache.js';

/** Providers, teams and users: the organization's structure. */
export function adminRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  const { clock, config } = ctx;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/providers',
      tags: ['identity'],
      summary: 'List providers (vendor staff see only their own)',
      responses: { 200: json(listOf(ProviderSchema, 'ProviderList'), 'Providers'), ...errorResponses },
    }),
    async (c) => c.json({ items: await service.listProviders(c.var.scoped) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/providers',
      tags: ['identity'],
      summary: 'Create a provider: the in-house operation or a vendor',
      request: { body: jsonBody(ProviderCreate) },
      responses: { 201: json(ProviderSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await service.createProvider(c.var.scoped, clock, c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/providers/{id}',
      tags: ['identity'],
      request: { params: IdParam },
      responses: { 200: json(ProviderSchema, 'Provider'), ...errorResponses },
    }),
    async (c) => c.json(await service.getProvider(c.var.scoped, c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/providers/{id}',
      tags: ['identity'],
      request: { params: IdParam, body: jsonBody(ProviderUpdate) },
      responses: { 200: json(ProviderSchema, 'Updated'), ...errorResponses },
    }),
    async (c) => {
      const provider = await service.updateProvider(
        c.var.scoped,
        clock,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      signInCacheOf(ctx).forgetAnswers(); // /api/me names the user's provider
      return c.json(provider, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/teams',
      tags: ['identity'],
      request: { query: z.object({ providerId: z.string().max(64).optional() }) },
      responses: { 200: json(listOf(TeamSchema, 'TeamList'), 'Teams'), ...errorResponses },
    }),
    async (c) => c.json({ items: await service.listTeams(c.var.scoped, c.req.valid('query')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/teams',
      tags: ['identity'],
      request: { body: jsonBody(TeamCreate) },
      responses: { 201: json(TeamSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await service.createTeam(c.var.scoped, clock, c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/teams/{id}',
      tags: ['identity'],
      request: { params: IdParam },
      responses: { 200: json(TeamSchema, 'Team'), ...errorResponses },
    }),
    async (c) => c.json(await service.getTeam(c.var.scoped, c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/teams/{id}',
      tags: ['identity'],
      request: { params: IdParam, body: jsonBody(TeamUpdate) },
      responses: { 200: json(TeamSchema, 'Updated'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await service.updateTeam(c.var.scoped, clock, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/users',
      tags: ['identity'],
      summary: 'List users (admins and supervisors)',
      responses: { 200: json(listOf(UserSchema, 'UserList'), 'Users'), ...errorResponses },
    }),
    async (c) => c.json({ items: await service.listUsers(c.var.scoped) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/users',
      tags: ['identity'],
      summary: 'Invite a user; answers a one-time invitation link',
      request: { body: jsonBody(UserInvite) },
      responses: {
        201: json(UserInvited, 'Invited'),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await service.inviteUser(c.var.scoped, clock, config.publicUrl, c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/users/{id}',
      tags: ['identity'],
      request: { params: IdParam },
      responses: { 200: json(UserSchema, 'User'), ...errorResponses },
    }),
    async (c) => c.json(await service.getUser(c.var.scoped, c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/users/{id}',
      tags: ['identity'],
      summary: 'Rename, change role, deactivate (active: false) or reactivate a user',
      request: { params: IdParam, body: jsonBody(UserUpdate) },
      responses: {
        200: json(
          UserSchema.extend({
            inviteUrl: z
              .string()
              .optional()
              .openapi({ description: 'A new invitation link, when reactivation re-opened an invitation' }),
          }).openapi('UserUpdated'),
          'Updated',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const updated = await service.updateUser(
        c.var.scoped,
        clock,
        config.publicUrl,
        id,
        c.req.valid('json'),
      );
      // A new role or a deactivation applies to the user's next request in this process at once.
      signInCacheOf(ctx).forgetUser(id);
      return c.json(updated, 200);
    },
  );
}
