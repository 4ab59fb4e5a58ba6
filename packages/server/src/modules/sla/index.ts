import type { ShorelineModule } from '../../platform/module.js';
import { slaJobs } from './jobs.js';
import { slaListener } from './listeners.js';
import { slaMigrations } from './migrations.js';
import { slaPolicy } from './policy.js';
import { slaRoutes } from './routes.js';
import { slaScopedTables } from './tables.js';

// What routing asks: a team's calendar with its holidays (follow the sun).
export { calendarOf } from './engine.js';
export type { slaPolicy } from './policy.js';
// The API contract's sources (src/contract.ts): type-only, erased from the web app's bundle.
export type * from './schemas.js';
// What Desk may ask (a ticket's SLA state for countdowns, the tickets breaching soon), and what
// the demo seed may do (add a policy).
export { SlaPolicyCreate, TicketSlaSchema } from './schemas.js';
export {
  type BreachingCursor,
  breachingCountQuery,
  breachingPage,
  breachingSoon,
  createPolicy,
  revisePolicy,
  slaForTickets,
  ticketSla,
} from './service.js';

/**
 * The SLA engine: versioned policies, team holidays, each live ticket's applied policy and due
 * times (kept from the tickets module's events), and a job at every at-risk and due instant that
 * records `sla.at_risk` / `sla.breached` (subject `ticket`: pushed like ticket events). Decision 0017.
 */
export const slaModule: ShorelineModule = {
  name: 'sla',
  migrations: slaMigrations,
  scopedTables: slaScopedTables,
  policy: slaPolicy,
  routes: slaRoutes,
  jobs: slaJobs,
  listeners: [slaListener],
};
