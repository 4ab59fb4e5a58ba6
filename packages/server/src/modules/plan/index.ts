import type { ShorelineModule } from '../../platform/module.js';
import { registerPlanCommands } from './cli/index.js';
import { planJob } from './plan-job.js';
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
  jobs: [planJob],
  routes: planRoutes,
  cli(program) {
    registerPlanCommands(program);
  },
};

/** Staffing for other modules (Govern's exit readiness): the same calculator as POST /api/plan/staffing. */
export { StaffingRequest } from './schemas.js';
export { planStaffing } from './service.js';
