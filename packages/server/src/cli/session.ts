import { openShoreline, type ShorelineInstance } from '../main.js';
import { organizationForOperator } from '../modules/identity/index.js';
import { loadConfig } from '../platform/config.js';
import type { CliContext } from '../platform/module.js';
import { systemActor } from '../platform/scope.js';

/**
 * The one way a command reaches the data: open an instance (database, migrations, context), act,
 * close. Inside an organization a command acts as the system actor `system:cli` through a ScopedDb,
 * exactly as an administrator's API call would.
 */
export function createCliSession(open: () => Promise<ShorelineInstance>): CliContext {
  const session: CliContext = {
    async withInstance(act) {
      const instance = await open();
      try {
        return await act(instance.ctx, instance.migrations);
      } finally {
        await instance.close();
      }
    },
    asOrganization(organization, act) {
      return session.withInstance(async (ctx) => {
        const organizationId = await organizationForOperator(ctx.db, organization);
        return act(ctx.scope(systemActor('cli', organizationId)), ctx);
      });
    },
  };
  return session;
}

/** The database the environment names (PGlite in SHORELINE_DATA_DIR, or DATABASE_URL). */
export const cliSession = createCliSession(() => openShoreline(loadConfig()));
