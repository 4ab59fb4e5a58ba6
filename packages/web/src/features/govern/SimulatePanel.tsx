import type { ContractDocument, SchemeSimulation } from '@shoreline/server/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { numberColumn, textColumn } from '../../kit/columns';
import { DataTable } from '../../kit/DataTable';
import { ActionForm, InlineInput } from '../../kit/fields';
import { ErrorBanner } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResult } from '../../lib/useResult';
import { governApi } from './api';

type Month = SchemeSimulation['months'][number];

/**
 * "What would this scheme have paid?": the contract's latest terms, or a draft document from a file,
 * settled over the provider's twelve months ending with the chosen one; gaming warnings beside it.
 */
export function SimulatePanel(props: { providerId: string; document: ContractDocument }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [to, setTo] = useState('');
  const [draft, setDraft] = useState<ContractDocument>();
  const { result, error, busy, run, fail } = useResult<SchemeSimulation>();
  const [progress, setProgress] = useState<number>();
  const money = (minor: number) => fmt.money(minor, result?.currency ?? props.document.currency);
  const count = (n: number) => fmt.number(n);
  const readDraft = async (file: File | undefined) => {
    if (!file) return setDraft(undefined);
    try {
      const json = JSON.parse(await file.text()) as { document?: ContractDocument } & ContractDocument;
      setDraft(json.document ?? json);
    } catch {
      fail(new Error(t('govern.fileNotJson')));
    }
  };
  const simulate = async () => {
    await run(() => governApi.simulate(props.providerId, draft ?? props.document, to, setProgress));
    setProgress(undefined);
  };
  return (
    <section aria-labelledby="simulate-title">
      <h3 id="simulate-title">{t('govern.simulate.title')}</h3>
      <p className="field-help">{t('govern.simulate.help')}</p>
      <ActionForm className="inline-form" onSubmit={simulate}>
        <InlineInput label={t('govern.simulate.to')} type="month" value={to} onValue={setTo} required />
        <label>
          {t('govern.simulate.draft')}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => void readDraft(e.target.files?.[0])}
          />
        </label>
        <button type="submit" disabled={busy}>
          {t('govern.simulate.run')}
        </button>
      </ActionForm>
      {busy && progress !== undefined ? (
        <p role="status">
          {t('govern.simulate.progress', { percent: fmt.number(Math.round(progress * 100)) })}
        </p>
      ) : null}
      <ErrorBanner error={error} />
      {result ? (
        <>
          <ul data-testid="simulation-warnings">
            {result.warnings.map((w) => (
              <li key={`${w.code}-${w.termId ?? ''}`}>
                {t(`govern.simulate.warnings.${w.code}`, { term: w.termId ?? '' })}
              </li>
            ))}
          </ul>
          <p data-testid="simulation-distribution">
            {t('govern.simulate.distribution', {
              min: money(result.distribution.minMinor),
              median: money(result.distribution.medianMinor),
              max: money(result.distribution.maxMinor),
              total: money(result.distribution.totalMinor),
            })}
          </p>
          <DataTable<Month>
            caption={t('govern.simulate.title')}
            rows={result.months}
            rowKey={(m) => m.period}
            testId="simulation-months"
            columns={[
              textColumn<Month>('period', t('govern.period'), (m) => m.period, {
                rowHeader: true,
                nowrap: true,
              }),
              numberColumn<Month>('contacts', t('govern.simulate.contacts'), (m) => m.contacts, count),
              numberColumn<Month>('charges', t('govern.charges'), (m) => m.chargesMinor, money),
              numberColumn<Month>('credits', t('govern.credits'), (m) => m.creditsMinor, money),
              numberColumn<Month>('earnBack', t('govern.earnBack'), (m) => m.earnBackMinor, money),
              numberColumn<Month>('bonus', t('govern.bonus'), (m) => m.bonusMinor, money),
              numberColumn<Month>('net', t('govern.net'), (m) => m.netMinor, money),
              textColumn<Month>(
                'missed',
                t('govern.simulate.missed'),
                (m) => m.missedTerms.join(', ') || null,
              ),
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
