import type { ShorelineModule } from '../../platform/module.js';
import { searchIndexJob } from './bulk/search-index.js';
import { ticketMigrations } from './migrations.js';
import { deskActionRoutes } from './routes/desk-actions.js';
import { ticketRoutes } from './routes/tickets.js';
import { ticketScopedTables } from './tables.js';

/**
 * Tickets, their messages and lifecycle events: the raw material every other capability reads.
 * This module is the only writer of `tickets`, `ticket_messages` and `ticket_events`; every write
 * records a domain event and raises the data version in its transaction.
 */
export const ticketsModule: ShorelineModule = {
  name: 'tickets',
  migrations: ticketMigrations,
  scopedTables: ticketScopedTables,
  // Every role reads tickets, vendor staff only their provider's: push applies the same rule.
  pushSubjects: { ticket: () => true },
  // Search vectors an import deferred, filled after its run (bulk/search-index.ts).
  jobs: [searchIndexJob],
  routes(app, ctx) {
    // Before the one-ticket routes: `/api/tickets/bulk` is not a ticket id.
    deskActionRoutes(app, ctx);
    ticketRoutes(app, ctx);
  },
};

// Bulk import (Insight's importer): build binary COPY rows, write them in the caller's transaction.
export { BatchBuilder, type PlacedTicket, type PreparedBatch } from './bulk/batch-builder.js';
export { type CopyTransaction, inCopyTransaction } from './bulk/copy-transaction.js';
export { type BatchReject, importTicketBatch, type TicketBatch } from './bulk/import-batch.js';
export {
  indexPendingSearch,
  pendingSearchCount,
  SEARCH_INDEX_JOB,
  scheduleSearchIndexing,
} from './bulk/search-index.js';
// Insight's column cache forgets a remembered data version when this process bumps it.
export { onTicketDataBump } from './data-version.js';
export { presentTicket } from './presenters.js';
// The agent inbox's reads: queues (keyset pages, capped counts) and search.
export {
  OPEN_STATUSES,
  type QueueCursor,
  type QueueFilter,
  queueCount,
  queueCountQuery,
  queuePage,
  queueTickets,
} from './queue.js';
// The API contract's sources (src/contract.ts): type-only.
export type {
  BulkRequest,
  BulkResultSchema,
  Escalation,
  HistoryStepSchema,
  MessageCreate,
  MessageSchema,
  TypeChange,
} from './schemas.js';
export { TicketDetailSchema, TicketSchema } from './schemas.js';
export { searchTickets } from './search.js';
// Live work (one ticket at a time, for Desk, mail, the API).
export * as ticketService from './service.js';
export type { TicketEventsTable, TicketMessagesTable, TicketsTable } from './tables.js';
export { TICKET_TYPES, type TicketType } from './vocabulary.js';
