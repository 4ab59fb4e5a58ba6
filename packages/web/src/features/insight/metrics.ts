// The KPIs a table row carries, each with how to read it from a row and how to show it.

import type { KpiRow } from '@shoreline/server/contract';
import type { TFunction } from 'i18next';
import { formatDuration, formatNumber, formatPercent } from '../../lib/format';

export type MetricKind = 'count' | 'duration' | 'ratio' | 'decimal';
export const METRIC_IDS = [
  'tickets',
  'firstResponseMedian',
  'firstResponseP90',
  'firstResponseBusinessMedian',
  'firstResponseBusinessP90',
  'resolutionMedian',
  'resolutionP90',
  'resolutionBusinessMedian',
  'resolutionBusinessP90',
  'reopenRate',
  'slaAttainment',
  'csatMean',
  'csatSatisfied',
  'handoffsPerTicket',
  'abandonmentRate',
  'handleMedian',
  'qualityFlagged',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export interface Metric {
  id: MetricId;
  kind: MetricKind;
  /** Lower is better (durations, reopen rate, hand-offs, abandonment); null when neither (volume). */
  lowerIsBetter: boolean | null;
  get(row: KpiRow): number | null;
}

const m = (
  id: MetricId,
  kind: MetricKind,
  lowerIsBetter: boolean | null,
  get: (r: KpiRow) => number | null,
): Metric => ({
  id,
  kind,
  lowerIsBetter,
  get,
});

export const METRICS: Record<MetricId, Metric> = {
  tickets: m('tickets', 'count', null, (r) => r.tickets),
  firstResponseMedian: m('firstResponseMedian', 'duration', true, (r) => r.firstResponse.medianSeconds),
  firstResponseP90: m('firstResponseP90', 'duration', true, (r) => r.firstResponse.p90Seconds),
  firstResponseBusinessMedian: m(
    'firstResponseBusinessMedian',
    'duration',
    true,
    (r) => r.firstResponseBusiness.medianSeconds,
  ),
  firstResponseBusinessP90: m(
    'firstResponseBusinessP90',
    'duration',
    true,
    (r) => r.firstResponseBusiness.p90Seconds,
  ),
  resolutionMedian: m('resolutionMedian', 'duration', true, (r) => r.resolution.medianSeconds),
  resolutionP90: m('resolutionP90', 'duration', true, (r) => r.resolution.p90Seconds),
  resolutionBusinessMedian: m(
    'resolutionBusinessMedian',
    'duration',
    true,
    (r) => r.resolutionBusiness.medianSeconds,
  ),
  resolutionBusinessP90: m('resolutionBusinessP90', 'duration', true, (r) => r.resolutionBusiness.p90Seconds),
  reopenRate: m('reopenRate', 'ratio', true, (r) => r.reopenRate),
  slaAttainment: m('slaAttainment', 'ratio', false, (r) => r.slaAttainment),
  csatMean: m('csatMean', 'ratio', false, (r) => r.csatMean),
  csatSatisfied: m('csatSatisfied', 'ratio', false, (r) => r.csatSatisfiedShare),
  handoffsPerTicket: m('handoffsPerTicket', 'decimal', true, (r) => r.handoffsPerTicket),
  abandonmentRate: m('abandonmentRate', 'ratio', true, (r) => r.calls.abandonmentRate),
  handleMedian: m('handleMedian', 'duration', true, (r) => r.calls.handle.medianSeconds),
  qualityFlagged: m('qualityFlagged', 'count', true, (r) => r.qualityFlagged),
};

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

/** Columns of the breakdown table (the CSV export carries every metric). */
export const TABLE_METRICS: MetricId[] = [
  'tickets',
  'firstResponseMedian',
  'firstResponseP90',
  'resolutionMedian',
  'resolutionP90',
  'resolutionBusinessMedian',
  'resolutionBusinessP90',
  'reopenRate',
  'slaAttainment',
  'csatMean',
  'handoffsPerTicket',
];

/** Metrics a bar chart can show. */
export const CHART_METRICS: MetricId[] = [
  'tickets',
  'firstResponseMedian',
  'firstResponseP90',
  'resolutionMedian',
  'resolutionP90',
  'resolutionBusinessMedian',
  'reopenRate',
  'slaAttainment',
  'csatMean',
  'handoffsPerTicket',
];
