// A built plan's split sent to its vendors (decision 0059): each vendor's share of the forecast is
// logged as a Govern client forecast, which the settlement's forecast relief judges the vendor
// against. The plan lists what it sent; administrators (Govern's `govern.manage`) send.
import type { ListResponse, PlanForecastSend, Provider, SavedPlan } from '@shoreline/server/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { numberColumn, textColumn } from '../../kit/columns';
import { DataTable } from '../../kit/DataTable';
import { ActionForm, FormActions, namedOptions, SelectField } from '../../kit/fields';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';

type Sent = SavedPlan['sentForecasts'][number];
type Vendor = Pick<Provider, 'id' | 'name' | 'kind'>;

/** The vendor a plan provider most likely is: the same id, else the same name. */
const guess = (vendors: readonly Vendor[], p: { id: string; name: string }) =>
  vendors.find((v) => v.id === p.id)?.id ?? vendors.find((v) => v.name === p.name)?.id ?? '';

export function PlanVendorForecasts(props: { plan: SavedPlan; onSent(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const manage = can(me, 'govern.manage');
  const shares = props.plan.result?.providers ?? [];
  const vendors = useResource(
    async () =>
      manage
        ? (await api.get<ListResponse<Provider>>('/providers')).items.filter((p) => p.kind === 'vendor')
        : [],
    [manage],
  );
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const submit = useSubmit();
  const vendorOf = (planProvider: string) =>
    chosen[planProvider] ?? guess(vendors.data ?? [], shares.find((s) => s.id === planProvider)!);
  const names = new Map((vendors.data ?? []).map((v) => [v.id, v.name]));
  const shareName = new Map(shares.map((s) => [s.id, s.name]));

  // The server names a field by its place among the vendors sent, not among the plan's providers.
  const sending = shares.filter((s) => vendorOf(s.id)).map((s) => s.id);
  const send = async () => {
    const body: PlanForecastSend = {
      vendors: sending.map((id) => ({ planProvider: id, providerId: vendorOf(id) })),
    };
    const done = await submit.run(() =>
      api.post<SavedPlan>(`/plan/plans/${encodeURIComponent(props.plan.id)}/forecasts`, body),
    );
    if (done) props.onSent();
  };
  const scope = (f: Sent) =>
    [f.queue, f.channel, f.language].filter(Boolean).join(' · ') || t('plan.vendorForecasts.allTickets');

  return (
    <section className="card" aria-labelledby="plan-vendor-forecasts-title">
      <h2 id="plan-vendor-forecasts-title">{t('plan.vendorForecasts.title')}</h2>
      <p className="field-help">{t('plan.vendorForecasts.help')}</p>
      {/* Govern counts the vendor's tickets on the plan's local days (decision 0065). */}
      <p className="field-help" data-testid="plan-time-zone">
        {t('plan.vendorForecasts.timeZone', { zone: props.plan.input.timeZone ?? 'UTC' })}
      </p>
      <DataTable<Sent>
        testId="plan-sent-forecasts"
        caption={t('plan.vendorForecasts.title')}
        rows={props.plan.sentForecasts}
        rowKey={(f) => f.forecastId}
        empty={t('plan.vendorForecasts.empty')}
        columns={[
          textColumn<Sent>(
            'provider',
            t('plan.plans.col.provider'),
            (f) => shareName.get(f.planProvider) ?? f.planProvider,
            {
              rowHeader: true,
            },
          ),
          textColumn<Sent>(
            'vendor',
            t('plan.vendorForecasts.vendor'),
            (f) => names.get(f.providerId) ?? f.providerId,
          ),
          textColumn<Sent>('days', t('plan.vendorForecasts.days'), (f) => f.from, {
            cell: (f) => `${fmt.date(f.from)} – ${fmt.date(f.to)}`,
            nowrap: true,
          }),
          textColumn<Sent>('scope', t('plan.vendorForecasts.scope'), scope),
          numberColumn<Sent>(
            'volume',
            t('plan.vendorForecasts.volume'),
            (f) => f.volume,
            (n) => fmt.number(n),
          ),
          numberColumn<Sent>(
            'version',
            t('plan.vendorForecasts.version'),
            (f) => f.version,
            (n) => fmt.number(n),
          ),
          textColumn<Sent>('loggedAt', t('plan.vendorForecasts.loggedAt'), (f) => f.loggedAt, {
            cell: (f) => fmt.dateTime(f.loggedAt),
            nowrap: true,
          }),
        ]}
      />
      {manage && props.plan.status === 'done' ? (
        <ActionForm onSubmit={send} submit={submit} data-testid="plan-send-forecasts">
          <div className="form-grid">
            {shares.map((s) => (
              <SelectField
                key={s.id}
                label={t('plan.vendorForecasts.sendAs', { provider: s.name })}
                name={`vendors.${s.id}`}
                value={vendorOf(s.id)}
                onValue={(v) => setChosen((c) => ({ ...c, [s.id]: v }))}
                options={namedOptions(vendors.data ?? [])}
                blank={t('plan.vendorForecasts.notSent')}
                error={
                  submit.fields[`vendors.${sending.indexOf(s.id)}.providerId`] ??
                  submit.fields[`vendors.${sending.indexOf(s.id)}.planProvider`]
                }
              />
            ))}
          </div>
          <FormActions busy={submit.busy} label={t('plan.vendorForecasts.send')} />
        </ActionForm>
      ) : null}
    </section>
  );
}
