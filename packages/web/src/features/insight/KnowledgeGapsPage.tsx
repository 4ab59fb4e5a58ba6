// Insight → Knowledge gaps: the contact reasons that reach support most, per language, and whether
// the help center answers them (no article, articles that fail to deflect or that readers call
// unhelpful). Figures from GET /api/knowledge/gaps (core knowledgeGaps); vendor staff see their
// own tickets and no session figures.

import type { KnowledgeGaps } from '@shoreline/server/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { numberColumn, textColumn } from '../../kit/columns';
import { DataTable } from '../../kit/DataTable';
import { ErrorBanner, Loading, PageHeader } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { knowledgeApi, recentRange } from '../knowledge/api';
import { BarChart } from './charts';
import { Card, Segmented } from './components';
import { topicLabel } from './labels';
import './insight.css';

type Row = KnowledgeGaps['rows'][number];
const PERIODS = ['30', '90', '365'] as const;

export function KnowledgeGapsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [days, setDays] = useState<(typeof PERIODS)[number]>('90');
  const gaps = useResource(() => {
    const r = recentRange(Number(days));
    return knowledgeApi.gaps(r.from, r.to);
  }, [days]);
  const percent = (v: number) => fmt.number(v, { style: 'percent', maximumFractionDigits: 0 });
  const count = (n: number) => fmt.number(n);
  const open = gaps.data?.rows.filter((r) => r.reason !== null) ?? [];
  return (
    <>
      <PageHeader title={t('insight.gaps.title')} intro={t('insight.gaps.intro')} />
      <Segmented
        label={t('insight.gaps.period')}
        value={days}
        options={PERIODS.map((d) => ({ value: d, label: t('insight.gaps.days', { n: Number(d) }) }))}
        onChange={setDays}
      />
      <ErrorBanner error={gaps.error} onRetry={gaps.reload} />
      {gaps.loading && !gaps.data ? <Loading /> : null}
      {gaps.data ? (
        <>
          {open.length > 0 ? (
            <Card title={t('insight.gaps.chartTitle')}>
              <BarChart
                title={t('insight.gaps.chartTitle')}
                testId="knowledge-gaps-chart"
                items={open.slice(0, 12).map((r) => ({
                  key: `${r.topic}-${r.language}`,
                  label: `${topicLabel(t, r.topic)} · ${fmt.language(r.language)}`,
                  value: r.tickets,
                  display: `${fmt.number(r.tickets)} · ${t(`insight.gaps.reason.${r.reason!}`)}`,
                }))}
              />
            </Card>
          ) : null}
          {!gaps.data.deflectionShown ? <p className="muted">{t('insight.gaps.noSessions')}</p> : null}
          <DataTable<Row>
            caption={t('insight.gaps.tableTitle')}
            rows={gaps.data.rows}
            rowKey={(r) => `${r.topic}-${r.language}`}
            empty={<p className="empty">{t('insight.gaps.none')}</p>}
            pageSize={50}
            columns={[
              textColumn<Row>('topic', t('insight.gaps.topic'), (r) => topicLabel(t, r.topic)),
              textColumn<Row>('language', t('insight.gaps.language'), (r) => fmt.language(r.language)),
              numberColumn<Row>('tickets', t('insight.gaps.tickets'), (r) => r.tickets, count),
              numberColumn<Row>('share', t('insight.gaps.share'), (r) => r.share, percent),
              textColumn<Row>('articles', t('insight.gaps.articles'), (r) =>
                r.articles.length === 0 ? null : r.articles.map((a) => a.title).join(', '),
              ),
              numberColumn<Row>('rate', t('insight.gaps.selfService'), (r) => r.selfServiceRate, percent),
              textColumn<Row>('helpful', t('insight.gaps.helpful'), (r) =>
                r.helpfulYes + r.helpfulNo === 0 ? null : `${r.helpfulYes} / ${r.helpfulYes + r.helpfulNo}`,
              ),
              textColumn<Row>('reason', t('insight.gaps.gap'), (r) =>
                r.reason === null ? t('insight.gaps.covered') : t(`insight.gaps.reason.${r.reason}`),
              ),
            ]}
          />
        </>
      ) : null}
    </>
  );
}
