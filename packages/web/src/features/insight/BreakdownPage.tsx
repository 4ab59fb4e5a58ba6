// Insight → Breakdown: KPIs grouped by one dimension, as a bar chart (a heatmap for hours of the
// week) and a table with medians and p90; filters in the URL; any bar, cell or row opens the tickets
// behind it (nested route /insight/breakdown/tickets).

import type { GroupBy } from '@shoreline/server/contract';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate } from 'react-router-dom';
import { OptionSelect, optionsOf } from '../../kit/fields';
import { ErrorBanner, Loading, PageHeader } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { BREAKDOWN_GROUP_BYS, csvUrl, insightApi } from './api';
import { BarChart, HourHeatmap } from './charts';
import {
  Card,
  CsvLink,
  EmptyInsight,
  FilterBar,
  Labelled,
  LeftOutNote,
  MetricSelect,
  useInsightPage,
} from './components';
import { groupFilter, ticketsPath } from './filters';
import { KpiTable } from './KpiTable';
import { groupLabel, hourOfWeekLabel } from './labels';
import { CHART_METRICS, formatMetric, METRICS, type MetricId, metricLabel, TABLE_METRICS } from './metrics';
import { TicketPage } from './TicketPage';
import { TicketsView } from './TicketsView';
import './insight.css';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export function BreakdownPage() {
  return (
    <Routes>
      <Route index element={<Breakdown />} />
      <Route path="tickets" element={<TicketsView />} />
      <Route path="tickets/:id" element={<TicketPage />} />
    </Routes>
  );
}

function Breakdown() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const { filter, options, key: filterKey, filtered } = useInsightPage();
  const groupBy: GroupBy = filter.choice('groupBy', BREAKDOWN_GROUP_BYS, 'provider');
  const metric: MetricId = filter.choice('metric', CHART_METRICS, 'tickets');
  // Hours of the week read best in clock order; other groups come largest first.
  const table = useResource(() => insightApi.kpiTable(groupBy, filter.api), [filterKey, groupBy]);
  const sorted = table.data?.rows;
  const rows = {
    ...table,
    data:
      groupBy === 'hour_of_week' && sorted
        ? [...sorted].sort((a, b) => Number(a.key) - Number(b.key))
        : sorted,
  };
  const { setParam } = filter;
  const m = METRICS[metric];
  const drill = (key: string | null) => {
    const own = groupFilter(groupBy, key);
    return own ? () => navigate(ticketsPath({ ...filter.ui, ...own })) : undefined;
  };
  const chartTitle = t('insight.chartTitle', {
    metric: metricLabel(t, metric),
    group: t(`insight.groupBy.${groupBy as 'provider'}`),
  });

  let chart = null;
  if (rows.data && groupBy === 'hour_of_week') {
    const values: (number | null)[] = Array.from({ length: 168 }, () => null);
    for (const r of rows.data) if (r.key !== null) values[Number(r.key)] = m.get(r);
    chart = (
      <HourHeatmap
        title={chartTitle}
        values={values}
        dayLabel={(d) => fmt.weekday(DAYS[d] ?? 'mon', 'short')}
        display={(how) =>
          `${hourOfWeekLabel(fmt, how)}: ${formatMetric(fmt.locale, m.kind, values[how] ?? null)}`
        }
        onSelect={(how) => navigate(ticketsPath({ ...filter.ui, hourOfWeek: String(how) }))}
      />
    );
  } else if (rows.data) {
    chart = (
      <BarChart
        testId="breakdown-chart"
        title={chartTitle}
        items={rows.data.map((r) => {
          const value = m.get(r);
          return {
            key: r.key ?? '',
            label: groupLabel(t, fmt, groupBy, r),
            value,
            display: formatMetric(fmt.locale, m.kind, value),
            onSelect: drill(r.key),
          };
        })}
      />
    );
  }

  return (
    <>
      <PageHeader title={t('insight.breakdown.title')} intro={t('insight.breakdown.intro')} />
      <FilterBar filter={filter} options={options.data} />
      <div className="insight-toolbar">
        <Labelled label={t('insight.groupByLabel')}>
          {(id) => (
            <OptionSelect
              id={id}
              value={groupBy}
              onValue={(g) => setParam('groupBy', g)}
              options={optionsOf(BREAKDOWN_GROUP_BYS, (g) => t(`insight.groupBy.${g}`))}
            />
          )}
        </Labelled>
        <MetricSelect value={metric} onChange={(m) => setParam('metric', m)} />
      </div>
      <ErrorBanner error={rows.error} onRetry={rows.reload} />
      {rows.loading && !rows.data ? <Loading /> : null}
      {rows.data?.length === 0 ? <EmptyInsight filtered={filtered} /> : null}
      {rows.data && rows.data.length > 0 ? (
        <div className={rows.loading ? 'insight-stale' : undefined} aria-busy={rows.loading}>
          <Card title={chartTitle}>
            {chart}
            <p className="field-help">
              {groupBy === 'hour_of_week'
                ? t('insight.breakdown.heatmapHint', { zone: filter.api.timeZone })
                : t('insight.drillHint')}
            </p>
          </Card>
          <LeftOutNote leftOut={table.data?.leftOut} />
          <Card
            title={t('insight.breakdown.tableTitle', {
              group: t(`insight.groupBy.${groupBy as 'provider'}`),
            })}
            actions={<CsvLink href={csvUrl('kpis', filter.api, { groupBy })} />}
          >
            <KpiTable
              caption={t('insight.breakdown.tableTitle', {
                group: t(`insight.groupBy.${groupBy as 'provider'}`),
              })}
              groupBy={groupBy}
              rows={rows.data}
              metrics={TABLE_METRICS}
              base={filter.ui}
              testId="breakdown-table"
            />
            <p className="field-help">{t('insight.breakdown.tableHelp')}</p>
          </Card>
        </div>
      ) : null}
    </>
  );
}
