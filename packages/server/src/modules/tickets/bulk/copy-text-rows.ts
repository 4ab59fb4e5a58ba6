/**
 * Writes rows of PostgreSQL's text COPY format (https://www.postgresql.org/docs/current/sql-copy.html,
 * "Text Format") straight into slabs of bytes: the same bytes as building each row as a string with
 * copyText / copyInstant / copyNumber / copyBoolean (copy-transaction.ts) and encoding it as UTF-8,
 * without the strings. Building them cost a `Date#toISOString` per message and event (a call into
 * C++ and a new string each), a string per row, and flattening that string before it was encoded.
 */

import { civilFromDays } from '@shoreline/core';
import { copyBoolean, copyNumber, copyText } from './copy-transaction.js';
import { SlabWriter } from './slab-writer.js';

const DAY_MS = 86_400_000;

/** `Date#toISOString` writes 4-digit years (`YYYY-MM-DDTHH:mm:ss.sssZ`) from year 0 to year 9999. */
const FIRST_4_DIGIT_MS = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
const LAST_4_DIGIT_MS = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

/** Strings of at most this many code units are written by a loop here; longer ones by `Buffer#write`. */
const SHORT = 64;

const BACKSLASH = 0x5c;
const ZERO = 0x30;

/** Bytes of the longest instant (`+275760-09-13T00:00:00.000Z`) and of the longest number `String(n)` gives. */
/** The column separator of COPY's text format. */
export const TAB = 9;
export const INSTANT_BYTES = 27;
export const NUMBER_BYTES = 24;

export class CopyTextWriter extends SlabWriter {
  /** The last day written by `instant` and its `YYYY-MM-DD` (a file's instants repeat their days). */
  private lastDay = Number.NaN;
  private readonly dayBytes = new Uint8Array(10);

  /** ASCII with nothing to escape (tabs, `\N`, words of the format), as it is. */
  ascii(s: string): void {
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** One byte (a tab, a newline). */
  byte(c: number): void {
    this.buf[this.pos++] = c;
  }

  /** A text column and the tab that ends it (every column of a row but the last). */
  field(s: string | null): void {
    this.text(s);
    this.byte(TAB);
  }

  /** A text field as copyText gives it (`\N` for null; backslash, tab, newline and CR escaped), in UTF-8. */
  text(s: string | null): void {
    if (s === null) {
      this.ascii('\\N');
      return;
    }
    const n = s.length;
    if (n <= SHORT) {
      const b = this.buf;
      let p = this.pos;
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        if (c === BACKSLASH || c === 9 || c === 10 || c === 13) {
          b[p++] = BACKSLASH;
          b[p++] = c === BACKSLASH ? BACKSLASH : c === 9 ? 0x74 : c === 10 ? 0x6e : 0x72; // \\ \t \n \r
        } else b[p++] = c;
      }
      if (i === n) {
        this.pos = p;
        return;
      }
      // Not ASCII: written again from the field's start below.
    }
    this.pos += this.buf.write(copyText(s), this.pos);
  }

  /** An instant as copyInstant gives it (`\N`, or `Date#toISOString`; an invalid date throws its RangeError). */
  instant(d: Date | null): void {
    if (d === null) {
      this.ascii('\\N');
      return;
    }
    const ms = d.getTime();
    if (!(ms >= FIRST_4_DIGIT_MS && ms <= LAST_4_DIGIT_MS)) {
      this.ascii(d.toISOString());
      return;
    }
    const day = Math.floor(ms / DAY_MS);
    const dayBytes = this.dayBytes;
    if (day !== this.lastDay) {
      const { year, month, dom } = civilFromDays(day);
      digits(dayBytes, 0, year, 4);
      dayBytes[4] = 0x2d; // -
      digits(dayBytes, 5, month, 2);
      dayBytes[7] = 0x2d;
      digits(dayBytes, 8, dom, 2);
      this.lastDay = day;
    }
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < 10; i++) b[p++] = dayBytes[i]!;
    let rest = ms - day * DAY_MS;
    const milli = rest % 1000;
    rest = (rest - milli) / 1000;
    const second = rest % 60;
    rest = (rest - second) / 60;
    const minute = rest % 60;
    const hour = (rest - minute) / 60;
    b[p] = 0x54; // T
    digits(b, p + 1, hour, 2);
    b[p + 3] = 0x3a; // :
    digits(b, p + 4, minute, 2);
    b[p + 6] = 0x3a;
    digits(b, p + 7, second, 2);
    b[p + 9] = 0x2e; // .
    digits(b, p + 10, milli, 3);
    b[p + 13] = 0x5a; // Z
    this.pos = p + 14;
  }

  /** A number as copyNumber gives it. */
  number(n: number | null): void {
    this.ascii(copyNumber(n));
  }

  /** A boolean as copyBoolean gives it. */
  boolean(v: boolean | null): void {
    this.ascii(copyBoolean(v));
  }
}

/** `value` (0 ≤ value < 10^width) in decimal, zero-padded to `width` digits, at `at`. */
function digits(b: Uint8Array, at: number, value: number, width: number): void {
  for (let i = width - 1; i >= 0; i--) {
    b[at + i] = ZERO + (value % 10);
    value = Math.floor(value / 10);
  }
}
