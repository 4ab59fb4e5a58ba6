import type { Role, User } from '@shoreline/server/contract';
import { ROLES } from '@shoreline/server/contract';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codeColumn, textColumn, timeColumn } from '../../kit/columns';
import { type Column, ResourceTable } from '../../kit/DataTable';
import {
  FormActions,
  fieldBinder,
  namedOptions,
  OptionSelect,
  optionsOf,
  SelectField,
  TextField,
} from '../../kit/fields';
import { ErrorBanner, PageHeader, SecretBox } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { useRowAction } from '../../lib/useRowAction';
import { useSubmit } from '../../lib/useSubmit';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { adminApi } from './api';

export function UsersPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const canWrite = can(me, 'user.write');
  const users = useResource(() => adminApi.users(), []);
  const providers = useResource(() => adminApi.providers(), []);
  const [inviting, setInviting] = useState(false);
  const [invite, setInvite] = useState<{ email: string; url: string }>();
  const row = useRowAction();

  const providerName = useMemo(() => {
    const byId = new Map((providers.data ?? []).map((p) => [p.id, p.name]));
    return (id: string | null) => (id ? (byId.get(id) ?? id) : '—');
  }, [providers.data]);

  const update = (user: User, patch: { role?: Role; active?: boolean }) =>
    row.run(user.id, async () => {
      const { inviteUrl, ...updated } = await adminApi.updateUser(user.id, patch);
      users.set((list) => list?.map((u) => (u.id === updated.id ? updated : u)));
      // Reactivating a cancelled invitation issues a new link (the old one stays dead).
      if (inviteUrl) setInvite({ email: updated.email, url: inviteUrl });
    });

  const columns: Column<User>[] = [
    textColumn('name', t('common.name'), (u) => u.name, { rowHeader: true }),
    codeColumn('email', t('common.email'), (u) => u.email),
    {
      key: 'role',
      header: t('users.role'),
      sortValue: (u) => t(`role.${u.role}`),
      cell: (u) =>
        canWrite && u.id !== me.id ? (
          <OptionSelect
            aria-label={`${t('users.role')}: ${u.name}`}
            value={u.role}
            disabled={row.pending === u.id}
            onValue={(role) => void update(u, { role })}
            options={optionsOf(ROLES, (r) => t(`role.${r}`))}
          />
        ) : (
          t(`role.${u.role}`)
        ),
    },
    textColumn('provider', t('users.provider'), (u) => (u.providerId ? providerName(u.providerId) : null)),
    {
      key: 'status',
      header: t('common.status'),
      cell: (u) => <span className={`badge badge-${u.status}`}>{t(`users.statuses.${u.status}`)}</span>,
      sortValue: (u) => t(`users.statuses.${u.status}`),
    },
    timeColumn('created', t('common.created'), (u) => u.createdAt, fmt.date),
  ];
  if (canWrite)
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      cell: (u) =>
        u.id === me.id ? null : u.status === 'deactivated' ? (
          <button
            type="button"
            className="button-secondary button-small"
            disabled={row.pending === u.id}
            onClick={() => void update(u, { active: true })}
          >
            {t('users.reactivate')}
          </button>
        ) : (
          <button
            type="button"
            className="button-danger button-small"
            disabled={row.pending === u.id}
            onClick={() => {
              if (window.confirm(t('users.confirmDeactivate', { name: u.name || u.email })))
                void update(u, { active: false });
            }}
          >
            {t('users.deactivate')}
          </button>
        ),
    });

  return (
    <>
      <PageHeader
        title={t('users.title')}
        intro={t('users.intro')}
        actions={
          can(me, 'user.invite') && !inviting ? (
            <button
              type="button"
              className="button-primary"
              onClick={() => {
                setInvite(undefined);
                setInviting(true);
              }}
            >
              {t('users.invite')}
            </button>
          ) : null
        }
      />
      {invite ? (
        <SecretBox
          label={t('users.inviteLink', { email: invite.email })}
          help={t('users.inviteLinkHelp')}
          value={invite.url}
        />
      ) : null}
      {inviting ? (
        <InviteForm
          providers={(providers.data ?? []).filter((p) => p.kind === 'vendor')}
          onCancel={() => setInviting(false)}
          onInvited={(user, url) => {
            users.set((list) => [...(list ?? []), user]);
            setInvite({ email: user.email, url });
            setInviting(false);
          }}
        />
      ) : null}
      <ErrorBanner error={row.error} />
      <ResourceTable
        caption={t('users.title')}
        columns={columns}
        resource={users}
        empty={t('common.empty')}
        pageSize={50}
        initialSort={{ key: 'name', direction: 'ascending' }}
      />
      {canWrite ? <Outbox /> : null}
    </>
  );
}

/** Outgoing mail (password-reset links) kept until a mail transport is configured. */
function Outbox() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const mail = useResource(() => adminApi.outbox(), []);
  return (
    <section className="card">
      <h2>{t('users.outboxTitle')}</h2>
      <p>{t('users.outboxIntro')}</p>
      <ErrorBanner error={mail.error} onRetry={mail.reload} />
      {mail.data?.length === 0 ? <p className="empty">{t('users.outboxEmpty')}</p> : null}
      {mail.data?.map((m) => (
        <details key={m.id}>
          <summary>
            {fmt.dateTime(m.createdAt)} · <span dir="ltr">{m.to}</span> · {m.subject}
          </summary>
          <pre dir="ltr">{m.body}</pre>
        </details>
      ))}
    </section>
  );
}

function InviteForm(props: {
  providers: { id: string; name: string }[];
  onCancel(): void;
  onInvited(user: User, inviteUrl: string): void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [providerId, setProviderId] = useState('');

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await submit.run(() =>
      adminApi.inviteUser({ email: email.trim(), name: name.trim(), role, providerId: providerId || null }),
    );
    if (res) props.onInvited(res.user, res.inviteUrl);
  };

  const bind = fieldBinder(submit.fields);
  return (
    <form
      className="form card"
      onSubmit={onSubmit}
      onChange={submit.onChange}
      noValidate
      aria-label={t('users.inviteTitle')}
    >
      <h2>{t('users.inviteTitle')}</h2>
      <ErrorBanner error={submit.bannerError} />
      <div className="form-grid">
        <TextField label={t('common.email')} {...bind('email', email, setEmail)} required type="email" />
        <TextField label={t('common.name')} {...bind('name', name, setName)} required />
        <SelectField
          label={t('users.role')}
          {...bind('role', role, setRole)}
          required
          options={optionsOf(ROLES, (r) => t(`role.${r}`))}
        />
        <SelectField
          label={t('users.provider')}
          help={t('users.providerHelp')}
          {...bind('providerId', providerId, setProviderId)}
          blank={t('users.noProvider')}
          options={namedOptions(props.providers)}
        />
      </div>
      <FormActions busy={submit.busy} label={t('users.sendInvite')}>
        <button type="button" className="button-secondary" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
