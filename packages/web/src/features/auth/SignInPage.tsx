import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../lib/api';
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
  // Filled when the address belongs to several organizations and the password was right.
  const [choices, setChoices] = useState<{ id: string; name: string }[]>([]);
  const [organizationId, setOrganizationId] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await session.signIn(email.trim(), password, organizationId || undefined);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'organization_choice') {
        const offered =
          (err.problem as { organizations?: { id: string; name: string }[] }).organizations ?? [];
        setChoices(offered);
        setOrganizationId(offered[0]?.id ?? '');
        setError(undefined);
      } else setError(err);
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
              onChange={(e) => {
                setEmail(e.target.value);
                setChoices([]);
                setOrganizationId('');
              }}
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
        {choices.length > 0 ? (
          <Field
            label={t('auth.organization')}
            help={t('auth.chooseOrganization')}
            error={fields['organizationId']}
          >
            {(c) => (
              <select
                {...c}
                name="organizationId"
                value={organizationId}
                onChange={(e) => setOrganizationId(e.target.value)}
              >
                {choices.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <button type="submit" className="button-primary button-wide" disabled={busy}>
          {busy ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">{t('auth.forgotPassword')}</Link>
      </p>
    </AuthLayout>
  );
}
