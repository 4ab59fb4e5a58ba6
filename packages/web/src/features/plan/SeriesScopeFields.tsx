// The scope of an uploaded SERIES.csv (decision 0063): which tickets the series counts (queue,
// channel, language, provider), the fields a history taken from the imported tickets is filtered by.
// Saved with the plan, it makes actual against plan and the forecasts sent to vendors count the same
// tickets. Every field optional: none means every ticket.
import { CHANNELS, type ListResponse, type Provider } from '@shoreline/server/contract';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { namedOptions, optionsOf, SelectField, TextField } from '../../kit/fields';
import { ApiError, api } from '../../lib/api';
import { useResource } from '../../lib/useResource';
import { fieldLabel, SCOPE_FIELDS, type ScopeField, type SeriesScope } from './seriesScope';

/**
 * The server's refusal of the scope, naming the field (`historyScope.channel` → "Channel: …"); `message`
 * is the field's message already in the reader's language (useSubmit's, by the error's code).
 */
export function serverScopeProblem(t: TFunction, error: unknown, message: string | undefined) {
  if (!message) return undefined;
  const at =
    error instanceof ApiError
      ? error.problem.errors?.find((e) => e.field.startsWith('historyScope.'))
      : undefined;
  const field = at?.field.split('.')[1] as ScopeField | undefined;
  return field && SCOPE_FIELDS.includes(field)
    ? t('plan.plans.scope.problem', { field: fieldLabel(t, field), message })
    : message;
}

export function SeriesScopeFields(props: {
  value: SeriesScope;
  onValue(value: SeriesScope): void;
  problem?: string | undefined;
}) {
  const { t } = useTranslation();
  const providers = useResource(async () => (await api.get<ListResponse<Provider>>('/providers')).items, []);
  const set = (field: ScopeField) => (v: string) => props.onValue({ ...props.value, [field]: v });
  const any = t('plan.plans.scope.any');
  return (
    <fieldset className="plan-imported" data-testid="plan-series-scope">
      <legend>{t('plan.plans.scope.title')}</legend>
      <p className="field-help">{t('plan.plans.scope.help')}</p>
      <TextField
        label={fieldLabel(t, 'queue')}
        name="historyScope.queue"
        value={props.value.queue}
        onValue={set('queue')}
      />
      <SelectField
        label={fieldLabel(t, 'channel')}
        name="historyScope.channel"
        value={props.value.channel as (typeof CHANNELS)[number] | ''}
        onValue={set('channel')}
        blank={any}
        options={optionsOf(CHANNELS, (ch) => t(`insight.channels.${ch}`))}
      />
      <TextField
        label={fieldLabel(t, 'language')}
        name="historyScope.language"
        value={props.value.language}
        onValue={set('language')}
      />
      <SelectField
        label={fieldLabel(t, 'providerId')}
        name="historyScope.providerId"
        value={props.value.providerId}
        onValue={set('providerId')}
        blank={any}
        options={namedOptions(providers.data ?? [])}
      />
      {props.problem ? (
        <small role="alert" data-testid="plan-series-scope-problem">
          {props.problem}
        </small>
      ) : null}
    </fieldset>
  );
}
