import type { ShorelineModule } from '../../platform/module.js';
import { registerPlanCommands } from './cli/index.js';
import { planRoutes } from './routes.js';

/** Plan: staffing calculators and simulation. No tables yet (saved plans would add them). */
export const planModule: ShorelineModule = {
  name: 'plan',
  migrations: [],
  routes(app) {
    planRoutes(app);
  },
  cli(program) {
    registerPlanCommands(program);
  },
};
