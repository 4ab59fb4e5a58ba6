// Plan → Plans → Compare: two or more saved plans side by side (volume, required agents, paid hours,
// cost, each provider's share), each figure's difference from the first plan, the ones that differ
// highlighted; and a saved plan's actual volume against its forecast once the tickets arrive.
import type {
  ListResponse,
  PlanActuals,
  PlanComparison,
  Provider,
  SavedPlan,
} from '@shoreline/server/contract';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../lib/api';
import { ErrorBanner, Loading } from '../../lib/ui';
import { useResource } from '../../lib/useResource';
import { PlanSeriesChart } from './PlanForecastChart';
import { usePlanFormat } from './usePlanFormat';

type Row = PlanComparison['rows'][number];

const HOURS = new Set(['requiredHours', 'paidHours']);

/** The comparison of the plans named in `?ids=a,b,…`, in that order. */
export function PlanComparisonView() {
  const { t } = useTranslation();
  const f = usePlanFormat();
  const [params] = useSearchParams();
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean);
  const key = ids.join(',');
  const comparison = useResource(
    () => api.post<PlanComparison>('/plan/plans/compare', { ids: key.split(',').filter(Boolean) }),
    [key],
  );
  if (comparison.error) return <ErrorBanner error={comparison.error} onRetry={comparison.reload} />;
  if (!comparison.data) return <Loading />;
  const c = comparison.data;
  const value = (r: Row, v: number) =>
    r.metric === 'cost' ? f.dec(v, 2) : HOURS.has(r.metric) ? f.dec(v, 1) : f.int(v);
  const label = (r: Row) => {
    const metric = t(`plan.plans.compare.metric.${r.metric}` as 'plan.plans.compare.metric.volume');
    return r.provider ? t('plan.plans.compare.providerMetric', { provider: r.provider, metric }) : metric;
  };
  return (
    <section aria-labelledby="plan-compare-title" data-testid="plan-comparison">
      <p>
        <Link to="/plan/plans">{t('plan.plans.back')}</Link>
      </p>
      <h2 id="plan-compare-title">{t('plan.plans.compare.title')}</h2>
      <p>{t('plan.plans.compare.intro', { name: c.plans[0]?.name ?? '' })}</p>
      <div className="table-wrap">
        <table className="plan-compare">
          <caption>{t('plan.plans.compare.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.plans.compare.figure')}</th>
              {c.plans.map((p) => (
                <th scope="col" key={p.id}>
                  <Link to={`/plan/plans/${p.id}`}>{p.name}</Link>
                  <br />
                  <small>
                    {t('plan.plans.compare.planInfo', {
                      start: p.forecastStart.replace('T', ' '),
                      days: p.horizonDays,
                      method: p.method,
                    })}
                  </small>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {c.rows.map((r) => (
              <tr
                key={`${r.provider ?? ''}:${r.metric}`}
                className={r.differs ? 'plan-compare-differs' : undefined}
                data-differs={r.differs}
                data-testid={`compare-row-${r.provider ?? 'total'}-${r.metric}`}
              >
                <th scope="row">
                  {label(r)}
                  {r.differs ? (
                    <span className="badge plan-compare-badge">{t('plan.plans.compare.differs')}</span>
                  ) : null}
                </th>
                {r.values.map((v, i) => (
                  <td key={c.plans[i]!.id} className="num">
                    {value(r, v)}
                    {i > 0 && r.deltas[i] !== 0 ? (
                      <small className="plan-compare-delta">
                        {' '}
                        {t('plan.plans.compare.delta', {
                          delta: `${r.deltas[i]! > 0 ? '+' : '−'}${value(r, Math.abs(r.deltas[i]!))}`,
                          pct: r.relative[i] === null ? '—' : f.pct(r.relative[i]!, 1),
                        })}
                      </small>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Actual against plan: the tickets that arrived in the horizon against the forecast, and the error so far. */
export function PlanActualsCard({ plan }: { plan: SavedPlan }) {
  const { t } = useTranslation();
  const f = usePlanFormat();
  const actuals = useResource(
    () => api.get<PlanActuals>(`/plan/plans/${encodeURIComponent(plan.id)}/actuals`),
    [plan.id],
  );
  const providers = useResource(async () => (await api.get<ListResponse<Provider>>('/providers')).items, []);
  if (actuals.error) return <ErrorBanner error={actuals.error} onRetry={actuals.reload} />;
  if (!actuals.data) return <Loading />;
  const a = actuals.data;
  // The tickets counted: the plan's scope (its history's filter, or the scope declared with an upload).
  const providerName = (id: string) => providers.data?.find((p) => p.id === id)?.name ?? id;
  const counted =
    [
      a.scope.queue,
      a.scope.channel && t(`insight.channels.${a.scope.channel}`, { defaultValue: a.scope.channel }),
      a.scope.language,
      a.scope.providerId && providerName(a.scope.providerId),
    ]
      .filter(Boolean)
      .join(' · ') || t('plan.plans.actuals.allTickets');
  return (
    <section className="card" data-testid="plan-actuals">
      <h2>{t('plan.plans.actuals.title')}</h2>
      <p data-testid="plan-actuals-summary">
        {a.elapsed === 0 || a.mae === null
          ? t('plan.plans.actuals.none')
          : t('plan.plans.actuals.summary', {
              elapsed: f.int(a.elapsed),
              total: f.int(a.forecast.length),
              mae: f.dec(a.mae, 1),
              wape: a.wape === null ? '—' : f.pct(a.wape, 1),
              bias: `${(a.bias ?? 0) > 0 ? '+' : ''}${f.int(a.bias ?? 0)}`,
            })}
      </p>
      <p data-testid="plan-actuals-scope">{t('plan.plans.actuals.scope', { scope: counted })}</p>
      <PlanSeriesChart
        testId="plan-actuals-chart"
        title={t('plan.plans.actuals.title')}
        description={t('plan.plans.actuals.chartDesc')}
        first={{ label: t('plan.plans.forecast'), values: a.forecast }}
        second={{ label: t('plan.plans.actuals.actual'), values: a.actual.slice(0, a.elapsed) }}
        after={false}
      />
    </section>
  );
}
