import type { ContractApply, ContractSummary, Settlement } from '@shoreline/server/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Facts } from '../../kit/Facts';
import { ErrorBanner, Loading, PageHeader } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { governApi } from './api';
import { ChangeTermsForm } from './ChangeTermsForm';
import { ExitPanel } from './ExitPanel';
import { ForecastsPanel } from './ForecastsPanel';
import { GovernancePanel } from './GovernancePanel';
import { ReconcilePanel } from './ReconcilePanel';
import { SimulatePanel } from './SimulatePanel';
import { versionDiff } from './versionDiff';

/** A statement's totals, in the order the review pack prints them (the net comes last). */
const SETTLEMENT_TOTALS = [
  ['charges', 'chargesMinor'],
  ['atRisk', 'atRiskMinor'],
  ['credits', 'creditsMinor'],
  ['earnBack', 'earnBackMinor'],
  ['bonus', 'bonusMinor'],
] as const satisfies readonly (readonly [string, keyof Settlement])[];

const REVIEW_PACK_LABELS = [
  'title',
  'contract',
  'provider',
  'period',
  'generated',
  'versions',
  'version',
  'days',
  'kpis',
  'term',
  'measured',
  'tickets',
  'minimum',
  'expected',
  'result',
  'met',
  'missed',
  'belowReported',
  'notMeasured',
  'computation',
  'charges',
  'atRisk',
  'credit',
  'uncapped',
  'multiplier',
  'capped',
  'relieved',
  'poolCap',
  'credits',
  'earnBack',
  'bonus',
  'bonusBlocked',
  'net',
  'netFormula',
  'trend',
  'incidents',
  'chronic',
  'none',
] as const;

/** Govern → Contracts: the register, a contract's versions, and its settlement for a month. */
export function ContractsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const contracts = useResource(() => governApi.contracts(), []);
  const [selected, setSelected] = useState<ContractSummary>();
  const versions = useResource(
    () => (selected ? governApi.versions(selected.id) : Promise.resolve([])),
    [selected?.id],
  );
  const [period, setPeriod] = useState('');
  const [statement, setStatement] = useState<Settlement>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [changing, setChanging] = useState(false);
  const [fileError, setFileError] = useState<unknown>();
  const manage = can(me, 'govern.manage');

  /** Applies a contract document from a file (the same JSON as `shoreline contract apply FILE.json`). */
  const applyFile = async (file: File | undefined) => {
    if (!file) return;
    setFileError(undefined);
    try {
      const input = JSON.parse(await file.text()) as ContractApply;
      await governApi.apply(input);
      contracts.reload();
      versions.reload();
    } catch (err) {
      setFileError(err instanceof SyntaxError ? new Error(t('govern.fileNotJson')) : err);
    }
  };
  const downloadPack = async () => {
    if (!selected || !statement) return;
    try {
      const labels = Object.fromEntries(REVIEW_PACK_LABELS.map((k) => [k, t(`govern.pack.${k}`)]));
      const blob = await governApi.reviewPack(selected.id, statement.period, fmt.locale, labels);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `review-pack-${statement.period}.pdf`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setError(err);
    }
  };

  const load = async (compute: boolean) => {
    if (!selected || !/^\d{4}-\d{2}$/.test(period)) return;
    setError(undefined);
    setBusy(true);
    try {
      setStatement(
        compute
          ? await governApi.settle(selected.providerId, period)
          : await governApi.settlement(selected.id, period),
      );
    } catch (err) {
      setStatement(undefined);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const money = (minor: number) => fmt.money(minor, statement?.currency ?? selected?.currency ?? 'EUR');
  const level = (bp: number | null) =>
    bp === null ? '—' : fmt.number(bp / 10_000, { style: 'percent', minimumFractionDigits: 2 });

  return (
    <>
      <PageHeader title={t('govern.title')} intro={t('govern.intro')} />
      <ErrorBanner error={contracts.error} onRetry={contracts.reload} />
      {manage ? (
        <div className="field">
          <label htmlFor="contract-file">{t('govern.applyFile')}</label>
          <input
            id="contract-file"
            type="file"
            accept="application/json,.json"
            onChange={(e) => void applyFile(e.target.files?.[0])}
          />
          <p className="field-help">{t('govern.applyFileHelp')}</p>
        </div>
      ) : null}
      <ErrorBanner error={fileError} />
      {contracts.loading && !contracts.data ? <Loading /> : null}
      {contracts.data && contracts.data.length === 0 ? <p className="empty">{t('govern.none')}</p> : null}
      {contracts.data && contracts.data.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('govern.name')}</th>
                <th scope="col">{t('govern.currency')}</th>
                <th scope="col">{t('govern.version')}</th>
                <th scope="col">{t('govern.effectiveFrom')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {contracts.data.map((c) => (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td>{c.currency}</td>
                  <td className="num">{fmt.number(c.latestVersion)}</td>
                  <td className="nowrap">{fmt.date(c.effectiveFrom)}</td>
                  <td>
                    <button type="button" onClick={() => setSelected(c)} aria-pressed={selected?.id === c.id}>
                      {t('govern.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {selected ? (
        <>
          <h2>{t('govern.versionsTitle', { name: selected.name })}</h2>
          <ErrorBanner error={versions.error} onRetry={versions.reload} />
          {versions.data ? (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('govern.version')}</th>
                    <th scope="col">{t('govern.effectiveFrom')}</th>
                    <th scope="col">{t('govern.reason')}</th>
                    <th scope="col">{t('govern.approvedBy')}</th>
                    <th scope="col">{t('govern.terms')}</th>
                    <th scope="col">{t('govern.changes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {versions.data.map((v, i) => (
                    <tr key={v.version} data-testid={`version-${v.version}`}>
                      <td className="num">{fmt.number(v.version)}</td>
                      <td className="nowrap">{fmt.date(v.effectiveFrom)}</td>
                      <td>{v.reason}</td>
                      <td>{v.approvedBy}</td>
                      <td>{t('govern.termCount', { n: v.document.terms.length })}</td>
                      <td>
                        {i === 0 ? (
                          '—'
                        ) : (
                          <ul className="plain-list">
                            {versionDiff(versions.data?.[i - 1]?.document, v.document).map((c) => (
                              <li key={c.path}>
                                <code>{c.path}</code>: {c.before} → {c.after}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {manage && versions.data?.length && !changing ? (
            <button type="button" onClick={() => setChanging(true)}>
              {t('govern.change.open')}
            </button>
          ) : null}
          {changing && versions.data?.length ? (
            <ChangeTermsForm
              latest={versions.data[versions.data.length - 1]!}
              onCancel={() => setChanging(false)}
              onApplied={() => {
                setChanging(false);
                versions.reload();
                contracts.reload();
              }}
            />
          ) : null}
          <h2>{t('govern.settlementTitle')}</h2>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void load(false);
            }}
          >
            <label>
              {t('govern.period')}
              <input type="month" value={period} onChange={(e) => setPeriod(e.target.value)} required />
            </label>
            <button type="submit" disabled={busy}>
              {t('govern.show')}
            </button>
            {manage ? (
              <button type="button" disabled={busy} onClick={() => void load(true)}>
                {t('govern.compute')}
              </button>
            ) : null}
          </form>
          <ErrorBanner error={error} />
          {statement ? (
            <>
              <button type="button" onClick={() => void downloadPack()} data-testid="download-review-pack">
                {t('govern.downloadPack')}
              </button>
              <Facts
                items={[
                  ...SETTLEMENT_TOTALS.map(([label, field]) => ({
                    label: t(`govern.${label}`),
                    value: money(statement[field]),
                  })),
                  { label: t('govern.net'), value: money(statement.netMinor), testId: 'settlement-net' },
                  ...(statement.forecast
                    ? [
                        {
                          label: t('govern.forecasts.used'),
                          value: t(
                            statement.forecast.relieved
                              ? 'govern.forecasts.usedRelieved'
                              : 'govern.forecasts.usedNotRelieved',
                            {
                              forecast: fmt.number(statement.forecast.volume),
                              actual: fmt.number(statement.forecast.actual),
                              loggedAt: fmt.dateTime(statement.forecast.loggedAt),
                            },
                          ),
                          testId: 'settlement-forecast',
                        },
                      ]
                    : []),
                ]}
              />
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('govern.version')}</th>
                      <th scope="col">{t('govern.days')}</th>
                      <th scope="col">{t('govern.term')}</th>
                      <th scope="col">{t('govern.measured')}</th>
                      <th scope="col">{t('govern.minimum')}</th>
                      <th scope="col">{t('govern.result')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {statement.measures.map((m) => (
                      <tr key={`${m.version}-${m.termId}`} data-testid={`measure-${m.version}-${m.termId}`}>
                        <td className="num">{fmt.number(m.version)}</td>
                        <td className="nowrap">
                          {fmt.number(m.fromDay)}–{fmt.number(m.toDay)}
                        </td>
                        <td>
                          <code>{m.termId}</code>
                        </td>
                        <td className="num">
                          {level(m.measured)} ({t('govern.ticketsMet', { met: m.met, n: m.total })})
                        </td>
                        <td className="num">{level(m.minimum)}</td>
                        <td>
                          {m.measured === null
                            ? t('govern.notMeasured')
                            : m.missed
                              ? t(m.kind === 'critical' ? 'govern.missed' : 'govern.belowReported')
                              : t('govern.met')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {manage ? (
                <ReconcilePanel
                  contractId={statement.contractId}
                  period={statement.period}
                  currency={statement.currency}
                />
              ) : null}
            </>
          ) : null}
          <ForecastsPanel providerId={selected.providerId} manage={manage} />
          <GovernancePanel contractId={selected.id} manage={manage} />
          {manage ? <ExitPanel contractId={selected.id} /> : null}
          {manage && versions.data?.length ? (
            <SimulatePanel
              providerId={selected.providerId}
              document={versions.data[versions.data.length - 1]!.document}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
