/** The wire shapes of Insight's KPI answers, shared by both engines (kpi-sql.ts, kpi-memory.ts). */
import { compareKeys } from '@shoreline/core';
import type { ScopedDb } from '../../platform/scope.js';
import type { TicketFilter } from './kpi-query.js';

export interface DurationStats {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  meanSeconds: number | null;
}

/** One row of the KPI table: the measures for one value of the grouping dimension. */
export interface KpiRow {
  key: string | null;
  label: string | null;
  tickets: number;
  solved: number;
  firstResponse: DurationStats;
  firstResponseBusiness: DurationStats;
  resolution: DurationStats;
  resolutionBusiness: DurationStats;
  reopenRate: number | null;
  handoffsPerTicket: number | null;
  handedOffShare: number | null;
  slaMeasured: number;
  slaAttainment: number | null;
  csatResponses: number;
  csatMean: number | null;
  csatSatisfiedShare: number | null;
  calls: { measured: number; abandonmentRate: number | null; handle: DurationStats };
  qualityFlagged: number;
}

export interface VolumePoint {
  start: string;
  created: number;
  solved: number;
  /** Tickets open at the end of the bucket: created before its end and not yet solved. */
  backlog: number;
}

export interface TopicPoint {
  start: string;
  topic: string | null;
  tickets: number;
}

/**
 * A trend read (points per day, week or month bucket), as both engines answer it: the SQL engine's
 * function is one, the memory engine's is one once given its column cache.
 */
export type TrendRead<P> = (
  scoped: ScopedDb,
  interval: 'day' | 'week' | 'month',
  filter: TicketFilter,
) => Promise<P[]>;

export interface TrainingNeed {
  teamId: string | null;
  team: string | null;
  topic: string | null;
  tickets: number;
  resolutionMedianSeconds: number | null;
  allTeamsResolutionMedianSeconds: number | null;
  lagRatio: number | null;
  csatMean: number | null;
  lagging: boolean;
}

/** num ÷ den, or null when there is nothing to divide by (den ≤ 0): a rate of no cases is unknown, not 0. */
export const ratio = (num: unknown, den: unknown): number | null =>
  Number(den) > 0 ? Number(num) / Number(den) : null;

/** A team lags on a topic when its median resolution is at least this multiple of all teams'. */
export const LAG_RATIO = 1.25;

/** KPI rows: most tickets first; equal counts by key in code-point order, no key last. */
export const byTicketsThenKey = (a: KpiRow, b: KpiRow): number =>
  b.tickets - a.tickets || compareKeys(a.key, b.key);

/** Training needs: largest lag first (none counts as 0), then team id and topic in code-point order. */
export const byLagThenTeamTopic = (a: TrainingNeed, b: TrainingNeed): number =>
  (b.lagRatio ?? 0) - (a.lagRatio ?? 0) || compareKeys(a.teamId, b.teamId) || compareKeys(a.topic, b.topic);
