import { identityModule } from './modules/identity/index.js';
import { insightModules } from './modules/insight/index.js';
import { planModule } from './modules/plan/index.js';
import { webhooksModule } from './modules/webhooks/index.js';
import { eventsModule } from './platform/events/index.js';
import type { ShorelineModule } from './platform/module.js';

/** Every capability the server runs, in dependency order. Add a module here and its routes and tables exist. */
export const modules: readonly ShorelineModule[] = [
  identityModule,
  eventsModule,
  ...insightModules,
  planModule,
  webhooksModule,
];
