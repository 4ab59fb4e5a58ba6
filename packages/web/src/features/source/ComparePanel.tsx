// Three options side by side: edit a wage, a shrinkage or a price and every dependent figure is
// recomputed by the server (same staffing for all: equal service level).

import type { SourceComparison, SourceDefaults, SourceScenarioDefinition } from '@shoreline/server/contract';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, Loading } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { sourceApi } from './api';

type Option = SourceScenarioDefinition['options'][number];

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
        title: t('source.title'),
        generated: t('source.report.generated'),
        contacts: t('source.report.contacts'),
        option: t('source.report.option'),
        perYear: t('source.compare.perYear'),
        perContact: t('source.compare.perContact'),
        perResolution: t('source.compare.perResolution'),
        fte: t('source.compare.fte'),
        chart: t('source.report.chart'),
      };
      const blob = await sourceApi.report(definition, f.locale, labels);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'source-report.pdf';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setError(err);
    }
  };
  const lineKeys = [...new Set(result?.options.flatMap((o) => o.lines.map((l) => l.key)) ?? [])];

  return (
    <section aria-labelledby="source-compare">
      <h2 id="source-compare">{t('source.tabs.compare')}</h2>
      <p>{t('source.compare.intro')}</p>
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
                <label>
                  {t('source.compare.onCost')}
                  <input
                    type="number"
                    name={`oncost-${i}`}
                    value={Math.round(option.employerOnCostRate * 1000) / 10}
                    min={0}
                    step={0.5}
                    onChange={(e) => update(i, { employerOnCostRate: Number(e.target.value) / 100 })}
                  />
                </label>
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
            <label>
              {t('source.compare.shrinkage')}
              <input
                type="number"
                name={`shrinkage-${i}`}
                value={Math.round(option.shrinkage * 1000) / 10}
                min={0}
                max={90}
                step={1}
                onChange={(e) => update(i, { shrinkage: Number(e.target.value) / 100 })}
              />
            </label>
            <label>
              {t('source.compare.resolutionRate')}
              <input
                type="number"
                name={`resolution-${i}`}
                value={Math.round(option.resolutionRate * 1000) / 10}
                min={1}
                max={100}
                step={1}
                onChange={(e) => update(i, { resolutionRate: Number(e.target.value) / 100 })}
              />
            </label>
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
            <thead>
              <tr>
                <th scope="col">{t('source.compare.figure')}</th>
                {result.options.map((o) => (
                  <th scope="col" key={o.name}>
                    {o.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('source.compare.perYear')}</th>
                {result.options.map((o, i) => (
                  <td key={o.name} data-testid={`total-${i}`}>
                    {money(o.perYearMinor)}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('source.compare.perContact')}</th>
                {result.options.map((o, i) => (
                  <td key={o.name} data-testid={`per-contact-${i}`}>
                    {perUnit(o.costPerContactMinor)}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('source.compare.perResolution')}</th>
                {result.options.map((o, i) => (
                  <td key={o.name} data-testid={`per-resolution-${i}`}>
                    {perUnit(o.costPerResolutionMinor)}
                    {result.lowestCostPerResolution === i ? ` ★ ${t('source.compare.lowest')}` : ''}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('source.compare.fte')}</th>
                {result.options.map((o, i) => (
                  <td key={o.name} data-testid={`fte-${i}`}>
                    {f.number(o.fte, { maximumFractionDigits: 1 })}
                  </td>
                ))}
              </tr>
              {lineKeys.map((key) => (
                <tr key={key}>
                  <th scope="row">{lineLabel(key)}</th>
                  {result.options.map((o, i) => {
                    const line = o.lines.find((l) => l.key === key);
                    return (
                      <td key={o.name} data-testid={`line-${key}-${i}`}>
                        {line ? money(line.amountMinor) : '—'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {result.sensitivity && result.sensitivity.length > 0 ? (
            <>
              <h3>{t('source.compare.sensitivity')}</h3>
              <table className="source-table" data-testid="sensitivity">
                <tbody>
                  {result.sensitivity.slice(0, 6).map((row) => (
                    <tr key={`${row.option}-${row.input}`}>
                      <th scope="row">
                        {row.option}: {row.input}
                      </th>
                      <td>{perUnit(row.swing)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
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
      <table className="source-table" data-testid="references">
        <thead>
          <tr>
            <th scope="col">{t('source.references.item')}</th>
            <th scope="col">{t('source.references.range')}</th>
            <th scope="col">{t('source.references.year')}</th>
            <th scope="col">{t('source.references.grade')}</th>
            <th scope="col">{t('source.references.source')}</th>
          </tr>
        </thead>
        <tbody>
          {defaults.references.map((r) => (
            <tr key={`${r.key}-${r.country}-${r.source}`}>
              <td>
                {r.key}
                {r.country ? ` (${f.region(r.country)})` : ''}
              </td>
              <td>
                {r.low === r.high ? r.low : `${r.low}–${r.high}`} {r.currency ?? ''} {r.unit}
              </td>
              <td>{r.year}</td>
              <td className={`source-grade-${r.grade}`}>{t(`source.grade.${r.grade}`)}</td>
              <td>
                {r.source.startsWith('http') ? <a href={r.source}>{new URL(r.source).hostname}</a> : r.source}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
