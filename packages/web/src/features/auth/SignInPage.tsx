import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../lib/api';
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
  // Filled when the address belongs to several organizations and the password was right.
  const [choices, setChoices] = useState<{ id: string; name: string }[]>([]);
  const [organizationId, setOrganizationId] = useState('');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run(async () => {
      try {
        await session.signIn(email.trim(), password, organizationId || undefined);
      } catch (err) {
        if (!(err instanceof ApiError && err.code === 'organization_choice')) throw err;
        const offered =
          (err.problem as { organizations?: { id: string; name: string }[] }).organizations ?? [];
        setChoices(offered);
        setOrganizationId(offered[0]?.id ?? '');
      }
    });
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
              onChange={(e) => {
                setEmail(e.target.value);
                setChoices([]);
                setOrganizationId('');
              }}
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
        {choices.length > 0 ? (
          <Field
            label={t('auth.organization')}
            help={t('auth.chooseOrganization')}
            error={submit.fields['organizationId']}
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
        <button type="submit" className="button-primary button-wide" disabled={submit.busy}>
          {submit.busy ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">{t('auth.forgotPassword')}</Link>
      </p>
    </AuthLayout>
  );
}
