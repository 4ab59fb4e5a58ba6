import type { ShorelineModule } from '../../platform/module.js';
import { registerPlanCommands } from './cli/index.js';
import { planJob } from './plan-job.js';
import { planRoutes } from './routes.js';

/** Plan: staffing calculators and simulation. No tables yet (saved plans would add them). */
export const planModule: ShorelineModule = {
  name: 'plan',
  migrations: [],
  jobs: [planJob],
  routes: planRoutes,
  cli(program) {
    registerPlanCommands(program);
  },
};
