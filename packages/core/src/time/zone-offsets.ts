/**
 * UTC offsets of IANA zones, memoised: the lookup behind local-time columns (insight/local-time-columns.ts),
 * and behind wall-clock → UTC conversion where it runs once per imported value (zonedToUtcMemo).
 *
 * Offsets are memoised per UTC hour, per zone, in a module-level LRU of 64 zones: each hour keeps
 * the offset at its start and, when the offset at the next hour's start differs, the transition
 * instant found by bisection to the second (tz transitions fall on whole seconds), so zones that
 * change at non-hour instants (America/St_Johns, Asia/Kathmandu, Australia/Lord_Howe's 30-minute
 * DST, Pacific/Chatham) are exact. Assumes at most one offset change per UTC hour, which holds for
 * every IANA zone. Where nothing around an hour is known yet, its whole day-long block is settled
 * by two probes when the offsets at the block's ends agree (BLOCK_HOURS). Instants before 1800 use the offset at 1800-01-01 (local mean time: no IANA zone
 * in ICU changes offset before then, and `offsetAt` cannot probe years below 100).
 */
import { assertTimeZone, instantOfWallTime, offsetAt, type WallClock, zonedToUtc } from './zoned-time.js';

export const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
export const CHUNK_BITS = 10;
/** Hours per memo chunk (≈ 43 days). */
export const CHUNK_HOURS = 1 << CHUNK_BITS;
/**
 * Hours settled by two probes when the offsets at both ends agree. Assumes no two transitions of a
 * zone within a day that cancel out (none in the IANA data; instantOfWallTime assumes them at least
 * two days apart too).
 */
const BLOCK_HOURS = 24;
/** Chunks kept per zone (≈ 30 years); the oldest-filled chunk is dropped beyond that. */
const MAX_CHUNKS_PER_ZONE = 256;
/** Zones kept in the module-level memo. */
const MAX_ZONES = 64;
/** 1800-01-01T00:00Z: before it every zone is on its constant local mean time. */
const EARLY_MS = -5_364_662_400_000;
/** Instants whose UTC hour index leaves int32 (about ±245,000 years) are refused; Date stops at ±275,760 anyway. */
const MAX_ABS_MS = 2 ** 31 * HOUR_MS - 2 * DAY_MS;

// A memo cell: 0 = not yet computed; otherwise (offset seconds << 2) | 2, with bit 0 set when the
// offset changes inside that UTC hour (the chunk's `transitions` then holds the split).
const UNSET = 0;
const TRANSITION_BIT = 1;

interface Transition {
  /** ms after the hour's start from which `afterMs` applies. */
  readonly splitMs: number;
  readonly afterMs: number;
}

/** CHUNK_HOURS consecutive UTC hours of one zone; self-contained, so eviction never strands a cell. */
export interface Chunk {
  readonly firstHour: number;
  readonly cells: Int32Array;
  readonly transitions: Map<number, Transition>;
}

function encode(offsetMs: number, transition: boolean): number {
  return ((offsetMs / 1000) << 2) | 2 | (transition ? TRANSITION_BIT : 0);
}

export class ZoneMemo {
  private readonly chunks = new Map<number, Chunk>();
  readonly utc: boolean;

  constructor(readonly timeZone: string) {
    assertTimeZone(timeZone);
    this.utc = new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone === 'UTC';
  }

  /** The chunk holding UTC hours [index·CHUNK_HOURS, (index+1)·CHUNK_HOURS). */
  chunk(index: number): Chunk {
    let c = this.chunks.get(index);
    if (!c) {
      if (this.chunks.size >= MAX_CHUNKS_PER_ZONE)
        this.chunks.delete(this.chunks.keys().next().value as number);
      c = { firstHour: index * CHUNK_HOURS, cells: new Int32Array(CHUNK_HOURS), transitions: new Map() };
      this.chunks.set(index, c);
    }
    return c;
  }

  /** Offset (ms) in force at `ms` (an integer), which lies in chunk `c`. */
  offsetIn(c: Chunk, ms: number): number {
    const hour = Math.floor(ms / HOUR_MS);
    const i = hour - c.firstHour;
    let v = c.cells[i]!;
    if (v === UNSET) v = this.fill(c, i);
    if (!(v & TRANSITION_BIT)) return (v >> 2) * 1000;
    const t = c.transitions.get(i)!;
    return ms - hour * HOUR_MS < t.splitMs ? (v >> 2) * 1000 : t.afterMs;
  }

  /** Computes cell `i` of `c`: the offsets at the hour's start and end, and the transition between them. */
  fill(c: Chunk, i: number): number {
    const start = (c.firstHour + i) * HOUR_MS;
    // A neighbour already known saves a probe: the previous hour's end offset is this hour's start's.
    const before = i > 0 ? c.cells[i - 1]! : UNSET;
    const after = i < CHUNK_HOURS - 1 ? c.cells[i + 1]! : UNSET;
    if (before === UNSET && after === UNSET) {
      // Nothing known around: two probes settle the whole day-long block when its ends agree (a
      // file spanning years asked two ICU probes per hour it touched: most of an import's date cost).
      const from = i - (i % BLOCK_HOURS);
      const to = Math.min(from + BLOCK_HOURS, CHUNK_HOURS);
      const a = this.probe((c.firstHour + from) * HOUR_MS);
      if (a === this.probe((c.firstHour + to) * HOUR_MS)) {
        const v = encode(a, false);
        for (let k = from; k < to; k++) if (c.cells[k] === UNSET) c.cells[k] = v;
        return v;
      }
    }
    const a =
      before === UNSET
        ? this.probe(start)
        : before & TRANSITION_BIT
          ? c.transitions.get(i - 1)!.afterMs
          : (before >> 2) * 1000;
    const b = after === UNSET ? this.probe(start + HOUR_MS) : (after >> 2) * 1000;
    let v: number;
    if (a === b) {
      v = encode(a, false);
    } else {
      // Bisection on whole seconds (tz transitions fall on them): probe(lo) = a, probe(hi) ≠ a.
      let lo = start;
      let hi = start + HOUR_MS;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (this.probe(mid) === a) lo = mid;
        else hi = mid;
      }
      c.transitions.set(i, { splitMs: hi - start, afterMs: b });
      v = encode(a, true);
    }
    c.cells[i] = v;
    return v;
  }

  private probe(ms: number): number {
    return offsetAt(ms < EARLY_MS ? EARLY_MS : ms, this.timeZone);
  }
}

const memos = new Map<string, ZoneMemo>();

/** The shared memo for `timeZone`, most recently used last (Map order); the least recent is evicted past MAX_ZONES. */
export function memoFor(timeZone: string): ZoneMemo {
  let m = memos.get(timeZone);
  if (m) {
    memos.delete(timeZone);
  } else {
    m = new ZoneMemo(timeZone);
    if (memos.size >= MAX_ZONES) memos.delete(memos.keys().next().value as string);
  }
  memos.set(timeZone, m);
  return m;
}

/** Memo chunk index of an integer ms instant (two exact floors; one division could round across a boundary). */
export function chunkOf(ms: number): number {
  return Math.floor(Math.floor(ms / HOUR_MS) / CHUNK_HOURS);
}

export function checkRange(ms: number): void {
  if (!(Math.abs(ms) <= MAX_ABS_MS)) throw new RangeError(`local time: instant ${ms} ms is out of range`);
}

/**
 * UTC offset lookup for one IANA zone, memoised per UTC hour in a module-level cache shared by every
 * instance for the same zone (transitions inside an hour found by bisection to the second).
 * Offsets are ICU's (`Intl`), east positive; see the module comment for the range and assumptions.
 *
 * @throws RangeError for an unknown time zone, or an instant outside ±245,000 years.
 * @example new ZoneOffsets('Asia/Kathmandu').offsetMs(Date.UTC(2024, 0, 1)) // 20_700_000 (+05:45)
 */
export class ZoneOffsets {
  private readonly memo: ZoneMemo;

  constructor(timeZone: string) {
    this.memo = memoFor(timeZone);
  }

  /** local − UTC in ms at instant utcMs (fractional ms are floored). */
  offsetMs(utcMs: number): number {
    if (this.memo.utc) return 0;
    const ms = Math.floor(utcMs);
    checkRange(ms);
    return this.memo.offsetIn(this.memo.chunk(chunkOf(ms)), ms);
  }
}

/**
 * The UTC instant (ms) at which `timeZone`'s clocks read the wall time `w`: zonedToUtc's answer (same
 * two-pass fixed point, same DST gap and overlap rules) with the offsets looked up in the memo
 * instead of asked of ICU, for code that converts one value per imported row (date columns in a
 * zone, business-hours windows). Wall times before 1800 go to zonedToUtc itself (the memo's offsets
 * stop there). Costs a Map lookup and an array read where zonedToUtc costs two `formatToParts`.
 * @example zonedToUtcMemo({ year: 2024, month: 3, day: 31, hour: 2, minute: 30, second: 0 }, 'Europe/Riga') // Date.UTC(2024, 2, 31, 1, 30): in the gap, one offset later
 */
export function zonedToUtcMemo(w: WallClock, timeZone: string): number {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  if (!(naive >= EARLY_MS + 2 * DAY_MS && naive <= MAX_ABS_MS - 2 * DAY_MS)) return zonedToUtc(w, timeZone);
  const offsets = offsetsOf(timeZone);
  return instantOfWallTime(naive, (ms) => offsets.offsetMs(ms));
}

/**
 * offsetAt(ms, timeZone) looked up in the memo (integer instants from 1800 to ±245,000 years; others
 * are asked of ICU as before).
 * @example offsetAtMemo(Date.UTC(2024, 6, 1), 'Europe/Riga') // 10_800_000 (+03:00)
 */
export function offsetAtMemo(ms: number, timeZone: string): number {
  if (!(Number.isInteger(ms) && ms >= EARLY_MS && ms <= MAX_ABS_MS)) return offsetAt(ms, timeZone);
  return offsetsOf(timeZone).offsetMs(ms);
}

let lastZone: string | null = null;
let lastOffsets: ZoneOffsets | null = null;

/** The zone's offsets, kept for the next call: imports convert thousands of values in one zone in a row. */
function offsetsOf(timeZone: string): ZoneOffsets {
  if (lastZone !== timeZone || lastOffsets === null) {
    lastOffsets = new ZoneOffsets(timeZone);
    lastZone = timeZone;
  }
  return lastOffsets;
}
