import type { ShorelineModule } from '../../platform/module.js';
import { registerPlanCommands } from './cli/index.js';
import { planLimits, planPolicy } from './policy.js';
import { planRoutes } from './routes.js';

export type { planLimits, planPolicy } from './policy.js';
// The API contract's sources (src/contract.ts): type-only, erased from the web app's bundle.
export type * from './schemas.js';

/** Plan: staffing calculators and simulation. No tables yet (saved plans would add them). */
export const planModule: ShorelineModule = {
  name: 'plan',
  migrations: [],
  policy: planPolicy,
  limits: planLimits,
  routes(app) {
    planRoutes(app);
  },
  cli(program) {
    registerPlanCommands(program);
  },
};
