import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../../platform/auth/tokens.js';
import type { Authenticate } from '../../platform/http/app.js';
import { AppError } from '../../platform/http/problem.js';
import type { ModuleContext, ShorelineModule } from '../../platform/module.js';
import { authenticate } from './auth-service.js';
import { registerIdentityCommands } from './cli.js';
import { cacheDirectories } from './directory.js';
import { identityMigrations } from './migrations.js';
import { identityPolicy } from './policy.js';
import { accountRoutes } from './routes/account.js';
import { adminRoutes } from './routes/admin.js';
import { signInCacheOf } from './session-cache.js';
import { identityScopedTables } from './tables.js';
import { scopeAllows } from './token-scopes.js';

export { addUser, createOrganization, organizationForOperator } from './bootstrap.js';
export type { identityPolicy } from './policy.js';
// The API contract's sources (src/contract.ts): type-only, erased from the web app's bundle.
export type * from './schemas.js';
export { createProvider, createTeam } from './service.js';

export const identityModule: ShorelineModule = {
  name: 'identity',
  migrations: identityMigrations,
  policy: identityPolicy,
  scopedTables: identityScopedTables,
  publicPaths: [
    '/api/auth/login',
    '/api/auth/accept-invite',
    '/api/auth/password-reset',
    '/api/auth/password-reset/confirm',
  ],
  routes(app, ctx) {
    // A server remembers directories per organization (directory.ts); CLI commands do not.
    cacheDirectories(ctx);
    accountRoutes(app, ctx);
    adminRoutes(app, ctx);
  },
  cli: registerIdentityCommands,
};

/** Resolves the caller from the session cookie or an `Authorization: Bearer` API token. */
export function identityAuthenticator(ctx: ModuleContext): Authenticate {
  const cache = signInCacheOf(ctx);
  return async (c) => {
    const header = c.req.header('authorization');
    const bearer = header?.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : undefined;
    const found = await authenticate(
      { db: ctx.db, clock: ctx.clock, cache },
      { sessionToken: getCookie(c, SESSION_COOKIE), bearerToken: bearer },
    );
    if (!found) return null;
    const { scopes, ...actor } = found;
    // An API token reaches only what its scopes name (token-scopes.ts); sessions are not scoped.
    if (scopes && !scopeAllows(scopes, c.req.method, c.req.path))
      throw new AppError(
        'forbidden',
        `this API token's scopes (${scopes.join(', ')}) do not allow this request`,
      );
    return actor;
  };
}

// What other modules may ask identity (they never read its tables).
export {
  type Directory,
  type DirectoryProvider,
  type DirectoryTeam,
  directoryFor,
  directoryTimeZone,
  lockReferences,
  organizationDirectory,
  type StaffMember,
  staffFor,
} from './directory.js';
// Other modules' inputs name time zones, weekdays and clock times as teams' hours do (Source's pilot hours).
export { ClockTime, TimeZone, WEEKDAYS } from './schemas.js';
