// The KPIs a table row carries, each with how to read it from a row and how to show it.

import type { KpiRow } from '@shoreline/server/contract';
import type { TFunction } from 'i18next';
import { formatDuration, formatNumber, formatPercent } from '../../lib/format';

export type MetricKind = 'count' | 'duration' | 'ratio' | 'decimal';

export interface Metric {
  id: MetricId;
  kind: MetricKind;
  /** Lower is better (durations, reopen rate, hand-offs, abandonment); null when neither (volume). */
  lowerIsBetter: boolean | null;
  get(row: KpiRow): number | null;
}

/** Where a metric shows besides the CSV export, which carries every one: the breakdown table, bar charts. */
type Shown = 'table' | 'chart';

const m = (
  kind: MetricKind,
  lowerIsBetter: boolean | null,
  get: (r: KpiRow) => number | null,
  shown: Shown[] = [],
) => ({ kind, lowerIsBetter, get, shown });
const BOTH: Shown[] = ['table', 'chart'];

/** Every metric, in the order tables and menus list them. */
const DEFINITIONS = {
  tickets: m('count', null, (r) => r.tickets, BOTH),
  firstResponseMedian: m('duration', true, (r) => r.firstResponse.medianSeconds, BOTH),
  firstResponseP90: m('duration', true, (r) => r.firstResponse.p90Seconds, BOTH),
  firstResponseBusinessMedian: m('duration', true, (r) => r.firstResponseBusiness.medianSeconds),
  firstResponseBusinessP90: m('duration', true, (r) => r.firstResponseBusiness.p90Seconds),
  resolutionMedian: m('duration', true, (r) => r.resolution.medianSeconds, BOTH),
  resolutionP90: m('duration', true, (r) => r.resolution.p90Seconds, BOTH),
  resolutionBusinessMedian: m('duration', true, (r) => r.resolutionBusiness.medianSeconds, BOTH),
  resolutionBusinessP90: m('duration', true, (r) => r.resolutionBusiness.p90Seconds, ['table']),
  reopenRate: m('ratio', true, (r) => r.reopenRate, BOTH),
  slaAttainment: m('ratio', false, (r) => r.slaAttainment, BOTH),
  csatMean: m('ratio', false, (r) => r.csatMean, BOTH),
  csatSatisfied: m('ratio', false, (r) => r.csatSatisfiedShare),
  handoffsPerTicket: m('decimal', true, (r) => r.handoffsPerTicket, BOTH),
  abandonmentRate: m('ratio', true, (r) => r.calls.abandonmentRate),
  handleMedian: m('duration', true, (r) => r.calls.handle.medianSeconds),
  qualityFlagged: m('count', true, (r) => r.qualityFlagged),
};

export type MetricId = keyof typeof DEFINITIONS;
export const METRIC_IDS = Object.keys(DEFINITIONS) as MetricId[];

export const METRICS = Object.fromEntries(
  METRIC_IDS.map((id) => {
    const { kind, lowerIsBetter, get } = DEFINITIONS[id];
    return [id, { id, kind, lowerIsBetter, get }];
  }),
) as Record<MetricId, Metric>;

const shownIn = (where: Shown) => METRIC_IDS.filter((id) => DEFINITIONS[id].shown.includes(where));

/** Columns of the breakdown table (the CSV export carries every metric). */
export const TABLE_METRICS: MetricId[] = shownIn('table');

/** Metrics a bar chart can show. */
export const CHART_METRICS: MetricId[] = shownIn('chart');

/** Shows a metric value in the locale; an em dash when there is nothing to measure. */
export function formatMetric(locale: string, kind: MetricKind, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (kind) {
    case 'count':
      return formatNumber(locale, value, { maximumFractionDigits: 0 });
    case 'duration':
      return formatDuration(locale, value);
    case 'ratio':
      return formatPercent(locale, value, 1);
    case 'decimal':
      return formatNumber(locale, value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
}

export const metricLabel = (t: TFunction, id: MetricId) => t(`insight.metrics.${id}`);
