import { to as copyTo } from 'pg-copy-streams';
import type { Database } from './connect.js';

/**
 * The rows of `select` as PostgreSQL's binary COPY format, in chunks as they arrive: the bulk read
 * path (a million rows in about a second, where row-by-row results cost per value). The select must
 * carry its values inline: COPY takes no bind parameters.
 */
export async function* copyOutBinary(database: Database, select: string): AsyncGenerator<Uint8Array> {
  if (database.pool) {
    const client = await database.pool.connect();
    let complete = false;
    try {
      yield* client.query(
        copyTo(`copy (${select}) to stdout with (format binary)`),
      ) as AsyncIterable<Uint8Array>;
      complete = true;
    } finally {
      // A reader that stopped early leaves the connection mid-COPY: discard it rather than reuse it.
      client.release(complete ? undefined : true);
    }
    return;
  }
  const pglite = database.pglite;
  if (!pglite) throw new Error('database has neither a pool nor a PGlite instance');
  // PGlite writes the whole result to a virtual file and hands it back as one blob.
  const result = await pglite.query(`copy (${select}) to '/dev/blob' with (format binary)`);
  if (result.blob) yield new Uint8Array(await result.blob.arrayBuffer());
}
