import type { ShorelineModule } from '../../platform/module.js';
import { planLimits, planPolicy } from './policy.js';
import { planRoutes } from './routes.js';

/** Plan: staffing calculators and simulation. No tables yet (saved plans would add them). */
export const planModule: ShorelineModule = {
  name: 'plan',
  migrations: [],
  policy: planPolicy,
  limits: planLimits,
  routes(app) {
    planRoutes(app);
  },
};
