import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { digest, SESSION_COOKIE, SESSION_TTL_MS } from '../../../platform/auth/tokens.js';
import { clientAddress, compileTrustedProxies } from '../../../platform/http/client-address.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { IdParam, json, jsonBody, listOf, routesFor } from '../../../platform/http/openapi.js';
import { outboxMailer } from '../../../platform/mail/mailer.js';
import type { RouteContext } from '../../../platform/module.js';
import * as auth from '../auth-service.js';
import * as passwords from '../password-service.js';
import {
  AcceptInviteBody,
  ApiTokenCreate,
  ApiTokenCreated,
  ApiTokenSchema,
  LoginBody,
  MeEnvelope,
  MeSchema,
  MeUpdate,
  OutboxMessage,
  PasswordChange,
  PasswordResetConfirm,
  PasswordResetRequest,
} from '../schemas.js';
import * as service from '../service.js';
import { signInCacheOf } from '../session-cache.js';

/** Sign-in, sign-out, the signed-in user, and their API tokens. */
export function accountRoutes(app: OpenAPIHono<AppEnv>, ctx: RouteContext): void {
  const { db, clock, config, access } = ctx;
  const deps = { db, clock };
  // Other processes learn of a revocation from the identity triggers' signal; this one forgets at
  // once, so the caller's next request here already sees it.
  const signIns = signInCacheOf(ctx);
  const trustProxy = compileTrustedProxies(config.trustedProxies);
  const mailer = ctx.mailer ?? outboxMailer(db, clock);

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
          access,
        ),
      );

  const route = routesFor(app, 'auth');
  const signOut = (c: Context<AppEnv>, userId: string) => {
    signIns.forgetUser(userId);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
  };

  route.post('/api/auth/login', {
    summary: 'Sign in with e-mail and password; sets an httpOnly session cookie',
    security: [],
    body: LoginBody,
    ok: MeEnvelope,
    run: async ({ body, c }) => {
      const ip = clientAddress(c, trustProxy);
      const { token, userId } = await auth.login(deps, { ...body, ip });
      setSession(c, token);
      return { user: await meOf(userId) };
    },
  });
  route.post('/api/auth/accept-invite', {
    security: [],
    body: AcceptInviteBody,
    ok: MeEnvelope,
    run: async ({ body, c }) => {
      const token = await auth.acceptInvite(deps, body);
      setSession(c, token);
      const actor = await auth.authenticate(deps, { sessionToken: token });
      return { user: await meOf(actor!.userId) };
    },
  });
  route.post('/api/auth/logout', {
    run: async ({ actor, c }) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await auth.logout(deps, token);
      signOut(c, actor.userId);
    },
  });
  route.post('/api/auth/logout-all', {
    summary: 'Sign out everywhere: ends every session of the signed-in user',
    run: async ({ actor, c }) => {
      await auth.logoutEverywhere(deps, actor.userId);
      signOut(c, actor.userId);
    },
  });

  route.get('/api/me', {
    ok: MeSchema,
    run: async ({ scoped, actor }) => {
      // Remembered per user like the sign-in itself (session-cache.ts): a changed user row signals.
      const now = clock.now().getTime();
      const remembered = signIns.me(actor.userId, now) as
        | Awaited<ReturnType<typeof service.getMe>>
        | undefined;
      if (remembered) return remembered;
      const mark = signIns.mark();
      const me = await service.getMe(scoped, access);
      signIns.rememberMe(actor.userId, me, now, mark);
      return me;
    },
  });
  route.patch('/api/me', {
    summary: 'Change your name or interface language',
    body: MeUpdate,
    ok: MeSchema,
    run: async ({ scoped, actor, body }) => {
      const me = await service.updateMe(scoped, clock, access, body);
      signIns.forgetUser(actor.userId);
      return me;
    },
  });

  route.post('/api/me/password', {
    summary: 'Change your password (needs the current one); your other sessions end',
    body: PasswordChange,
    run: async ({ scoped, actor, body, c }) => {
      const session = getCookie(c, SESSION_COOKIE);
      await passwords.changePassword(deps, scoped, {
        ...body,
        keepSessionHash: session ? digest(session) : undefined,
      });
      signIns.forgetUser(actor.userId);
    },
  });
  route.post('/api/auth/password-reset', {
    summary: 'Mail a password-reset link; the same answer whether or not the address has an account',
    security: [],
    request: { body: jsonBody(PasswordResetRequest) },
    responses: { 202: { description: 'If the address has an account, a link is on its way' } },
    run: ({ body }) =>
      passwords.requestPasswordReset({ ...deps, mailer, publicUrl: config.publicUrl }, body.email),
  });
  route.post('/api/auth/password-reset/confirm', {
    summary: 'Set a new password with a reset link (single use, one hour); every session ends',
    security: [],
    body: PasswordResetConfirm,
    run: async ({ body }) => {
      await passwords.confirmPasswordReset(deps, body);
      signIns.clear(); // the user is not known here; a reset is rare
    },
  });
  routesFor(app, 'identity').get('/api/mail-outbox', {
    summary: 'Outgoing mail (password-reset links) kept until a mail transport exists; admins',
    responses: { 200: json(listOf(OutboxMessage, 'OutboxList'), 'Messages, newest first') },
    run: async ({ scoped }) => ({ items: await passwords.listOutbox(scoped) }),
  });

  route.list(
    '/api/tokens',
    'Your API tokens (the secret is shown only once, at creation)',
    ApiTokenSchema,
    'ApiTokenList',
    service.listTokens,
  );
  route.create('/api/tokens', undefined, ApiTokenCreate, ApiTokenCreated, (scoped, body) =>
    service.createToken(scoped, clock, body),
  );
  route.delete('/api/tokens/{id}', {
    params: IdParam,
    run: async ({ scoped, actor, param }) => {
      await service.revokeToken(scoped, clock, param.id);
      signIns.forgetUser(actor.userId);
    },
  });
}
