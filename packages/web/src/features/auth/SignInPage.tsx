import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldMessages } from '../../lib/errors';
import { ErrorBanner, Field } from '../../lib/ui';
import { AuthLayout } from './AuthLayout';
import { useSession } from './session';

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await session.signIn(email.trim(), password);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const fields = fieldMessages(t, error);
  return (
    <AuthLayout title={t('auth.signInTitle')}>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorBanner error={error && Object.keys(fields).length === 0 ? error : undefined} />
        <Field label={t('auth.email')} error={fields['email']}>
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
        <Field label={t('auth.password')} error={fields['password']}>
          {(c) => (
            <input
              {...c}
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button-primary button-wide" disabled={busy}>
          {busy ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </form>
    </AuthLayout>
  );
}
