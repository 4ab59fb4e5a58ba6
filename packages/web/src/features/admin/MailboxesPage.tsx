import type { Mailbox, Provider, Team } from '@shoreline/server/contract';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { codeColumn, textColumn } from '../../kit/columns';
import { BackLink, CrudRoutes, EditorForm, EditorPage, ListHeader } from '../../kit/crud';
import { listTexts, ResourceTable } from '../../kit/DataTable';
import { fieldBinder, namedOptions, SelectField, TextField } from '../../kit/fields';
import { ErrorBanner, Loading, PageHeader } from '../../lib/ui';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { adminApi } from './api';

/** Admin → Mailboxes: the organization's support addresses and where each one's new tickets go. */
export function MailboxesPage() {
  return <CrudRoutes list={<MailboxList />} create={<MailboxCreatePage />} edit={<MailboxEditPage />} />;
}

function useDirectory() {
  const providers = useResource(() => adminApi.providers(), []);
  const teams = useResource(() => adminApi.teams(), []);
  const names = useMemo(() => {
    const byId = new Map<string, string>();
    for (const p of providers.data ?? []) byId.set(p.id, p.name);
    for (const t of teams.data ?? []) byId.set(t.id, t.name);
    return (id: string | null) => (id ? (byId.get(id) ?? id) : null);
  }, [providers.data, teams.data]);
  return { providers, teams, names };
}

function MailboxList() {
  const { t } = useTranslation();
  const mailboxes = useResource(() => adminApi.mailboxes(), []);
  const { names, providers } = useDirectory();
  return (
    <>
      <ListHeader
        title={t('mail.mailboxes.title')}
        intro={t('mail.mailboxes.intro')}
        newLabel={t('mail.mailboxes.new')}
        canWrite
      />
      <ResourceTable
        {...listTexts(t, 'mail.mailboxes')}
        resource={{ ...mailboxes, error: mailboxes.error ?? providers.error }}
        initialSort={{ key: 'address', direction: 'ascending' }}
        columns={[
          codeColumn<Mailbox>('address', t('mail.mailboxes.address'), (m) => m.address, {
            rowHeader: true,
            cell: (m) => (
              <Link to={m.id}>
                <bdi dir="ltr">{m.address}</bdi>
              </Link>
            ),
          }),
          textColumn<Mailbox>('displayName', t('mail.mailboxes.displayName'), (m) => m.displayName),
          textColumn<Mailbox>('provider', t('mail.mailboxes.provider'), (m) => names(m.providerId)),
          textColumn<Mailbox>('team', t('mail.mailboxes.team'), (m) => names(m.teamId)),
          textColumn<Mailbox>('imap', t('mail.mailboxes.imap'), (m) =>
            m.imap ? `${m.imap.host}:${m.imap.port}` : t('mail.mailboxes.smtpOnly'),
          ),
        ]}
      />
    </>
  );
}

function MailboxCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { providers, teams } = useDirectory();
  return (
    <EditorPage
      title={t('mail.mailboxes.newTitle')}
      error={providers.error ?? teams.error}
      onRetry={providers.reload}
      loading={!(providers.data && teams.data)}
    >
      {providers.data && teams.data ? (
        <MailboxForm
          providers={providers.data}
          teams={teams.data}
          save={async (input) => {
            const created = await adminApi.createMailbox(input);
            navigate('..', { state: { notice: t('mail.mailboxes.created', { address: created.address }) } });
          }}
        />
      ) : null}
    </EditorPage>
  );
}

function MailboxEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const mailboxes = useResource(() => adminApi.mailboxes(), []);
  const { providers, teams } = useDirectory();
  const mailbox = mailboxes.data?.find((m) => m.id === id);
  return (
    <>
      <PageHeader title={mailbox?.address ?? t('mail.mailboxes.editTitle')} actions={<BackLink />} />
      <ErrorBanner error={mailboxes.error ?? providers.error ?? teams.error} onRetry={mailboxes.reload} />
      {mailboxes.data && !mailbox ? <p className="empty">{t('errors.notFound')}</p> : null}
      {mailbox && providers.data && teams.data ? (
        <MailboxForm
          initial={mailbox}
          providers={providers.data}
          teams={teams.data}
          save={async ({ address: _fixed, ...patch }) => {
            const updated = await adminApi.updateMailbox(id, patch);
            navigate('..', { state: { notice: `${updated.address}: ${t('common.saved')}` } });
          }}
        />
      ) : mailboxes.error ? null : (
        <Loading />
      )}
    </>
  );
}

interface MailboxInput {
  address: string;
  displayName: string;
  providerId: string | null;
  teamId: string | null;
}

function MailboxForm(props: {
  initial?: Mailbox;
  providers: Provider[];
  teams: Team[];
  save(input: MailboxInput): Promise<void>;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [address, setAddress] = useState(props.initial?.address ?? '');
  const [displayName, setDisplayName] = useState(props.initial?.displayName ?? '');
  const [providerId, setProviderId] = useState(props.initial?.providerId ?? '');
  const [teamId, setTeamId] = useState(props.initial?.teamId ?? '');
  // A team of the chosen provider (the server refuses any other, naming teamId).
  const teams = props.teams.filter((team) => !providerId || team.providerId === providerId);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run(() =>
      props.save({
        address: address.trim(),
        displayName: displayName.trim(),
        providerId: providerId || null,
        teamId: teamId || null,
      }),
    );
  };
  const bind = fieldBinder(submit.fields);
  return (
    <EditorForm submit={submit} onSubmit={onSubmit} canWrite editing={!!props.initial}>
      <div className="form-grid">
        <TextField
          label={t('mail.mailboxes.address')}
          help={t('mail.mailboxes.addressHelp')}
          type="email"
          dir="ltr"
          required
          disabled={props.initial !== undefined}
          {...bind('address', address, setAddress)}
        />
        <TextField
          label={t('mail.mailboxes.displayName')}
          required
          {...bind('displayName', displayName, setDisplayName)}
        />
        <SelectField
          label={t('mail.mailboxes.provider')}
          help={t('mail.mailboxes.providerHelp')}
          blank={t('mail.mailboxes.noProvider')}
          options={namedOptions(props.providers)}
          {...bind('providerId', providerId, (v: string) => {
            setProviderId(v);
            setTeamId('');
          })}
        />
        <SelectField
          label={t('mail.mailboxes.team')}
          blank={t('mail.mailboxes.noTeam')}
          options={namedOptions(teams)}
          {...bind('teamId', teamId, setTeamId)}
        />
      </div>
    </EditorForm>
  );
}
