import type { ApiToken, ApiTokenCreated as CreatedApiToken } from '@shoreline/server/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../kit/DataTable';
import { ErrorBanner, Field, PageHeader, SecretBox } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { adminApi } from './api';

export function TokensPage() {
  const { t } = useTranslation();
  const fmt = useFormat();

  const tokens = useResource(() => adminApi.tokens(), []);
  const [created, setCreated] = useState<CreatedApiToken>();
  const [name, setName] = useState('');
  const submit = useSubmit();
  const [revokeError, setRevokeError] = useState<unknown>();

  const onCreate = async (e: FormEvent) => {
    e.preventDefault();
    const res = await submit.run(() => adminApi.createToken(name.trim()));
    if (res) {
      setCreated(res);
      setName('');
      const row: ApiToken = { id: res.id, name: res.name, createdAt: res.createdAt, lastUsedAt: null };
      tokens.set((list) => [...(list ?? []), row]);
    }
  };

  const revoke = async (token: ApiToken) => {
    if (!window.confirm(t('tokens.confirmRevoke', { name: token.name }))) return;
    setRevokeError(undefined);
    try {
      await adminApi.revokeToken(token.id);
      tokens.set((list) => list?.filter((x) => x.id !== token.id));
      if (created?.id === token.id) setCreated(undefined);
    } catch (err) {
      setRevokeError(err);
    }
  };

  return (
    <>
      <PageHeader title={t('tokens.title')} intro={t('tokens.intro')} />
      {created ? (
        <SecretBox
          label={t('tokens.createdTitle', { name: created.name })}
          help={t('tokens.createdHelp')}
          value={created.token}
        />
      ) : null}
      {/* Everyone manages their own tokens. */}
      <form className="form card form-inline" onSubmit={onCreate} onChange={submit.onChange} noValidate>
        <ErrorBanner error={submit.bannerError} />
        <Field label={t('tokens.name')} help={t('tokens.nameHelp')} error={submit.fields['name']} required>
          {(c) => <input {...c} name="name" value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={submit.busy}>
            {t('tokens.create')}
          </button>
        </div>
      </form>
      <ErrorBanner error={revokeError} />
      <DataTable
        caption={t('tokens.title')}
        rows={tokens.data}
        rowKey={(token) => token.id}
        loading={tokens.loading}
        error={tokens.error}
        onRetry={tokens.reload}
        empty={<p className="empty">{t('tokens.empty')}</p>}
        columns={[
          {
            key: 'name',
            header: t('common.name'),
            rowHeader: true,
            cell: (token) => token.name,
            sortValue: (token) => token.name,
          },
          {
            key: 'created',
            header: t('common.created'),
            nowrap: true,
            cell: (token) => fmt.dateTime(token.createdAt),
            sortValue: (token) => token.createdAt,
          },
          {
            key: 'lastUsed',
            header: t('tokens.lastUsed'),
            nowrap: true,
            cell: (token) => (token.lastUsedAt ? fmt.dateTime(token.lastUsedAt) : t('tokens.never')),
            sortValue: (token) => token.lastUsedAt,
          },
          {
            key: 'actions',
            header: t('common.actions'),
            cell: (token) => (
              <button type="button" className="button-danger button-small" onClick={() => void revoke(token)}>
                {t('tokens.revoke')}
              </button>
            ),
          },
        ]}
      />
    </>
  );
}
