// The byte-level fast path of `shoreline staff`: interval lines read straight from the input bytes,
// staffing lines written straight into an output buffer, with no per-field strings.
//
// The fast reader accepts only the plain form of every cell (ASCII digits with at most one point,
// `YYYY-MM-DDTHH:mm`, no quotes anywhere in the line) and returns exactly what RowParser returns for
// it; anything else (spaces, signs, exponents, quotes, bad values) is handed back to the caller, which
// passes the line to RowParser: so every row is accepted, rejected and reported exactly as before.

import type { StaffingRow } from '../row-planner.js';
import { type ColumnIndex, type NumericSpec, numericSpecs, RowBuilder } from './staff-csv.js';

/** Significant digits read exactly as an integer (10^15 < 2^53); longer numbers take the general path. */
const MAX_DIGITS = 15;
const POW10 = Array.from({ length: MAX_DIGITS + 1 }, (_, k) => 10 ** k);
const COMMA = 44;
const POINT = 46;
const ZERO = 48;

/** What a field of the line holds, by position; fields after the last known one are never read. */
const IGNORED = -2;
const START = -1;
/** Rows whose tail differs from the previous row's before the tail is looked for one field later. */
const TAIL_MISSES = 16;

/**
 * Reads plain interval lines from bytes; `parse` returns undefined for anything else.
 *
 * Most files repeat their targets on every row (`…,15,20,0.8,0.3,0.85`): the parser learns from
 * which field on lines tend to end like the line before, and when a line's text from that field on
 * is the previous row's, reuses that row's values instead of reading the digits again (one native
 * string comparison instead of a loop over the bytes).
 */
export class ByteRowParser {
  private readonly values: Float64Array;
  /** kinds[field]: IGNORED, START, or the index k of the numeric spec read from that field. */
  private readonly kinds: Int32Array;
  /** Bounds per numeric spec k, flattened so the per-cell check reads no objects. */
  private readonly low: Float64Array;
  private readonly high: Float64Array;
  /** Bit 1: low inclusive, 2: high inclusive, 4: whole number, 8: optional. */
  private readonly flags: Int32Array;
  private readonly startField: number;
  private readonly volumeField: number;
  private readonly rows = new RowBuilder();
  /** The field the shared tail starts at, the previous row's text from there, and misses so far. */
  private tailField = 1;
  private tailText: string | undefined;
  private tailMisses = 0;
  /** Start and volume cells relative to the tail, when they are part of it. */
  private tailStartOffset = 0;
  private tailVolumeOffset = 0;
  /** `YYYY-MM-DDT` of the previous row, already checked. */
  private lastDate = '';
  private lastStart = '';
  /** Where the last parsed row's start and volume cells sit, and whether the volume text is String(volume). */
  startFrom = 0;
  volumeFrom = 0;
  volumeTo = 0;
  volumeCanonical = false;

  constructor(index: ColumnIndex) {
    const specs: readonly NumericSpec[] = numericSpecs(index);
    const fields = Math.max(index.interval_start, ...specs.map((s) => s.at)) + 1;
    this.kinds = new Int32Array(fields).fill(IGNORED);
    this.kinds[index.interval_start] = START;
    this.startField = index.interval_start;
    this.volumeField = index.volume;
    this.values = new Float64Array(specs.length).fill(Number.NaN);
    this.low = new Float64Array(specs.length);
    this.high = new Float64Array(specs.length);
    this.flags = new Int32Array(specs.length);
    specs.forEach((spec, k) => {
      if (spec.at >= 0) this.kinds[spec.at] = k;
      this.low[k] = spec.low;
      this.high[k] = spec.high;
      this.flags[k] =
        (spec.lowInclusive ? 1 : 0) |
        (spec.highInclusive ? 2 : 0) |
        (spec.rule.integer ? 4 : 0) |
        (spec.optional ? 8 : 0);
    });
  }

  /**
   * The row of line bytes [from, to) (no line break, no quote: the caller checks), or undefined:
   * then use RowParser on the text. `text` holds the same bytes as Latin-1 characters.
   */
  parse(bytes: Uint8Array, from: number, to: number, text: string): StaffingRow | undefined {
    const row = this.read(bytes, from, to, text);
    if (!row) this.tailText = undefined; // values[] may be half overwritten: no reuse next line
    return row;
  }

  private read(bytes: Uint8Array, from: number, to: number, text: string): StaffingRow | undefined {
    const kinds = this.kinds;
    const values = this.values;
    const fields = kinds.length;
    let start = '';
    let i = from;
    let field = 0;
    let tailFrom = -1;
    let reused = false;
    for (; field < fields; field++) {
      if (field === this.tailField) {
        const tail = this.tailText;
        if (tail !== undefined && to - i === tail.length && text.startsWith(tail, i)) {
          // The rest of the line is the previous row's: so are its values (still in values[]).
          if (this.startField >= field) {
            start = this.lastStart;
            this.startFrom = i + this.tailStartOffset;
          }
          if (this.volumeField >= field) {
            const length = this.volumeTo - this.volumeFrom;
            this.volumeFrom = i + this.tailVolumeOffset;
            this.volumeTo = this.volumeFrom + length;
          }
          reused = true;
          break;
        }
        if (tail !== undefined && ++this.tailMisses > TAIL_MISSES) {
          // This field keeps changing: look for the shared tail from the next one on.
          this.tailField++;
          this.tailMisses = 0;
          this.tailText = undefined;
        } else tailFrom = i;
      }
      const kind = kinds[field]!;
      const cellFrom = i;
      if (kind === IGNORED) {
        while (i < to && bytes[i] !== COMMA) i++;
      } else if (kind === START) {
        i += 16;
        if (i > to || (i < to && bytes[i] !== COMMA)) return undefined;
        if (!text.startsWith(this.lastDate, cellFrom) || this.lastDate === '') {
          if (!isPlainDate(bytes, cellFrom)) return undefined;
          this.lastDate = text.slice(cellFrom, cellFrom + 11);
        }
        const hour = (bytes[cellFrom + 11]! - ZERO) * 10 + (bytes[cellFrom + 12]! - ZERO);
        const m1 = bytes[cellFrom + 14]! - ZERO;
        const m2 = bytes[cellFrom + 15]! - ZERO;
        const h2 = bytes[cellFrom + 12]! - ZERO;
        if (
          !(hour >= 0 && hour <= 23 && h2 >= 0 && h2 <= 9) ||
          bytes[cellFrom + 13] !== 58 ||
          !(m1 >= 0 && m1 <= 5 && m2 >= 0 && m2 <= 9)
        )
          return undefined;
        start = text.slice(cellFrom, i);
        this.startFrom = cellFrom;
      } else {
        // Digits with at most one point: m / 10^k with m < 2^53 and k ≤ 22 is one correctly rounded
        // division of exact operands, so it equals Number(text) bit for bit.
        let mantissa = 0;
        let digits = 0;
        let decimals = -1;
        for (; i < to; i++) {
          const d = bytes[i]! - ZERO;
          if (d >= 0 && d <= 9) {
            mantissa = mantissa * 10 + d;
            digits++;
            if (decimals >= 0) decimals++;
          } else if (d === POINT - ZERO && decimals < 0) decimals = 0;
          else if (d === COMMA - ZERO) break;
          else return undefined;
        }
        const flags = this.flags[kind]!;
        if (digits === 0) {
          if (i > cellFrom || (flags & 8) === 0) return undefined; // "." or a required cell empty
          values[kind] = Number.NaN;
        } else {
          if (digits > MAX_DIGITS) return undefined;
          const value = decimals > 0 ? mantissa / POW10[decimals]! : mantissa;
          const low = this.low[kind]!;
          const high = this.high[kind]!;
          if (
            !((flags & 1) !== 0 ? value >= low : value > low) ||
            !((flags & 2) !== 0 ? value <= high : value < high) ||
            ((flags & 4) !== 0 && value !== Math.floor(value))
          )
            return undefined;
          values[kind] = value;
          if (kind === 0) {
            this.volumeFrom = cellFrom;
            this.volumeTo = i;
            this.volumeCanonical = isCanonical(bytes, cellFrom, i, decimals);
          }
        }
      }
      if (i >= to) break;
      i++; // the comma
    }
    if (!reused) {
      // Fields missing at the end of the line: fine only for optional columns (then empty).
      for (field++; field < fields; field++) {
        const kind = kinds[field]!;
        if (kind === START || (kind >= 0 && (this.flags[kind]! & 8) === 0)) return undefined;
        if (kind >= 0) values[kind] = Number.NaN;
      }
    }
    const intervalMin = values[2]!;
    if (intervalMin !== 15 && intervalMin !== 30 && intervalMin !== 60) return undefined;
    if (!Number.isNaN(values[9]!) && Number.isNaN(values[7]!)) return undefined; // max_abandon needs patience
    if (!reused) {
      this.tailText = tailFrom >= 0 ? text.slice(tailFrom, to) : undefined;
      this.tailStartOffset = this.startFrom - tailFrom;
      this.tailVolumeOffset = this.volumeFrom - tailFrom;
    }
    this.lastStart = start;
    return this.rows.build(start, values);
  }
}

/** `YYYY-MM-DDT` with the ranges RowParser's START pattern allows. */
function isPlainDate(b: Uint8Array, i: number): boolean {
  for (const k of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const d = b[i + k]! - ZERO;
    if (!(d >= 0 && d <= 9)) return false;
  }
  const month = (b[i + 5]! - ZERO) * 10 + (b[i + 6]! - ZERO);
  const day = (b[i + 8]! - ZERO) * 10 + (b[i + 9]! - ZERO);
  return (
    b[i + 4] === 45 &&
    b[i + 7] === 45 &&
    b[i + 10] === 84 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31
  );
}

/**
 * Whether the digits [from, to) are what String() prints for their value: no leading zero before
 * another integer digit, no point without a following non-zero last decimal, and (below 1) fewer than
 * six zeros after the point (String switches to 1e-7 there). A decimal of at most 15 significant
 * digits is the shortest text of its double, so these are the only differences.
 */
function isCanonical(b: Uint8Array, from: number, to: number, decimals: number): boolean {
  const intTo = decimals < 0 ? to : to - decimals - 1;
  if (intTo === from) return false; // ".5"
  if (b[from] === ZERO && intTo - from > 1) return false; // "05"
  if (decimals < 0) return true;
  if (decimals === 0 || b[to - 1] === ZERO) return false; // "5." or "5.50"
  if (intTo - from === 1 && b[from] === ZERO) {
    let zeros = 0;
    while (b[intTo + 1 + zeros] === ZERO) zeros++;
    if (zeros >= 6) return false;
  }
  return true;
}

/**
 * `value` (≥ 0) rounded to `digits` decimals, trailing zeros kept: the integer round(value·10^digits)
 * with a point inserted. The text putDecimal writes for the same value.
 */
export function decimalText(value: number | null, scale: number, digits: number): string {
  if (value === null) return '';
  const n = Math.round(value * scale);
  const whole = Math.floor(n / scale);
  const fraction = n - whole * scale;
  if (fraction === 0) return String(whole);
  const text = String(fraction);
  return `${whole}.${text.length < digits ? '0'.repeat(digits - text.length) + text : text}`;
}

/** "00" to "99" as byte pairs. */
const PAIRS = Uint8Array.from(
  { length: 200 },
  (_, i) => ZERO + (i % 2 === 0 ? Math.floor(i / 20) : (i >> 1) % 10),
);

/** The longest line a row can produce (numbers that go through String included), bytes. */
export const MAX_LINE_BYTES = 512;

/** Writes `text` (ASCII) at `at`; returns the end. */
export function putAscii(b: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) b[at++] = text.charCodeAt(i);
  return at;
}

/** Writes the whole number n as String(n) prints it; returns the end. */
export function putInteger(b: Uint8Array, at: number, n: number): number {
  if (!(n >= 0 && n <= 0x7fffffff && n === Math.floor(n))) return putAscii(b, at, String(n));
  if (n < 10) {
    b[at] = ZERO + n;
    return at + 1;
  }
  const width =
    n < 100
      ? 2
      : n < 1e3
        ? 3
        : n < 1e4
          ? 4
          : n < 1e5
            ? 5
            : n < 1e6
              ? 6
              : n < 1e7
                ? 7
                : n < 1e8
                  ? 8
                  : n < 1e9
                    ? 9
                    : 10;
  const end = at + width;
  let p = end;
  let rest = n;
  while (rest >= 100) {
    const q = (rest / 100) | 0;
    const r = (rest - q * 100) * 2;
    b[--p] = PAIRS[r + 1]!;
    b[--p] = PAIRS[r]!;
    rest = q;
  }
  if (rest >= 10) {
    b[--p] = PAIRS[rest * 2 + 1]!;
    b[--p] = PAIRS[rest * 2]!;
  } else b[--p] = ZERO + rest;
  return end;
}

/** Writes decimalText(value, scale, digits) (`scale` = 10^digits) without building it; returns the end. */
export function putDecimal(b: Uint8Array, at: number, value: number | null, scale: number, digits: number) {
  if (value === null) return at;
  const n = Math.round(value * scale);
  if (!(n >= 0 && n <= 0x7fffffff)) return putAscii(b, at, decimalText(value, scale, digits));
  const whole = Math.floor(n / scale);
  const fraction = n - whole * scale;
  at = putInteger(b, at, whole);
  if (fraction === 0) return at;
  b[at] = POINT;
  const end = at + 1 + digits;
  let p = end;
  let rest = fraction;
  for (let d = digits; d >= 2; d -= 2) {
    const q = (rest / 100) | 0;
    const r = (rest - q * 100) * 2;
    b[--p] = PAIRS[r + 1]!;
    b[--p] = PAIRS[r]!;
    rest = q;
  }
  if (p > at + 1) b[--p] = ZERO + rest;
  return end;
}

/** Output bytes accumulated in one large buffer; the owner flushes when `full`. */
export class ByteWriter {
  bytes: Uint8Array;
  length = 0;
  private readonly limit: number;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity + MAX_LINE_BYTES);
    this.limit = capacity;
  }

  get full(): boolean {
    return this.length >= this.limit;
  }

  /** Makes room for `count` more bytes (lines normally fit in the slack kept past `capacity`). */
  reserve(count: number): void {
    if (this.length + count <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + count));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  ascii(text: string): void {
    this.reserve(text.length);
    this.length = putAscii(this.bytes, this.length, text);
  }
}
