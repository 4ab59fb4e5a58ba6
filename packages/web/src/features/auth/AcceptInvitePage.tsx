import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../lib/api';
import { fieldMessages } from '../../lib/errors';
import { ErrorBanner, Field } from '../../lib/ui';
import { AuthLayout } from './AuthLayout';
import { useSession } from './session';

const MIN_PASSWORD = 10;

export function AcceptInvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (password.length < MIN_PASSWORD) problems['password'] = t('auth.passwordTooShort');
    if (confirm !== password) problems['confirm'] = t('auth.passwordsDiffer');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(undefined);
    try {
      await session.acceptInvite(token, password, name.trim() || undefined);
      navigate('/', { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const server = fieldMessages(t, error);
  const fields = { ...server, ...local };
  const tokenProblem =
    error instanceof ApiError &&
    (error.status === 404 || server['token'] !== undefined || error.status === 410);
  const bannerError = error && Object.keys(server).length === 0 && !tokenProblem ? error : undefined;

  return (
    <AuthLayout title={t('auth.inviteTitle')}>
      <p>{t('auth.inviteIntro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        {tokenProblem ? (
          <div className="banner banner-error" role="alert">
            {t('errors.invite_invalid')}
          </div>
        ) : null}
        <ErrorBanner error={bannerError} />
        <Field label={t('auth.yourName')} error={fields['name']}>
          {(c) => <input {...c} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
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
              minLength={MIN_PASSWORD}
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
        <button type="submit" className="button-primary button-wide" disabled={busy}>
          {t('auth.acceptInvite')}
        </button>
      </form>
    </AuthLayout>
  );
}
