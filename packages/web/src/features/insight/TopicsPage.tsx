// Insight → Contact reasons: what customers contact about over time (one small chart per topic on a
// shared scale) and the training-needs view: topics where a team's median resolution lags the others'.

import type { Interval, TopicPoint, TrainingNeed } from '@shoreline/server/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { numberColumn, textColumn } from '../../kit/columns';
import { DataTable } from '../../kit/DataTable';
import { naturalCollator } from '../../lib/naturalSort';
import { ErrorBanner, Loading, PageHeader } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { csvUrl, insightApi } from './api';
import { SmallMultiple } from './charts';
import {
  Card,
  CsvLink,
  EmptyInsight,
  FilterBar,
  INTERVALS,
  LeftOutNote,
  TrendCard,
  useInsightPage,
} from './components';
import { ticketsPath, useInsightFilter } from './filters';
import { topicLabel } from './labels';
import { formatMetric } from './metrics';
import { shortDate } from './OverviewPage';
import './insight.css';

export function TopicsPage() {
  const { t } = useTranslation();
  const { filter, options, key, filtered } = useInsightPage();
  const interval = filter.choice('interval', INTERVALS, 'week');
  const topics = useResource(() => insightApi.topics(interval, filter.api), [key, interval]);
  const trend = { ...topics, data: topics.data?.points };
  const needs = useResource(() => insightApi.trainingNeeds(filter.api), [key]);
  return (
    <>
      <PageHeader title={t('insight.topicsPage.title')} intro={t('insight.topicsPage.intro')} />
      <FilterBar filter={filter} options={options.data} />
      <ErrorBanner error={trend.error ?? needs.error} onRetry={trend.reload} />
      {trend.loading && !trend.data ? <Loading /> : null}
      {trend.data?.length === 0 ? <EmptyInsight filtered={filtered} /> : null}
      {trend.data && trend.data.length > 0 ? (
        <TrendCard
          title={t('insight.topicsPage.trendTitle')}
          filter={filter}
          interval={interval}
          csvHref={csvUrl('topics', filter.api, { interval })}
        >
          <TopicTrend points={trend.data} interval={interval} />
        </TrendCard>
      ) : null}
      <LeftOutNote leftOut={topics.data?.leftOut} />
      {needs.data && needs.data.length > 0 ? <TrainingNeeds items={needs.data} /> : null}
    </>
  );
}

function TopicTrend({ points, interval }: { points: TopicPoint[]; interval: Interval }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const filter = useInsightFilter();
  const buckets = [...new Set(points.map((p) => p.start))].sort();
  const natural = naturalCollator(fmt.locale);
  const index = new Map(buckets.map((b, i) => [b, i]));
  const series = new Map<string | null, number[]>();
  for (const p of points) {
    const values = series.get(p.topic) ?? buckets.map(() => 0);
    values[index.get(p.start) ?? 0] = p.tickets;
    series.set(p.topic, values);
  }
  const total = points.reduce((s, p) => s + p.tickets, 0);
  const topics = [...series.entries()]
    .map(([topic, values]) => ({ topic, values, sum: values.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.sum - a.sum || natural.compare(a.topic ?? '\uffff', b.topic ?? '\uffff'));
  const max = Math.max(1, ...topics.flatMap((s) => s.values));
  const first = buckets[0] ?? '';
  const last = buckets.at(-1) ?? '';
  return (
    <>
      <p className="muted">
        {t('insight.topicsPage.trendIntro', {
          from: shortDate(fmt.locale, first, interval),
          to: shortDate(fmt.locale, last, interval),
          interval: t(`insight.interval.${interval}`),
        })}
      </p>
      <ul className="insight-multiples">
        {topics.map((s) => {
          const name = topicLabel(t, s.topic);
          const peakIndex = s.values.indexOf(Math.max(...s.values));
          const description = t('insight.topicsPage.multipleDesc', {
            total: s.sum,
            share: formatMetric(fmt.locale, 'ratio', total ? s.sum / total : null),
            peak: shortDate(fmt.locale, buckets[peakIndex] ?? first, interval),
          });
          const drill =
            s.topic === null ? undefined : () => navigate(ticketsPath({ ...filter.ui, topic: s.topic! }));
          return (
            <li key={s.topic ?? '∅'} className="insight-multiple-item" data-topic={s.topic ?? ''}>
              <div className="insight-multiple-head">
                {s.topic === null ? (
                  <span className="insight-multiple-name">{name}</span>
                ) : (
                  <Link className="insight-multiple-name" to={ticketsPath({ ...filter.ui, topic: s.topic })}>
                    {name}
                  </Link>
                )}
                <span className="insight-multiple-total">{fmt.number(s.sum)}</span>
              </div>
              <SmallMultiple
                title={t('insight.topicsPage.multipleTitle', { topic: name })}
                description={description}
                values={s.values}
                max={max}
                onSelect={drill}
              />
              <p className="insight-multiple-desc">{description}</p>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function TrainingNeeds({ items }: { items: TrainingNeed[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const filter = useInsightFilter();
  const [onlyLagging, setOnlyLagging] = useState(true);
  const lagging = items.filter((i) => i.lagging);
  const shown = onlyLagging ? lagging : items;
  const duration = (seconds: number) => formatMetric(fmt.locale, 'duration', seconds);
  return (
    <Card
      title={t('insight.training.title')}
      testId="training-needs"
      actions={<CsvLink href={csvUrl('training-needs', filter.api)} />}
    >
      <p className="muted">{t('insight.training.intro')}</p>
      <label className="option">
        <input type="checkbox" checked={onlyLagging} onChange={(e) => setOnlyLagging(e.target.checked)} />
        {t('insight.training.onlyLagging', { n: fmt.number(lagging.length) })}
      </label>
      <DataTable
        caption={t('insight.training.title')}
        rows={shown}
        rowKey={(i) => `${i.teamId}-${i.topic}`}
        rowProps={(i) => (i.lagging ? { className: 'insight-lagging' } : {})}
        empty={<p className="empty">{t('insight.training.none')}</p>}
        pageSize={50}
        columns={[
          {
            key: 'team',
            header: t('insight.training.team'),
            rowHeader: true,
            sortValue: (i) => i.team,
            cell: (i) => (
              <Link
                to={ticketsPath({
                  ...filter.ui,
                  ...(i.teamId ? { teamId: i.teamId } : {}),
                  ...(i.topic ? { topic: i.topic } : {}),
                })}
              >
                {i.team ?? t('insight.none')}
              </Link>
            ),
          },
          textColumn<TrainingNeed>('topic', t('insight.training.topic'), (i) => topicLabel(t, i.topic)),
          numberColumn<TrainingNeed>('tickets', t('insight.metrics.tickets'), (i) => i.tickets, fmt.number),
          numberColumn<TrainingNeed>(
            'teamMedian',
            t('insight.training.teamMedian'),
            (i) => i.resolutionMedianSeconds,
            duration,
            {
              nowrap: true,
            },
          ),
          numberColumn<TrainingNeed>(
            'allMedian',
            t('insight.training.allMedian'),
            (i) => i.allTeamsResolutionMedianSeconds,
            duration,
            { nowrap: true },
          ),
          {
            key: 'lag',
            header: t('insight.training.lag'),
            numeric: true,
            nowrap: true,
            sortValue: (i) => i.lagRatio,
            cell: (i) => (
              <>
                {i.lagRatio === null
                  ? '—'
                  : t('insight.training.times', {
                      value: fmt.number(i.lagRatio, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
                    })}
                {i.lagging ? (
                  <span className="badge insight-badge-lag">{t('insight.training.lagging')}</span>
                ) : null}
              </>
            ),
          },
          numberColumn<TrainingNeed>(
            'csat',
            t('insight.metrics.csatMean'),
            (i) => i.csatMean,
            (v) => formatMetric(fmt.locale, 'ratio', v),
          ),
        ]}
      />
    </Card>
  );
}
