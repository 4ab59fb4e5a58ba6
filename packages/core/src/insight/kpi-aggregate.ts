/**
 * The KPI measures over ticket columns (ticket-columns.ts): selection by filters, grouping by one
 * dimension, and per group the same figures the SQL definition gives (docs/insight.md, "KPI
 * definitions"): counts, exact medians and p90 (percentile_cont, Hyndman & Fan 7) and means.
 */
import { quantilesInPlace } from './order-statistics.js';
import {
  type DictionaryColumn,
  DURATION_COLUMNS,
  type DurationColumn,
  lookupCode,
  type TicketColumns,
} from './ticket-columns.js';

export interface ColumnFilter {
  /** created ∈ [fromMicros, toMicros); either bound excludes tickets without a creation time. */
  readonly fromMicros?: number | undefined;
  readonly toMicros?: number | undefined;
  /** Each (column = value) must hold; a column may appear more than once (filter and scope). */
  readonly equals?: readonly { column: DictionaryColumn; value: string }[];
  /** Only rows whose provider is one of these (provider kind filters); empty = none. */
  readonly providerIn?: readonly string[] | undefined;
  readonly qualityFlag?: string | undefined;
  /** Local hour of week per row (−1 = no creation time) and the hour wanted. */
  readonly hourOfWeek?: { readonly column: Int16Array; readonly value: number } | undefined;
  readonly requireCreated?: boolean | undefined;
}

/** Indexes of the rows a filter selects, ascending. */
export function selectRows(c: TicketColumns, f: ColumnFilter): Int32Array {
  const eq = (f.equals ?? []).map(({ column, value }) => ({
    codes: c.codes[column],
    code: lookupCode(c.dictionaries[column], value),
  }));
  let providerAllowed: Uint8Array | null = null;
  if (f.providerIn) {
    providerAllowed = new Uint8Array(c.dictionaries.provider.length);
    for (const id of f.providerIn) {
      const code = lookupCode(c.dictionaries.provider, id);
      if (code >= 0) providerAllowed[code] = 1;
    }
  }
  let flagBit = 0;
  if (f.qualityFlag !== undefined) {
    const i = c.qualityFlagNames.indexOf(f.qualityFlag);
    if (i < 0) return new Int32Array(0);
    flagBit = 1 << i;
  }
  const from = f.fromMicros ?? Number.NEGATIVE_INFINITY;
  const to = f.toMicros ?? Number.POSITIVE_INFINITY;
  const timeBound = f.fromMicros !== undefined || f.toMicros !== undefined || f.requireCreated === true;
  const hours = f.hourOfWeek?.column;
  const hour = f.hourOfWeek?.value ?? -1;
  const providers = c.codes.provider;
  const created = c.createdMicros;
  const mask = c.qualityMask;
  const out = new Int32Array(c.length);
  let n = 0;
  rows: for (let r = 0; r < c.length; r++) {
    if (timeBound) {
      const t = created[r]!;
      if (!(t >= from && t < to)) continue;
    }
    for (let e = 0; e < eq.length; e++) if (eq[e]!.codes[r] !== eq[e]!.code) continue rows;
    if (providerAllowed !== null) {
      const p = providers[r]!;
      if (p < 0 || providerAllowed[p] !== 1) continue;
    }
    if (flagBit !== 0 && (mask[r]! & flagBit) === 0) continue;
    if (hours !== undefined && hours[r] !== hour) continue;
    out[n++] = r;
  }
  return out.slice(0, n);
}

/** Per selected row, its group (0 … keys.length − 1), and each group's key (null = no value). */
export interface Groups {
  readonly groupOf: Int32Array;
  readonly keys: readonly (string | null)[];
}

export type Grouping =
  | { readonly kind: 'none'; readonly key: string }
  | { readonly kind: 'column'; readonly column: DictionaryColumn }
  /** Another key derived from a column's value (e.g. the provider's kind); null value → null key. */
  | {
      readonly kind: 'derived';
      readonly column: DictionaryColumn;
      readonly keyOf: (value: string) => string | null;
    }
  /** A small non-negative integer per row (−1 = null), keyed by its decimal text (hour of week). */
  | { readonly kind: 'integer'; readonly values: Int16Array };

export function groupRows(c: TicketColumns, rows: Int32Array, g: Grouping): Groups {
  const groupOf = new Int32Array(rows.length);
  if (g.kind === 'none') return { groupOf, keys: rows.length > 0 ? [g.key] : [] };
  let source: ArrayLike<number>;
  let keyOfCode: (code: number) => string | null;
  if (g.kind === 'integer') {
    source = g.values;
    keyOfCode = (code) => (code < 0 ? null : String(code));
  } else {
    source = c.codes[g.column];
    const dict = c.dictionaries[g.column];
    keyOfCode =
      g.kind === 'column'
        ? (code) => (code < 0 ? null : dict[code]!)
        : (code) => (code < 0 ? null : g.keyOf(dict[code]!));
  }
  // Codes → dense group numbers in first-seen order; equal keys (derived groupings) share a group.
  const groupOfCode = new Map<number, number>();
  const groupOfKey = new Map<string | null, number>();
  const keys: (string | null)[] = [];
  for (let i = 0; i < rows.length; i++) {
    const code = source[rows[i]!]!;
    let group = groupOfCode.get(code);
    if (group === undefined) {
      const key = keyOfCode(code);
      group = groupOfKey.get(key);
      if (group === undefined) {
        group = keys.length;
        keys.push(key);
        groupOfKey.set(key, group);
      }
      groupOfCode.set(code, group);
    }
    groupOf[i] = group;
  }
  return { groupOf, keys };
}

export interface DurationSummary {
  count: number;
  median: number | null;
  p90: number | null;
  mean: number | null;
}

/**
 * Count, median, p90 and mean of a duration column per group, over values ≥ 0 (NaN and negatives are
 * not measured). Values are gathered group by group (a counting sort) and each group's quantiles are
 * order statistics of its slice; means are exact integer sums ÷ count.
 */
export function durationSummaries(
  values: Float64Array,
  rows: Int32Array,
  groups: Groups,
  ps: readonly [number, number] = [0.5, 0.9],
): DurationSummary[] {
  const g = groups.keys.length;
  const start = new Int32Array(g + 1);
  for (let i = 0; i < rows.length; i++) if (values[rows[i]!]! >= 0) start[groups.groupOf[i]! + 1]!++;
  for (let k = 0; k < g; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, g);
  const gathered = new Float64Array(start[g]!);
  const sums = new Float64Array(g);
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]!]!;
    if (v >= 0) {
      const k = groups.groupOf[i]!;
      gathered[fill[k]!++] = v;
      sums[k]! += v;
    }
  }
  const out: DurationSummary[] = new Array(g);
  for (let k = 0; k < g; k++) {
    const count = start[k + 1]! - start[k]!;
    const [median, p90] = quantilesInPlace(gathered, start[k]!, start[k + 1]!, ps);
    out[k] = { count, median: median ?? null, p90: p90 ?? null, mean: count > 0 ? sums[k]! / count : null };
  }
  return out;
}

/** Counts and sums per group behind every non-duration KPI. */
export interface KpiCounts {
  tickets: number;
  /** Status solved or closed now. */
  solved: number;
  /** Solved at some point: a solved time, or status solved/closed. */
  everSolved: number;
  /** Ever solved and reopened at least once. */
  reopened: number;
  handoffs: number;
  handedOff: number;
  slaMeasured: number;
  slaMet: number;
  csatResponses: number;
  csatSum: number;
  /** Ratings ≥ 0.75 on the normalised scale (top-two-box on 1–5). */
  csatSatisfied: number;
  callsMeasured: number;
  callsAbandoned: number;
  qualityFlagged: number;
}

export interface KpiAggregate extends KpiCounts {
  durations: Record<DurationColumn, DurationSummary>;
}

export function kpiCounts(c: TicketColumns, rows: Int32Array, groups: Groups): KpiCounts[] {
  const out: KpiCounts[] = groups.keys.map(() => ({
    tickets: 0,
    solved: 0,
    everSolved: 0,
    reopened: 0,
    handoffs: 0,
    handedOff: 0,
    slaMeasured: 0,
    slaMet: 0,
    csatResponses: 0,
    csatSum: 0,
    csatSatisfied: 0,
    callsMeasured: 0,
    callsAbandoned: 0,
    qualityFlagged: 0,
  }));
  const statuses = c.dictionaries.status;
  const isSolved = new Uint8Array(statuses.length);
  statuses.forEach((s, i) => {
    if (s === 'solved' || s === 'closed') isSolved[i] = 1;
  });
  const status = c.codes.status;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const k = out[groups.groupOf[i]!]!;
    k.tickets++;
    const st = status[r]!;
    const solvedNow = st >= 0 && isSolved[st] === 1;
    if (solvedNow) k.solved++;
    const ever = solvedNow || !Number.isNaN(c.solvedMicros[r]!);
    if (ever) {
      k.everSolved++;
      if (c.reopenCount[r]! > 0) k.reopened++;
    }
    const h = c.handoffCount[r]!;
    k.handoffs += h;
    if (h > 0) k.handedOff++;
    const sla = c.slaBreached[r]!;
    if (sla >= 0) {
      k.slaMeasured++;
      if (sla === 0) k.slaMet++;
    }
    const csat = c.csat[r]!;
    if (!Number.isNaN(csat)) {
      k.csatResponses++;
      k.csatSum += csat;
      if (csat >= 0.75) k.csatSatisfied++;
    }
    const ab = c.abandoned[r]!;
    if (ab >= 0) {
      k.callsMeasured++;
      if (ab === 1) k.callsAbandoned++;
    }
    if (c.qualityMask[r] !== 0) k.qualityFlagged++;
  }
  return out;
}

/** Every KPI measure per group. */
export function aggregateKpis(c: TicketColumns, rows: Int32Array, groups: Groups): KpiAggregate[] {
  const counts = kpiCounts(c, rows, groups);
  const perColumn = DURATION_COLUMNS.map((col) => durationSummaries(c.durations[col], rows, groups));
  return counts.map((k, g) => {
    const durations = {} as Record<DurationColumn, DurationSummary>;
    DURATION_COLUMNS.forEach((col, j) => {
      durations[col] = perColumn[j]![g]!;
    });
    return { ...k, durations };
  });
}

/**
 * Orders keys as PostgreSQL's "C" collation does (by code point, i.e. UTF-8 byte order), nulls last.
 * JavaScript's `<` compares UTF-16 code units, which differs for characters above U+FFFF.
 */
export function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
