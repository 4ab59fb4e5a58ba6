import type { ShorelineModule } from '../../platform/module.js';
import { ticketMigrations } from './migrations.js';
import './tables.js';

/** Tickets, their messages and lifecycle events: the raw material every other capability reads. */
export const ticketsModule: ShorelineModule = {
  name: 'tickets',
  migrations: ticketMigrations,
  // Every role reads tickets, vendor staff only their provider's: push applies the same rule.
  pushSubjects: { ticket: () => true },
};
