import { UNRELIABLE_RESOLUTION_FLAGS } from '@shoreline/core';
import { type RawBuilder, sql } from 'kysely';
import type { ScopedDb } from '../../platform/scope.js';
import { directoryFor } from '../identity/index.js';
import { CLOSED_AT_SQL } from './kpi-columns/load-columns.js';
import { filteredTickets, type GroupBy, groupKey, groupLabel, type TicketFilter } from './kpi-query.js';
import {
  byLagThenTeamTopic,
  byTicketsThenKey,
  type DurationStats,
  type KpiRow,
  LAG_RATIO,
  ratio,
  type TopicPoint,
  type TrainingNeed,
  type TrendRead,
  type VolumePoint,
} from './kpi-types.js';

const UNRELIABLE = sql.lit(`{${UNRELIABLE_RESOLUTION_FLAGS.join(',')}}`);

/**
 * A duration is measured when non-negative; a resolution also (unless the filter asks for them) when
 * its ticket carries none of UNRELIABLE_RESOLUTION_FLAGS.
 */
const measured = (column: string, resolutionOf?: TicketFilter) => {
  const ref = sql.ref(`tickets.${column}`);
  return resolutionOf && !resolutionOf.includeInferredResolutions
    ? sql`${ref} >= 0 and not (tickets.quality_flags && ${UNRELIABLE}::text[])`
    : sql`${ref} >= 0`;
};
const resolutionValid = (filter: TicketFilter) => measured('resolution_seconds', filter);

const durationColumns = (column: string, alias: string, resolutionOf?: TicketFilter) => {
  const ref = sql.ref(`tickets.${column}`);
  const valid = measured(column, resolutionOf);
  return [
    sql<number>`count(*) filter (where ${valid})`.as(`${alias}_n`),
    sql<number | null>`percentile_cont(0.5) within group (order by ${ref}) filter (where ${valid})`.as(
      `${alias}_p50`,
    ),
    sql<number | null>`percentile_cont(0.9) within group (order by ${ref}) filter (where ${valid})`.as(
      `${alias}_p90`,
    ),
    sql<number | null>`avg(${ref}) filter (where ${valid})`.as(`${alias}_mean`),
  ];
};

const stats = (r: Record<string, unknown>, alias: string): DurationStats => ({
  count: Number(r[`${alias}_n`] ?? 0),
  medianSeconds: r[`${alias}_p50`] == null ? null : Number(r[`${alias}_p50`]),
  p90Seconds: r[`${alias}_p90`] == null ? null : Number(r[`${alias}_p90`]),
  meanSeconds: r[`${alias}_mean`] == null ? null : Number(r[`${alias}_mean`]),
});

/**
 * KPIs per group. Definitions (docs/insight.md):
 * - first response / resolution: medians and p90 by percentile_cont (= core `quantile`), over
 *   tickets with a non-negative duration (negative ones are data defects, flagged at import);
 *   resolution leaves out tickets whose resolution time is not the source's (UNRELIABLE_RESOLUTION_FLAGS)
 *   unless `includeInferredResolutions`;
 * - reopen rate: solved tickets reopened at least once ÷ solved tickets;
 * - hand-offs: mean per ticket, and share of tickets handed off at least once;
 * - SLA attainment: tickets not breached ÷ tickets whose SLA outcome is known;
 * - CSAT: mean of ratings normalised to [0, 1], and share ≥ 0.75 (top-two-box on 1–5);
 * - calls: abandoned ÷ calls with a known outcome; handle time median and p90.
 */
export async function kpisSql(scoped: ScopedDb, groupBy: GroupBy, filter: TicketFilter): Promise<KpiRow[]> {
  return scoped.transaction(async (tx) => {
    await roomToSort(tx);
    return kpisIn(tx, groupBy, filter);
  });
}

/** Sort memory for this transaction only (`set local`): percentile_cont sorts its input, in memory below this. */
export const KPI_WORK_MEM = '256MB';

/**
 * Gives the current transaction room to sort in memory: medians and p90 (percentile_cont) sort every
 * filtered value, and at PostgreSQL's default work_mem (4 MB) a sort of a million values spills to
 * disk. A setting of the transaction, not a read of any tenant's rows: it goes through the scope's
 * executor.
 */
async function roomToSort(tx: ScopedDb): Promise<void> {
  await sql`select set_config('work_mem', ${KPI_WORK_MEM}, true)`.execute(tx.executor);
}

async function kpisIn(scoped: ScopedDb, groupBy: GroupBy, filter: TicketFilter): Promise<KpiRow[]> {
  const directory = await directoryFor(scoped);
  const { key, label } = groupKey(groupBy, filter.timeZone ?? 'UTC', directory);
  const rows = await filteredTickets(scoped, filter, directory)
    .select([
      key.as('key'),
      label.as('label'),
      sql<number>`count(*)`.as('tickets'),
      sql<number>`count(*) filter (where tickets.status in ('solved', 'closed'))`.as('solved'),
      ...durationColumns('first_response_seconds', 'fr'),
      ...durationColumns('first_response_business_seconds', 'frb'),
      ...durationColumns('resolution_seconds', 'res', filter),
      ...durationColumns('resolution_business_seconds', 'resb', filter),
      ...durationColumns('call_handle_seconds', 'aht'),
      sql<number>`count(*) filter (where tickets.solved_at is not null or tickets.status in ('solved', 'closed'))`.as(
        'ever_solved',
      ),
      sql<number>`count(*) filter (where tickets.reopen_count > 0 and (tickets.solved_at is not null or tickets.status in ('solved', 'closed')))`.as(
        'reopened',
      ),
      sql<number>`coalesce(sum(tickets.handoff_count), 0)`.as('handoffs'),
      sql<number>`count(*) filter (where tickets.handoff_count > 0)`.as('handed_off'),
      sql<number>`count(*) filter (where tickets.sla_breached is not null)`.as('sla_n'),
      sql<number>`count(*) filter (where tickets.sla_breached = false)`.as('sla_met'),
      sql<number>`count(tickets.csat_normalised)`.as('csat_n'),
      sql<number | null>`avg(tickets.csat_normalised)`.as('csat_mean'),
      sql<number>`count(*) filter (where tickets.csat_normalised >= 0.75)`.as('csat_sat'),
      sql<number>`count(*) filter (where tickets.abandoned is not null)`.as('calls_n'),
      sql<number>`count(*) filter (where tickets.abandoned)`.as('calls_abandoned'),
      sql<number>`count(*) filter (where cardinality(tickets.quality_flags) > 0)`.as('flagged'),
    ])
    .groupBy(sql`1`)
    .execute();
  return rows
    .map((raw) => {
      const r = raw as Record<string, unknown>;
      return {
        key: r.key == null ? null : String(r.key),
        label: groupLabel(groupBy, r.label == null ? null : String(r.label), directory),
        tickets: Number(r.tickets),
        solved: Number(r.solved),
        firstResponse: stats(r, 'fr'),
        firstResponseBusiness: stats(r, 'frb'),
        resolution: stats(r, 'res'),
        resolutionBusiness: stats(r, 'resb'),
        reopenRate: ratio(r.reopened, r.ever_solved),
        handoffsPerTicket: ratio(r.handoffs, r.tickets),
        handedOffShare: ratio(r.handed_off, r.tickets),
        slaMeasured: Number(r.sla_n),
        slaAttainment: ratio(r.sla_met, r.sla_n),
        csatResponses: Number(r.csat_n),
        csatMean: r.csat_mean == null ? null : Number(r.csat_mean),
        csatSatisfiedShare: ratio(r.csat_sat, r.csat_n),
        calls: {
          measured: Number(r.calls_n),
          abandonmentRate: ratio(r.calls_abandoned, r.calls_n),
          handle: stats(r, 'aht'),
        },
        qualityFlagged: Number(r.flagged),
      };
    })
    .sort(byTicketsThenKey);
}

/**
 * Volume and backlog per day, week or month (buckets in `timeZone`). Backlog at a bucket's end =
 * tickets created before it − tickets closed before it, so it is exact without a per-bucket scan of
 * all tickets. Closed = solved (solved_at), or an abandoned call, which no one solves, at the end of
 * its wait (CLOSED_AT_SQL; before, abandoned calls stayed in the backlog for ever). `solved` per
 * bucket counts both.
 */
export const volumeSql: TrendRead<VolumePoint> = async (scoped, interval, filter) => {
  // One scan for both counts: grouping sets by the bucket of created_at and by that of solved_at.
  // Grouped by the truncated timestamp and formatted once per bucket (not per row); interval and time
  // zone are inlined literals (the interval is an enum, the zone validated) so that the formatted and
  // the grouped expressions are the same expression.
  const tz = sql.lit(filter.timeZone ?? 'UTC');
  const trunc = (instant: RawBuilder<unknown>) =>
    sql`date_trunc(${sql.lit(interval)}, (${instant}) at time zone ${tz})`;
  const created = trunc(sql.ref('tickets.created_at'));
  const solved = trunc(
    sql.raw(CLOSED_AT_SQL.replace(/\b(solved_at|abandoned|created_at|call_wait_seconds)\b/g, 'tickets.$1')),
  );
  const base = { ...filter, from: undefined, to: undefined };
  const rows = await filteredTickets(scoped, base, await directoryFor(scoped))
    .select([
      sql<number>`grouping(${created})`.as('by_solved'),
      sql<string | null>`to_char(${created}, 'YYYY-MM-DD')`.as('c'),
      sql<string | null>`to_char(${solved}, 'YYYY-MM-DD')`.as('s'),
      sql<number>`count(*)`.as('n'),
    ])
    .where('tickets.created_at', 'is not', null)
    .groupBy(sql`grouping sets ((${created}), (${solved}))`)
    .execute();
  const buckets = new Map<string, { created: number; solved: number }>();
  for (const r of rows)
    if (Number(r.by_solved) === 0 && r.c !== null) {
      const b = buckets.get(r.c) ?? { created: 0, solved: 0 };
      b.created = Number(r.n);
      buckets.set(r.c, b);
    }
  for (const r of rows)
    if (Number(r.by_solved) === 1 && r.s !== null) {
      const b = buckets.get(r.s) ?? { created: 0, solved: 0 };
      b.solved = Number(r.n);
      buckets.set(r.s, b);
    }
  let backlog = 0;
  const points: VolumePoint[] = [];
  for (const start of [...buckets.keys()].sort()) {
    const b = buckets.get(start)!;
    backlog += b.created - b.solved;
    points.push({ start, created: b.created, solved: b.solved, backlog });
  }
  const from = filter.from?.slice(0, 10);
  const to = filter.to?.slice(0, 10);
  return points.filter((p) => (!from || p.start >= from) && (!to || p.start < to));
};

/** Tickets per topic per bucket: the contact-reason trend. */
export const topicTrendSql: TrendRead<TopicPoint> = async (scoped, interval, filter) => {
  // Grouped by the truncated timestamp and formatted once per bucket (see volume).
  const start = sql`date_trunc(${sql.lit(interval)}, tickets.created_at at time zone ${sql.lit(filter.timeZone ?? 'UTC')})`;
  const rows = await filteredTickets(scoped, filter, await directoryFor(scoped))
    .select([
      sql<string>`to_char(${start}, 'YYYY-MM-DD')`.as('start'),
      sql<string | null>`tickets.topic`.as('topic'),
      sql<number>`count(*)`.as('tickets'),
    ])
    .where('tickets.created_at', 'is not', null)
    .groupBy([start, sql`tickets.topic`])
    // Within a bucket, topics in code-point order ("C" collation, whatever the database's), none last.
    .orderBy(sql`1`)
    .orderBy(sql`tickets.topic collate "C"`)
    .execute();
  return rows.map((r) => ({ start: r.start, topic: r.topic, tickets: Number(r.tickets) }));
};

/**
 * Training needs: per (team, topic), the team's median resolution against every team's median for
 * the same topic; a team lags when its median is ≥ 25 % longer, on at least `minTickets` tickets.
 */
export async function trainingNeedsSql(
  scoped: ScopedDb,
  filter: TicketFilter,
  minTickets = 5,
): Promise<TrainingNeed[]> {
  return scoped.transaction(async (tx) => {
    await roomToSort(tx);
    return trainingNeedsIn(tx, filter, minTickets);
  });
}

async function trainingNeedsIn(scoped: ScopedDb, filter: TicketFilter, minTickets: number) {
  const directory = await directoryFor(scoped);
  const teamName = new Map(directory.teams.map((t) => [t.id, t.name]));
  const [byTeamTopic, byTopic] = await Promise.all([
    filteredTickets(scoped, filter, directory)
      .select([
        sql<string | null>`tickets.team_id`.as('team_id'),
        sql<string | null>`tickets.topic`.as('topic'),
        sql<number>`count(*)`.as('tickets'),
        sql<
          number | null
        >`percentile_cont(0.5) within group (order by tickets.resolution_seconds) filter (where ${resolutionValid(filter)})`.as(
          'res',
        ),
        sql<number | null>`avg(tickets.csat_normalised)`.as('csat'),
      ])
      .where('tickets.team_id', 'is not', null)
      .where('tickets.topic', 'is not', null)
      .groupBy([sql`tickets.team_id`, sql`tickets.topic`])
      .execute(),
    filteredTickets(scoped, filter, directory)
      .select([
        sql<string | null>`tickets.topic`.as('topic'),
        sql<
          number | null
        >`percentile_cont(0.5) within group (order by tickets.resolution_seconds) filter (where ${resolutionValid(filter)})`.as(
          'res',
        ),
      ])
      .where('tickets.topic', 'is not', null)
      .groupBy(sql`tickets.topic`)
      .execute(),
  ]);
  const overall = new Map(byTopic.map((r) => [r.topic, r.res == null ? null : Number(r.res)]));
  return byTeamTopic
    .map((r): TrainingNeed => {
      const all = overall.get(r.topic) ?? null;
      const mine = r.res == null ? null : Number(r.res);
      const lagRatio = mine !== null && all ? mine / all : null;
      return {
        teamId: r.team_id,
        team: r.team_id === null ? null : (teamName.get(r.team_id) ?? null),
        topic: r.topic,
        tickets: Number(r.tickets),
        resolutionMedianSeconds: mine,
        allTeamsResolutionMedianSeconds: all,
        lagRatio,
        csatMean: r.csat == null ? null : Number(r.csat),
        lagging: lagRatio !== null && lagRatio >= LAG_RATIO && Number(r.tickets) >= minTickets,
      };
    })
    .sort(byLagThenTeamTopic);
}
