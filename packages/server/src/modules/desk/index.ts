import type { ShorelineModule } from '../../platform/module.js';
import { deskMigrations } from './migrations.js';
import { deskPolicy } from './policy.js';
import { inboxRoutes } from './routes/inbox.js';
import { ticketDeskRoutes } from './routes/ticket-desk.js';
import { deskScopedTables } from './tables.js';

// Chat assignment gives conversations only to agents who are online now.
export { AVAILABILITY_TTL_SEC, availabilityOf, setAvailability } from './availability.js';
export type { deskPolicy } from './policy.js';
// The API contract's sources (src/contract.ts): type-only, erased from the web app's bundle.
export type * from './schemas.js';
// What the demo seed uses to set up a working inbox.
export { createMacro, PRESENCE_TTL_SEC, type PresencePayload, setMyTeams } from './service.js';

/**
 * The agent inbox: views with counts over the tickets module's queues, search, macros, presence on
 * a ticket across server processes, the teams an agent works, agents' availability (who is online). Writes to tickets go through the
 * tickets module's service (its routes: reply, note, status, assign, transfer, escalate, bulk).
 */
export const deskModule: ShorelineModule = {
  name: 'desk',
  migrations: deskMigrations,
  scopedTables: deskScopedTables,
  policy: deskPolicy,
  routes(app, ctx) {
    inboxRoutes(app, ctx);
    ticketDeskRoutes(app, ctx);
  },
};
