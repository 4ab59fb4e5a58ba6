import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/env.js';
import { IdParam, json, jsonBody, listOf, routesFor } from '../../../platform/http/openapi.js';
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
  const route = routesFor(app, 'identity');

  route.list(
    '/api/providers',
    'List providers (vendor staff see only their own)',
    ProviderSchema,
    'ProviderList',
    service.listProviders,
  );
  route.post('/api/providers', {
    summary: 'Create a provider: the in-house operation or a vendor',
    body: ProviderCreate,
    created: ProviderSchema,
    run: ({ scoped, body }) => service.createProvider(scoped, clock, body),
  });
  route.get('/api/providers/{id}', {
    params: IdParam,
    ok: ProviderSchema,
    run: ({ scoped, param }) => service.getProvider(scoped, param.id),
  });
  route.patch('/api/providers/{id}', {
    params: IdParam,
    body: ProviderUpdate,
    ok: ProviderSchema,
    run: async ({ scoped, param, body }) => {
      const provider = await service.updateProvider(scoped, clock, param.id, body);
      signInCacheOf(ctx).forgetAnswers(); // /api/me names the user's provider
      return provider;
    },
  });

  route.get('/api/teams', {
    request: { query: z.object({ providerId: z.string().max(64).optional() }) },
    responses: { 200: json(listOf(TeamSchema, 'TeamList'), 'Teams') },
    run: async ({ scoped, query }) => ({ items: await service.listTeams(scoped, query) }),
  });
  route.post('/api/teams', {
    body: TeamCreate,
    created: TeamSchema,
    run: ({ scoped, body }) => service.createTeam(scoped, clock, body),
  });
  route.get('/api/teams/{id}', {
    params: IdParam,
    ok: TeamSchema,
    run: ({ scoped, param }) => service.getTeam(scoped, param.id),
  });
  route.patch('/api/teams/{id}', {
    params: IdParam,
    body: TeamUpdate,
    ok: TeamSchema,
    run: ({ scoped, param, body }) => service.updateTeam(scoped, clock, param.id, body),
  });

  route.list('/api/users', 'List users (admins and supervisors)', UserSchema, 'UserList', service.listUsers);
  route.post('/api/users', {
    summary: 'Invite a user; answers a one-time invitation link',
    body: UserInvite,
    created: UserInvited,
    run: ({ scoped, body }) => service.inviteUser(scoped, clock, config.publicUrl, body),
  });
  route.get('/api/users/{id}', {
    params: IdParam,
    ok: UserSchema,
    run: ({ scoped, param }) => service.getUser(scoped, param.id),
  });
  route.patch('/api/users/{id}', {
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
    run: async ({ scoped, param, body }) => {
      const updated = await service.updateUser(scoped, clock, config.publicUrl, param.id, body);
      // A new role or a deactivation applies to the user's next request in this process at once.
      signInCacheOf(ctx).forgetUser(param.id);
      return updated;
    },
  });
}
