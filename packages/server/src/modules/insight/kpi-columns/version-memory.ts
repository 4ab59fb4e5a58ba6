import { SignalledMemory } from '../../../platform/events/index.js';

/**
 * How long a remembered ticket data version is trusted without asking the database when no signal
 * arrives: a lost signal's bound, as for sign-ins and the directory (decision 0012).
 */
export const VERSION_MEMORY_TTL_MS = 5_000;

/** The prefix the `ticket_data_versions` trigger sends (migration `tickets_data_version_signals`). */
const VERSION_SIGNAL = 'tickets.data_version:';

/**
 * Organizations' ticket data versions, remembered by one server process (decision 0058). A cached KPI
 * table read the version from PostgreSQL on every request, its only query once the answer was
 * remembered: a pool checkout, a round trip and a row parsed, about a third of the request's server
 * CPU under load. A bump by any process reaches every process as `tickets.data_version:<org>` at
 * commit; the process that bumps forgets at the bump (tickets' `onTicketDataBump`). Served from
 * memory only while signals arrive (`live`), and for at most `ttlMs`.
 */
export class VersionMemory extends SignalledMemory<number> {
  constructor(live: () => boolean, nowMs: () => number, ttlMs = VERSION_MEMORY_TTL_MS) {
    super(VERSION_SIGNAL, live, nowMs, ttlMs);
  }
}
