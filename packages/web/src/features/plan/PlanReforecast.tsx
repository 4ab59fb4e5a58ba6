// Plan → Plans → a saved plan: the rest of today reforecast from the tickets that arrived so far
// (GET /api/plan/plans/{id}/reforecast, decision 0061). One chart over today's intervals: the plan,
// the tickets of the intervals ended, and the reforecast of the rest with its 95 % band. Kit chart
// parts (mirrored right to left).
import type { PlanReforecast, SavedPlan } from '@shoreline/server/contract';
import { useTranslation } from 'react-i18next';
import { Baseline, Chart, useRtl, ValueAxis } from '../../kit/chart/Chart';
import { frame, linearY, niceTicks } from '../../kit/chart/scale';
import { ApiError, api } from '../../lib/api';
import { ErrorBanner, Loading } from '../../lib/ui';
import { useResource } from '../../lib/useResource';
import { usePlanFormat } from './usePlanFormat';

const PAD = { start: 46, end: 14, top: 14, bottom: 24 };

function line(values: readonly number[], x: (i: number) => number, y: (v: number) => number): string {
  return values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)} ${y(v).toFixed(1)}`).join('');
}

/** Today's reforecast, or null when today is not a day of the plan's forecast (the server's 400 on `day`). */
async function loadReforecast(plan: SavedPlan): Promise<PlanReforecast | null> {
  // The server counts the plan's own scope (its queue, channel, language, provider), as for actuals.
  try {
    return await api.get<PlanReforecast>(`/plan/plans/${encodeURIComponent(plan.id)}/reforecast`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 400 && e.problem.field === 'query.day') return null;
    throw e;
  }
}

/** "Reforecast the rest of today": plan, actual so far and the reforecast with its band, today's intervals. */
export function PlanReforecastCard({ plan }: { plan: SavedPlan }) {
  const { t } = useTranslation();
  const f = usePlanFormat();
  const rtl = useRtl();
  const made = useResource(() => loadReforecast(plan), [plan.id, plan.version]);
  if (made.error) return <ErrorBanner error={made.error} onRetry={made.reload} />;
  if (made.data === undefined) return <Loading />;
  const r = made.data;
  if (r === null)
    return (
      <section className="card" data-testid="plan-reforecast">
        <h2>{t('plan.plans.reforecast.title')}</h2>
        <p data-testid="plan-reforecast-summary">{t('plan.plans.reforecast.outside')}</p>
      </section>
    );
  const fr = frame(900, 240, PAD, rtl);
  const n = r.dayAhead.length;
  const peak = Math.max(1, ...r.dayAhead, ...r.actual, ...r.reforecast.upper);
  const ticks = niceTicks(peak);
  const y = linearY(fr, ticks.at(-1) ?? 1);
  const x = (i: number) => fr.x(PAD.start + (i / Math.max(1, n - 1)) * fr.plotWidth);
  const later = (i: number) => x(i + r.closed);
  const band =
    r.reforecast.volume.length > 0
      ? `${line(r.reforecast.upper, later, y)}${r.reforecast.lower
          .map((v, i) => `L${later(i).toFixed(1)} ${y(v).toFixed(1)}`)
          .reverse()
          .join('')}Z`
      : null;
  const summary =
    r.closed === 0
      ? t('plan.plans.reforecast.none')
      : t('plan.plans.reforecast.summary', {
          closed: f.int(r.closed),
          total: f.int(n),
          actual: f.int(r.actualSoFar),
          expected: f.int(r.expectedSoFar),
          multiplier: f.dec(r.multiplier, 2),
          reforecast: f.int(r.reforecastTotal),
          planned: f.int(r.dayAheadTotal),
        });
  return (
    <section className="card" data-testid="plan-reforecast">
      <h2>{t('plan.plans.reforecast.title')}</h2>
      <p data-testid="plan-reforecast-summary">{summary}</p>
      <Chart
        frame={fr}
        title={t('plan.plans.reforecast.title')}
        description={`${t('plan.plans.reforecast.chartDesc')} ${summary}`}
        className="plan-series-chart"
        testId="plan-reforecast-chart"
        legend={[
          { key: 'plan', label: t('plan.plans.reforecast.plan'), swatch: 'plan-swatch-required' },
          { key: 'actual', label: t('plan.plans.actuals.actual'), swatch: 'plan-swatch-actual' },
          { key: 'reforecast', label: t('plan.plans.reforecast.line'), swatch: 'plan-swatch-reforecast' },
          ...(band ? [{ key: 'band', label: t('plan.plans.band'), swatch: 'plan-swatch-night' }] : []),
        ]}
      >
        <ValueAxis frame={fr} ticks={ticks} y={y} format={f.int} />
        {band ? <path className="plan-night" d={band} /> : null}
        <path className="plan-line-required" d={line(r.dayAhead, x, y)} />
        {r.actual.length > 0 ? <path className="plan-line-forecast" d={line(r.actual, x, y)} /> : null}
        {r.reforecast.volume.length > 0 ? (
          <path className="plan-line-reforecast" d={line(r.reforecast.volume, later, y)} />
        ) : null}
        <Baseline frame={fr} y={y(0)} />
      </Chart>
    </section>
  );
}
