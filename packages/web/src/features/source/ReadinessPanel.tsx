// The readiness questionnaire: each question answered from the business's own data where it can
// be (with the figures), and marked where only the user can answer.

import { useTranslation } from 'react-i18next';
import { ErrorBanner, Loading } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { sourceApi } from './api';

export function ReadinessPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const readiness = useResource(() => sourceApi.readiness(), []);
  if (readiness.error) return <ErrorBanner error={readiness.error} onRetry={readiness.reload} />;
  if (!readiness.data) return <Loading />;
  const data = readiness.data;
  const show = (value: number | string | string[]) =>
    Array.isArray(value) ? f.list(value) : typeof value === 'number' ? f.number(value) : value;
  return (
    <section aria-labelledby="source-readiness">
      <h2 id="source-readiness">{t('source.tabs.readiness')}</h2>
      <p>{t('source.readiness.intro', { count: data.tickets })}</p>
      <table className="source-table" data-testid="readiness">
        <thead>
          <tr>
            <th scope="col">{t('source.readiness.question')}</th>
            <th scope="col">{t('source.readiness.answer')}</th>
            <th scope="col">{t('source.readiness.evidence')}</th>
          </tr>
        </thead>
        <tbody>
          {data.answers.map((a) => (
            <tr key={a.question} data-status={a.status}>
              <th scope="row">{t(`source.question.${a.question}` as 'source.question.complexity')}</th>
              <td className={`source-status-${a.status}`}>
                {t(`source.status.${a.status}` as 'source.status.measured')}
                {a.leaning ? ` → ${t(`source.leaning.${a.leaning}` as 'source.leaning.hybrid')}` : ''}
              </td>
              <td>
                {Object.entries(a.evidence)
                  .map(([k, v]) => `${k}: ${show(v)}`)
                  .join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('source.readiness.segments')}</h3>
      <table className="source-table">
        <tbody>
          {data.segments.map((s) => (
            <tr key={`${s.language}-${s.hours}-${s.tier}`}>
              <th scope="row">
                {f.language(s.language)} · {t(`source.hours.${s.hours}` as 'source.hours.business')} ·{' '}
                {t(`source.tier.${s.tier}` as 'source.tier.simple')}
              </th>
              <td>{t(`source.leaning.${s.grade}` as 'source.leaning.hybrid')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
