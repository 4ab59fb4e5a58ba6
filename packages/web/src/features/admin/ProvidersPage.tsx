import type {
  Provider,
  ProviderCreate as ProviderInput,
  ProviderKind,
  Shore,
} from '@shoreline/server/contract';
import { PROVIDER_KINDS, SHORES } from '@shoreline/server/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { textColumn, timeColumn } from '../../kit/columns';
import { BackLink, CrudRoutes, EditorForm, EditorPage, ListHeader } from '../../kit/crud';
import { listTexts, ResourceTable } from '../../kit/DataTable';
import { fieldBinder, optionsOf, SelectField, TextField } from '../../kit/fields';
import { FieldGroup, PageHeader } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { adminApi } from './api';
import { CodesField } from './CodeInputs';

export function ProvidersPage() {
  return <CrudRoutes list={<ProviderList />} create={<ProviderCreate />} edit={<ProviderEdit />} />;
}

function ProviderList() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const providers = useResource(() => adminApi.providers(), []);
  const canWrite = can(me, 'provider.write');

  return (
    <>
      <ListHeader
        title={t('providers.title')}
        intro={t('providers.intro')}
        newLabel={t('providers.new')}
        canWrite={canWrite}
      />
      <ResourceTable
        {...listTexts(t, 'providers')}
        resource={providers}
        initialSort={{ key: 'name', direction: 'ascending' }}
        columns={[
          {
            key: 'name',
            header: t('common.name'),
            rowHeader: true,
            cell: (p) => <Link to={p.id}>{p.name}</Link>,
            sortValue: (p) => p.name,
          },
          {
            key: 'kind',
            header: t('providers.kind'),
            cell: (p) => <span className={`badge badge-${p.kind}`}>{t(`providers.kinds.${p.kind}`)}</span>,
            sortValue: (p) => t(`providers.kinds.${p.kind}`),
          },
          textColumn<Provider>('shore', t('providers.shore'), (p) =>
            p.shore ? t(`providers.shores.${p.shore}`) : null,
          ),
          {
            key: 'countries',
            header: t('providers.countries'),
            cell: (p) => fmt.list(p.countries.map(fmt.region)),
          },
          {
            key: 'languages',
            header: t('providers.languages'),
            cell: (p) => fmt.list(p.languages.map(fmt.language)),
          },
          timeColumn<Provider>('created', t('common.created'), (p) => p.createdAt, fmt.date),
        ]}
      />
    </>
  );
}

function ProviderCreate() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('providers.newTitle')} actions={<BackLink />} />
      <ProviderForm
        canWrite
        save={async (input) => {
          const created = await adminApi.createProvider(input);
          navigate('..', { state: { notice: t('providers.created', { name: created.name }) } });
        }}
      />
    </>
  );
}

function ProviderEdit() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const provider = useResource(() => adminApi.provider(id), [id]);
  return (
    <EditorPage
      title={provider.data?.name ?? t('providers.editTitle')}
      error={provider.error}
      onRetry={provider.reload}
      loading={provider.loading}
    >
      {provider.data ? (
        <ProviderForm
          initial={provider.data}
          canWrite={can(me, 'provider.write')}
          save={async ({ kind: _fixed, shore, ...rest }) => {
            const updated = await adminApi.updateProvider(id, shore ? { ...rest, shore } : rest);
            navigate('..', { state: { notice: `${updated.name}: ${t('common.saved')}` } });
          }}
        />
      ) : null}
    </EditorPage>
  );
}

function ProviderForm(props: {
  initial?: Provider;
  canWrite: boolean;
  save(input: ProviderInput): Promise<void>;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [name, setName] = useState(props.initial?.name ?? '');
  const [kind, setKind] = useState<ProviderKind>(props.initial?.kind ?? 'vendor');
  const [shore, setShore] = useState<Shore | ''>(props.initial?.shore ?? '');
  const [countries, setCountries] = useState<string[]>(props.initial?.countries ?? []);
  const [languages, setLanguages] = useState<string[]>(props.initial?.languages ?? []);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run(() =>
      props.save({
        name: name.trim(),
        kind,
        shore: kind === 'vendor' ? shore || null : null,
        countries,
        languages,
      }),
    );
  };

  const f = submit.fields;
  const bind = fieldBinder(submit.fields);
  return (
    <EditorForm submit={submit} onSubmit={onSubmit} canWrite={props.canWrite} editing={!!props.initial}>
      <TextField label={t('common.name')} {...bind('name', name, setName)} required />
      <FieldGroup legend={t('providers.kind')} error={f['kind']} className="inline-options">
        {PROVIDER_KINDS.map((k) => (
          <label key={k} className="option">
            <input
              type="radio"
              name="kind"
              value={k}
              checked={kind === k}
              disabled={props.initial !== undefined}
              onChange={() => setKind(k)}
            />
            {t(`providers.kinds.${k}`)}
          </label>
        ))}
      </FieldGroup>
      {kind === 'vendor' ? (
        <SelectField
          label={t('providers.shore')}
          {...bind('shore', shore, setShore)}
          required
          blank={t('teams.choose')}
          options={optionsOf(SHORES, (s) => t(`providers.shores.${s}`))}
        />
      ) : null}
      {(
        [
          ['countries', countries, setCountries],
          ['languages', languages, setLanguages],
        ] as const
      ).map(([codes, value, onChange]) => (
        <CodesField
          key={codes}
          codes={codes}
          label={t(`providers.${codes}`)}
          help={t(`providers.${codes}Help`)}
          value={value}
          onChange={onChange}
          submit={submit}
        />
      ))}
    </EditorForm>
  );
}
