// Insight → Overview: the headline KPIs, volume and backlog over time, vendor against in-house, and
// this period against the one before. Filters live in the URL; every chart drills down to tickets.

import type { Interval, KpiRow } from '@shoreline/server/contract';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { DataTable } from '../../kit/DataTable';
import { formatNumber } from '../../lib/format';
import { ErrorBanner, Loading, PageHeader } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { insightApi } from './api';
import { BarChart, InlineBar, VolumeChart } from './charts';
import {
  Card,
  CsvButton,
  CsvLink,
  EmptyInsight,
  FilterBar,
  INTERVALS,
  LeftOutNote,
  MetricSelect,
  TrendCard,
  useInsightPage,
} from './components';
import { addDays, daysBetween, groupFilter, ticketsPath, toApiFilter, useInsightFilter } from './filters';
import { KpiTable } from './KpiTable';
import { groupLabel } from './labels';
import { CHART_METRICS, formatMetric, METRICS, type MetricId, metricLabel, TABLE_METRICS } from './metrics';
import './insight.css';

// The side-by-side tables show the breakdown table's columns.
const SIDE_METRICS = TABLE_METRICS;

/** The last day a bucket covers (inclusive). */
export function bucketEnd(start: string, interval: Interval): string {
  if (interval === 'day') return start;
  if (interval === 'week') return addDays(start, 6);
  const d = new Date(`${start}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
}

export function OverviewPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const { filter, options, key, filtered } = useInsightPage();
  const interval = filter.choice('interval', INTERVALS, 'week');
  const metric = filter.choice('metric', CHART_METRICS, 'resolutionMedian');
  const data = useResource(async () => {
    const [total, volume, kinds, providers] = await Promise.all([
      insightApi.kpis('none', filter.api),
      insightApi.volume(interval, filter.api),
      insightApi.kpis('provider_kind', filter.api),
      insightApi.kpis('provider', filter.api),
    ]);
    return { total: total[0], volume: volume.points, leftOut: volume.leftOut, kinds, providers };
  }, [key, interval]);

  const { setParam } = filter;

  const total = data.data?.total;
  return (
    <>
      <PageHeader title={t('insight.overview.title')} intro={t('insight.overview.intro')} />
      <FilterBar filter={filter} options={options.data} />
      <ErrorBanner error={data.error ?? options.error} onRetry={data.reload} />
      {data.loading && !data.data ? <Loading /> : null}
      {data.data && (!total || total.tickets === 0) ? <EmptyInsight filtered={filtered} /> : null}
      {data.data && total && total.tickets > 0 ? (
        <div className={data.loading ? 'insight-stale' : undefined} aria-busy={data.loading}>
          <KpiCards row={total} />
          <TrendCard
            title={t('insight.overview.volumeTitle')}
            filter={filter}
            interval={interval}
            csvHref={`/api/insight/volume${csvQuery(filter.api, { interval })}`}
          >
            <VolumeChart
              title={t('insight.overview.volumeChart', { interval: t(`insight.interval.${interval}`) })}
              points={data.data.volume}
              dateLabel={(d) => shortDate(fmt.locale, d, interval)}
              legend={{
                created: t('insight.volume.created'),
                solved: t('insight.volume.solved'),
                backlog: t('insight.volume.backlog'),
              }}
              onSelect={(start) =>
                navigate(ticketsPath({ ...filter.ui, from: start, to: bucketEnd(start, interval) }))
              }
            />
            <p className="field-help">{t('insight.drillHint')}</p>
            <LeftOutNote leftOut={data.data.leftOut} />
          </TrendCard>
          <SideBySide kinds={data.data.kinds} />
          <Card
            title={t('insight.overview.providersTitle')}
            actions={
              <>
                <MetricSelect value={metric} onChange={(m) => setParam('metric', m)} />
                <CsvLink href={`/api/insight/kpis${csvQuery(filter.api, { groupBy: 'provider' })}`} />
              </>
            }
          >
            <BarChart
              testId="provider-chart"
              title={t('insight.chartTitle', {
                metric: metricLabel(t, metric),
                group: t('insight.groupBy.provider'),
              })}
              items={data.data.providers.map((row) => {
                const own = groupFilter('provider', row.key);
                const value = METRICS[metric].get(row);
                return {
                  key: row.key ?? '',
                  label: groupLabel(t, fmt, 'provider', row),
                  value,
                  display: formatMetric(fmt.locale, METRICS[metric].kind, value),
                  onSelect: own ? () => navigate(ticketsPath({ ...filter.ui, ...own })) : undefined,
                };
              })}
            />
            <KpiTable
              caption={t('insight.overview.providersTitle')}
              groupBy="provider"
              rows={data.data.providers}
              metrics={SIDE_METRICS}
              base={filter.ui}
              testId="provider-table"
            />
          </Card>
          <PeriodCompare volume={data.data.volume} interval={interval} />
        </div>
      ) : null}
    </>
  );
}

function csvQuery(api: object, extra: Record<string, string>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...api, ...extra, format: 'csv' })) if (v) p.set(k, String(v));
  return `?${p.toString()}`;
}

export function shortDate(locale: string, day: string, interval: Interval): string {
  const d = new Date(`${day}T00:00:00Z`);
  const options: Intl.DateTimeFormatOptions =
    interval === 'month'
      ? { month: 'short', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(d);
}

function KpiCards({ row }: { row: KpiRow }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const f = (id: MetricId) => formatMetric(fmt.locale, METRICS[id].kind, METRICS[id].get(row));
  type Card = { id: string; label: string; value: string; raw: number | null; sub?: string };
  /** A duration's card: its median, and its 90th percentile below. */
  const medianCard = (id: string, label: string, median: MetricId, p90: MetricId): Card => ({
    id,
    label,
    value: f(median),
    raw: METRICS[median].get(row),
    sub: t('insight.cards.p90', { value: f(p90) }),
  });
  const cards: Card[] = [
    {
      id: 'tickets',
      label: t('insight.metrics.tickets'),
      value: f('tickets'),
      raw: row.tickets,
      sub: t('insight.cards.solved', { n: fmt.number(row.solved) }),
    },
    medianCard('first-response', t('insight.cards.firstResponse'), 'firstResponseMedian', 'firstResponseP90'),
    medianCard(
      'first-response-business',
      t('insight.cards.firstResponseBusiness'),
      'firstResponseBusinessMedian',
      'firstResponseBusinessP90',
    ),
    medianCard('resolution', t('insight.cards.resolution'), 'resolutionMedian', 'resolutionP90'),
    medianCard(
      'resolution-business',
      t('insight.cards.resolutionBusiness'),
      'resolutionBusinessMedian',
      'resolutionBusinessP90',
    ),
    {
      id: 'reopen',
      label: t('insight.metrics.reopenRate'),
      value: f('reopenRate'),
      raw: row.reopenRate,
    },
    {
      id: 'sla',
      label: t('insight.metrics.slaAttainment'),
      value: f('slaAttainment'),
      raw: row.slaAttainment,
      sub: t('insight.cards.measured', { n: row.slaMeasured }),
    },
    {
      id: 'csat',
      // Help-desk users read CSAT as the share of satisfied customers; the mean score comes second.
      label: t('insight.metrics.csatSatisfied'),
      value: f('csatSatisfied'),
      raw: row.csatSatisfiedShare,
      sub: t('insight.cards.csatMean', { mean: f('csatMean'), n: row.csatResponses }),
    },
    {
      id: 'handoffs',
      label: t('insight.metrics.handoffsPerTicket'),
      value: f('handoffsPerTicket'),
      raw: row.handoffsPerTicket,
      sub: t('insight.cards.handedOff', { share: formatMetric(fmt.locale, 'ratio', row.handedOffShare) }),
    },
  ];
  if (row.calls.measured > 0)
    cards.push({
      id: 'calls',
      label: t('insight.metrics.abandonmentRate'),
      value: f('abandonmentRate'),
      raw: row.calls.abandonmentRate,
      sub: t('insight.cards.handle', { value: f('handleMedian') }),
    });
  return (
    <dl className="insight-kpis" aria-label={t('insight.cards.label')}>
      {cards.map((c) => (
        <div key={c.id} className="insight-kpi" data-testid={`kpi-${c.id}`} data-value={c.raw ?? ''}>
          <dt>{c.label}</dt>
          <dd className="insight-kpi-value">{c.value}</dd>
          {c.sub ? <dd className="insight-kpi-sub">{c.sub}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

/** In-house against vendors, KPI by KPI, with a bar for each so the gap is visible. */
function SideBySide({ kinds }: { kinds: KpiRow[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const filter = useInsightFilter();
  const byKind = (k: string) => kinds.find((r) => r.key === k);
  const columns = (['in_house', 'vendor'] as const).map((k) => ({ kind: k, row: byKind(k) }));
  const rowsFor = () =>
    SIDE_METRICS.map((id) => [
      metricLabel(t, id),
      ...columns.map((c) => (c.row ? METRICS[id].get(c.row) : null)),
    ]);
  return (
    <Card
      title={t('insight.overview.sideTitle')}
      testId="side-by-side"
      actions={
        <CsvButton
          fileName="in-house-vs-vendor.csv"
          header={[t('insight.kpi'), ...columns.map((c) => t(`providers.kinds.${c.kind}`))]}
          rows={rowsFor}
        />
      }
    >
      <DataTable
        caption={t('insight.overview.sideTitle')}
        rows={SIDE_METRICS.map((id) => {
          const values = columns.map((c) => (c.row ? METRICS[id].get(c.row) : null));
          return { id, values, max: Math.max(0, ...values.map((v) => v ?? 0)) };
        })}
        rowKey={(r) => r.id}
        columns={[
          { key: 'kpi', header: t('insight.kpi'), rowHeader: true, cell: (r) => metricLabel(t, r.id) },
          ...columns.map((c, i) => ({
            key: c.kind,
            header: c.row ? (
              <Link to={ticketsPath({ ...filter.ui, providerKind: c.kind })}>
                {t(`providers.kinds.${c.kind}`)}
              </Link>
            ) : (
              t(`providers.kinds.${c.kind}`)
            ),
            numeric: true,
            cellProps: (r: { id: MetricId }) => ({ 'data-kind': c.kind, 'data-metric': r.id }),
            cell: (r: { id: MetricId; values: (number | null)[]; max: number }) => {
              const v = r.values[i] ?? null;
              return (
                <>
                  <span className="nowrap">{formatMetric(fmt.locale, METRICS[r.id].kind, v)}</span>
                  {v !== null && r.max > 0 ? (
                    <InlineBar share={v / r.max} tone={i === 1 ? 'b' : 'a'} />
                  ) : null}
                </>
              );
            },
          })),
        ]}
      />
    </Card>
  );
}

/** Periods to compare: the chosen range against the same length before it, or else the last 30 days
 * of data (half the data when there is less) against the days before. */
export function comparePeriods(
  ui: { from?: string | undefined; to?: string | undefined },
  lastDay: string | null,
  firstDay: string | null,
): { from: string; to: string; previousFrom: string; previousTo: string } | null {
  if (ui.from && ui.to) {
    const len = daysBetween(ui.from, ui.to) + 1;
    return {
      from: ui.from,
      to: ui.to,
      previousFrom: addDays(ui.from, -len),
      previousTo: addDays(ui.from, -1),
    };
  }
  if (!lastDay || !firstDay) return null;
  const to = ui.to ?? lastDay;
  const start = ui.from ?? firstDay;
  const span = daysBetween(start, to) + 1;
  const len = Math.max(1, Math.min(30, Math.floor(span / 2)));
  const from = addDays(to, -len + 1);
  return { from, to, previousFrom: addDays(from, -len), previousTo: addDays(from, -1) };
}

function PeriodCompare({ volume, interval }: { volume: { start: string }[]; interval: Interval }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const filter = useInsightFilter();
  const first = volume[0]?.start ?? null;
  const last = volume.at(-1)?.start ?? null;
  const periods = useMemo(
    () => comparePeriods(filter.ui, last ? bucketEnd(last, interval) : null, first),
    [filter.ui, first, last, interval],
  );
  const key = JSON.stringify([filter.api, periods]);
  const data = useResource(async () => {
    if (!periods) return null;
    const api = toApiFilter({ ...filter.ui, from: periods.from, to: periods.to });
    const r = await insightApi.compare('none', api, periods.previousFrom, addDays(periods.previousTo, 1));
    return { current: r.current[0], previous: r.previous[0] };
  }, [key]);
  if (!periods) return null;
  const range = (a: string, b: string) => `${fmt.date(`${a}T00:00:00Z`)} – ${fmt.date(`${b}T00:00:00Z`)}`;
  const currentLabel = range(periods.from, periods.to);
  const previousLabel = range(periods.previousFrom, periods.previousTo);
  const rows = SIDE_METRICS.map((id) => {
    const m = METRICS[id];
    const cur = data.data?.current ? m.get(data.data.current) : null;
    const prev = data.data?.previous ? m.get(data.data.previous) : null;
    const change = changeOf(m.kind, cur, prev);
    const better =
      change === null || change === 0 || m.lowerIsBetter === null ? null : change > 0 !== m.lowerIsBetter;
    return {
      id,
      m,
      cur,
      prev,
      change,
      better,
      format: (v: number | null) => formatMetric(fmt.locale, m.kind, v),
    };
  });
  return (
    <Card
      title={t('insight.overview.compareTitle')}
      testId="period-compare"
      actions={
        <CsvButton
          fileName="period-comparison.csv"
          header={[t('insight.kpi'), currentLabel, previousLabel]}
          rows={() => rows.map((r) => [metricLabel(t, r.id), r.cur, r.prev])}
        />
      }
    >
      <p className="muted">
        {t('insight.overview.compareIntro', { current: currentLabel, previous: previousLabel })}
      </p>
      <DataTable
        caption={t('insight.overview.compareTitle')}
        rows={data.data ? rows : undefined}
        rowKey={(r) => r.id}
        loading={data.loading}
        error={data.error}
        onRetry={data.reload}
        columns={[
          { key: 'kpi', header: t('insight.kpi'), rowHeader: true, cell: (r) => metricLabel(t, r.id) },
          { key: 'current', header: currentLabel, numeric: true, nowrap: true, cell: (r) => r.format(r.cur) },
          {
            key: 'previous',
            header: previousLabel,
            numeric: true,
            nowrap: true,
            cell: (r) => r.format(r.prev),
          },
          {
            key: 'change',
            header: t('insight.overview.change'),
            numeric: true,
            nowrap: true,
            cellProps: (r) =>
              r.better === null
                ? {}
                : { className: `num nowrap ${r.better ? 'insight-better' : 'insight-worse'}` },
            cell: (r) => (
              <>
                {r.change === null
                  ? '—'
                  : r.m.kind === 'ratio'
                    ? t('insight.overview.points', {
                        value: formatNumber(fmt.locale, r.change * 100, {
                          maximumFractionDigits: 1,
                          signDisplay: 'exceptZero',
                        }),
                      })
                    : formatNumber(fmt.locale, r.change, {
                        style: 'percent',
                        maximumFractionDigits: 1,
                        signDisplay: 'exceptZero',
                      })}
                {r.better === null ? null : (
                  <span className="visually-hidden">
                    {' '}
                    {r.better ? t('insight.overview.better') : t('insight.overview.worse')}
                  </span>
                )}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Ratios change by percentage points; everything else by relative change. */
function changeOf(kind: string, cur: number | null, prev: number | null): number | null {
  if (cur === null || prev === null) return null;
  if (kind === 'ratio') return cur - prev;
  if (prev === 0) return null;
  return (cur - prev) / prev;
}
