import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../../platform/auth/tokens.js';
import type { Authenticate } from '../../platform/http/app.js';
import type { ModuleContext, ShorelineModule } from '../../platform/module.js';
import { authenticate } from './auth-service.js';
import { registerIdentityCommands } from './cli.js';
import { identityMigrations } from './migrations.js';
import { accountRoutes } from './routes/account.js';
import { adminRoutes } from './routes/admin.js';
import { identityScopedTables } from './tables.js';

export { addUser, createOrganization, organizationForOperator } from './bootstrap.js';
export { createProvider, createTeam } from './service.js';

export const identityModule: ShorelineModule = {
  name: 'identity',
  migrations: identityMigrations,
  scopedTables: identityScopedTables,
  publicPaths: ['/api/auth/login', '/api/auth/accept-invite'],
  routes(app, ctx) {
    accountRoutes(app, ctx);
    adminRoutes(app, ctx);
  },
  cli: registerIdentityCommands,
};

/** Resolves the caller from the session cookie or an `Authorization: Bearer` API token. */
export function identityAuthenticator(ctx: ModuleContext): Authenticate {
  return (c) => {
    const header = c.req.header('authorization');
    const bearer = header?.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : undefined;
    return authenticate(
      { db: ctx.db, clock: ctx.clock },
      { sessionToken: getCookie(c, SESSION_COOKIE), bearerToken: bearer },
    );
  };
}

// What other modules may ask identity (they never read its tables).
export {
  type Directory,
  type DirectoryProvider,
  type DirectoryTeam,
  directoryFor,
  lockReferences,
  organizationDirectory,
} from './directory.js';
