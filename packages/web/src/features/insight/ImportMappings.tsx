// The provider mappings: which provider (and team) an imported ticket belongs to, matched on its
// group, inbox, tag, … in a source; a default catches the rest.

import type { Provider, ProviderMapping, Team } from '@shoreline/server/contract';
import { MATCH_KINDS, type MatchKind } from '@shoreline/server/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codeColumn, textColumn } from '../../kit/columns';
import { listTexts, ResourceTable } from '../../kit/DataTable';
import { FormActions, fieldBinder, namedOptions, optionsOf, SelectField, TextField } from '../../kit/fields';
import { ErrorBanner } from '../../lib/ui';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { adminApi } from '../admin/api';
import { insightApi } from './api';
import { Card } from './components';

/** `refresh` changes when an import finishes: its mapping file may have added rules. */
export function ImportMappingsCard({ refresh }: { refresh: number }) {
  const { t } = useTranslation();
  const mappings = useResource(() => insightApi.mappings(), [refresh]);
  const refs = useResource(async () => {
    const [providers, teams] = await Promise.all([adminApi.providers(), adminApi.teams()]);
    return { providers, teams };
  }, []);
  const [error, setError] = useState<unknown>();
  const providerName = (id: string) => refs.data?.providers.find((p) => p.id === id)?.name ?? id;
  const teamName = (id: string | null) =>
    id ? (refs.data?.teams.find((tm) => tm.id === id)?.name ?? id) : '—';
  const remove = async (id: string) => {
    if (!window.confirm(t('insight.mappings.confirmDelete'))) return;
    try {
      await insightApi.deleteMapping(id);
      mappings.set((prev) => prev?.filter((m) => m.id !== id));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Card title={t('insight.mappings.title')} testId="provider-mappings">
      <p className="muted">{t('insight.mappings.intro')}</p>
      <ErrorBanner error={error} />
      <ResourceTable
        {...listTexts(t, 'insight.mappings')}
        resource={mappings}
        columns={[
          codeColumn<ProviderMapping>('source', t('insight.mappings.source'), (m) => m.source),
          textColumn<ProviderMapping>('matchKind', t('insight.mappings.matchKind'), (m) =>
            t(`insight.mappings.kinds.${m.matchKind}`),
          ),
          codeColumn<ProviderMapping>(
            'matchValue',
            t('insight.mappings.matchValue'),
            (m) => m.matchValue || null,
          ),
          textColumn<ProviderMapping>('provider', t('insight.filters.provider'), (m) =>
            providerName(m.providerId),
          ),
          textColumn<ProviderMapping>('team', t('insight.filters.team'), (m) => teamName(m.teamId)),
          {
            key: 'actions',
            header: <span className="visually-hidden">{t('common.actions')}</span>,
            cell: (m) => (
              <button type="button" className="button-small button-danger" onClick={() => void remove(m.id)}>
                {t('insight.mappings.delete')}
              </button>
            ),
          },
        ]}
      />
      {refs.data ? (
        <MappingForm
          providers={refs.data.providers}
          teams={refs.data.teams}
          onCreated={(m) => mappings.set((prev) => [...(prev ?? []), m])}
        />
      ) : null}
    </Card>
  );
}

function MappingForm(props: {
  providers: Provider[];
  teams: Team[];
  onCreated: (m: ProviderMapping) => void;
}) {
  const { t } = useTranslation();
  const [providerId, setProviderId] = useState('');
  const [teamId, setTeamId] = useState('');
  const [source, setSource] = useState('*');
  const [matchKind, setMatchKind] = useState<MatchKind>('group');
  const [matchValue, setMatchValue] = useState('');
  const submit = useSubmit();
  const teams = props.teams.filter((tm) => tm.providerId === providerId);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!providerId) problems['providerId'] = t('insight.mappings.chooseProvider');
    if (matchKind !== 'default' && !matchValue.trim())
      problems['matchValue'] = t('insight.mappings.needValue');
    if (submit.invalid(problems)) return;
    const created = await submit.run(() =>
      insightApi.createMapping({
        providerId,
        teamId: teamId || null,
        source: source.trim() || '*',
        matchKind,
        matchValue: matchKind === 'default' ? '' : matchValue.trim(),
      }),
    );
    if (created) {
      props.onCreated(created);
      setMatchValue('');
    }
  };
  const bind = fieldBinder(submit.fields);
  return (
    <form
      className="form insight-mapping-form"
      onSubmit={(e) => void onSubmit(e)}
      onChange={submit.onChange}
      noValidate
    >
      <h3>{t('insight.mappings.add')}</h3>
      <div className="form-grid">
        <SelectField
          label={t('insight.mappings.matchKind')}
          help={t(`insight.mappings.kindHelp.${matchKind}`)}
          name="matchKind"
          value={matchKind}
          onValue={setMatchKind}
          options={optionsOf(MATCH_KINDS, (k) => t(`insight.mappings.kinds.${k}`))}
        />
        <TextField
          label={t('insight.mappings.matchValue')}
          {...bind('matchValue', matchValue, setMatchValue)}
          dir="auto"
          disabled={matchKind === 'default'}
        />
        <TextField
          label={t('insight.mappings.source')}
          help={t('insight.mappings.sourceHelp')}
          name="source"
          dir="ltr"
          value={source}
          onValue={setSource}
        />
        <SelectField
          label={t('insight.filters.provider')}
          error={submit.fields['providerId']}
          required
          name="providerId"
          value={providerId}
          onValue={(id) => {
            setProviderId(id);
            setTeamId('');
          }}
          blank={t('teams.choose')}
          options={namedOptions(props.providers)}
        />
        <SelectField
          label={t('insight.filters.team')}
          value={teamId}
          onValue={setTeamId}
          disabled={!providerId}
          blank={t('insight.mappings.anyTeam')}
          options={namedOptions(teams)}
        />
      </div>
      <ErrorBanner error={submit.bannerError} />
      <FormActions busy={submit.busy} label={t('insight.mappings.create')} />
    </form>
  );
}
