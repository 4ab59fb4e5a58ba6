import {
  DICTIONARY_COLUMNS,
  type DictionaryColumn,
  DictionaryEncoder,
  DURATION_COLUMNS,
  type DurationColumn,
  NULL_BOOL,
  type TicketColumns,
} from '@shoreline/core';
import { sql } from 'kysely';
import type { ScopedDb } from '../../../platform/scope.js';

const DICTIONARY_SQL: Record<DictionaryColumn, string> = {
  provider: 'provider_id',
  team: 'team_id',
  channel: 'channel',
  priority: 'priority',
  topic: 'topic',
  language: 'language',
  status: 'status',
  source: 'source',
  supportLine: 'support_line',
};

const DURATION_SQL: Record<DurationColumn, string> = {
  firstResponse: 'first_response_seconds',
  firstResponseBusiness: 'first_response_business_seconds',
  resolution: 'resolution_seconds',
  resolutionBusiness: 'resolution_business_seconds',
  callHandle: 'call_handle_seconds',
};

const micros = (column: string) => `(extract(epoch from tickets.${column}) * 1000000)::float8`;

// One JSON array per column, all from the same scan: aggregates in one query see the rows in the same
// order, so index i of every array is the same ticket. JSON keeps text exact (any character) and
// parses natively; float8 prints the shortest exact form. Quality flags are null for the (usual)
// ticket without any, so the array holds few nested arrays.
const COLUMNS_SQL: [string, string][] = [
  ['created', micros('created_at')],
  ['solved', micros('solved_at')],
  ...DICTIONARY_COLUMNS.map((c): [string, string] => [c, `tickets.${DICTIONARY_SQL[c]}`]),
  ...DURATION_COLUMNS.map((c): [string, string] => [c, `tickets.${DURATION_SQL[c]}`]),
  ['reopenCount', 'tickets.reopen_count'],
  ['handoffCount', 'tickets.handoff_count'],
  ['slaBreached', 'tickets.sla_breached'],
  ['abandoned', 'tickets.abandoned'],
  ['csat', 'tickets.csat_normalised'],
  [
    'qualityFlags',
    'case when cardinality(tickets.quality_flags) = 0 then null else tickets.quality_flags end',
  ],
];

/**
 * Reads every ticket the scope can see into columns, in one query. Through the caller's ScopedDb, so
 * vendor staff's columns hold only their provider's tickets, by construction.
 */
export async function loadTicketColumns(scoped: ScopedDb): Promise<TicketColumns> {
  const row = await scoped
    .selectFrom('tickets')
    .select([
      sql<number>`count(*)::int`.as('n'),
      ...COLUMNS_SQL.map(([alias, expr]) => sql<string | null>`json_agg(${sql.raw(expr)})::text`.as(alias)),
    ])
    .executeTakeFirstOrThrow();
  const r = row as unknown as Record<string, string | null> & { n: number };
  const n = Number(r.n);
  const take = (alias: string): unknown[] => {
    const text = r[alias];
    // Parsed one column at a time and dropped, so only one column's JS array is alive at once.
    r[alias] = null;
    return text === null || text === undefined ? [] : (JSON.parse(text) as unknown[]);
  };
  const floats = (alias: string): Float64Array => {
    const out = new Float64Array(n).fill(Number.NaN);
    const values = take(alias);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (typeof v === 'number') out[i] = v;
    }
    return out;
  };
  const ints = (alias: string): Int32Array => Int32Array.from(take(alias) as number[]);
  const bools = (alias: string): Int8Array => {
    const values = take(alias);
    const out = new Int8Array(n);
    for (let i = 0; i < n; i++) out[i] = values[i] === null ? NULL_BOOL : values[i] ? 1 : 0;
    return out;
  };

  const createdMicros = floats('created');
  const solvedMicros = floats('solved');
  const codes = {} as Record<DictionaryColumn, Int32Array>;
  const dictionaries = {} as Record<DictionaryColumn, readonly string[]>;
  for (const column of DICTIONARY_COLUMNS) {
    const values = take(column) as (string | null)[];
    const encoder = new DictionaryEncoder();
    const out = new Int32Array(n);
    // Runs of one value are common (one source, one channel): skip the map for a repeat.
    let last: string | null | undefined;
    let lastCode = -1;
    for (let i = 0; i < n; i++) {
      const v = values[i] ?? null;
      if (v !== last) {
        last = v;
        lastCode = encoder.code(v);
      }
      out[i] = lastCode;
    }
    codes[column] = out;
    dictionaries[column] = encoder.values;
  }
  const durations = {} as Record<DurationColumn, Float64Array>;
  for (const column of DURATION_COLUMNS) durations[column] = floats(column);
  const reopenCount = ints('reopenCount');
  const handoffCount = ints('handoffCount');
  const slaBreached = bools('slaBreached');
  const abandoned = bools('abandoned');
  const csat = floats('csat');
  const flags = take('qualityFlags') as (string[] | null)[];
  const flagNames = new DictionaryEncoder();
  const qualityMask = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const list = flags[i];
    if (!list) continue;
    let mask = 0;
    for (const f of list) {
      const bit = flagNames.code(f);
      if (bit >= 32)
        throw new Error('more than 32 distinct data-quality flags: the KPI columns cannot hold them');
      mask |= 1 << bit;
    }
    qualityMask[i] = mask >>> 0;
  }
  return {
    length: n,
    createdMicros,
    solvedMicros,
    codes,
    dictionaries,
    durations,
    reopenCount,
    handoffCount,
    slaBreached,
    abandoned,
    csat,
    qualityMask,
    qualityFlagNames: flagNames.values,
  };
}
