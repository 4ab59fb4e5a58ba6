import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../app/LanguageSwitcher';

/** The centered card used by pages shown before sign-in. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <div className="auth-top">
        <LanguageSwitcher />
      </div>
      <main className="auth-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <p className="muted">{t('auth.tagline')}</p>
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
