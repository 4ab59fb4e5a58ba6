import type { OrganizationChoiceProblem } from '@shoreline/server/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FormActions, fieldBinder, namedOptions, SelectField, TextField } from '../../kit/fields';
import { ApiError } from '../../lib/api';
import { ErrorBanner } from '../../lib/ui';
import { useSubmit } from '../../lib/useSubmit';
import { AuthLayout } from './AuthLayout';
import { CURRENT_PASSWORD_INPUT, EMAIL_INPUT } from './credentialInputs';
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
        const offered = (err.problem as Partial<OrganizationChoiceProblem>).organizations ?? [];
        setChoices(offered);
        setOrganizationId(offered[0]?.id ?? '');
      }
    });
  };

  const bind = fieldBinder(submit.fields);
  return (
    <AuthLayout title={t('auth.signInTitle')}>
      <form className="form" onSubmit={onSubmit} onChange={submit.onChange} noValidate>
        <ErrorBanner error={submit.bannerError} />
        <TextField
          label={t('auth.email')}
          error={submit.fields['email']}
          {...EMAIL_INPUT}
          name="email"
          required
          value={email}
          onValue={(value) => {
            setEmail(value);
            setChoices([]);
            setOrganizationId('');
          }}
        />
        <TextField
          label={t('auth.password')}
          {...bind('password', password, setPassword)}
          {...CURRENT_PASSWORD_INPUT}
          required
        />
        {choices.length > 0 ? (
          <SelectField
            label={t('auth.organization')}
            help={t('auth.chooseOrganization')}
            {...bind('organizationId', organizationId, setOrganizationId)}
            options={namedOptions(choices)}
          />
        ) : null}
        <FormActions wide busy={submit.busy} busyLabel={t('auth.signingIn')} label={t('auth.signIn')} />
      </form>
      <p>
        <Link to="/forgot-password">{t('auth.forgotPassword')}</Link>
      </p>
    </AuthLayout>
  );
}
