/**
 * Writes fields of PostgreSQL's binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html,
 * "Binary Format") into slabs of bytes: per field a 32-bit big-endian length (−1 = NULL) and the
 * type's binary ("send") representation. PostgreSQL then skips the text parsing of every value
 * (six timestamps per ticket were a notable part of its COPY time) and this process skips
 * Date#toISOString, escaping and a separate UTF-8 encoding pass.
 *
 * Rows go into slabs (SlabWriter): the caller reserves room for a whole row first.
 */

import { BINARY_COPY_SIGNATURE, PG_EPOCH_MS } from '../../../platform/db/binary-copy-format.js';
import { SlabWriter } from './slab-writer.js';

const TWO_32 = 4_294_967_296;

/** Type oid of `text`, the element type of `text[]`. */
const TEXT_OID = 25;

/** Start of the binary COPY stream: signature, flags (none), header extension length (0). */
export const BINARY_COPY_HEADER = Buffer.concat([BINARY_COPY_SIGNATURE, Buffer.alloc(8)]);

/** End of the binary COPY stream: a field count of −1. */
export const BINARY_COPY_TRAILER = Buffer.from([0xff, 0xff]);

export class BinaryRowWriter extends SlabWriter {
  private int32(n: number): void {
    const b = this.buf;
    const p = this.pos;
    b[p] = n >>> 24;
    b[p + 1] = n >>> 16;
    b[p + 2] = n >>> 8;
    b[p + 3] = n;
    this.pos = p + 4;
  }

  null(): void {
    this.int32(-1);
  }

  /** UTF-8 bytes of a string, without its length. Short ASCII strings skip the call into C++. */
  private utf8(s: string): number {
    const b = this.buf;
    const p = this.pos;
    const n = s.length;
    if (n <= 48) {
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        b[p + i] = c;
      }
      if (i === n) return n;
    }
    return b.write(s, p);
  }

  text(s: string | null): void {
    if (s === null) {
      this.null();
      return;
    }
    const at = this.pos;
    this.pos += 4;
    const n = this.utf8(s);
    this.pos = at;
    this.int32(n);
    this.pos += n;
  }

  /** `integer`: NULL when null; a value that is not a 32-bit integer is refused (naming `column`), as COPY's text format did. */
  int4(n: number | null, column: string): void {
    if (n === null || !Number.isFinite(n)) {
      this.null();
      return;
    }
    if (!Number.isInteger(n) || n < -2_147_483_648 || n > 2_147_483_647)
      throw new Error(`${column}: ${n} is not a 32-bit integer`);
    this.int32(4);
    this.int32(n);
  }

  /** `double precision`: NULL when null or not finite. */
  float8(n: number | null): void {
    if (n === null || !Number.isFinite(n)) {
      this.null();
      return;
    }
    this.int32(8);
    this.buf.writeDoubleBE(n, this.pos);
    this.pos += 8;
  }

  bool(v: boolean | null): void {
    if (v === null) {
      this.null();
      return;
    }
    this.int32(1);
    this.buf[this.pos++] = v ? 1 : 0;
  }

  /**
   * `timestamptz`: int64 microseconds since 2000-01-01 UTC. Milliseconds × 1000 can exceed 2^53 near
   * the ends of Date's range, so the product is formed in two 32-bit halves.
   */
  instant(d: Date | null): void {
    if (d === null) {
      this.null();
      return;
    }
    const ms = d.getTime() - PG_EPOCH_MS;
    if (Number.isNaN(ms)) throw new Error('invalid date');
    const hi = Math.floor(ms / TWO_32);
    const lo = (ms - hi * TWO_32) * 1000; // < 2^42: exact
    const carry = Math.floor(lo / TWO_32);
    this.int32(8);
    this.int32(hi * 1000 + carry);
    this.int32(lo - carry * TWO_32);
  }

  /** `text[]`: one dimension (none when empty), no NULL elements, element type text. */
  textArray(values: readonly string[]): void {
    const at = this.pos;
    this.pos += 4;
    this.int32(values.length === 0 ? 0 : 1);
    this.int32(0);
    this.int32(TEXT_OID);
    if (values.length > 0) {
      this.int32(values.length);
      this.int32(1);
      for (const v of values) this.text(v);
    }
    const end = this.pos;
    this.pos = at;
    this.int32(end - at - 4);
    this.pos = end;
  }

  /** `jsonb`: version 1, then the JSON text. */
  jsonb(json: string): void {
    const at = this.pos;
    this.pos += 4;
    this.buf[this.pos++] = 1;
    this.pos += this.utf8(json);
    const end = this.pos;
    this.pos = at;
    this.int32(end - at - 4);
    this.pos = end;
  }
}

/** Upper bound of the bytes `textArray(values)` writes. */
export function textArrayBound(values: readonly string[]): number {
  let n = 24;
  for (const v of values) n += 4 + v.length * 3;
  return n;
}
