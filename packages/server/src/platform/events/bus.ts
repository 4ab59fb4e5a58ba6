import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type pg from 'pg';
import type { Database } from '../db/connect.js';
import type { DB } from '../db/schema.js';

/** Wakes readers after an outbox insert commits (the trigger in migration 0091 sends it). */
const WAKE_CHANNEL = 'shoreline_events';
/** Carries transient events: progress that is stale a second later and never enters the outbox. */
const TRANSIENT_CHANNEL = 'shoreline_transient';

/**
 * A notice for browsers that is not a domain event: nothing durable listens to it, a browser that
 * misses it reads the current state instead (import progress: the run row holds the truth).
 */
export interface TransientEvent {
  readonly type: string;
  readonly organizationId: string;
  readonly providerId: string | null;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly payload: Record<string, unknown>;
}

/**
 * PostgreSQL LISTEN/NOTIFY, the same on a server (a dedicated pooled connection) and on PGlite (its
 * in-process listen API): one process's commit reaches every process on the database.
 */
export interface EventBus {
  onWake(fn: () => void): void;
  onTransient(fn: (event: TransientEvent) => void): void;
  close(): Promise<void>;
}

/** Sends a transient event to every process; delivered when the surrounding transaction commits. */
export async function publishTransient(
  db: Kysely<DB> | Transaction<DB>,
  event: TransientEvent,
): Promise<void> {
  await sql`select pg_notify(${TRANSIENT_CHANNEL}, ${JSON.stringify(event)})`.execute(db);
}

export async function openEventBus(database: Database): Promise<EventBus> {
  const wakes: (() => void)[] = [];
  const transients: ((event: TransientEvent) => void)[] = [];
  const deliver = (channel: string, payload: string) => {
    if (channel === WAKE_CHANNEL) for (const fn of wakes) fn();
    else if (channel === TRANSIENT_CHANNEL) {
      let event: TransientEvent;
      try {
        event = JSON.parse(payload) as TransientEvent;
      } catch {
        return;
      }
      for (const fn of transients) fn(event);
    }
  };
  const close = database.pglite
    ? await listenPglite(database.pglite, deliver)
    : await listenPostgres(database.pool!, deliver, () => {
        for (const fn of wakes) fn();
      });
  return {
    onWake: (fn) => void wakes.push(fn),
    onTransient: (fn) => void transients.push(fn),
    close,
  };
}

async function listenPglite(
  pglite: NonNullable<Database['pglite']>,
  deliver: (channel: string, payload: string) => void,
): Promise<() => Promise<void>> {
  const offWake = await pglite.listen(WAKE_CHANNEL, (p) => deliver(WAKE_CHANNEL, p));
  const offTransient = await pglite.listen(TRANSIENT_CHANNEL, (p) => deliver(TRANSIENT_CHANNEL, p));
  return async () => {
    if (pglite.closed) return;
    await offWake();
    await offTransient();
  };
}

/**
 * Holds one pooled connection LISTENing. When it drops (server restart, failover) it reconnects and
 * wakes everyone, so events committed while it was gone are read from the outbox.
 */
async function listenPostgres(
  pool: pg.Pool,
  deliver: (channel: string, payload: string) => void,
  wakeAll: () => void,
): Promise<() => Promise<void>> {
  let closed = false;
  let client: pg.PoolClient | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    try {
      const c = await pool.connect();
      c.on('notification', (n) => deliver(n.channel, n.payload ?? ''));
      c.on('error', (err) => {
        console.warn(`events: listening connection lost: ${err.message}`);
        c.release(err);
        if (client === c) client = null;
        if (!closed) retry = setTimeout(() => void connect(), 1_000);
      });
      await c.query(`listen ${WAKE_CHANNEL}`);
      await c.query(`listen ${TRANSIENT_CHANNEL}`);
      client = c;
      wakeAll();
    } catch (err) {
      if (closed) return;
      console.warn(`events: cannot listen: ${(err as Error).message}`);
      retry = setTimeout(() => void connect(), 1_000);
    }
  };
  await connect();
  return async () => {
    closed = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = null;
    if (c) {
      await c.query('unlisten *').catch(() => undefined);
      c.release();
    }
  };
}
