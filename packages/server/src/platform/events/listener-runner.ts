import { type Kysely, sql } from 'kysely';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import type { EventListener } from './listener.js';
import { readEvents } from './outbox-reader.js';
import type { EventPosition } from './position.js';

/** Events one pass hands a listener; its cursor row stays locked for the pass. */
const BATCH = 200;
/** After this many failed attempts on one event, it goes to event_listener_failures and is skipped. */
export const MAX_LISTENER_ATTEMPTS = 8;

/** Seconds before retry n (1-based): 1, 2, 4, … capped at 5 minutes. */
export function listenerRetryDelaySec(attempt: number): number {
  return Math.min(300, 2 ** Math.max(0, attempt - 1));
}

export type PassResult = 'idle' | 'more' | 'busy' | 'waiting';

/** Creates the listener's cursor at the head when it has none: a new listener does not replay history. */
export async function ensureCursor(db: Kysely<DB>, listener: string): Promise<void> {
  await sql`insert into event_listener_cursors (listener, tx, event_id)
    values (${listener}, pg_snapshot_xmin(pg_current_snapshot()), 0)
    on conflict (listener) do nothing`.execute(db);
}

/**
 * One pass of one listener: lock its cursor (SKIP LOCKED: another process holding it is doing this
 * pass), read the next batch below the horizon, hand each matching event to the handler inside a
 * savepoint, move the cursor, commit. 'more' means a full batch was read and another pass is due.
 */
export async function runListenerPass(
  db: Kysely<DB>,
  listener: EventListener,
  deps: { clock: Clock; config: Config },
): Promise<PassResult> {
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<{
      tx: string;
      event_id: string | number;
      attempts: number;
      retry_at: Date | string | null;
    }>`select tx::text as tx, event_id, attempts, retry_at from event_listener_cursors
        where listener = ${listener.name} for update skip locked`.execute(tx);
    const cursor = rows[0];
    if (!cursor) return 'busy';
    const now = deps.clock.now();
    if (cursor.retry_at && new Date(cursor.retry_at) > now) return 'waiting';
    let position: EventPosition = { tx: cursor.tx, id: String(cursor.event_id) };
    const events = await readEvents(tx, position, BATCH);
    const all = listener.eventTypes.includes('*');
    // Failed attempts on the event at the cursor, carried from earlier passes.
    let attempts = cursor.attempts;
    let retry: { error: string; at: Date } | null = null;
    for (const event of events) {
      if (all || listener.eventTypes.includes(event.type)) {
        await sql`savepoint listener_event`.execute(tx);
        try {
          await listener.handle(event, { tx, clock: deps.clock, config: deps.config });
          await sql`release savepoint listener_event`.execute(tx);
        } catch (err) {
          await sql`rollback to savepoint listener_event`.execute(tx);
          const error = err instanceof Error ? err.message : String(err);
          attempts++;
          if (attempts < MAX_LISTENER_ATTEMPTS) {
            retry = { error, at: new Date(now.getTime() + listenerRetryDelaySec(attempts) * 1000) };
            break;
          }
          console.warn(`events: listener ${listener.name} gave up on event ${event.id}: ${error}`);
          await sql`insert into event_listener_failures (listener, event_id, error, failed_at)
            values (${listener.name}, ${event.id}, ${error}, ${now})`.execute(tx);
        }
      }
      position = event.position;
      attempts = 0;
    }
    await sql`update event_listener_cursors set tx = ${position.tx}::xid8, event_id = ${position.id},
        attempts = ${attempts}, retry_at = ${retry?.at ?? null},
        last_error = ${retry?.error ?? null}, updated_at = ${now}
      where listener = ${listener.name}`.execute(tx);
    if (retry) return 'waiting';
    return events.length === BATCH ? 'more' : 'idle';
  });
}
