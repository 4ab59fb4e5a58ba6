import type { ShorelineModule } from '../../platform/module.js';
import { registerInsightCommands } from './cli/index.js';
import { insightMigrations } from './migrations.js';
import { importRoutes } from './routes/imports.js';
import { kpiRoutes } from './routes/kpis.js';
import { mayManageImports } from './service.js';
import { insightScopedTables } from './tables.js';

export { type ImportReport, runImport } from './import/run-import.js';
export { type KpiService, kpiServiceOf } from './kpi-service.js';

/** Insight: imports of help-desk history, provider mappings, and KPIs per provider, team, channel, topic. */
export const insightModule: ShorelineModule = {
  name: 'insight',
  migrations: insightMigrations,
  scopedTables: insightScopedTables,
  pushSubjects: { import_run: mayManageImports },
  routes(app, ctx) {
    importRoutes(app, ctx);
    kpiRoutes(app, ctx);
  },
  cli: registerInsightCommands,
};
