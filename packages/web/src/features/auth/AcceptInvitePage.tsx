import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { FormActions, fieldBinder, TextField } from '../../kit/fields';
import { ApiError } from '../../lib/api';
import { Alert, ErrorBanner } from '../../lib/ui';
import { useSubmit } from '../../lib/useSubmit';
import { AuthLayout } from './AuthLayout';
import { NewPasswordFields, newPasswordProblems, useNewPassword } from './NewPasswordFields';
import { useSession } from './session';

export function AcceptInvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const pw = useNewPassword();
  const { password } = pw;
  const submit = useSubmit();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (submit.invalid(newPasswordProblems(t, pw.password, pw.confirm))) return;
    const done = await submit.run(() =>
      session.acceptInvite(token, password, name.trim() || undefined).then(() => true),
    );
    if (done) navigate('/', { replace: true });
  };

  const { error, fields } = submit;
  const tokenProblem =
    error instanceof ApiError &&
    (error.status === 404 || error.fieldErrors()['token'] !== undefined || error.status === 410);
  const bannerError = tokenProblem ? undefined : submit.bannerError;

  const bind = fieldBinder(submit.fields);
  return (
    <AuthLayout title={t('auth.inviteTitle')}>
      <p>{t('auth.inviteIntro')}</p>
      <form className="form" onSubmit={onSubmit} onChange={submit.onChange} noValidate>
        <Alert>{tokenProblem ? t('errors.invite_invalid') : null}</Alert>
        <ErrorBanner error={bannerError} />
        <TextField label={t('auth.yourName')} {...bind('name', name, setName)} autoComplete="name" />
        <NewPasswordFields t={t} {...pw.pair} fields={fields} />
        <FormActions wide busy={submit.busy} label={t('auth.acceptInvite')} />
      </form>
    </AuthLayout>
  );
}
