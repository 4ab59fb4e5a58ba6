import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/env.js';
import { apiRoute, IdParam, json, jsonBody, listOf } from '../../../platform/http/openapi.js';
import type { ModuleContext } from '../../../platform/module.js';
import {
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
    apiRoute('identity', 'get', '/api/providers', {
      summary: 'List providers (vendor staff see only their own)',
      responses: { 200: json(listOf(ProviderSchema, 'ProviderList'), 'Providers') },
    }),
    async (c) => c.json({ items: await service.listProviders(c.var.scoped) }, 200),
  );
  app.openapi(
    apiRoute('identity', 'post', '/api/providers', {
      summary: 'Create a provider: the in-house operation or a vendor',
      request: { body: jsonBody(ProviderCreate) },
      responses: { 201: json(ProviderSchema, 'Created') },
    }),
    async (c) => c.json(await service.createProvider(c.var.scoped, clock, c.req.valid('json')), 201),
  );
  app.openapi(
    apiRoute('identity', 'get', '/api/providers/{id}', {
      request: { params: IdParam },
      responses: { 200: json(ProviderSchema, 'Provider') },
    }),
    async (c) => c.json(await service.getProvider(c.var.scoped, c.req.valid('param').id), 200),
  );
  app.openapi(
    apiRoute('identity', 'patch', '/api/providers/{id}', {
      request: { params: IdParam, body: jsonBody(ProviderUpdate) },
      responses: { 200: json(ProviderSchema, 'Updated') },
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
    apiRoute('identity', 'get', '/api/teams', {
      request: { query: z.object({ providerId: z.string().max(64).optional() }) },
      responses: { 200: json(listOf(TeamSchema, 'TeamList'), 'Teams') },
    }),
    async (c) => c.json({ items: await service.listTeams(c.var.scoped, c.req.valid('query')) }, 200),
  );
  app.openapi(
    apiRoute('identity', 'post', '/api/teams', {
      request: { body: jsonBody(TeamCreate) },
      responses: { 201: json(TeamSchema, 'Created') },
    }),
    async (c) => c.json(await service.createTeam(c.var.scoped, clock, c.req.valid('json')), 201),
  );
  app.openapi(
    apiRoute('identity', 'get', '/api/teams/{id}', {
      request: { params: IdParam },
      responses: { 200: json(TeamSchema, 'Team') },
    }),
    async (c) => c.json(await service.getTeam(c.var.scoped, c.req.valid('param').id), 200),
  );
  app.openapi(
    apiRoute('identity', 'patch', '/api/teams/{id}', {
      request: { params: IdParam, body: jsonBody(TeamUpdate) },
      responses: { 200: json(TeamSchema, 'Updated') },
    }),
    async (c) =>
      c.json(
        await service.updateTeam(c.var.scoped, clock, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );

  app.openapi(
    apiRoute('identity', 'get', '/api/users', {
      summary: 'List users (admins and supervisors)',
      responses: { 200: json(listOf(UserSchema, 'UserList'), 'Users') },
    }),
    async (c) => c.json({ items: await service.listUsers(c.var.scoped) }, 200),
  );
  app.openapi(
    apiRoute('identity', 'post', '/api/users', {
      summary: 'Invite a user; answers a one-time invitation link',
      request: { body: jsonBody(UserInvite) },
      responses: {
        201: json(UserInvited, 'Invited'),
      },
    }),
    async (c) =>
      c.json(await service.inviteUser(c.var.scoped, clock, config.publicUrl, c.req.valid('json')), 201),
  );
  app.openapi(
    apiRoute('identity', 'get', '/api/users/{id}', {
      request: { params: IdParam },
      responses: { 200: json(UserSchema, 'User') },
    }),
    async (c) => c.json(await service.getUser(c.var.scoped, c.req.valid('param').id), 200),
  );
  app.openapi(
    apiRoute('identity', 'patch', '/api/users/{id}', {
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
