import type { ShorelineModule } from '../../platform/module.js';
import { registerInsightCommands } from './cli/index.js';
import { importJob } from './import/import-job.js';
import { insightMigrations } from './migrations.js';
import { insightLimits, insightPolicy } from './policy.js';
import { importRoutes } from './routes/imports.js';
import { kpiRoutes } from './routes/kpis.js';
import { mayManageImports } from './service.js';
import { insightScopedTables } from './tables.js';

export { type ArrivalFilter, type ArrivalQuery, lastArrivalDay, ticketArrivals } from './arrivals.js';
export { exportCanonical } from './export-service.js';
export type { ImportFinishedPayload, ImportProgressPayload } from './import/announce.js';
export { type ImportReport, runImport } from './import/run-import.js';
export { type KpiService, kpiServiceOf } from './kpi-service.js';
export type { insightLimits, insightPolicy } from './policy.js';
// The API contract's sources (src/contract.ts): type-only, erased from the web app's bundle.
export type * from './schemas.js';

/** Insight: imports of help-desk history, provider mappings, and KPIs per provider, team, channel, topic. */
export const insightModule: ShorelineModule = {
  name: 'insight',
  migrations: insightMigrations,
  policy: insightPolicy,
  limits: insightLimits,
  scopedTables: insightScopedTables,
  jobs: [importJob],
  pushSubjects: { import_run: mayManageImports },
  routes(app, ctx) {
    importRoutes(app, ctx);
    kpiRoutes(app, ctx);
  },
  cli: registerInsightCommands,
};
