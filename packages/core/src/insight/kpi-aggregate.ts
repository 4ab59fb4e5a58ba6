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
  let source: Int32Array | Int16Array;
  let codeCount: number;
  let keyOfCode: (code: number) => string | null;
  if (g.kind === 'integer') {
    source = g.values;
    codeCount = 0;
    for (let i = 0; i < rows.length; i++) codeCount = Math.max(codeCount, source[rows[i]!]! + 1);
    keyOfCode = (code) => (code < 0 ? null : String(code));
  } else {
    source = c.codes[g.column];
    const dict = c.dictionaries[g.column];
    codeCount = dict.length;
    keyOfCode =
      g.kind === 'column'
        ? (code) => (code < 0 ? null : dict[code]!)
        : (code) => (code < 0 ? null : g.keyOf(dict[code]!));
  }
  // Codes (−1 … codeCount − 1) → dense group numbers in first-seen order, through a table indexed by
  // code + 1; equal keys (derived groupings) share a group.
  const groupOfCode = new Int32Array(codeCount + 1).fill(-1);
  const groupOfKey = new Map<string | null, number>();
  const keys: (string | null)[] = [];
  for (let i = 0; i < rows.length; i++) {
    const slot = source[rows[i]!]! + 1;
    let group = groupOfCode[slot]!;
    if (group < 0) {
      const key = keyOfCode(slot - 1);
      group = groupOfKey.get(key) ?? -1;
      if (group < 0) {
        group = keys.length;
        keys.push(key);
        groupOfKey.set(key, group);
      }
      groupOfCode[slot] = group;
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
  const groupOf = groups.groupOf;
  const n = rows.length;
  const start = new Int32Array(g + 1);
  // One pass keeps each measured value with its group (a group-ordered copy needs the counts first).
  const picked = new Float64Array(n);
  const pickedGroup = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = values[rows[i]!]!;
    if (v >= 0) {
      const k = groupOf[i]!;
      picked[m] = v;
      pickedGroup[m++] = k;
      start[k + 1]!++;
    }
  }
  for (let k = 0; k < g; k++) start[k + 1]! += start[k]!;
  let gathered = picked;
  const sums = new Float64Array(g);
  if (g === 1) {
    for (let j = 0; j < m; j++) sums[0]! += picked[j]!;
  } else {
    const fill = start.slice(0, g);
    gathered = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      const k = pickedGroup[j]!;
      const v = picked[j]!;
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
  const g = groups.keys.length;
  // One typed array per measure: the loop below increments numbers, not object fields.
  const [tickets, solved, everSolved, reopened, handoffs, handedOff, slaMeasured, slaMet] = Array.from(
    { length: 8 },
    () => new Float64Array(g),
  ) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const [csatResponses, csatSum, csatSatisfied, callsMeasured, callsAbandoned, qualityFlagged] = Array.from(
    { length: 6 },
    () => new Float64Array(g),
  ) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const statuses = c.dictionaries.status;
  const isSolved = new Uint8Array(statuses.length + 1);
  statuses.forEach((s, i) => {
    if (s === 'solved' || s === 'closed') isSolved[i + 1] = 1;
  });
  const { groupOf } = groups;
  const status = c.codes.status;
  const solvedAt = c.solvedMicros;
  const reopenCount = c.reopenCount;
  const handoffCount = c.handoffCount;
  const sla = c.slaBreached;
  const csat = c.csat;
  const abandoned = c.abandoned;
  const mask = c.qualityMask;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const k = groupOf[i]!;
    tickets[k]!++;
    const solvedNow = isSolved[status[r]! + 1] === 1;
    if (solvedNow) solved[k]!++;
    if (solvedNow || !Number.isNaN(solvedAt[r]!)) {
      everSolved[k]!++;
      if (reopenCount[r]! > 0) reopened[k]!++;
    }
    const h = handoffCount[r]!;
    if (h !== 0) {
      handoffs[k]! += h;
      if (h > 0) handedOff[k]!++;
    }
    const s = sla[r]!;
    if (s >= 0) {
      slaMeasured[k]!++;
      if (s === 0) slaMet[k]!++;
    }
    const v = csat[r]!;
    if (!Number.isNaN(v)) {
      csatResponses[k]!++;
      csatSum[k]! += v;
      if (v >= 0.75) csatSatisfied[k]!++;
    }
    const ab = abandoned[r]!;
    if (ab >= 0) {
      callsMeasured[k]!++;
      if (ab === 1) callsAbandoned[k]!++;
    }
    if (mask[r] !== 0) qualityFlagged[k]!++;
  }
  return groups.keys.map((_, k) => ({
    tickets: tickets[k]!,
    solved: solved[k]!,
    everSolved: everSolved[k]!,
    reopened: reopened[k]!,
    handoffs: handoffs[k]!,
    handedOff: handedOff[k]!,
    slaMeasured: slaMeasured[k]!,
    slaMet: slaMet[k]!,
    csatResponses: csatResponses[k]!,
    csatSum: csatSum[k]!,
    csatSatisfied: csatSatisfied[k]!,
    callsMeasured: callsMeasured[k]!,
    callsAbandoned: callsAbandoned[k]!,
    qualityFlagged: qualityFlagged[k]!,
  }));
}

const measured = new WeakMap<Float64Array, boolean>();

/** Whether any value of a duration column is measured (≥ 0); sources often lack whole columns. Remembered per column. */
function hasMeasuredValue(values: Float64Array): boolean {
  let any = measured.get(values);
  if (any === undefined) {
    any = false;
    for (let i = 0; i < values.length; i++)
      if (values[i]! >= 0) {
        any = true;
        break;
      }
    measured.set(values, any);
  }
  return any;
}

/** Every KPI measure per group. */
export function aggregateKpis(c: TicketColumns, rows: Int32Array, groups: Groups): KpiAggregate[] {
  const counts = kpiCounts(c, rows, groups);
  const perColumn = DURATION_COLUMNS.map((col) =>
    hasMeasuredValue(c.durations[col])
      ? durationSummaries(c.durations[col], rows, groups)
      : groups.keys.map(() => ({ count: 0, median: null, p90: null, mean: null })),
  );
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
