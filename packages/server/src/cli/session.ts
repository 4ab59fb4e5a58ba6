import { openShoreline } from '../main.js';
import { organizationForOperator } from '../modules/identity/index.js';
import { loadConfig } from '../platform/config.js';
import type { CliContext } from '../platform/module.js';
import { systemActor } from '../platform/scope.js';

/**
 * The one way a command reaches the data: open the database the environment names, apply
 * migrations, act, close. Inside an organization a command acts as the system actor `system:cli`
 * through a ScopedDb, exactly as an administrator's API call would.
 */
export const cliSession: CliContext = {
  async withInstance(act) {
    const instance = await openShoreline(loadConfig());
    try {
      return await act(instance.ctx);
    } finally {
      await instance.close();
    }
  },
  asOrganization(organization, act) {
    return cliSession.withInstance(async (ctx) => {
      const organizationId = await organizationForOperator(ctx.db, organization);
      return act(ctx.scope(systemActor('cli', organizationId)), ctx);
    });
  },
};
