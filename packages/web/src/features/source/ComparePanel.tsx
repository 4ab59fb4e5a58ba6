// Three options side by side: edit a wage, a shrinkage or a price and every dependent figure is
// recomputed by the server (same staffing for all: equal service level).

import type { SourceComparison, SourceDefaults, SourceScenarioDefinition } from '@shoreline/server/contract';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { numberColumn, textColumn } from '../../kit/columns';
import { DataTable } from '../../kit/DataTable';
import { downloadBlob } from '../../lib/download';
import { ErrorBanner, Loading } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { DeflectionWhatIf } from '../knowledge/DeflectionWhatIf';
import { sourceApi } from './api';
import { DemandSource } from './DemandSource';
import { type Figure, FigureRow, SideBySideHead } from './SideBySide';

type Option = SourceScenarioDefinition['options'][number];
type Sensitivity = NonNullable<SourceComparison['sensitivity']>[number];
type CompareOption = SourceComparison['options'][number];
type Reference = SourceDefaults['references'][number];

const LINE_KEYS: Record<string, string> = {
  'agent-wages': 'agentWages',
  benefits: 'benefits',
  'night-premium': 'nightPremium',
  supervisors: 'supervisors',
  'quality-assurance': 'qualityAssurance',
  'hiring-and-onboarding': 'hiringAndOnboarding',
  'ongoing-training': 'ongoingTraining',
  'seats-and-facilities': 'seatsAndFacilities',
  tooling: 'tooling',
  'management-overhead': 'managementOverhead',
  'retained-governance': 'retainedGovernance',
  'retained-governance-fixed': 'retainedGovernance',
};

/** The report's other words, and its enumerated values (questions, answers, leanings, verdicts) as the catalog names them. */
function reportLabels(t: TFunction): Record<string, string> {
  const labels: Record<string, string> = {
    ...(t('source.report', { returnObjects: true }) as Record<string, string>),
  };
  for (const [group, prefix] of REPORT_TERMS)
    for (const [k, v] of Object.entries(t(prefix, { returnObjects: true }) as Record<string, string>))
      labels[`${group}.${k}`] = v;
  return labels;
}
const REPORT_TERMS = [
  ['q', 'source.question'],
  ['s', 'source.status'],
  ['l', 'source.leaning'],
  ['v', 'source.verdict'],
] as const;

/** The rates every option has, each a percent input: its field, its input's name and its bounds. */
const OPTION_RATES = [
  { field: 'shrinkage', name: 'shrinkage', min: 0, max: 90 },
  { field: 'resolutionRate', name: 'resolution', min: 1, max: 100 },
] as const;

export function ComparePanel() {
  const defaults = useResource(() => sourceApi.defaults(), []);
  if (defaults.error) return <ErrorBanner error={defaults.error} onRetry={defaults.reload} />;
  if (!defaults.data) return <Loading />;
  return <Compare defaults={defaults.data} />;
}

function Compare({ defaults }: { defaults: SourceDefaults }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [definition, setDefinition] = useState<SourceScenarioDefinition>(defaults.example);
  const [result, setResult] = useState<SourceComparison>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    setBusy(true);
    const timer = setTimeout(() => {
      sourceApi
        .compare(definition, true)
        .then((r) => {
          if (current) {
            setResult(r);
            setError(undefined);
          }
        })
        .catch((e: unknown) => current && setError(e))
        .finally(() => current && setBusy(false));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [definition]);

  const update = (index: number, patch: Partial<Record<string, unknown>>) =>
    setDefinition((d) => ({
      ...d,
      options: d.options.map((o, i) => (i === index ? ({ ...o, ...patch } as Option) : o)),
    }));
  const major = (minor: number) => String(Math.round(minor) / 100);
  const toMinor = (text: string) => Math.round(Number(text.replace(',', '.')) * 100);
  const currency = definition.reportingCurrency;
  const money = (minor: number | null | undefined) =>
    minor === null || minor === undefined ? '—' : f.money(Math.round(minor), currency);
  const perUnit = (minor: number | null | undefined) =>
    minor === null || minor === undefined
      ? '—'
      : f.number(minor / 100, { style: 'currency', currency, minimumFractionDigits: 4 });

  const lineLabel = (key: string) => {
    if (key.startsWith('one-off:')) return t('source.line.oneOff', { what: key.slice(8) });
    if (key.startsWith('price-per-'))
      return t('source.line.price', { unit: t(`source.unit.${key.slice(10)}` as 'source.unit.contact') });
    return t(`source.line.${LINE_KEYS[key] ?? 'tooling'}` as 'source.line.tooling');
  };
  const download = async () => {
    try {
      const labels = {
        ...reportLabels(t),
        title: t('source.title'),
        perYear: t('source.compare.perYear'),
        perContact: t('source.compare.perContact'),
        perResolution: t('source.compare.perResolution'),
        fte: t('source.compare.fte'),
      };
      const blob = await sourceApi.report(definition, f.locale, labels);
      downloadBlob(blob, 'source-report.pdf');
    } catch (err) {
      setError(err);
    }
  };
  const lineKeys = [...new Set(result?.options.flatMap((o) => o.lines.map((l) => l.key)) ?? [])];
  // The rows of the comparison: the totals, then each cost line any option has.
  const figures = (r: SourceComparison): Figure<CompareOption>[] => [
    { label: t('source.compare.perYear'), testId: 'total', value: (o) => money(o.perYearMinor) },
    {
      label: t('source.compare.perContact'),
      testId: 'per-contact',
      value: (o) => perUnit(o.costPerContactMinor),
    },
    {
      label: t('source.compare.perResolution'),
      testId: 'per-resolution',
      value: (o, i) => (
        <>
          {perUnit(o.costPerResolutionMinor)}
          {r.lowestCostPerResolution === i ? ` ★ ${t('source.compare.lowest')}` : ''}
        </>
      ),
    },
    {
      label: t('source.compare.fte'),
      testId: 'fte',
      value: (o) => f.number(o.fte, { maximumFractionDigits: 1 }),
    },
    ...lineKeys.map(
      (key): Figure<CompareOption> => ({
        label: lineLabel(key),
        testId: `line-${key}`,
        value: (o) => {
          const line = o.lines.find((l) => l.key === key);
          return line ? money(line.amountMinor) : '—';
        },
      }),
    ),
  ];

  return (
    <section aria-labelledby="source-compare">
      <h2 id="source-compare">{t('source.tabs.compare')}</h2>
      <p>{t('source.compare.intro')}</p>
      <DemandSource
        typedIn={defaults.example.demand}
        demand={definition.demand}
        onDemand={(demand) => setDefinition((d) => ({ ...d, demand }))}
        used={result?.demandSource}
      />
      <DeflectionWhatIf
        value={definition.deflection ?? null}
        onChange={(deflection) =>
          setDefinition((d) => {
            const { deflection: _old, ...rest } = d;
            return deflection ? { ...rest, deflection } : rest;
          })
        }
      />
      <div className="source-options">
        {definition.options.map((option, i) => (
          <fieldset key={option.name} data-testid={`option-${i}`}>
            <legend>{option.name}</legend>
            {option.kind === 'in-house' ? (
              <>
                <label>
                  {t('source.compare.wagePerYear', { currency: option.currency })}
                  <input
                    type="number"
                    name={`wage-${i}`}
                    value={major(option.wagePerFtePerYearMinor)}
                    min={0}
                    step={100}
                    onChange={(e) => update(i, { wagePerFtePerYearMinor: toMinor(e.target.value) })}
                  />
                </label>
                <PercentInput
                  label={t('source.compare.onCost')}
                  name={`oncost-${i}`}
                  value={option.employerOnCostRate}
                  min={0}
                  step={0.5}
                  onValue={(v) => update(i, { employerOnCostRate: v })}
                />
              </>
            ) : (
              <label>
                {t('source.compare.price', {
                  currency: option.currency,
                  unit: t(`source.unit.${option.pricing[0]?.unit ?? 'contact'}` as 'source.unit.contact'),
                })}
                <input
                  type="number"
                  name={`price-${i}`}
                  value={major(option.pricing[0]?.priceMinor ?? 0)}
                  min={0}
                  step={0.01}
                  onChange={(e) =>
                    update(i, {
                      pricing: option.pricing.map((c, k) =>
                        k === 0 ? { ...c, priceMinor: toMinor(e.target.value) } : c,
                      ),
                    })
                  }
                />
              </label>
            )}
            {OPTION_RATES.map((rate) => (
              <PercentInput
                key={rate.field}
                label={t(`source.compare.${rate.field}`)}
                name={`${rate.name}-${i}`}
                value={option[rate.field]}
                min={rate.min}
                max={rate.max}
                step={1}
                onValue={(v) => update(i, { [rate.field]: v })}
              />
            ))}
          </fieldset>
        ))}
      </div>
      {error ? <ErrorBanner error={error} /> : null}
      {result ? (
        <>
          <p aria-live="polite" data-testid="compare-summary">
            {t('source.compare.summary', {
              contacts: f.number(result.contacts),
              serviceLevel: f.number(result.expectedServiceLevel ?? 0, {
                style: 'percent',
                maximumFractionDigits: 1,
              }),
            })}
            {busy ? ` ${t('source.compare.recalculating')}` : ''}
          </p>
          <table className="source-table" data-testid="comparison">
            <SideBySideHead corner={t('source.compare.figure')} options={result.options} />
            <tbody>
              {figures(result).map((figure) => (
                <FigureRow key={figure.testId} {...figure} options={result.options} />
              ))}
            </tbody>
          </table>
          {result.sensitivity && result.sensitivity.length > 0 ? (
            <>
              <h3>{t('source.compare.sensitivity')}</h3>
              <DataTable<Sensitivity>
                caption={t('source.compare.sensitivity')}
                testId="sensitivity"
                rows={result.sensitivity.slice(0, 6)}
                rowKey={(row) => `${row.option}-${row.input}`}
                columns={[
                  textColumn<Sensitivity>(
                    'input',
                    t('source.compare.figure'),
                    (row) => `${row.option}: ${row.input}`,
                    {
                      rowHeader: true,
                    },
                  ),
                  numberColumn<Sensitivity>(
                    'swing',
                    t('source.compare.perYear'),
                    (row) => row.swing,
                    (n) => perUnit(n),
                  ),
                ]}
              />
            </>
          ) : null}
          <button type="button" onClick={download} data-testid="download-report">
            {t('source.report.download')}
          </button>
          <p>
            {Object.entries(result.fx)
              .map(([code, rate]) =>
                t('source.compare.fx', { code, rate: rate.rate, asOf: rate.asOf, currency }),
              )
              .join(' ')}
          </p>
        </>
      ) : (
        <Loading />
      )}
      <h3>{t('source.references.title')}</h3>
      <p>{t('source.references.intro')}</p>
      <DataTable<Reference>
        caption={t('source.references.title')}
        testId="references"
        rows={defaults.references}
        rowKey={(r) => `${r.key}-${r.country}-${r.source}`}
        columns={[
          textColumn<Reference>('item', t('source.references.item'), (r) =>
            r.country ? `${r.key} (${f.region(r.country)})` : r.key,
          ),
          textColumn<Reference>(
            'range',
            t('source.references.range'),
            (r) => `${r.low === r.high ? r.low : `${r.low}–${r.high}`} ${r.currency ?? ''} ${r.unit}`,
          ),
          textColumn<Reference>('year', t('source.references.year'), (r) => r.year),
          textColumn<Reference>('grade', t('source.references.grade'), (r) => t(`source.grade.${r.grade}`), {
            cellProps: (r) => ({ className: `source-grade-${r.grade}` }),
          }),
          textColumn<Reference>('source', t('source.references.source'), (r) => r.source, {
            cell: (r) =>
              r.source.startsWith('http') ? <a href={r.source}>{new URL(r.source).hostname}</a> : r.source,
          }),
        ]}
      />
    </section>
  );
}

/** A rate edited as a percent with one decimal (the option stores the fraction). */
function PercentInput(props: {
  label: string;
  name: string;
  value: number;
  min: number;
  max?: number;
  step: number;
  onValue(fraction: number): void;
}) {
  return (
    <label>
      {props.label}
      <input
        type="number"
        name={props.name}
        value={Math.round(props.value * 1000) / 10}
        min={props.min}
        max={props.max}
        step={props.step}
        onChange={(e) => props.onValue(Number(e.target.value) / 100)}
      />
    </label>
  );
}
