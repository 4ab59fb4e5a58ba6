// Pilots as experiments (each arm against in house, or two vendors against each other: interval and
// verdict only at the pre-registered sample, routed through the Desk while they run, in the slice's
// hours) and the versioned decision record.

import type { SourceDecision, SourcePilot, SourcePilotHours } from '@shoreline/server/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { numberColumn, textColumn, timeColumn } from '../../kit/columns';
import { listTexts, ResourceTable } from '../../kit/DataTable';
import { ErrorBanner } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { sourceApi } from './api';
import { PilotForm } from './PilotForm';

const LEANINGS = ['keep-in-house', 'outsource', 'hybrid', 'follow-the-sun'] as const;
type Body = { decision?: string; reasons?: string; approver?: string; reviewOn?: string };

export function PilotsPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const pilots = useResource(() => sourceApi.pilots(), []);
  const vendors = useResource(() => sourceApi.vendors(), []);
  const decisions = useResource(() => sourceApi.decisions(), []);
  const [error, setError] = useState<unknown>();
  const armName = (p: SourcePilot, key: string) =>
    key === 'in-house'
      ? t('source.pilots.inHouse')
      : ((vendors.data ?? []).find((v) => v.id === (key === 'vendor' ? p.vendorId : key))?.name ?? key);
  /** Each arm against the baseline: "Manila CX − In house: −2 % … 6 %". */
  const interval = (p: SourcePilot) => {
    const show = (v: number) =>
      p.method === 'bootstrap-median'
        ? `${f.number(v, { maximumFractionDigits: 0 })} s`
        : f.number(v, { style: 'percent', maximumFractionDigits: 1 });
    const lines = (p.comparisons ?? []).flatMap(({ arm, baseline, difference: { low, high } }) =>
      low === null || high === null
        ? []
        : [`${armName(p, arm)} − ${armName(p, baseline)}: ${show(low)} … ${show(high)}`],
    );
    return lines.length > 0 ? lines.join('; ') : null;
  };
  const arms = (p: SourcePilot) =>
    p.arms
      .map(
        (a) =>
          `${armName(p, a.key)} ${f.number(a.share, { style: 'percent', maximumFractionDigits: 0 })} (${f.number(a.samples)})`,
      )
      .join(' · ');
  const hours = (p: SourcePilot) => {
    const h = (p.definition.slice as { hours?: SourcePilotHours } | undefined)?.hours;
    if (!h) return t('source.pilots.everyHour');
    const windows = h.windows.map(
      (w) => `${w.days.map((d) => f.weekday(d, 'short')).join(' ')} ${w.start}–${w.end}`,
    );
    return `${windows.join('; ')} (${h.timeZone})`;
  };
  const decide = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    try {
      await sourceApi.decide({
        decision: String(form.get('decision')) as (typeof LEANINGS)[number],
        reasons: String(form.get('reasons')),
        approver: String(form.get('approver')),
        reviewOn: String(form.get('reviewOn')),
        pilotIds: (pilots.data ?? []).slice(0, 10).map((p) => p.id),
      });
      decisions.reload();
    } catch (err) {
      setError(err);
    }
  };
  const body = (d: SourceDecision) => d.body as Body;
  return (
    <section aria-labelledby="source-pilots">
      <h2 id="source-pilots">{t('source.tabs.pilots')}</h2>
      {error ? <ErrorBanner error={error} /> : null}
      <PilotForm vendors={vendors.data ?? []} onCreated={pilots.reload} />
      <ResourceTable<SourcePilot>
        caption={t('source.tabs.pilots')}
        testId="pilots"
        resource={pilots}
        empty={t('source.pilots.empty')}
        columns={[
          textColumn<SourcePilot>('name', t('source.pilots.name'), (p) => p.name, { rowHeader: true }),
          textColumn<SourcePilot>('arms', t('source.pilots.arms'), arms),
          textColumn<SourcePilot>('hours', t('source.pilots.hours'), hours),
          textColumn<SourcePilot>('interval', t('source.pilots.interval'), interval),
          numberColumn<SourcePilot>(
            'needed',
            t('source.pilots.stillNeeded'),
            (p) => Math.max(p.stillNeeded.vendor, p.stillNeeded.inHouse),
            (n) => f.number(n),
          ),
          textColumn<SourcePilot>('verdict', t('source.pilots.verdict'), (p) =>
            (p.comparisons ?? [])
              .map((c) =>
                c.verdict
                  ? `${armName(p, c.arm)}: ${t(`source.verdict.${c.verdict}` as 'source.verdict.equivalent')}`
                  : t('source.pilots.noVerdict'),
              )
              .join('; '),
          ),
          textColumn<SourcePilot>('routing', t('source.pilots.routing'), (p) =>
            p.routing ? t('source.pilots.routed', { until: f.date(p.routing.endsAt) }) : null,
          ),
        ]}
      />
      <h3>{t('source.decisions.title')}</h3>
      <form onSubmit={decide} data-testid="decision-form">
        <label>
          {t('source.decisions.decision')}
          <select name="decision">
            {LEANINGS.map((l) => (
              <option key={l} value={l}>
                {t(`source.leaning.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('source.decisions.reasons')}
          <textarea name="reasons" required maxLength={4000} />
        </label>
        <label>
          {t('source.decisions.approver')}
          <input name="approver" required maxLength={120} />
        </label>
        <label>
          {t('source.decisions.reviewOn')}
          <input type="date" name="reviewOn" required />
        </label>
        <button type="submit">{t('source.decisions.record')}</button>
      </form>
      <ResourceTable<SourceDecision>
        {...listTexts(t, 'source.decisions')}
        testId="decisions"
        resource={decisions}
        columns={[
          numberColumn<SourceDecision>('version', t('source.decisions.version'), (d) => d.version, String, {
            rowHeader: true,
          }),
          textColumn<SourceDecision>('decision', t('source.decisions.decision'), (d) =>
            body(d).decision ? t(`source.leaning.${body(d).decision}` as 'source.leaning.hybrid') : null,
          ),
          textColumn<SourceDecision>(
            'reasons',
            t('source.decisions.reasons'),
            (d) => body(d).reasons ?? null,
          ),
          textColumn<SourceDecision>(
            'approver',
            t('source.decisions.approver'),
            (d) => body(d).approver ?? null,
          ),
          timeColumn<SourceDecision>(
            'created',
            t('source.decisions.recorded'),
            (d) => d.createdAt,
            (iso) => f.date(iso),
          ),
        ]}
      />
    </section>
  );
}
