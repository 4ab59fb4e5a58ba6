import type { ShorelineModule } from '../../platform/module.js';
import { phoneMigrations } from './migrations.js';
import { phonePolicy } from './policy.js';
import { phoneRoutes } from './routes.js';
import { phoneScopedTables } from './tables.js';

export type { phonePolicy } from './policy.js';
// The API contract's sources (src/contract.ts): type-only.
export type * from './schemas.js';

/**
 * The phone channel: any telephony system logs calls (queued, answered, abandoned, ended, with
 * queue and talk seconds, agent, recording link, outcome) by API or signed webhook; each call is a
 * ticket (routed like every new ticket) carrying the measures Insight's call KPIs read. Decision 0025.
 */
export const phoneModule: ShorelineModule = {
  name: 'phone',
  migrations: phoneMigrations,
  scopedTables: phoneScopedTables,
  policy: phonePolicy,
  publicPaths: ['/api/phone/webhook/*'],
  routes: phoneRoutes,
};
