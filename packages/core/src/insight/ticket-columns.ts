/**
 * Tickets as columns: one typed array per measure, one small dictionary per categorical field. This
 * is the shape the in-memory KPI engine (kpi-aggregate.ts) scans: a million tickets take ≈ 90 bytes
 * each, and a filter or a grouping touches only the columns it names.
 */

/** Categorical fields, stored as indexes into a per-column dictionary (−1 = null). */
export const DICTIONARY_COLUMNS = [
  'provider',
  'team',
  'channel',
  'priority',
  'topic',
  'language',
  'status',
  'source',
  'supportLine',
] as const;
export type DictionaryColumn = (typeof DICTIONARY_COLUMNS)[number];

/** Durations in whole seconds (NaN = null); only values ≥ 0 are measured (negatives are defects). */
export const DURATION_COLUMNS = [
  'firstResponse',
  'firstResponseBusiness',
  'resolution',
  'resolutionBusiness',
  'callHandle',
] as const;
export type DurationColumn = (typeof DURATION_COLUMNS)[number];

/** Three-valued booleans: NULL_BOOL, 0 (false) or 1 (true). */
export const NULL_BOOL = -1;

export interface TicketColumns {
  readonly length: number;
  /** Microseconds since the Unix epoch (exact in a double up to year 2255); NaN = null. */
  readonly createdMicros: Float64Array;
  readonly solvedMicros: Float64Array;
  /**
   * When the ticket stopped counting in the backlog: solved_at, else for an abandoned call (a phone
   * record the caller hung up on, which no one solves) the end of its wait, created_at +
   * call_wait_seconds (created_at when the wait is unknown); NaN = still open. The server's SQL is
   * `CLOSED_AT_SQL` (insight/kpi-sql.ts).
   */
  readonly closedMicros: Float64Array;
  readonly codes: Readonly<Record<DictionaryColumn, Int32Array>>;
  readonly dictionaries: Readonly<Record<DictionaryColumn, readonly string[]>>;
  readonly durations: Readonly<Record<DurationColumn, Float64Array>>;
  readonly reopenCount: Int32Array;
  readonly handoffCount: Int32Array;
  readonly slaBreached: Int8Array;
  readonly abandoned: Int8Array;
  /** Normalised CSAT in [0, 1]; NaN = no rating. */
  readonly csat: Float64Array;
  /** Bit i set = the ticket carries qualityFlagNames[i]. */
  readonly qualityMask: Uint32Array;
  readonly qualityFlagNames: readonly string[];
}

/** Code of `value` in a dictionary, or −2 (matches no row) when absent: a filter on it selects nothing. */
export function lookupCode(dictionary: readonly string[], value: string): number {
  const i = dictionary.indexOf(value);
  return i < 0 ? -2 : i;
}

/**
 * The columns with some durations left unmeasured (NaN) on tickets carrying any of `flags`: how
 * resolution KPIs leave out resolution times that are not the source's (UNRELIABLE_RESOLUTION_FLAGS).
 * Returns `c` itself when no ticket carries those flags; otherwise copies only the named columns.
 * @example withoutFlaggedDurations(c, ['resolution_inferred'], ['resolution']).durations.resolution
 */
export function withoutFlaggedDurations(
  c: TicketColumns,
  flags: readonly string[],
  columns: readonly DurationColumn[],
): TicketColumns {
  let bits = 0;
  for (const f of flags) {
    const i = c.qualityFlagNames.indexOf(f);
    if (i >= 0) bits |= 1 << i;
  }
  if (bits === 0) return c;
  const durations = { ...c.durations };
  for (const name of columns) {
    const copy = Float64Array.from(c.durations[name]);
    for (let r = 0; r < c.length; r++) if ((c.qualityMask[r]! & bits) !== 0) copy[r] = Number.NaN;
    durations[name] = copy;
  }
  return { ...c, durations };
}
