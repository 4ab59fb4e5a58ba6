// A KPI table: one row per group, medians and p90 side by side; each group name drills down to its
// tickets (the keyboard path of every chart click).

import type { GroupBy, KpiRow } from '@shoreline/server/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
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
  return (
    <div className="table-wrap">
      <table className="insight-table" data-testid={props.testId}>
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`insight.groupBy.${props.groupBy as 'provider'}`)}</th>
            {props.metrics.map((id) => (
              <th key={id} scope="col" className="num">
                {metricLabel(t, id)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => {
            const label = groupLabel(t, fmt, props.groupBy, row);
            const own = groupFilter(props.groupBy, row.key);
            return (
              <tr key={row.key ?? '∅'} data-key={row.key ?? ''}>
                <th scope="row">
                  {own ? (
                    <Link
                      to={ticketsPath({ ...props.base, ...own })}
                      title={t('insight.drillTitle', { name: label })}
                    >
                      {label}
                    </Link>
                  ) : (
                    label
                  )}
                </th>
                {props.metrics.map((id) => {
                  const metric = METRICS[id];
                  const value = metric.get(row);
                  return (
                    <td key={id} className="num nowrap" data-metric={id} data-value={value ?? ''}>
                      {formatMetric(fmt.locale, metric.kind, value)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
