// Measuring a contract's terms on the provider's tickets of some days, with SQL aggregates (must-show
// 5 of issue 11: a provider-month of 1,000,000 tickets in under 2 s). Profiled on PostgreSQL 15
// (BENCHMARKS.md, "Govern"): evaluating each term's scope and the "trusted resolution" array test
// inside every `count(*) filter (…)` cost ~70 % of the query. So each row's facts are computed once
// in a subquery that the planner may not flatten (OFFSET 0), and the aggregates only combine
// booleans and integers; and a segment longer than a week is measured in pieces of at most 8 days,
// concurrently (each piece is one backend: the work spreads over the database's cores).
import { type RawBuilder, sql } from 'kysely';
import type { ScopedDb } from '../../platform/scope.js';
import type { ContractDocumentJson } from './schemas-types.js';

type Term = ContractDocumentJson['terms'][number];

export interface SegmentFacts {
  contacts: number;
  resolutions: number;
  handleSeconds: number;
  csatSum: number;
  csatCount: number;
  met: number[];
  total: number[];
}

const UNTRUSTED_RESOLUTION = sql`array['resolution_inferred', 'resolved_while_open']::text[]`;

/** The SQL condition of a term's scope on tickets. */
function scopeCondition(term: Term): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (term.scope.priorities?.length) parts.push(sql`priority in (${sql.join(term.scope.priorities)})`);
  if (term.scope.channels?.length) parts.push(sql`channel in (${sql.join(term.scope.channels)})`);
  if (term.scope.languages?.length) parts.push(sql`language in (${sql.join(term.scope.languages)})`);
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/** Met and total of term `i`, over the subquery's columns (scope `s_i` already evaluated per row). */
function termAggregates(term: Term, i: number): RawBuilder<unknown>[] {
  const inScope = sql.ref(`s_${i}`);
  const business = term.calendar === 'business';
  const count = (condition: RawBuilder<unknown>, name: string) =>
    sql`count(*) filter (where ${inScope} and ${condition}) as ${sql.ref(`${name}_${i}`)}`;
  switch (term.kpi) {
    case 'resolution_within': {
      // The source's own solve time only (decision 0024): inferred or while-open resolutions are left out.
      const col = sql.ref(business ? 'rbs' : 'rs');
      return [
        count(sql`trusted and ${col} <= ${term.targetSeconds}`, 'met'),
        count(sql`trusted and ${col} is not null`, 'total'),
      ];
    }
    case 'first_response_within': {
      const col = sql.ref(business ? 'fbs' : 'fs');
      return [count(sql`${col} <= ${term.targetSeconds}`, 'met'), count(sql`${col} is not null`, 'total')];
    }
    case 'reopen_rate':
      return [count(sql`solved and reopened`, 'met'), count(sql`solved`, 'total')];
    case 'abandonment_rate':
      return [count(sql`abandoned`, 'met'), count(sql`abandoned is not null`, 'total')];
    default:
      // Not measured from tickets yet (service level per interval, CSAT, QA, forecast accuracy).
      return [sql`0 as ${sql.ref(`met_${i}`)}`, sql`0 as ${sql.ref(`total_${i}`)}`];
  }
}

/** The facts of the provider's tickets created in [from, to) (UTC days), measured for `doc`'s terms. */
type Measure = (
  s: ScopedDb,
  providerId: string,
  from: string,
  to: string,
  doc: ContractDocumentJson,
) => Promise<SegmentFacts>;

/** One query over the tickets created in [from, to) (UTC days). */
const measureRange: Measure = async (s, providerId, from, to, doc) => {
  const rows = s
    .selectFrom('tickets')
    .select([
      sql<boolean>`solved_at is not null`.as('solved'),
      sql<number>`call_handle_seconds`.as('handle'),
      sql<number>`csat_normalised`.as('csat'),
      sql<number>`resolution_seconds`.as('rs'),
      sql<number>`resolution_business_seconds`.as('rbs'),
      sql<number>`first_response_seconds`.as('fs'),
      sql<number>`first_response_business_seconds`.as('fbs'),
      sql<boolean>`not (quality_flags && ${UNTRUSTED_RESOLUTION})`.as('trusted'),
      sql<boolean>`reopen_count > 0`.as('reopened'),
      sql<boolean>`abandoned`.as('abandoned'),
      ...doc.terms.map((t, i) => scopeCondition(t).as(`s_${i}`)),
    ])
    .where('provider_id', '=', providerId)
    .where('created_at', '>=', new Date(`${from}T00:00:00Z`))
    .where('created_at', '<', new Date(`${to}T00:00:00Z`))
    .offset(0);
  const aggregates = [
    sql`count(*) as contacts`,
    sql`count(*) filter (where solved) as resolutions`,
    sql`coalesce(sum(handle), 0) as handle_seconds`,
    sql`coalesce(sum(csat), 0) as csat_sum`,
    sql`count(csat) as csat_count`,
    ...doc.terms.flatMap((t, i) => termAggregates(t, i)),
  ];
  const result = await sql<
    Record<string, unknown>
  >`select ${sql.join(aggregates)} from (${rows}) as t`.execute(s.executor);
  const row = result.rows[0] ?? {};
  return {
    contacts: Number(row.contacts ?? 0),
    resolutions: Number(row.resolutions ?? 0),
    handleSeconds: Number(row.handle_seconds ?? 0),
    csatSum: Number(row.csat_sum ?? 0),
    csatCount: Number(row.csat_count ?? 0),
    met: doc.terms.map((_, i) => Number(row[`met_${i}`] ?? 0)),
    total: doc.terms.map((_, i) => Number(row[`total_${i}`] ?? 0)),
  };
};

const DAY_MS = 86_400_000;
const PIECE_DAYS = 8;

/** [from, to) cut into pieces of at most PIECE_DAYS days (YYYY-MM-DD). */
export function pieces(from: string, to: string, days = PIECE_DAYS): [string, string][] {
  const end = Date.parse(`${to}T00:00:00Z`);
  const out: [string, string][] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t < end; t += days * DAY_MS) {
    const next = Math.min(end, t + days * DAY_MS);
    out.push([new Date(t).toISOString().slice(0, 10), new Date(next).toISOString().slice(0, 10)]);
  }
  return out;
}

/**
 * Volumes and each term's met / total over the provider's tickets created in [from, to): the sum of
 * the pieces' counts, so it equals one query over the whole range.
 */
export const measureSegment: Measure = async (s, providerId, from, to, doc) => {
  const parts = await Promise.all(pieces(from, to).map(([a, b]) => measureRange(s, providerId, a, b, doc)));
  const sum = (f: (p: SegmentFacts) => number) => parts.reduce((acc, p) => acc + f(p), 0);
  return {
    contacts: sum((p) => p.contacts),
    resolutions: sum((p) => p.resolutions),
    handleSeconds: sum((p) => p.handleSeconds),
    csatSum: sum((p) => p.csatSum),
    csatCount: sum((p) => p.csatCount),
    met: doc.terms.map((_, i) => sum((p) => p.met[i] ?? 0)),
    total: doc.terms.map((_, i) => sum((p) => p.total[i] ?? 0)),
  };
};
