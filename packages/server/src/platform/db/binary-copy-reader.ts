/**
 * Reads PostgreSQL's binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html,
 * "Binary Format"): an 11-byte signature, flags, a header extension, then per row a 16-bit field count
 * and per field a 32-bit length (−1 = NULL) and that many bytes; a count of −1 ends the data. Rows may
 * straddle chunks: the incomplete tail of a chunk waits for the next.
 */

import { BINARY_COPY_SIGNATURE } from './binary-copy-format.js';

/**
 * Field `i` of the current row is buf[start[i], start[i] + length[i]); length −1 = NULL. `view` is a
 * DataView over the same bytes (big-endian reads without Buffer's per-call checks).
 */
export type BinaryRowHandler = (buf: Buffer, view: DataView, start: Int32Array, length: Int32Array) => void;

/** Calls `onRow` for every row; returns the number of rows. Fails on a malformed stream or wrong field count. */
export async function readBinaryCopy(
  chunks: AsyncIterable<Uint8Array>,
  fields: number,
  onRow: BinaryRowHandler,
): Promise<number> {
  const start = new Int32Array(fields);
  const length = new Int32Array(fields);
  let pending: Buffer | null = null;
  let headerDone = false;
  let ended = false;
  let rows = 0;
  for await (const chunk of chunks) {
    if (ended) continue;
    const view = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const buf: Buffer = pending === null ? view : Buffer.concat([pending, view]);
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    let pos = 0;
    if (!headerDone) {
      if (buf.length < 19) {
        pending = buf;
        continue;
      }
      if (!buf.subarray(0, 11).equals(BINARY_COPY_SIGNATURE)) throw new Error('binary COPY: bad signature');
      const extension = buf.readUInt32BE(15);
      if (buf.length < 19 + extension) {
        pending = buf;
        continue;
      }
      pos = 19 + extension;
      headerDone = true;
    }
    for (;;) {
      if (pos + 2 > buf.length) break;
      const count = dv.getInt16(pos);
      if (count === -1) {
        ended = true;
        pos = buf.length;
        break;
      }
      if (count !== fields)
        throw new Error(`binary COPY: row ${rows + 1} has ${count} fields, expected ${fields}`);
      let p = pos + 2;
      let complete = true;
      for (let f = 0; f < fields; f++) {
        if (p + 4 > buf.length) {
          complete = false;
          break;
        }
        const n = dv.getInt32(p);
        p += 4;
        start[f] = p;
        length[f] = n;
        if (n > 0) {
          p += n;
          if (p > buf.length) {
            complete = false;
            break;
          }
        }
      }
      if (!complete) break;
      onRow(buf, dv, start, length);
      rows++;
      pos = p;
    }
    pending = pos < buf.length ? buf.subarray(pos) : null;
  }
  if (!ended) throw new Error(`binary COPY: the data ended after ${rows} rows without its trailer`);
  return rows;
}
