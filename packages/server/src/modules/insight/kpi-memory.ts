import {
  aggregateKpis,
  bucketStartDay,
  type ColumnFilter,
  compareKeys,
  type DictionaryColumn,
  type DurationSummary,
  durationSummaries,
  formatDay,
  type Grouping,
  groupRows,
  NO_DAY,
  selectRows,
} from '@shoreline/core';
import type { ScopedDb } from '../../platform/scope.js';
import { directoryFor } from '../identity/index.js';
import type { CachedColumns, ColumnCache } from './kpi-columns/column-cache.js';
import { filterKey, type GroupBy, sameNames, type TicketFilter } from './kpi-query.js';
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
import { SAME_NAME_ATTRIBUTES } from './vocabulary.js';

// The same KPIs as kpi-sql.ts, computed over the organization's tickets held as columns in memory
// (kpi-columns/): exact medians and p90 by selection instead of PostgreSQL's sort per aggregate.
// test/insight/kpi-engines.test.ts holds the two engines to the same answers.

const EQUALS: [keyof TicketFilter, DictionaryColumn][] = [
  ['providerId', 'provider'],
  ['teamId', 'team'],
  ...SAME_NAME_ATTRIBUTES.map((a): [keyof TicketFilter, DictionaryColumn] => [a, a]),
  ['supportLine', 'supportLine'],
];

const GROUP_COLUMN: Partial<Record<GroupBy, DictionaryColumn>> = {
  provider: 'provider',
  team: 'team',
  ...sameNames,
  support_line: 'supportLine',
};

interface Directory {
  providers: Map<string, { name: string; kind: string }>;
  teams: Map<string, string>;
}

/** Names and kinds of the providers and teams the caller can see: labels and provider-kind groups. */
async function directory(scoped: ScopedDb): Promise<Directory> {
  const { providers, teams } = await directoryFor(scoped);
  return {
    providers: new Map(providers.map((p) => [p.id, { name: p.name, kind: p.kind }])),
    teams: new Map(teams.map((t) => [t.id, t.name])),
  };
}

/** The scope's columns, and the directory when the filter needs it (a provider kind) and nothing else does. */
async function columnsFor(cache: ColumnCache, scoped: ScopedDb, filter: TicketFilter) {
  const [cached, dir] = await Promise.all([
    cache.columnsFor(scoped),
    filter.providerKind !== undefined ? directory(scoped) : Promise.resolve(null),
  ]);
  return { cached, dir };
}

const micros = (iso: string | undefined) => (iso === undefined ? undefined : new Date(iso).getTime() * 1000);

function columnFilter(cached: CachedColumns, f: TicketFilter, dir: Directory | null): ColumnFilter {
  const equals: { column: DictionaryColumn; value: string }[] = [];
  for (const [field, column] of EQUALS) {
    const value = f[field];
    if (typeof value === 'string') equals.push({ column, value });
  }
  return {
    fromMicros: f.from ? micros(f.from) : undefined,
    toMicros: f.to ? micros(f.to) : undefined,
    equals,
    providerIn: f.providerKind
      ? [...(dir?.providers ?? [])].filter(([, p]) => p.kind === f.providerKind).map(([id]) => id)
      : undefined,
    qualityFlag: f.qualityFlag,
    hourOfWeek:
      f.hourOfWeek === undefined
        ? undefined
        : { column: cached.hourOfWeek(f.timeZone ?? 'UTC'), value: f.hourOfWeek },
  };
}

const stats = (d: DurationSummary): DurationStats => ({
  count: d.count,
  medianSeconds: d.median,
  p90Seconds: d.p90,
  meanSeconds: d.mean,
});

/** KPIs per group; definitions as in kpi-sql.ts `kpisSql`. */
export async function kpisMemory(
  cache: ColumnCache,
  scoped: ScopedDb,
  groupBy: GroupBy,
  filter: TicketFilter,
): Promise<KpiRow[]> {
  // The directory only when the table needs it: provider and team names, provider kinds.
  const byKind = groupBy === 'provider_kind' || filter.providerKind !== undefined;
  const needsDirectory = byKind || groupBy === 'provider' || groupBy === 'team';
  const [cached, dir] = await Promise.all([
    cache.columnsFor(scoped),
    needsDirectory ? directory(scoped) : Promise.resolve(NO_DIRECTORY),
  ]);
  // The answer depends on the columns (their version), the question, and, where provider kinds group
  // or filter, on which providers are vendors; names are put on afterwards, so a rename shows at once.
  const kinds = byKind ? providerKinds(dir) : '';
  const rows = cached.remember(`kpis\u0000${groupBy}\u0000${filterKey(filter)}\u0000${kinds}`, () =>
    computeKpis(cached, dir, groupBy, filter),
  );
  if (groupBy === 'provider')
    return rows.map((r) => ({
      ...r,
      label: r.key === null ? null : (dir.providers.get(r.key)?.name ?? null),
    }));
  if (groupBy === 'team')
    return rows.map((r) => ({ ...r, label: r.key === null ? null : (dir.teams.get(r.key) ?? null) }));
  return rows;
}

/** What a table that names no provider or team and groups by no kind is given instead of the directory. */
const NO_DIRECTORY: Directory = { providers: new Map(), teams: new Map() };

/** Which providers are of which kind, as a string (part of a remembered answer's key). */
function providerKinds(dir: Directory): string {
  return [...dir.providers].map(([id, p]) => `${id}=${p.kind}`).join(',');
}

/** The KPI table over the columns; provider and team rows are labelled by the caller. */
function computeKpis(
  cached: CachedColumns,
  dir: Directory,
  groupBy: GroupBy,
  filter: TicketFilter,
): KpiRow[] {
  const c = cached.measured(filter.includeInferredResolutions);
  const rows = selectRows(c, columnFilter(cached, filter, dir));
  const column = GROUP_COLUMN[groupBy];
  const grouping: Grouping =
    groupBy === 'none'
      ? { kind: 'none', key: 'all' }
      : groupBy === 'provider_kind'
        ? { kind: 'derived', column: 'provider', keyOf: (id) => dir.providers.get(id)?.kind ?? null }
        : groupBy === 'hour_of_week'
          ? { kind: 'integer', values: cached.hourOfWeek(filter.timeZone ?? 'UTC') }
          : { kind: 'column', column: column! };
  const groups = groupRows(c, rows, grouping);
  const label = (key: string | null): string | null =>
    groupBy === 'provider' || groupBy === 'team' ? null : key;
  return aggregateKpis(c, rows, groups)
    .map(
      (a, g): KpiRow => ({
        key: groups.keys[g]!,
        label: label(groups.keys[g]!),
        tickets: a.tickets,
        solved: a.solved,
        firstResponse: stats(a.durations.firstResponse),
        firstResponseBusiness: stats(a.durations.firstResponseBusiness),
        resolution: stats(a.durations.resolution),
        resolutionBusiness: stats(a.durations.resolutionBusiness),
        reopenRate: ratio(a.reopened, a.everSolved),
        handoffsPerTicket: ratio(a.handoffs, a.tickets),
        handedOffShare: ratio(a.handedOff, a.tickets),
        slaMeasured: a.slaMeasured,
        slaAttainment: ratio(a.slaMet, a.slaMeasured),
        csatResponses: a.csatResponses,
        csatMean: a.csatResponses > 0 ? a.csatSum / a.csatResponses : null,
        csatSatisfiedShare: ratio(a.csatSatisfied, a.csatResponses),
        calls: {
          measured: a.callsMeasured,
          abandonmentRate: ratio(a.callsAbandoned, a.callsMeasured),
          handle: stats(a.durations.callHandle),
        },
        qualityFlagged: a.qualityFlagged,
      }),
    )
    .sort(byTicketsThenKey);
}

/** Counts per bucket start day, keyed by day number. */
function countByBucket(
  days: Int32Array,
  rows: Int32Array,
  interval: 'day' | 'week' | 'month',
): Map<number, number> {
  const perDay = new Map<number, number>();
  for (let i = 0; i < rows.length; i++) {
    const d = days[rows[i]!]!;
    if (d !== NO_DAY) perDay.set(d, (perDay.get(d) ?? 0) + 1);
  }
  const perBucket = new Map<number, number>();
  for (const [d, n] of perDay) {
    const b = bucketStartDay(d, interval);
    perBucket.set(b, (perBucket.get(b) ?? 0) + n);
  }
  return perBucket;
}

/** Volume and backlog per bucket; definitions as in kpi-sql.ts `volumeSql`. */
export const volumeMemory =
  (cache: ColumnCache): TrendRead<VolumePoint> =>
  async (scoped, interval, filter) => {
    const { cached, dir } = await columnsFor(cache, scoped, filter);
    const tz = filter.timeZone ?? 'UTC';
    const base = { ...columnFilter(cached, filter, dir), fromMicros: undefined, toMicros: undefined };
    const rows = selectRows(cached.columns, { ...base, requireCreated: true });
    const created = countByBucket(cached.localDays('created', tz), rows, interval);
    const solved = countByBucket(cached.localDays('closed', tz), rows, interval);
    const starts = new Set([...created.keys(), ...solved.keys()]);
    let backlog = 0;
    const points: VolumePoint[] = [];
    for (const start of [...starts].map((d) => formatDay(d)).sort())
      points.push({ start, created: 0, solved: 0, backlog });
    const byStart = new Map(points.map((p) => [p.start, p]));
    for (const [d, n] of created) byStart.get(formatDay(d))!.created = n;
    for (const [d, n] of solved) byStart.get(formatDay(d))!.solved = n;
    for (const p of points) {
      backlog += p.created - p.solved;
      p.backlog = backlog;
    }
    const from = filter.from?.slice(0, 10);
    const to = filter.to?.slice(0, 10);
    return points.filter((p) => (!from || p.start >= from) && (!to || p.start < to));
  };

/** Tickets per topic per bucket; definitions as in kpi-sql.ts `topicTrendSql`. */
export const topicTrendMemory =
  (cache: ColumnCache): TrendRead<TopicPoint> =>
  async (scoped, interval, filter) => {
    const { cached, dir } = await columnsFor(cache, scoped, filter);
    const c = cached.columns;
    const rows = selectRows(c, { ...columnFilter(cached, filter, dir), requireCreated: true });
    const days = cached.localDays('created', filter.timeZone ?? 'UTC');
    const topics = c.codes.topic;
    const width = c.dictionaries.topic.length + 1;
    const perDay = new Map<number, number>();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const key = days[r]! * width + (topics[r]! + 1);
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    }
    const perBucket = new Map<string, TopicPoint>();
    for (const [key, n] of perDay) {
      const day = Math.floor(key / width);
      const code = key - day * width - 1;
      const start = formatDay(bucketStartDay(day, interval));
      const topic = code < 0 ? null : c.dictionaries.topic[code]!;
      const id = `${start}\u0000${code}`;
      const p = perBucket.get(id);
      if (p) p.tickets += n;
      else perBucket.set(id, { start, topic, tickets: n });
    }
    return [...perBucket.values()].sort((a, b) =>
      a.start < b.start ? -1 : a.start > b.start ? 1 : compareKeys(a.topic, b.topic),
    );
  };

/** Teams lagging on a topic; definitions as in kpi-sql.ts `trainingNeedsSql`. */
export async function trainingNeedsMemory(
  cache: ColumnCache,
  scoped: ScopedDb,
  filter: TicketFilter,
  minTickets = 5,
): Promise<TrainingNeed[]> {
  const [cached, dir] = await Promise.all([cache.columnsFor(scoped), directory(scoped)]);
  const c = cached.measured(filter.includeInferredResolutions);
  const selected = selectRows(c, columnFilter(cached, filter, dir));
  const teams = c.codes.team;
  const topics = c.codes.topic;
  const withTopic = selected.filter((r) => topics[r]! >= 0);
  const byTopic = groupRows(c, withTopic, { kind: 'column', column: 'topic' });
  const topicMedian = new Map<string | null, number | null>();
  durationSummaries(c.durations.resolution, withTopic, byTopic).forEach((d, g) => {
    topicMedian.set(byTopic.keys[g]!, d.median);
  });

  const withTeam = withTopic.filter((r) => teams[r]! >= 0);
  const width = c.dictionaries.topic.length;
  const pairOf = new Int32Array(withTeam.length);
  // (team, topic) → group through a dense table when teams × topics is small (the usual case), else a map.
  const cells = c.dictionaries.team.length * width;
  const table = cells <= 4_000_000 ? new Int32Array(cells).fill(-1) : null;
  const map = table ? null : new Map<number, number>();
  const pairs: { team: number; topic: number }[] = [];
  for (let i = 0; i < withTeam.length; i++) {
    const r = withTeam[i]!;
    const pair = teams[r]! * width + topics[r]!;
    let g = table ? table[pair]! : (map!.get(pair) ?? -1);
    if (g < 0) {
      g = pairs.length;
      pairs.push({ team: teams[r]!, topic: topics[r]! });
      if (table) table[pair] = g;
      else map!.set(pair, g);
    }
    pairOf[i] = g;
  }
  const groups = { groupOf: pairOf, keys: pairs.map(() => null) };
  const medians = durationSummaries(c.durations.resolution, withTeam, groups);
  const ticketCount = new Int32Array(pairs.length);
  const csatN = new Int32Array(pairs.length);
  const csatSum = new Float64Array(pairs.length);
  for (let i = 0; i < withTeam.length; i++) {
    const g = pairOf[i]!;
    ticketCount[g]!++;
    const v = c.csat[withTeam[i]!]!;
    if (!Number.isNaN(v)) {
      csatN[g]!++;
      csatSum[g]! += v;
    }
  }
  return pairs
    .map(({ team, topic }, g): TrainingNeed => {
      const teamId = c.dictionaries.team[team]!;
      const topicName = c.dictionaries.topic[topic]!;
      const all = topicMedian.get(topicName) ?? null;
      const mine = medians[g]!.median;
      const lagRatio = mine !== null && all ? mine / all : null;
      return {
        teamId,
        team: dir.teams.get(teamId) ?? null,
        topic: topicName,
        tickets: ticketCount[g]!,
        resolutionMedianSeconds: mine,
        allTeamsResolutionMedianSeconds: all,
        lagRatio,
        csatMean: csatN[g]! > 0 ? csatSum[g]! / csatN[g]! : null,
        lagging: lagRatio !== null && lagRatio >= LAG_RATIO && ticketCount[g]! >= minTickets,
      };
    })
    .sort(byLagThenTeamTopic);
}
