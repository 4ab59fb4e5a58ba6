import { identityModule } from './modules/identity/index.js';
import { insightModules } from './modules/insight/index.js';
import { planModule } from './modules/plan/index.js';
import { eventsModule } from './platform/events/index.js';
import { jobsModule } from './platform/jobs/index.js';
import type { ShorelineModule } from './platform/module.js';
import { uploadsModule } from './platform/uploads/index.js';

/** Every capability the server runs, in dependency order. Add a module here and its routes and tables exist. */
export const modules: readonly ShorelineModule[] = [
  identityModule,
  eventsModule,
  jobsModule,
  uploadsModule,
  ...insightModules,
  planModule,
];
