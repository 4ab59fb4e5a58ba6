import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../features/auth/session';
import { PageHeader } from '../lib/ui';
import { visibleNav } from './nav';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('app.home', { name: me.name || me.email })} intro={t('app.homeIntro')} />
      <p className="muted">
        {t('app.signedInAs', { role: t(`role.${me.role}`) })}
        {me.providerName ? ` ${t('app.ofProvider', { provider: me.providerName })}` : ''}
      </p>
      {visibleNav(me).map(({ section, entries }) => (
        <section key={section.id} className="card-grid" aria-label={t(section.label)}>
          {entries.map((e) => (
            <Link key={e.id} to={e.path} className="card card-link">
              {t(e.label)}
            </Link>
          ))}
        </section>
      ))}
    </>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('app.notFound')} />
      <Link to="/">{t('app.backHome')}</Link>
    </>
  );
}
