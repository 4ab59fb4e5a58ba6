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
 * Carries cache invalidations between processes (`<topic>:<key>`, e.g. `identity.user:usr_…`),
 * sent by triggers or `publishSignal`; never seen by browsers.
 */
const SIGNAL_CHANNEL = 'shoreline_signals';

/**
 * The signal delivered when signals may have been missed (the listening connection was lost and is
 * back): every cache kept by signals must forget everything.
 */
export const SIGNALS_MISSED = '*';

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
  /** Cache invalidations from any process (SIGNALS_MISSED after the listening connection came back). */
  onSignal(fn: (signal: string) => void): void;
  /** False while the listening connection is down: signals are not arriving. */
  readonly listening: boolean;
  close(): Promise<void>;
}

/** Sends a cache invalidation to every process (this one included); delivered at commit. */
export async function publishSignal(db: Kysely<DB> | Transaction<DB>, signal: string): Promise<void> {
  await sql`select pg_notify(${SIGNAL_CHANNEL}, ${signal})`.execute(db);
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
  const signals: ((signal: string) => void)[] = [];
  const state = { listening: true };
  const deliver = (channel: string, payload: string) => {
    if (channel === WAKE_CHANNEL) for (const fn of wakes) fn();
    else if (channel === SIGNAL_CHANNEL) for (const fn of signals) fn(payload);
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
    : await listenPostgres(database.pool!, deliver, (listening) => {
        state.listening = listening;
        // Whatever was sent while the connection was down is lost: readers catch up from the outbox,
        // signal-kept caches start over.
        for (const fn of signals) fn(SIGNALS_MISSED);
        if (listening) for (const fn of wakes) fn();
      });
  return {
    onWake: (fn) => void wakes.push(fn),
    onTransient: (fn) => void transients.push(fn),
    onSignal: (fn) => void signals.push(fn),
    get listening() {
      return state.listening;
    },
    close,
  };
}

async function listenPglite(
  pglite: NonNullable<Database['pglite']>,
  deliver: (channel: string, payload: string) => void,
): Promise<() => Promise<void>> {
  const offWake = await pglite.listen(WAKE_CHANNEL, (p) => deliver(WAKE_CHANNEL, p));
  const offTransient = await pglite.listen(TRANSIENT_CHANNEL, (p) => deliver(TRANSIENT_CHANNEL, p));
  const offSignal = await pglite.listen(SIGNAL_CHANNEL, (p) => deliver(SIGNAL_CHANNEL, p));
  return async () => {
    if (pglite.closed) return;
    await offWake();
    await offTransient();
    await offSignal();
  };
}

/**
 * Holds one pooled connection LISTENing. When it drops (server restart, failover) it reconnects and
 * wakes everyone, so events committed while it was gone are read from the outbox.
 */
async function listenPostgres(
  pool: pg.Pool,
  deliver: (channel: string, payload: string) => void,
  connection: (listening: boolean) => void,
): Promise<() => Promise<void>> {
  let closed = false;
  let client: { c: pg.PoolClient; release: (err?: Error) => void } | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    try {
      const c = await pool.connect();
      // A broken connection can emit 'error' more than once; releasing it twice throws in pg-pool
      // (an uncaught exception that took a whole CI test run down).
      let released = false;
      const release = (err?: Error) => {
        if (released) return;
        released = true;
        c.release(err);
      };
      c.on('notification', (n) => deliver(n.channel, n.payload ?? ''));
      c.on('error', (err) => {
        console.warn(`events: listening connection lost: ${err.message}`);
        release(err);
        if (client?.c === c) client = null;
        connection(false);
        if (!closed) retry = setTimeout(() => void connect(), 1_000);
      });
      await c.query(`listen ${WAKE_CHANNEL}`);
      await c.query(`listen ${TRANSIENT_CHANNEL}`);
      await c.query(`listen ${SIGNAL_CHANNEL}`);
      client = { c, release };
      connection(true);
    } catch (err) {
      if (closed) return;
      connection(false);
      console.warn(`events: cannot listen: ${(err as Error).message}`);
      retry = setTimeout(() => void connect(), 1_000);
    }
  };
  await connect();
  return async () => {
    closed = true;
    if (retry) clearTimeout(retry);
    const held = client;
    client = null;
    if (held) {
      await held.c.query('unlisten *').catch(() => undefined);
      held.release();
    }
  };
}
