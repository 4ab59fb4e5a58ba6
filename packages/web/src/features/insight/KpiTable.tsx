// A KPI table: one row per group, medians and p90 side by side; each group name drills down to its
// tickets (the keyboard path of every chart click). Sortable by any metric (the kit's DataTable).

import type { GroupBy, KpiRow } from '@shoreline/server/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type Column, DataTable } from '../../kit/DataTable';
import { useFormat } from '../../lib/useFormat';
import { groupFilter, ticketsPath, type UiFilter } from './filters';
import { groupLabel } from './labels';
import { formatMetric, METRICS, type MetricId, metricLabel } from './metrics';

export function KpiTable(props: {
  caption: string;
  groupBy: GroupBy;
  rows: KpiRow[];
  metrics: MetricId[];
  /** The page's filter, to which the group's own filter is added for the drill-down. */
  base: UiFilter;
  testId?: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const label = (row: KpiRow) => groupLabel(t, fmt, props.groupBy, row);
  const columns: Column<KpiRow>[] = [
    {
      key: 'group',
      header: t(`insight.groupBy.${props.groupBy as 'provider'}`),
      rowHeader: true,
      sortValue: label,
      cell: (row) => {
        const own = groupFilter(props.groupBy, row.key);
        return own ? (
          <Link
            to={ticketsPath({ ...props.base, ...own })}
            title={t('insight.drillTitle', { name: label(row) })}
          >
            {label(row)}
          </Link>
        ) : (
          label(row)
        );
      },
    },
    ...props.metrics.map((id): Column<KpiRow> => {
      const metric = METRICS[id];
      return {
        key: id,
        header: metricLabel(t, id),
        numeric: true,
        sortValue: (row) => metric.get(row),
        cell: (row) => formatMetric(fmt.locale, metric.kind, metric.get(row)),
        cellProps: (row) => ({ 'data-metric': id, 'data-value': metric.get(row) ?? '' }),
      };
    }),
  ];
  return (
    <DataTable
      caption={props.caption}
      columns={columns}
      rows={props.rows}
      rowKey={(row) => row.key ?? '∅'}
      rowProps={(row) => ({ 'data-key': row.key ?? '' })}
      testId={props.testId}
      compact
    />
  );
}
