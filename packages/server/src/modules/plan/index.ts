import type { ShorelineModule } from '../../platform/module.js';
import { registerPlanCommands } from './cli/index.js';
import { planMigrations } from './migrations.js';
import { planJob } from './plan-job.js';
import { planLimits, planPolicy } from './policy.js';
import { planRoutes } from './routes.js';
import { savedPlanJob } from './saved/job.js';
import { savedPlanRoutes } from './saved/routes.js';
import { planScopedTables } from './tables.js';

export type { planLimits, planPolicy } from './policy.js';
export type { PlanFinishedPayload, PlanProgressPayload } from './saved/job.js';
export type * from './saved/schemas.js';
// The API contract's sources (src/contract.ts): type-only, erased from the web app's bundle.
export type * from './schemas.js';

/** Plan: staffing calculators and simulation; saved plans (forecast, staffing, split, shifts) built by a job. */
export const planModule: ShorelineModule = {
  name: 'plan',
  migrations: planMigrations,
  scopedTables: planScopedTables,
  policy: planPolicy,
  limits: planLimits,
  jobs: [planJob, savedPlanJob],
  // A plan's progress and end reach those who may read plans (the organization's own staff).
  pushSubjects: { plan: (actor) => planPolicy['plans.read'](actor) },
  routes(app, ctx) {
    planRoutes(app, ctx);
    savedPlanRoutes(app, ctx);
  },
  cli(program) {
    registerPlanCommands(program);
  },
};

/** A core forecast off the request's thread, for other modules (Source's forecast demand). */
export { forecastInWorker } from './forecast-in-worker.js';
/** Staffing for other modules (Govern's exit readiness): the same calculator as POST /api/plan/staffing. */
export { StaffingRequest } from './schemas.js';
export { planStaffing } from './service.js';
