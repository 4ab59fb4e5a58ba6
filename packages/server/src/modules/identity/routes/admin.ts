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
  route.create(
    '/api/providers',
    'Create a provider: the in-house operation or a vendor',
    ProviderCreate,
    ProviderSchema,
    (scoped, body) => service.createProvider(scoped, clock, body),
  );
  route.one('/api/providers/{id}', undefined, ProviderSchema, service.getProvider);
  route.update('/api/providers/{id}', undefined, ProviderUpdate, ProviderSchema, async (scoped, id, body) => {
    const provider = await service.updateProvider(scoped, clock, id, body);
    signInCacheOf(ctx).forgetAnswers(); // /api/me names the user's provider
    return provider;
  });

  route.get('/api/teams', {
    request: { query: z.object({ providerId: z.string().max(64).optional() }) },
    responses: { 200: json(listOf(TeamSchema, 'TeamList'), 'Teams') },
    run: async ({ scoped, query }) => ({ items: await service.listTeams(scoped, query) }),
  });
  route.create('/api/teams', undefined, TeamCreate, TeamSchema, (scoped, body) =>
    service.createTeam(scoped, clock, body),
  );
  route.one('/api/teams/{id}', undefined, TeamSchema, service.getTeam);
  route.update('/api/teams/{id}', undefined, TeamUpdate, TeamSchema, (scoped, id, body) =>
    service.updateTeam(scoped, clock, id, body),
  );

  route.list('/api/users', 'List users (admins and supervisors)', UserSchema, 'UserList', service.listUsers);
  route.create(
    '/api/users',
    'Invite a user; answers a one-time invitation link',
    UserInvite,
    UserInvited,
    (scoped, body) => service.inviteUser(scoped, clock, config.publicUrl, body),
  );
  route.one('/api/users/{id}', undefined, UserSchema, service.getUser);
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
