import type { Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';
import type { DB } from '../db/schema.js';
import type { StoredEvent } from './outbox-reader.js';

/** What a listener's handler gets: the transaction that also moves its cursor, and the platform. */
export interface ListenerContext {
  /**
   * Write the listener's own state through this: it commits together with the cursor, so a crash
   * never leaves the state written but the event unread (or the reverse). On PGlite, using the raw
   * database inside a handler would wait for this transaction forever.
   */
  readonly tx: Transaction<DB>;
  readonly clock: Clock;
  readonly config: Config;
}

/**
 * A module's subscription to domain events. Delivery is at least once, in outbox order, per listener
 * across every process on the database; a handler that throws is retried with backoff, and after
 * `MAX_LISTENER_ATTEMPTS` the event is recorded in `event_listener_failures` and skipped.
 */
export interface EventListener {
  /** Unique across modules and stable: it names the listener's cursor row. `module.what`. */
  readonly name: string;
  /** Event types handled; `*` for all. */
  readonly eventTypes: readonly string[];
  handle(event: StoredEvent, ctx: ListenerContext): Promise<void>;
  /**
   * Work due on a timer rather than on an event (webhook retries), run by the listener loop after
   * each pass and every few seconds, outside any transaction. The job queue will take this over.
   */
  tick?(ctx: { readonly database: Database; readonly clock: Clock; readonly config: Config }): Promise<void>;
}
