import type { ApiToken, ApiTokenCreated as CreatedApiToken } from '@shoreline/server/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { columnsOf } from '../../kit/columns';
import { listTexts, ResourceTable } from '../../kit/DataTable';
import { FormActions, fieldBinder, optionsOf, SelectField, TextField } from '../../kit/fields';
import { ErrorBanner, PageHeader, SecretBox } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { adminApi } from './api';

type TokenScope = ApiToken['scopes'][number];
const TOKEN_SCOPES: readonly TokenScope[] = ['admin', 'kpi:read', 'import:write'];
// i18next reads ':' as a namespace separator, so scopes map to plain keys.
const SCOPE_LABEL = {
  admin: 'tokens.scopeAdmin',
  'kpi:read': 'tokens.scopeKpiRead',
  'import:write': 'tokens.scopeImportWrite',
} as const;
const SCOPE_HELP = {
  admin: 'tokens.scopeAdminHelp',
  'kpi:read': 'tokens.scopeKpiReadHelp',
  'import:write': 'tokens.scopeImportWriteHelp',
} as const;

export function TokensPage() {
  const { t } = useTranslation();
  const col = columnsOf<ApiToken>(useFormat());

  const tokens = useResource(() => adminApi.tokens(), []);
  const [created, setCreated] = useState<CreatedApiToken>();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('kpi:read');
  const [days, setDays] = useState(90);
  const submit = useSubmit();
  const [revokeError, setRevokeError] = useState<unknown>();

  const onCreate = async (e: FormEvent) => {
    e.preventDefault();
    const res = await submit.run(() =>
      adminApi.createToken({ name: name.trim(), scopes: [scope], expiresInDays: days }),
    );
    if (res) {
      setCreated(res);
      setName('');
      const row: ApiToken = {
        id: res.id,
        name: res.name,
        createdAt: res.createdAt,
        lastUsedAt: null,
        scopes: res.scopes,
        expiresAt: res.expiresAt,
      };
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

  const bind = fieldBinder(submit.fields);
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
        <TextField
          label={t('tokens.name')}
          help={t('tokens.nameHelp')}
          {...bind('name', name, setName)}
          required
        />
        <SelectField
          label={t('tokens.scope')}
          help={t(SCOPE_HELP[scope])}
          error={submit.fields['scopes']}
          name="scope"
          value={scope}
          onValue={setScope}
          options={optionsOf(TOKEN_SCOPES, (s) => t(SCOPE_LABEL[s]))}
        />
        <SelectField
          label={t('tokens.expiresIn')}
          error={submit.fields['expiresInDays']}
          name="expiresInDays"
          value={String(days)}
          onValue={(d) => setDays(Number(d))}
          options={optionsOf(['7', '30', '90', '365'], (d) => t('tokens.days', { n: Number(d) }))}
        />
        <FormActions busy={submit.busy} label={t('tokens.create')} />
      </form>
      <ErrorBanner error={revokeError} />
      <ResourceTable
        {...listTexts(t, 'tokens')}
        resource={tokens}
        columns={[
          col.text('name', t('common.name'), (token) => token.name, { rowHeader: true }),
          col.dateTime('created', t('common.created'), (token) => token.createdAt),
          {
            key: 'scopes',
            header: t('tokens.scope'),
            cell: (token) => token.scopes.map((s) => t(SCOPE_LABEL[s])).join(', '),
          },
          col.dateTime('expires', t('tokens.expires'), (token) => token.expiresAt),
          col.dateTime('lastUsed', t('tokens.lastUsed'), (token) => token.lastUsedAt, t('tokens.never')),
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
