import { instanceSlot, type ModuleContext } from '../../platform/module.js';
import type { ScopedDb } from '../../platform/scope.js';
import { onTicketDataBump } from '../tickets/index.js';
import { ColumnCache } from './kpi-columns/column-cache.js';
import { VersionMemory } from './kpi-columns/version-memory.js';
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

/**
 * KPIs of one app instance: its engine (from its configuration) and its column cache. Made once per
 * instance (`kpiServiceOf(ctx)`), so two instances in one process never share a cache or an engine.
 */
export class KpiService {
  constructor(
    readonly engine: KpiEngine,
    readonly columns: ColumnCache,
  ) {}

  /** The same columns behind another engine (the engine-agreement test compares the two). */
  withEngine(engine: KpiEngine): KpiService {
    return new KpiService(engine, this.columns);
  }

  /** KPIs per value of one dimension, inside the caller's scope. Definitions: kpi-sql.ts `kpisSql`. */
  kpis(scoped: ScopedDb, groupBy: GroupBy, filter: TicketFilter): Promise<KpiRow[]> {
    return this.engine === 'memory'
      ? kpisMemory(this.columns, scoped, groupBy, filter)
      : kpisSql(scoped, groupBy, filter);
  }

  /** Created, solved and backlog per day, week or month. */
  volume(scoped: ScopedDb, interval: 'day' | 'week' | 'month', filter: TicketFilter): Promise<VolumePoint[]> {
    return this.engine === 'memory'
      ? volumeMemory(this.columns)(scoped, interval, filter)
      : volumeSql(scoped, interval, filter);
  }

  /** Tickets per topic per bucket: the contact-reason trend. */
  topicTrend(
    scoped: ScopedDb,
    interval: 'day' | 'week' | 'month',
    filter: TicketFilter,
  ): Promise<TopicPoint[]> {
    return this.engine === 'memory'
      ? topicTrendMemory(this.columns)(scoped, interval, filter)
      : topicTrendSql(scoped, interval, filter);
  }

  /** Topics where a team's median resolution lags every team's median for that topic. */
  trainingNeeds(scoped: ScopedDb, filter: TicketFilter, minTickets = 5): Promise<TrainingNeed[]> {
    return this.engine === 'memory'
      ? trainingNeedsMemory(this.columns, scoped, filter, minTickets)
      : trainingNeedsSql(scoped, filter, minTickets);
  }
}

const kpiServiceSlot = instanceSlot('insight.kpis', (ctx) => {
  // The data version is remembered while signals arrive (version-memory.ts), forgotten by this
  // process's own bumps and by every other process's through the trigger's signal.
  const versions = new VersionMemory(
    () => ctx.events.signalsLive,
    () => ctx.clock.now().getTime(),
  );
  ctx.events.onSignal((signal) => versions.onSignal(signal));
  // Held weakly: the listener list is the process's, and must not keep a closed instance alive.
  const held = new WeakRef(versions);
  const stop = onTicketDataBump((organizationId) => {
    const memory = held.deref();
    if (memory) memory.forget(organizationId);
    else stop();
  });
  return new KpiService(
    ctx.config.kpiEngine,
    new ColumnCache({ maxRows: ctx.config.kpiCacheTickets, versions }),
  );
});

/** The app instance's KPI service. */
export function kpiServiceOf(ctx: ModuleContext): KpiService {
  return ctx.instance(kpiServiceSlot);
}
