import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, Field } from '../../lib/ui';
import { useSubmit } from '../../lib/useSubmit';
import { AuthLayout } from './AuthLayout';
import { useSession } from './session';

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = useSubmit();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run(() => session.signIn(email.trim(), password));
  };

  return (
    <AuthLayout title={t('auth.signInTitle')}>
      <form className="form" onSubmit={onSubmit} onChange={submit.onChange} noValidate>
        <ErrorBanner error={submit.bannerError} />
        <Field label={t('auth.email')} error={submit.fields['email']}>
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
        <Field label={t('auth.password')} error={submit.fields['password']}>
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
        <button type="submit" className="button-primary button-wide" disabled={submit.busy}>
          {submit.busy ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </form>
    </AuthLayout>
  );
}
