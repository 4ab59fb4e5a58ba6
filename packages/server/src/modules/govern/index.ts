import type { ShorelineModule } from '../../platform/module.js';
import { registerGovernCommands } from './cli.js';
import { exportCheckJob, weeklyExportCheckJob } from './export-check.js';
import { governMigrations } from './migrations.js';
import { governPolicy } from './policy.js';
import { governRoutes } from './routes.js';
import { simulateJob } from './simulate-job.js';
import { governScopedTables } from './tables.js';

/** Client forecasts for other modules (a saved plan's split sent to its vendors, decision 0059). */
export { type ClientForecastInput, logForecasts } from './forecasts.js';
export type { governPolicy } from './policy.js';
// The API contract's sources (src/contract.ts): type-only, erased from the web app's bundle.
export type * from './schemas.js';

/**
 * Govern (issue 11, decision 0024): contracts as versioned documents whose terms configure the SLA
 * engine, settlements per provider-month from measured KPIs (core/govern), every change appended to
 * the audit log.
 */
export const governModule: ShorelineModule = {
  name: 'govern',
  migrations: governMigrations,
  scopedTables: governScopedTables,
  policy: governPolicy,
  routes: governRoutes,
  jobs: [simulateJob, exportCheckJob, weeklyExportCheckJob],
  cli: registerGovernCommands,
};
