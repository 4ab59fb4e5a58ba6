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
export class VersionMemory {
  private readonly entries = new Map<string, { version: number; fetchedAt: number }>();
  /** Raised by every invalidation: a read that began before one may not store its (older) answer. */
  private generation = 0;

  constructor(
    private readonly live: () => boolean,
    private readonly nowMs: () => number,
    private readonly ttlMs = VERSION_MEMORY_TTL_MS,
  ) {}

  get(organizationId: string): number | undefined {
    if (!this.live()) return undefined;
    const hit = this.entries.get(organizationId);
    if (!hit) return undefined;
    const age = this.nowMs() - hit.fetchedAt;
    if (age >= this.ttlMs || age < 0) {
      this.entries.delete(organizationId);
      return undefined;
    }
    return hit.version;
  }

  /** Take before reading the database; pass to `put`. */
  mark(): number {
    return this.generation;
  }

  put(organizationId: string, version: number, mark: number): void {
    if (mark !== this.generation || !this.live()) return;
    this.entries.set(organizationId, { version, fetchedAt: this.nowMs() });
  }

  forget(organizationId: string): void {
    this.generation++;
    this.entries.delete(organizationId);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Applies a signal from platform/events: `tickets.data_version:<org>`, or `*` (signals were missed). */
  onSignal(signal: string, missed: string): void {
    if (signal === missed) this.clear();
    else if (signal.startsWith(VERSION_SIGNAL)) this.forget(signal.slice(VERSION_SIGNAL.length));
  }
}
