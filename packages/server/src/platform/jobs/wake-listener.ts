import type pg from 'pg';
import type { Database } from '../db/connect.js';
import { JOBS_CHANNEL } from './enqueue.js';

/**
 * Calls `onWake` when any process commits an enqueued job (LISTEN/NOTIFY; PGlite delivers its own
 * notifications too). Returns a stop function. A lost listening connection is only a lost
 * shortcut: the runner still polls.
 */
export async function listenForJobs(database: Database, onWake: () => void): Promise<() => Promise<void>> {
  if (database.pglite) {
    const unlisten = await database.pglite.listen(JOBS_CHANNEL, onWake);
    return () => unlisten();
  }
  if (!database.pool) return async () => {};
  const client: pg.PoolClient = await database.pool.connect();
  let released = false;
  const release = (err?: Error) => {
    if (released) return;
    released = true;
    client.release(err);
  };
  client.on('notification', (n) => {
    if (n.channel === JOBS_CHANNEL) onWake();
  });
  client.on('error', (err) => {
    console.warn(`jobs: listening connection lost (${err.message}); polling only`);
    release(err);
  });
  await client.query(`listen ${JOBS_CHANNEL}`);
  return async () => {
    if (released) return;
    await client.query(`unlisten ${JOBS_CHANNEL}`).catch(() => undefined);
    release();
  };
}
