import { getConnInfo } from '@hono/node-server/conninfo';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../../../platform/auth/tokens.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { errorResponses, json, jsonBody } from '../../../platform/http/openapi.js';
import type { ModuleContext } from '../../../platform/module.js';
import * as auth from '../auth-service.js';
import {
  AcceptInviteBody,
  ApiTokenCreate,
  ApiTokenCreated,
  ApiTokenSchema,
  IdParam,
  LoginBody,
  listOf,
  MeSchema,
  MeUpdate,
} from '../schemas.js';
import * as service from '../service.js';

const MeEnvelope = z.object({ user: MeSchema }).openapi('MeEnvelope');

/** Sign-in, sign-out, the signed-in user, and their API tokens. */
export function accountRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  const { db, clock, config } = ctx;
  const deps = { db, clock };

  const setSession = (c: Context<AppEnv>, token: string) =>
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      secure: config.secureCookies,
      sameSite: 'Lax',
      path: '/',
      maxAge: Math.floor(SESSION_TTL_MS / 1000),
    });
  const meOf = (userId: string) =>
    db
      .selectFrom('users')
      .select(['id', 'organization_id', 'provider_id', 'role'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow()
      .then((u) =>
        service.getMe(
          ctx.scope({
            userId: u.id,
            organizationId: u.organization_id,
            providerId: u.provider_id,
            role: u.role,
          }),
        ),
      );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/login',
      tags: ['auth'],
      summary: 'Sign in with e-mail and password; sets an httpOnly session cookie',
      security: [],
      request: { body: jsonBody(LoginBody) },
      responses: { 200: json(MeEnvelope, 'Signed in'), ...errorResponses },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const { token, userId } = await auth.login(deps, { email, password, ip: clientIp(c) });
      setSession(c, token);
      return c.json({ user: await meOf(userId) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/accept-invite',
      tags: ['auth'],
      security: [],
      request: { body: jsonBody(AcceptInviteBody) },
      responses: { 200: json(MeEnvelope, 'Account activated and signed in'), ...errorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const token = await auth.acceptInvite(deps, body);
      setSession(c, token);
      const actor = await auth.authenticate(deps, { sessionToken: token });
      return c.json({ user: await meOf(actor!.userId) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/logout',
      tags: ['auth'],
      responses: { 204: { description: 'Signed out' }, ...errorResponses },
    }),
    async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await auth.logout(deps, token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/logout-all',
      tags: ['auth'],
      summary: 'Sign out everywhere: ends every session of the signed-in user',
      responses: { 204: { description: 'All sessions ended' }, ...errorResponses },
    }),
    async (c) => {
      await auth.logoutEverywhere(deps, c.var.actor.userId);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/me',
      tags: ['auth'],
      responses: { 200: json(MeSchema, 'The signed-in user'), ...errorResponses },
    }),
    async (c) => c.json(await service.getMe(c.var.scoped), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/me',
      tags: ['auth'],
      summary: 'Change your name or interface language',
      request: { body: jsonBody(MeUpdate) },
      responses: { 200: json(MeSchema, 'Updated'), ...errorResponses },
    }),
    async (c) => c.json(await service.updateMe(c.var.scoped, clock, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tokens',
      tags: ['auth'],
      summary: 'Your API tokens (the secret is shown only once, at creation)',
      responses: { 200: json(listOf(ApiTokenSchema, 'ApiTokenList'), 'Tokens'), ...errorResponses },
    }),
    async (c) => c.json({ items: await service.listTokens(c.var.scoped) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tokens',
      tags: ['auth'],
      request: { body: jsonBody(ApiTokenCreate) },
      responses: {
        201: json(ApiTokenCreated, 'Created; send as Authorization: Bearer <token>'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await service.createToken(c.var.scoped, clock, c.req.valid('json').name), 201),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/tokens/{id}',
      tags: ['auth'],
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked' }, ...errorResponses },
    }),
    async (c) => {
      await service.revokeToken(c.var.scoped, clock, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
}

/** The peer address; behind a proxy, set the proxy to overwrite X-Forwarded-For. */
function clientIp(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
