import type { ExitReadiness } from '@shoreline/server/contract';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Facts } from '../../kit/Facts';
import { ActionForm, InlineInputs } from '../../kit/fields';
import { useFieldValues } from '../../kit/useFieldValues';
import { fieldMessages } from '../../lib/errors';
import { browserTimeZone, canonicalTimeZone, timeZoneOptions } from '../../lib/timeZones';
import { ErrorBanner } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResult } from '../../lib/useResult';
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

/** A required whole number, zero or more. */
const WHOLE = { type: 'number', min: '0', step: '1', required: true } as const;

export function ExitPanel(props: { contractId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const zones = useMemo(() => timeZoneOptions(), []);
  // The vendor's volume is counted by local hour of this zone (decision 0065): the in-house team's.
  const fields = useFieldValues({ agents: '0', weeks: '8', period: '', timeZone: browserTimeZone() });
  const { result, error, run } = useResult<ExitReadiness>();
  const check = () => {
    const { agents, weeks, period, timeZone } = fields.values;
    return run(() =>
      governApi.exitReadiness(
        props.contractId,
        Number(agents),
        Number(weeks),
        period,
        canonicalTimeZone(timeZone),
      ),
    );
  };
  const zoneProblem = fieldMessages(t, error)['timeZone'];
  return (
    <section aria-labelledby="exit-title">
      <h3 id="exit-title">{t('govern.exit.title')}</h3>
      <ActionForm className="inline-form" onSubmit={check}>
        <InlineInputs
          fields={[
            { name: 'agents', label: t('govern.exit.inHouseAgents'), ...WHOLE },
            { name: 'weeks', label: t('govern.exit.hiringLeadWeeks'), ...WHOLE },
            { name: 'period', label: t('govern.exit.period'), type: 'month' },
            {
              name: 'timeZone',
              label: t('govern.exit.timeZone'),
              dir: 'ltr',
              autoComplete: 'off',
              spellCheck: false,
              suggestions: zones,
            },
          ]}
          values={fields.values}
          onValue={fields.set}
        />
        <button type="submit">{t('govern.exit.check')}</button>
      </ActionForm>
      <ErrorBanner error={error} />
      {zoneProblem ? (
        <p role="alert" data-testid="exit-time-zone-problem">
          {t('govern.exit.timeZone')}: {zoneProblem}
        </p>
      ) : null}
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
            { label: t('govern.exit.countedIn'), value: result.timeZone },
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
