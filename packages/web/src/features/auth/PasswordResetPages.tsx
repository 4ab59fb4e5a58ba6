import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../lib/api';
import { ErrorBanner, Field, Notice } from '../../lib/ui';
import { useSubmit } from '../../lib/useSubmit';
import { AuthLayout } from './AuthLayout';

const MIN_PASSWORD = 10;

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
          <Field label={t('auth.email')} error={submit.fields['email']} required>
            {(c) => (
              <input
                {...c}
                type="email"
                name="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="button-primary button-wide" disabled={submit.busy}>
            {t('auth.sendResetLink')}
          </button>
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
  const [local, setLocal] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const submit = useSubmit();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (password.length < MIN_PASSWORD) problems['password'] = t('auth.passwordTooShort');
    if (confirm !== password) problems['confirm'] = t('auth.passwordsDiffer');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const ok = await submit.run(() =>
      api.post('/auth/password-reset/confirm', { token, password }).then(() => true),
    );
    if (ok) setDone(true);
  };
  const fields = { ...submit.fields, ...local };
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
          <Field
            label={t('auth.newPassword')}
            help={t('auth.passwordHint')}
            error={fields['password']}
            required
          >
            {(c) => (
              <input
                {...c}
                type="password"
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('auth.confirmPassword')} error={fields['confirm']} required>
            {(c) => (
              <input
                {...c}
                type="password"
                autoComplete="new-password"
                required
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="button-primary button-wide" disabled={submit.busy}>
            {t('auth.setNewPassword')}
          </button>
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
  const [local, setLocal] = useState<Record<string, string>>({});
  const [changed, setChanged] = useState(false);
  const submit = useSubmit();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setChanged(false);
    const problems: Record<string, string> = {};
    if (next.length < MIN_PASSWORD) problems['newPassword'] = t('auth.passwordTooShort');
    if (confirm !== next) problems['confirm'] = t('auth.passwordsDiffer');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
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
  const fields = { ...submit.fields, ...local };
  return (
    <form className="form card" onSubmit={onSubmit} noValidate>
      <h2>{t('account.passwordTitle')}</h2>
      {changed ? <Notice>{t('account.passwordChanged')}</Notice> : null}
      <ErrorBanner error={submit.bannerError} />
      <Field label={t('account.currentPassword')} error={fields['currentPassword']} required>
        {(c) => (
          <input
            {...c}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('auth.newPassword')}
        help={t('auth.passwordHint')}
        error={fields['newPassword']}
        required
      >
        {(c) => (
          <input
            {...c}
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('auth.confirmPassword')} error={fields['confirm']} required>
        {(c) => (
          <input
            {...c}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={submit.busy}>
          {t('account.changePassword')}
        </button>
      </div>
    </form>
  );
}
