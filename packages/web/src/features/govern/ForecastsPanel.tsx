import type { ClientForecast } from '@shoreline/server/contract';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { numberColumn, textColumn } from '../../kit/columns';
import { DataTable, resourceRows } from '../../kit/DataTable';
import { ActionForm, FormActions, TextFields } from '../../kit/fields';
import { useFieldValues } from '../../kit/useFieldValues';
import { browserTimeZone, canonicalTimeZone, isTimeZone, timeZoneOptions } from '../../lib/timeZones';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { governApi } from './api';

/**
 * The forecasts the client gave the vendor (decision 0039): the settlement's forecast relief reads
 * the latest one of the month. Logging again keeps the earlier one, marked as replaced, so a late
 * change stays visible. Vendor staff read their own provider's; administrators log.
 */
export function ForecastsPanel(props: { providerId: string; manage: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const items = useResource(() => governApi.forecasts(props.providerId), [props.providerId]);
  const submit = useSubmit();
  const zones = useMemo(() => timeZoneOptions(), []);
  const fields = useFieldValues({ period: '', volume: '', note: '', timeZone: browserTimeZone() });
  const log = async () => {
    const { period, volume, note, timeZone } = fields.values;
    // The month is a month of local days in this zone: the relief counts the vendor's tickets there (decision 0065).
    if (submit.invalid(isTimeZone(timeZone) ? {} : { timeZone: t('errors.field.unknown_time_zone') })) return;
    const done = await submit.run(() =>
      governApi.logForecast({
        providerId: props.providerId,
        period,
        volume: Number(volume),
        timeZone: canonicalTimeZone(timeZone),
        ...(note ? { note } : {}),
      }),
    );
    if (done) {
      fields.reset('volume', 'note');
      items.reload();
    }
  };
  const scope = (f: ClientForecast) => [f.queue, f.channel, f.language].filter(Boolean).join(' · ') || null;

  return (
    <section aria-labelledby="forecasts-title">
      <h3 id="forecasts-title">{t('govern.forecasts.title')}</h3>
      <p className="field-help">{t('govern.forecasts.help')}</p>
      <DataTable<ClientForecast>
        caption={t('govern.forecasts.title')}
        {...resourceRows(items)}
        rowKey={(f) => f.id}
        testId="client-forecasts"
        pageSize={20}
        empty={t('govern.forecasts.empty')}
        rowProps={(f) => ({ 'data-superseded': String(f.superseded) })}
        columns={[
          textColumn<ClientForecast>('from', t('govern.forecasts.days'), (f) => f.from, {
            cell: (f) => `${fmt.date(f.from)} – ${fmt.date(f.to)}`,
            nowrap: true,
          }),
          textColumn<ClientForecast>('timeZone', t('govern.forecasts.timeZone'), (f) => f.timeZone),
          textColumn<ClientForecast>('scope', t('govern.forecasts.scope'), scope),
          numberColumn<ClientForecast>(
            'volume',
            t('govern.forecasts.volume'),
            (f) => f.volume,
            (n) => fmt.number(n),
          ),
          // A plan's forecast counts its own days' volume; one typed in counts pro rata by day (decision 0063).
          textColumn<ClientForecast>('spread', t('govern.forecasts.spread'), (f) =>
            f.dailyVolumes ? t('govern.forecasts.spreadDaily') : t('govern.forecasts.spreadEven'),
          ),
          textColumn<ClientForecast>('loggedAt', t('govern.forecasts.loggedAt'), (f) => f.loggedAt, {
            cell: (f) => fmt.dateTime(f.loggedAt),
            nowrap: true,
          }),
          textColumn<ClientForecast>('status', t('common.status'), (f) =>
            f.superseded ? t('govern.forecasts.superseded') : t('govern.forecasts.current'),
          ),
          textColumn<ClientForecast>('note', t('govern.forecasts.note'), (f) => f.note),
          // A forecast sent from a saved plan's split names its plan (decision 0059).
          textColumn<ClientForecast>('plan', t('govern.forecasts.plan'), (f) => f.planId, {
            cell: (f) =>
              f.planId ? (
                <Link to={`/plan/plans/${encodeURIComponent(f.planId)}`}>
                  {t('govern.forecasts.openPlan')}
                </Link>
              ) : (
                t('govern.forecasts.byHand')
              ),
          }),
        ]}
      />
      {props.manage ? (
        <ActionForm onSubmit={log} submit={submit}>
          <div className="form-grid">
            <TextFields
              fields={[
                { name: 'period', label: t('govern.forecasts.month'), type: 'month', required: true },
                {
                  name: 'volume',
                  label: t('govern.forecasts.volume'),
                  type: 'number',
                  min: '0',
                  step: '1',
                  required: true,
                },
                {
                  name: 'timeZone',
                  label: t('govern.forecasts.timeZone'),
                  help: t('govern.forecasts.timeZoneHelp'),
                  required: true,
                  dir: 'ltr',
                  autoComplete: 'off',
                  spellCheck: false,
                  suggestions: zones,
                },
                { name: 'note', label: t('govern.forecasts.note') },
              ]}
              values={fields.values}
              onValue={fields.set}
              errors={submit.fields}
            />
          </div>
          <FormActions busy={submit.busy} label={t('govern.forecasts.log')} />
        </ActionForm>
      ) : null}
    </section>
  );
}
