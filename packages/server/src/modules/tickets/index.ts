import type { ShorelineModule } from '../../platform/module.js';
import { ticketMigrations } from './migrations.js';
import { ticketScopedTables } from './tables.js';

export { bumpTicketDataVersion } from './data-version.js';
export type { TicketEventsTable, TicketMessagesTable, TicketsTable } from './tables.js';

/** Tickets, their messages and lifecycle events: the raw material every other capability reads. */
export const ticketsModule: ShorelineModule = {
  name: 'tickets',
  migrations: ticketMigrations,
  scopedTables: ticketScopedTables,
  // Every role reads tickets, vendor staff only their provider's: push applies the same rule.
  pushSubjects: { ticket: () => true },
};
