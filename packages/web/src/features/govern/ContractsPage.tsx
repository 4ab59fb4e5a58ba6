import type { ContractApply, ContractSummary, ContractVersion, Settlement } from '@shoreline/server/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { columnsOf, numberColumn } from '../../kit/columns';
import { DataTable, ResourceTable } from '../../kit/DataTable';
import { Facts } from '../../kit/Facts';
import { ActionForm, FileField, InlineInput } from '../../kit/fields';
import { downloadBlob } from '../../lib/download';
import { ErrorBanner, PageHeader } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { useResult } from '../../lib/useResult';
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

type Measure = Settlement['measures'][number];

/** A version's changes against the one before it (the first version has none: a dash). */
function VersionChanges(props: { versions: readonly ContractVersion[]; version: ContractVersion }) {
  const i = props.versions.indexOf(props.version);
  if (i <= 0) return '—';
  return (
    <ul className="plain-list">
      {versionDiff(props.versions[i - 1]?.document, props.version.document).map((c) => (
        <li key={c.path}>
          <code>{c.path}</code>: {c.before} → {c.after}
        </li>
      ))}
    </ul>
  );
}

/** Govern → Contracts: the register, a contract's versions, and its settlement for a month. */
export function ContractsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const summaryCol = columnsOf<ContractSummary>(fmt);
  const versionCol = columnsOf<ContractVersion>(fmt);
  // A contract's version and the day it took effect, as the register and the version list show them.
  const versionColumns = <T extends { effectiveFrom: string }>(
    col: ReturnType<typeof columnsOf<T>>,
    version: (row: T) => number,
  ) => [
    col.count('version', t('govern.version'), version),
    col.date('effectiveFrom', t('govern.effectiveFrom'), (row) => row.effectiveFrom),
  ];
  const me = useMe();
  const contracts = useResource(() => governApi.contracts(), []);
  const [selected, setSelected] = useState<ContractSummary>();
  const versions = useResource(
    () => (selected ? governApi.versions(selected.id) : Promise.resolve([])),
    [selected?.id],
  );
  const [period, setPeriod] = useState('');
  const { result: statement, error, busy, run, fail } = useResult<Settlement>();
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
      downloadBlob(blob, `review-pack-${statement.period}.pdf`);
    } catch (err) {
      fail(err);
    }
  };

  const load = async (compute: boolean) => {
    if (!selected || !/^\d{4}-\d{2}$/.test(period)) return;
    await run(() =>
      compute ? governApi.settle(selected.providerId, period) : governApi.settlement(selected.id, period),
    );
  };
  const money = (minor: number) => fmt.money(minor, statement?.currency ?? selected?.currency ?? 'EUR');
  const level = (bp: number | null) =>
    bp === null ? '—' : fmt.number(bp / 10_000, { style: 'percent', minimumFractionDigits: 2 });

  return (
    <>
      <PageHeader title={t('govern.title')} intro={t('govern.intro')} />
      <ErrorBanner error={contracts.error} onRetry={contracts.reload} />
      {manage ? (
        <FileField
          id="contract-file"
          label={t('govern.applyFile')}
          help={t('govern.applyFileHelp')}
          accept="application/json,.json"
          onFile={applyFile}
        />
      ) : null}
      <ErrorBanner error={fileError} />
      <ResourceTable<ContractSummary>
        caption={t('govern.title')}
        resource={contracts}
        empty={t('govern.none')}
        columns={[
          summaryCol.text('name', t('govern.name'), (c) => c.name),
          summaryCol.text('currency', t('govern.currency'), (c) => c.currency),
          ...versionColumns(summaryCol, (c) => c.latestVersion),
          {
            key: 'actions',
            header: t('common.actions'),
            cell: (c) => (
              <button type="button" onClick={() => setSelected(c)} aria-pressed={selected?.id === c.id}>
                {t('govern.open')}
              </button>
            ),
          },
        ]}
      />
      {selected ? (
        <>
          <h2>{t('govern.versionsTitle', { name: selected.name })}</h2>
          <ErrorBanner error={versions.error} onRetry={versions.reload} />
          {versions.data ? (
            <DataTable<ContractVersion>
              caption={t('govern.versionsTitle', { name: selected.name })}
              rows={versions.data}
              rowKey={(v) => String(v.version)}
              rowProps={(v) => ({ 'data-testid': `version-${v.version}` })}
              columns={[
                ...versionColumns(versionCol, (v) => v.version),
                versionCol.text('reason', t('govern.reason'), (v) => v.reason),
                versionCol.text('approvedBy', t('govern.approvedBy'), (v) => v.approvedBy),
                {
                  key: 'terms',
                  header: t('govern.terms'),
                  cell: (v) => t('govern.termCount', { n: v.document.terms.length }),
                },
                {
                  key: 'changes',
                  header: t('govern.changes'),
                  cell: (v) => <VersionChanges versions={versions.data ?? []} version={v} />,
                },
              ]}
            />
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
          <ActionForm className="inline-form" onSubmit={() => load(false)}>
            <InlineInput
              label={t('govern.period')}
              type="month"
              value={period}
              onValue={setPeriod}
              required
            />
            <button type="submit" disabled={busy}>
              {t('govern.show')}
            </button>
            {manage ? (
              <button type="button" disabled={busy} onClick={() => void load(true)}>
                {t('govern.compute')}
              </button>
            ) : null}
          </ActionForm>
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
              <DataTable<Measure>
                caption={t('govern.settlementTitle')}
                rows={statement.measures}
                rowKey={(m) => `${m.version}-${m.termId}`}
                rowProps={(m) => ({ 'data-testid': `measure-${m.version}-${m.termId}` })}
                columns={[
                  numberColumn<Measure>('version', t('govern.version'), (m) => m.version, fmt.number),
                  {
                    key: 'days',
                    header: t('govern.days'),
                    nowrap: true,
                    cell: (m) => `${fmt.number(m.fromDay)}–${fmt.number(m.toDay)}`,
                  },
                  { key: 'term', header: t('govern.term'), cell: (m) => <code>{m.termId}</code> },
                  {
                    key: 'measured',
                    header: t('govern.measured'),
                    numeric: true,
                    cell: (m) =>
                      `${level(m.measured)} (${t('govern.ticketsMet', { met: m.met, n: m.total })})`,
                  },
                  {
                    key: 'minimum',
                    header: t('govern.minimum'),
                    numeric: true,
                    cell: (m) => level(m.minimum),
                  },
                  {
                    key: 'result',
                    header: t('govern.result'),
                    cell: (m) =>
                      m.measured === null
                        ? t('govern.notMeasured')
                        : m.missed
                          ? t(m.kind === 'critical' ? 'govern.missed' : 'govern.belowReported')
                          : t('govern.met'),
                  },
                ]}
              />
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
