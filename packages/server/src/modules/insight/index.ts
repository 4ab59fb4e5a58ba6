import type { ShorelineModule } from '../../platform/module.js';
import { ticketsModule } from '../tickets/index.js';
import { configureColumnCache } from './kpi-columns/column-cache.js';
import { setKpiEngine } from './kpi-service.js';
import { insightMigrations } from './migrations.js';
import { importRoutes } from './routes/imports.js';
import { kpiRoutes } from './routes/kpis.js';
import { mayManageImports } from './service.js';
import './tables.js';

export { type ImportReport, runImport } from './import/run-import.js';

/** Insight: imports of help-desk history, provider mappings, and KPIs per provider, team, channel, topic. */
export const insightModule: ShorelineModule = {
  name: 'insight',
  migrations: insightMigrations,
  pushSubjects: { import_run: mayManageImports },
  routes(app, ctx) {
    setKpiEngine(ctx.config.kpiEngine);
    configureColumnCache({ maxRows: ctx.config.kpiCacheTickets });
    importRoutes(app, ctx);
    kpiRoutes(app, ctx);
  },
};

/** Tickets and Insight, in dependency order: what `src/modules.ts` adds to the server. */
export const insightModules: readonly ShorelineModule[] = [ticketsModule, insightModule];
