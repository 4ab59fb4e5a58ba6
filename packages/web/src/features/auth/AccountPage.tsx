import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions, fieldBinder, TextField } from '../../kit/fields';
import { ErrorBanner, Notice, PageHeader } from '../../lib/ui';
import { useSubmit } from '../../lib/useSubmit';
import { ChangePasswordForm } from './PasswordResetPages';
import { useMe, useSession } from './session';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const session = useSession();
  const [name, setName] = useState(me.name);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const done = await submit.run(() => session.updateMe({ name: name.trim() }).then(() => true));
    if (done) setSaved(true);
  };

  const everywhere = async () => {
    if (!window.confirm(t('account.confirmSignOutEverywhere'))) return;
    try {
      await session.signOutEverywhere();
    } catch (err) {
      setError(err);
    }
  };

  const bind = fieldBinder(submit.fields);
  return (
    <>
      <PageHeader title={t('account.title')} />
      <dl className="facts">
        <dt>{t('common.email')}</dt>
        <dd dir="ltr">{me.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`role.${me.role}`)}</dd>
        <dt>{t('account.organization')}</dt>
        <dd>
          {me.organizationName}
          {me.providerName ? ` · ${me.providerName}` : ''}
        </dd>
      </dl>
      <form className="form card" onSubmit={save} onChange={submit.onChange} noValidate>
        {saved ? <Notice>{t('common.saved')}</Notice> : null}
        <ErrorBanner error={submit.bannerError ?? error} />
        <TextField label={t('account.nameLabel')} {...bind('name', name, setName)} autoComplete="name" />
        <FormActions busy={submit.busy} busyLabel={t('common.saving')} label={t('common.save')} />
      </form>
      <ChangePasswordForm />
      <section className="card danger-zone">
        <h2>{t('account.securityTitle')}</h2>
        <p>{t('account.signOutEverywhereHelp')}</p>
        <button type="button" className="button-danger" onClick={() => void everywhere()}>
          {t('account.signOutEverywhere')}
        </button>
      </section>
    </>
  );
}
