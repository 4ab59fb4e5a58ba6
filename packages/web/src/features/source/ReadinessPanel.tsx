// The readiness questionnaire: each question answered from the business's own data where it can
// be (with the figures), and marked where only the user can answer.

import type { SourceReadiness } from '@shoreline/server/contract';
import { useTranslation } from 'react-i18next';
import { textColumn } from '../../kit/columns';
import { DataTable } from '../../kit/DataTable';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { sourceApi } from './api';

type Answer = SourceReadiness['answers'][number];
type Segment = SourceReadiness['segments'][number];

export function ReadinessPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const readiness = useResource(() => sourceApi.readiness(), []);
  const data = readiness.data;
  const show = (value: number | string | string[]) =>
    Array.isArray(value) ? f.list(value) : typeof value === 'number' ? f.number(value) : value;
  const leaning = (l: string) => t(`source.leaning.${l}` as 'source.leaning.hybrid');
  const table = { loading: readiness.loading, error: readiness.error, onRetry: readiness.reload };
  return (
    <section aria-labelledby="source-readiness">
      <h2 id="source-readiness">{t('source.tabs.readiness')}</h2>
      {data ? <p>{t('source.readiness.intro', { count: data.tickets })}</p> : null}
      <DataTable<Answer>
        {...table}
        caption={t('source.tabs.readiness')}
        testId="readiness"
        rows={data?.answers}
        rowKey={(a) => a.question}
        rowProps={(a) => ({ 'data-status': a.status })}
        columns={[
          textColumn<Answer>(
            'question',
            t('source.readiness.question'),
            (a) => t(`source.question.${a.question}` as 'source.question.complexity'),
            { rowHeader: true },
          ),
          textColumn<Answer>(
            'answer',
            t('source.readiness.answer'),
            (a) =>
              `${t(`source.status.${a.status}` as 'source.status.measured')}${a.leaning ? ` → ${leaning(a.leaning)}` : ''}`,
            { cellProps: (a) => ({ className: `source-status-${a.status}` }) },
          ),
          textColumn<Answer>('evidence', t('source.readiness.evidence'), (a) =>
            Object.entries(a.evidence)
              .map(([k, v]) => `${k}: ${show(v)}`)
              .join(' · '),
          ),
        ]}
      />
      <h3>{t('source.readiness.segments')}</h3>
      <DataTable<Segment>
        {...table}
        caption={t('source.readiness.segments')}
        rows={data?.segments}
        rowKey={(s) => `${s.channel}-${s.language}-${s.hours}-${s.tier}`}
        columns={[
          textColumn<Segment>(
            'segment',
            t('source.readiness.segments'),
            (s) =>
              `${s.channel === 'all' ? '' : `${t(`teams.channel.${s.channel}` as 'teams.channel.email', { defaultValue: s.channel })} · `}${f.language(s.language)} · ${t(`source.hours.${s.hours}` as 'source.hours.business')} · ${t(`source.tier.${s.tier}` as 'source.tier.simple')}`,
            { rowHeader: true },
          ),
          textColumn<Segment>('grade', t('source.readiness.answer'), (s) => leaning(s.grade)),
          textColumn<Segment>('reasons', t('source.readiness.evidence'), (s) => s.reasons.join(' · ')),
        ]}
      />
    </section>
  );
}
