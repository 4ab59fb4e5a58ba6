import {
  DICTIONARY_COLUMNS,
  type DictionaryColumn,
  DURATION_COLUMNS,
  type DurationColumn,
  NULL_BOOL,
  type TicketColumns,
} from '@shoreline/core';
import { PG_EPOCH_MS } from '../../../platform/db/binary-copy-format.js';
import { readBinaryCopy } from '../../../platform/db/binary-copy-reader.js';
import { databaseOf } from '../../../platform/db/connect.js';
import { copyOutBinary } from '../../../platform/db/copy-out.js';
import type { ScopedDb } from '../../../platform/scope.js';
import { sameNames } from '../kpi-query.js';

const DICTIONARY_SQL: Record<DictionaryColumn, string> = {
  provider: 'provider_id',
  team: 'team_id',
  ...sameNames,
  supportLine: 'support_line',
};

const DURATION_SQL: Record<DurationColumn, string> = {
  firstResponse: 'first_response_seconds',
  firstResponseBusiness: 'first_response_business_seconds',
  resolution: 'resolution_seconds',
  resolutionBusiness: 'resolution_business_seconds',
  callHandle: 'call_handle_seconds',
};

/**
 * When a ticket left the backlog (TicketColumns.closedMicros): solved_at, else for an abandoned
 * call the end of its wait (created_at when the wait is unknown). Used by both KPI engines.
 */
export const CLOSED_AT_SQL = `coalesce(solved_at, case when abandoned then created_at + coalesce(call_wait_seconds, 0) * interval '1 second' end)`;

// Field order of the COPY: the row handler below reads them by these positions.
const SELECT_LIST = [
  'created_at',
  'solved_at',
  CLOSED_AT_SQL,
  ...DICTIONARY_COLUMNS.map((c) => DICTIONARY_SQL[c]),
  ...DURATION_COLUMNS.map((c) => DURATION_SQL[c]),
  'reopen_count',
  'handoff_count',
  'sla_breached',
  'abandoned',
  'csat_normalised',
  // Null for the (usual) ticket without flags: nothing to decode.
  'case when cardinality(quality_flags) = 0 then null else quality_flags end',
];
const F_DICT = 3;
const F_DURATION = F_DICT + DICTIONARY_COLUMNS.length;
const F_REOPEN = F_DURATION + DURATION_COLUMNS.length;

/** Binary timestamptz counts microseconds from PG_EPOCH_MS. */
const PG_EPOCH_MICROS = PG_EPOCH_MS * 1000;

/**
 * Text values to dictionary codes without decoding each one: the bytes are hashed (FNV-1a) and compared
 * with the value stored under that hash; only a new value is decoded. A hash shared by two values sends
 * the second to a map keyed by its bytes as latin1 text.
 */
class ByteDictionary {
  readonly values: string[] = [];
  private readonly bytes: Uint8Array[] = [];
  private readonly byHash = new Map<number, number>();
  private readonly collided = new Map<string, number>();

  code(buf: Buffer, start: number, length: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < start + length; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
    const c = this.byHash.get(h);
    if (c !== undefined && this.same(c, buf, start, length)) return c;
    const key = buf.toString('latin1', start, start + length);
    const other = this.collided.get(key);
    if (other !== undefined) return other;
    const code = this.values.length;
    this.values.push(buf.toString('utf8', start, start + length));
    this.bytes.push(Uint8Array.prototype.slice.call(buf, start, start + length));
    if (c === undefined) this.byHash.set(h, code);
    else this.collided.set(key, code);
    return code;
  }

  private same(code: number, buf: Buffer, start: number, length: number): boolean {
    const b = this.bytes[code]!;
    if (b.length !== length) return false;
    for (let i = 0; i < length; i++) if (b[i] !== buf[start + i]) return false;
    return true;
  }
}

/** Typed arrays that grow by doubling; `sized` trims them to the rows read. */
class Builder {
  n = 0;
  private capacity: number;
  created: Float64Array;
  solved: Float64Array;
  closed: Float64Array;
  codes: Int32Array[];
  durations: Float64Array[];
  reopen: Int32Array;
  handoff: Int32Array;
  sla: Int8Array;
  abandoned: Int8Array;
  csat: Float64Array;
  mask: Uint32Array;

  constructor(capacity: number) {
    this.capacity = Math.max(1024, capacity);
    const c = this.capacity;
    this.created = new Float64Array(c);
    this.solved = new Float64Array(c);
    this.closed = new Float64Array(c);
    this.codes = DICTIONARY_COLUMNS.map(() => new Int32Array(c));
    this.durations = DURATION_COLUMNS.map(() => new Float64Array(c));
    this.reopen = new Int32Array(c);
    this.handoff = new Int32Array(c);
    this.sla = new Int8Array(c);
    this.abandoned = new Int8Array(c);
    this.csat = new Float64Array(c);
    this.mask = new Uint32Array(c);
  }

  ensureRoom(): void {
    if (this.n < this.capacity) return;
    this.capacity *= 2;
    const grow = <T extends Float64Array | Int32Array | Int8Array | Uint32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(this.capacity);
      b.set(a);
      return b;
    };
    this.created = grow(this.created);
    this.solved = grow(this.solved);
    this.closed = grow(this.closed);
    this.codes = this.codes.map(grow);
    this.durations = this.durations.map(grow);
    this.reopen = grow(this.reopen);
    this.handoff = grow(this.handoff);
    this.sla = grow(this.sla);
    this.abandoned = grow(this.abandoned);
    this.csat = grow(this.csat);
    this.mask = grow(this.mask);
  }
}

function sized<T extends Float64Array | Int32Array | Int8Array | Uint32Array>(a: T, n: number): T {
  return a.length === n ? a : (a.slice(0, n) as T);
}

/**
 * Reads every ticket the scope can see into columns with one binary COPY (≈ 1 s for a million tickets
 * on PostgreSQL, where a row-by-row result or JSON aggregates took ten). The scope's condition is
 * ScopedDb's own, inlined, so vendor staff's columns hold only their provider's tickets.
 */
export async function loadTicketColumns(scoped: ScopedDb): Promise<TicketColumns> {
  const database = databaseOf(scoped.database);
  if (!database)
    throw new Error('KPI columns: the scope was not opened with openDatabase (no native client for COPY)');
  const where = scoped.conditionText('tickets');
  // A size hint only: rows committed between the two statements just grow the arrays.
  const hint = await scoped
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const b = new Builder(Number(hint.n));
  const dictionaries = DICTIONARY_COLUMNS.map(() => new ByteDictionary());
  const flags = new ByteDictionary();
  const select = `select ${SELECT_LIST.join(', ')} from tickets where ${where}`;
  await readBinaryCopy(copyOutBinary(database, select), SELECT_LIST.length, (buf, dv, start, length) => {
    b.ensureRoom();
    const i = b.n++;
    b.created[i] = micros(dv, start[0]!, length[0]!);
    b.solved[i] = micros(dv, start[1]!, length[1]!);
    b.closed[i] = micros(dv, start[2]!, length[2]!);
    for (let d = 0; d < DICTIONARY_COLUMNS.length; d++) {
      const f = F_DICT + d;
      b.codes[d]![i] = length[f]! < 0 ? -1 : dictionaries[d]!.code(buf, start[f]!, length[f]!);
    }
    for (let d = 0; d < DURATION_COLUMNS.length; d++) {
      const f = F_DURATION + d;
      b.durations[d]![i] = length[f]! < 0 ? Number.NaN : dv.getInt32(start[f]!);
    }
    b.reopen[i] = dv.getInt32(start[F_REOPEN]!);
    b.handoff[i] = dv.getInt32(start[F_REOPEN + 1]!);
    b.sla[i] = length[F_REOPEN + 2]! < 0 ? NULL_BOOL : buf[start[F_REOPEN + 2]!]!;
    b.abandoned[i] = length[F_REOPEN + 3]! < 0 ? NULL_BOOL : buf[start[F_REOPEN + 3]!]!;
    b.csat[i] = length[F_REOPEN + 4]! < 0 ? Number.NaN : dv.getFloat64(start[F_REOPEN + 4]!);
    const fl = F_REOPEN + 5;
    b.mask[i] = length[fl]! < 0 ? 0 : flagMask(buf, dv, start[fl]!, flags);
  });
  const n = b.n;
  const codes = {} as Record<DictionaryColumn, Int32Array>;
  const dictionaryValues = {} as Record<DictionaryColumn, readonly string[]>;
  DICTIONARY_COLUMNS.forEach((c, d) => {
    codes[c] = sized(b.codes[d]!, n);
    dictionaryValues[c] = dictionaries[d]!.values;
  });
  const durations = {} as Record<DurationColumn, Float64Array>;
  DURATION_COLUMNS.forEach((c, d) => {
    durations[c] = sized(b.durations[d]!, n);
  });
  if (flags.values.length > 32) throw new Error('KPI columns: more than 32 distinct data-quality flags');
  return {
    length: n,
    createdMicros: sized(b.created, n),
    solvedMicros: sized(b.solved, n),
    closedMicros: sized(b.closed, n),
    codes,
    dictionaries: dictionaryValues,
    durations,
    reopenCount: sized(b.reopen, n),
    handoffCount: sized(b.handoff, n),
    slaBreached: sized(b.sla, n),
    abandoned: sized(b.abandoned, n),
    csat: sized(b.csat, n),
    qualityMask: sized(b.mask, n),
    qualityFlagNames: flags.values,
  };
}

/** A binary timestamptz as microseconds since the Unix epoch (exact: |µs| < 2^53 until year 2255). */
function micros(dv: DataView, start: number, length: number): number {
  if (length < 0) return Number.NaN;
  return dv.getInt32(start) * 4_294_967_296 + dv.getUint32(start + 4) + PG_EPOCH_MICROS;
}

/**
 * Bits of a binary text[] (header: dimensions, has-nulls, element type, then size and lower bound per
 * dimension; then each element's length and bytes), one bit per distinct flag name.
 */
function flagMask(buf: Buffer, dv: DataView, start: number, flags: ByteDictionary): number {
  const dims = dv.getInt32(start);
  if (dims === 0) return 0;
  const count = dv.getInt32(start + 12);
  let p = start + 12 + dims * 8;
  let mask = 0;
  for (let e = 0; e < count; e++) {
    const len = dv.getInt32(p);
    p += 4;
    if (len < 0) continue;
    const bit = flags.code(buf, p, len);
    if (bit < 32) mask |= 1 << bit;
    p += len;
  }
  return mask >>> 0;
}
