import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';

/**
 * Queries that belong to an HTTP request stop when its client goes away. A request runs inside a
 * `CancelScope` (platform/http/app.ts, with the request's AbortSignal); the pool handed to Kysely
 * (`cancellablePool`) records which PostgreSQL connections the scope holds. When the signal fires,
 * each held connection's backend gets `pg_cancel_backend` (from a fresh connection, so a pool
 * exhausted by the very queries being cancelled cannot hold the cancel up), later queries of the
 * scope fail at once, and the connections that were cancelled are closed instead of going back to
 * the pool, so a cancel that arrives late can never stop another request's query on a reused
 * connection. PGlite runs one query at a time in-process and has no cancel: there, nothing changes.
 */
interface CancelScope {
  readonly signal: AbortSignal;
  readonly held: Set<pg.PoolClient>;
  /** Connections a cancel was sent to: closed on release. */
  readonly cancelled: WeakSet<pg.PoolClient>;
}

const scopes = new AsyncLocalStorage<CancelScope>();

/** The error a query of a request whose client has gone fails with (PostgreSQL's query_canceled code). */
export class ClientGoneError extends Error {
  readonly code = '57014';
  constructor() {
    super('the client closed the request; its database work was cancelled');
  }
}

/**
 * Runs `work` so that its PostgreSQL queries are cancelled when `signal` aborts. The signal may be
 * given as a function, asked only when a query starts: the Node adapter makes a request's
 * AbortController when its signal is first read (and aborts it then if the client had already
 * gone), so a request answered from memory makes none.
 */
export function withCancellation<T>(
  signal: AbortSignal | (() => AbortSignal),
  work: () => Promise<T>,
): Promise<T> {
  if (typeof signal !== 'function')
    return scopes.run({ signal, held: new Set(), cancelled: new WeakSet() }, work);
  let read: AbortSignal | undefined;
  const scope: CancelScope = {
    get signal() {
      read ??= signal();
      return read;
    },
    held: new Set(),
    cancelled: new WeakSet(),
  };
  return scopes.run(scope, work);
}

/**
 * Runs `start` outside any request's scope: background work a request sets going (a listener pass
 * after a webhook test) must not be cancelled when that request's client goes.
 */
export function detached<T>(start: () => T): T {
  return scopes.exit(start);
}

/**
 * The pool Kysely queries through: the real pool, plus the bookkeeping above for queries made
 * inside `withCancellation`. Outside a scope (jobs, listeners, the CLI) it is the plain pool.
 */
export function cancellablePool(
  pool: pg.Pool,
  cancelBackend: (pid: number) => Promise<void>,
): { connect(): Promise<pg.PoolClient>; end(): Promise<void> } {
  return {
    end: () => pool.end(),
    async connect() {
      const scope = scopes.getStore();
      if (!scope) return pool.connect();
      if (scope.signal.aborted) throw new ClientGoneError();
      const client = await pool.connect();
      if (scope.signal.aborted) {
        client.release();
        throw new ClientGoneError();
      }
      const pid = (client as pg.PoolClient & { processID?: number }).processID;
      const onAbort = () => {
        if (!scope.held.has(client) || pid === undefined) return;
        scope.cancelled.add(client);
        cancelBackend(pid).catch((err: Error) =>
          console.warn(`database: cancelling backend ${pid} failed: ${err.message}`),
        );
      };
      scope.signal.addEventListener('abort', onAbort, { once: true });
      scope.held.add(client);
      const release = client.release.bind(client);
      // Kysely releases each connection it took once its query (or transaction) is done.
      client.release = (err?: Error | boolean) => {
        scope.signal.removeEventListener('abort', onAbort);
        scope.held.delete(client);
        client.release = release;
        // A connection a cancel was sent to is closed: the cancel may still be on its way.
        release(scope.cancelled.has(client) ? true : err);
      };
      return client;
    },
  };
}
