import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../lib/api';
import { ErrorBanner, Field } from '../../lib/ui';
import { useSubmit } from '../../lib/useSubmit';
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
  const submit = useSubmit();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (password.length < MIN_PASSWORD) problems['password'] = t('auth.passwordTooShort');
    if (confirm !== password) problems['confirm'] = t('auth.passwordsDiffer');
    if (submit.invalid(problems)) return;
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

  return (
    <AuthLayout title={t('auth.inviteTitle')}>
      <p>{t('auth.inviteIntro')}</p>
      <form className="form" onSubmit={onSubmit} onChange={submit.onChange} noValidate>
        {tokenProblem ? (
          <div className="banner banner-error" role="alert">
            {t('errors.invite_invalid')}
          </div>
        ) : null}
        <ErrorBanner error={bannerError} />
        <Field label={t('auth.yourName')} error={fields['name']}>
          {(c) => (
            <input
              {...c}
              name="name"
              autoComplete="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
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
              name="password"
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
              name="confirm"
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button-primary button-wide" disabled={submit.busy}>
          {t('auth.acceptInvite')}
        </button>
      </form>
    </AuthLayout>
  );
}
