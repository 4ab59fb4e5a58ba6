import { SIGNALS_MISSED } from './bus.js';

/**
 * Something read per organization and remembered by one server process (the identity directory,
 * insight's ticket data version), forgotten when a trigger's `<prefix><org>` signal arrives from any
 * process at commit, or by the process that made the change at once. Served from memory only while
 * signals arrive (`live`), and for at most `ttlMs`: a lost signal's bound (decision 0012).
 */
export class SignalledMemory<T> {
  private readonly entries = new Map<string, { value: T; fetchedAt: number }>();
  /** Raised by every invalidation: a read that began before one may not store its (older) answer. */
  private generation = 0;

  constructor(
    private readonly prefix: string,
    private readonly live: () => boolean,
    private readonly nowMs: () => number,
    private readonly ttlMs: number,
  ) {}

  get(organizationId: string): T | undefined {
    if (!this.live()) return undefined;
    const hit = this.entries.get(organizationId);
    if (!hit) return undefined;
    const age = this.nowMs() - hit.fetchedAt;
    if (age >= this.ttlMs || age < 0) {
      this.entries.delete(organizationId);
      return undefined;
    }
    return hit.value;
  }

  /** Take before reading the database; pass to `put`. */
  mark(): number {
    return this.generation;
  }

  put(organizationId: string, value: T, mark: number): void {
    if (mark !== this.generation || !this.live()) return;
    this.entries.set(organizationId, { value, fetchedAt: this.nowMs() });
  }

  forget(organizationId: string): void {
    this.generation++;
    this.entries.delete(organizationId);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Applies a signal from platform/events: `<prefix><org>`, or `*` (signals were missed: start over). */
  onSignal(signal: string): void {
    if (signal === SIGNALS_MISSED) this.clear();
    else if (signal.startsWith(this.prefix)) this.forget(signal.slice(this.prefix.length));
  }
}
