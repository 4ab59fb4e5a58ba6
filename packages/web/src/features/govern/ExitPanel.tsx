import type { ExitReadiness } from '@shoreline/server/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Facts } from '../../kit/Facts';
import { ErrorBanner } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { governApi } from './api';

/** Could the in-house team take the vendor's volume back, and by when? With the notice dates. */
// The server's evidence items, each with its label in the catalogs.
const EVIDENCE = {
  notice_dates: 'govern.exit.evidence.notice_dates',
  notice_not_passed: 'govern.exit.evidence.notice_not_passed',
  capacity: 'govern.exit.evidence.capacity',
  knowledge_client_owned: 'govern.exit.evidence.knowledge_client_owned',
  runbook: 'govern.exit.evidence.runbook',
  export_tested: 'govern.exit.evidence.export_tested',
} as const;

export function ExitPanel(props: { contractId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [agents, setAgents] = useState('0');
  const [weeks, setWeeks] = useState('8');
  const [period, setPeriod] = useState('');
  const [result, setResult] = useState<ExitReadiness>();
  const [error, setError] = useState<unknown>();
  const run = async () => {
    setError(undefined);
    try {
      setResult(await governApi.exitReadiness(props.contractId, Number(agents), Number(weeks), period));
    } catch (err) {
      setResult(undefined);
      setError(err);
    }
  };
  return (
    <section aria-labelledby="exit-title">
      <h3 id="exit-title">{t('govern.exit.title')}</h3>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label>
          {t('govern.exit.inHouseAgents')}
          <input
            type="number"
            min="0"
            step="1"
            value={agents}
            onChange={(e) => setAgents(e.target.value)}
            required
          />
        </label>
        <label>
          {t('govern.exit.hiringLeadWeeks')}
          <input
            type="number"
            min="0"
            step="1"
            value={weeks}
            onChange={(e) => setWeeks(e.target.value)}
            required
          />
        </label>
        <label>
          {t('govern.exit.period')}
          <input type="month" value={period} onChange={(e) => setPeriod(e.target.value)} />
        </label>
        <button type="submit">{t('govern.exit.check')}</button>
      </form>
      <ErrorBanner error={error} />
      {result ? (
        <Facts
          testId="exit-readiness"
          items={[
            {
              label: t('govern.exit.score'),
              value: fmt.number(result.scoreBp / 10_000, { style: 'percent' }),
            },
            { label: t('govern.exit.noticeBy'), value: fmt.date(result.noticeBy) },
            { label: t('govern.exit.endsOn'), value: fmt.date(result.endsOn) },
            { label: t('govern.exit.needed'), value: fmt.number(result.peakScheduledAgents) },
            { label: t('govern.exit.gap'), value: fmt.number(result.gapAgents) },
            { label: t('govern.exit.readyOn'), value: fmt.date(result.readyOn) },
          ]}
        />
      ) : null}
      {result ? (
        <ul data-testid="exit-evidence">
          {result.evidence.map((e) => (
            <li key={e.item} data-met={e.met} title={e.detail}>
              {e.item in EVIDENCE ? t(EVIDENCE[e.item as keyof typeof EVIDENCE]) : e.item}:{' '}
              {t(e.met ? 'govern.exit.met' : 'govern.exit.notMet')}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
