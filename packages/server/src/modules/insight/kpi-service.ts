import type { ScopedDb } from '../../platform/scope.js';
import { kpisMemory, topicTrendMemory, trainingNeedsMemory, volumeMemory } from './kpi-memory.js';
import type { GroupBy, TicketFilter } from './kpi-query.js';
import { kpisSql, topicTrendSql, trainingNeedsSql, volumeSql } from './kpi-sql.js';
import type { KpiRow, TopicPoint, TrainingNeed, VolumePoint } from './kpi-types.js';

export type { DurationStats, KpiRow, TopicPoint, TrainingNeed, VolumePoint } from './kpi-types.js';

/**
 * Where KPIs are computed. `memory` (default): over the organization's tickets held as columns in
 * the server's memory, reloaded when its data version moves — exact, and fast at millions of tickets
 * (docs/decisions/0004). `sql`: in PostgreSQL on every request, for deployments that cannot spare
 * ≈ 90 bytes of memory per ticket. Both give the same answers (test/insight/kpi-engines.test.ts).
 */
export type KpiEngine = 'memory' | 'sql';

let engine: KpiEngine = 'memory';

export function setKpiEngine(next: KpiEngine): void {
  engine = next;
}

export function kpiEngine(): KpiEngine {
  return engine;
}

/** KPIs per value of one dimension, inside the caller's scope. Definitions: kpi-sql.ts `kpisSql`. */
export function kpis(scoped: ScopedDb, groupBy: GroupBy, filter: TicketFilter): Promise<KpiRow[]> {
  return engine === 'memory' ? kpisMemory(scoped, groupBy, filter) : kpisSql(scoped, groupBy, filter);
}

/** Created, solved and backlog per day, week or month. */
export function volume(
  scoped: ScopedDb,
  interval: 'day' | 'week' | 'month',
  filter: TicketFilter,
): Promise<VolumePoint[]> {
  return engine === 'memory' ? volumeMemory(scoped, interval, filter) : volumeSql(scoped, interval, filter);
}

/** Tickets per topic per bucket: the contact-reason trend. */
export function topicTrend(
  scoped: ScopedDb,
  interval: 'day' | 'week' | 'month',
  filter: TicketFilter,
): Promise<TopicPoint[]> {
  return engine === 'memory'
    ? topicTrendMemory(scoped, interval, filter)
    : topicTrendSql(scoped, interval, filter);
}

/** Topics where a team's median resolution lags every team's median for that topic. */
export function trainingNeeds(
  scoped: ScopedDb,
  filter: TicketFilter,
  minTickets = 5,
): Promise<TrainingNeed[]> {
  return engine === 'memory'
    ? trainingNeedsMemory(scoped, filter, minTickets)
    : trainingNeedsSql(scoped, filter, minTickets);
}
