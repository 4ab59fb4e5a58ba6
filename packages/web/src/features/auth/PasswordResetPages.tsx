import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { FormActions, fieldBinder, TextField } from '../../kit/fields';
import { api } from '../../lib/api';
import { Alert, ErrorBanner, Notice } from '../../lib/ui';
import { useSubmit } from '../../lib/useSubmit';
import { AuthLayout } from './AuthLayout';
import { CURRENT_PASSWORD_INPUT, EMAIL_INPUT } from './credentialInputs';
import { NewPasswordFields, newPasswordProblems, useNewPassword } from './NewPasswordFields';

/** A step of the reset (ask for a link, set the password): its form, or once done what happened. */
function ResetStep(props: { title: string; done: string | null; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <AuthLayout title={props.title}>
      {props.done ? <Notice>{props.done}</Notice> : props.children}
      <p>
        <Link to="/">{t('auth.backToSignIn')}</Link>
      </p>
    </AuthLayout>
  );
}

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const submit = useSubmit();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await submit.run(() =>
      api.post('/auth/password-reset', { email: email.trim() }).then(() => true),
    );
    if (ok) setSent(true);
  };
  const bind = fieldBinder(submit.fields);
  return (
    <ResetStep title={t('auth.forgotTitle')} done={sent ? t('auth.resetSent') : null}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <p>{t('auth.forgotIntro')}</p>
        <ErrorBanner error={submit.bannerError} />
        <TextField label={t('auth.email')} {...bind('email', email, setEmail)} required {...EMAIL_INPUT} />
        <FormActions wide busy={submit.busy} label={t('auth.sendResetLink')} />
      </form>
    </ResetStep>
  );
}

/** Sets a new password through a mailed link (single use, one hour). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const pw = useNewPassword();
  const [done, setDone] = useState(false);
  const submit = useSubmit();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (submit.invalid(newPasswordProblems(t, pw.password, pw.confirm))) return;
    const ok = await submit.run(() =>
      api.post('/auth/password-reset/confirm', { token, password: pw.password }).then(() => true),
    );
    if (ok) setDone(true);
  };
  const fields = submit.fields;
  return (
    <ResetStep title={t('auth.resetTitle')} done={done ? t('auth.resetDone') : null}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <Alert>{fields['token'] ? t('errors.reset_invalid') : null}</Alert>
        <ErrorBanner error={submit.bannerError} />
        <NewPasswordFields t={t} {...pw.pair} fields={fields} />
        <FormActions wide busy={submit.busy} label={t('auth.setNewPassword')} />
      </form>
    </ResetStep>
  );
}

/** The signed-in user's password change (needs the current password; other sessions end). */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const next = useNewPassword();
  const [changed, setChanged] = useState(false);
  const submit = useSubmit();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setChanged(false);
    if (submit.invalid(newPasswordProblems(t, next.password, next.confirm, 'newPassword'))) return;
    const ok = await submit.run(() =>
      api.post('/me/password', { currentPassword: current, newPassword: next.password }).then(() => true),
    );
    if (ok) {
      setChanged(true);
      setCurrent('');
      next.clear();
    }
  };
  const fields = submit.fields;
  const bind = fieldBinder(submit.fields);
  return (
    <form className="form card" onSubmit={onSubmit} noValidate>
      <h2>{t('account.passwordTitle')}</h2>
      {changed ? <Notice>{t('account.passwordChanged')}</Notice> : null}
      <ErrorBanner error={submit.bannerError} />
      <TextField
        label={t('account.currentPassword')}
        {...bind('currentPassword', current, setCurrent)}
        required
        {...CURRENT_PASSWORD_INPUT}
      />
      <NewPasswordFields t={t} {...next.pair} fields={fields} passwordField="newPassword" />
      <FormActions busy={submit.busy} label={t('account.changePassword')} />
    </form>
  );
}
