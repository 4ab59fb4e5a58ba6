import type { ShorelineModule } from '../../platform/module.js';
import { routingCli } from './cli.js';
import { routingJobs } from './jobs.js';
import { routingMigrations } from './migrations.js';
import { routingPolicy } from './policy.js';
import { routingRoutes } from './routes.js';
import { routingScopedTables } from './tables.js';

// What channels use: open a ticket where the rules send it (chat, phone, social), and language identification.
export { detectLanguage, UNDETERMINED } from './language.js';
export type { routingPolicy } from './policy.js';
// The API contract's sources (src/contract.ts): type-only.
export type * from './schemas.js';
export {
  createRoutedTicket,
  detectLanguageOrNull,
  previewRoute,
  type RoutedTicketInput,
} from './service.js';
// Source's pilots split a slice of new tickets between a vendor and in house (decision 0028).
export { closeSplit, openSplit, type SplitArm, type SplitInput, splitTickets } from './splits.js';
export type { SplitArmRow } from './tables.js';

/**
 * Routing: ordered, explainable rules (core/routing) applied to new tickets from every channel
 * through the tickets service, follow the sun across in-house and vendor teams, each decision
 * stored with its rule and reason; overflow to other teams after a wait (a job); a replay over past tickets; language identification
 * (`shoreline detect-language`). Decision 0025.
 */
export const routingModule: ShorelineModule = {
  name: 'routing',
  migrations: routingMigrations,
  scopedTables: routingScopedTables,
  policy: routingPolicy,
  routes: routingRoutes,
  jobs: routingJobs,
  cli: routingCli,
};
