import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { FormActions, TextField } from '../../kit/fields';
import { api } from '../../lib/api';
import { ErrorBanner, Notice } from '../../lib/ui';
import { useSubmit } from '../../lib/useSubmit';
import { AuthLayout } from './AuthLayout';
import { NewPasswordFields, newPasswordProblems } from './NewPasswordFields';

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
  return (
    <AuthLayout title={t('auth.forgotTitle')}>
      {sent ? (
        <Notice>{t('auth.resetSent')}</Notice>
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate>
          <p>{t('auth.forgotIntro')}</p>
          <ErrorBanner error={submit.bannerError} />
          <TextField
            label={t('auth.email')}
            error={submit.fields['email']}
            required
            type="email"
            name="email"
            autoComplete="username"
            value={email}
            onValue={setEmail}
          />
          <FormActions wide busy={submit.busy} label={t('auth.sendResetLink')} />
        </form>
      )}
      <p>
        <Link to="/">{t('auth.backToSignIn')}</Link>
      </p>
    </AuthLayout>
  );
}

/** Sets a new password through a mailed link (single use, one hour). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const submit = useSubmit();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (submit.invalid(newPasswordProblems(t, password, confirm))) return;
    const ok = await submit.run(() =>
      api.post('/auth/password-reset/confirm', { token, password }).then(() => true),
    );
    if (ok) setDone(true);
  };
  const fields = submit.fields;
  return (
    <AuthLayout title={t('auth.resetTitle')}>
      {done ? (
        <Notice>{t('auth.resetDone')}</Notice>
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate>
          {fields['token'] ? (
            <div className="banner banner-error" role="alert">
              {t('errors.reset_invalid')}
            </div>
          ) : null}
          <ErrorBanner error={submit.bannerError} />
          <NewPasswordFields
            t={t}
            password={password}
            confirm={confirm}
            onPassword={setPassword}
            onConfirm={setConfirm}
            fields={fields}
          />
          <FormActions wide busy={submit.busy} label={t('auth.setNewPassword')} />
        </form>
      )}
      <p>
        <Link to="/">{t('auth.backToSignIn')}</Link>
      </p>
    </AuthLayout>
  );
}

/** The signed-in user's password change (needs the current password; other sessions end). */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [changed, setChanged] = useState(false);
  const submit = useSubmit();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setChanged(false);
    if (submit.invalid(newPasswordProblems(t, next, confirm, 'newPassword'))) return;
    const ok = await submit.run(() =>
      api.post('/me/password', { currentPassword: current, newPassword: next }).then(() => true),
    );
    if (ok) {
      setChanged(true);
      setCurrent('');
      setNext('');
      setConfirm('');
    }
  };
  const fields = submit.fields;
  return (
    <form className="form card" onSubmit={onSubmit} noValidate>
      <h2>{t('account.passwordTitle')}</h2>
      {changed ? <Notice>{t('account.passwordChanged')}</Notice> : null}
      <ErrorBanner error={submit.bannerError} />
      <TextField
        label={t('account.currentPassword')}
        error={fields['currentPassword']}
        required
        type="password"
        name="currentPassword"
        autoComplete="current-password"
        value={current}
        onValue={setCurrent}
      />
      <NewPasswordFields
        t={t}
        password={next}
        confirm={confirm}
        onPassword={setNext}
        onConfirm={setConfirm}
        fields={fields}
        passwordField="newPassword"
      />
      <FormActions busy={submit.busy} label={t('account.changePassword')} />
    </form>
  );
}
