import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router-dom';
import { useMe, useSession } from '../features/auth/session';
import { Loading } from '../lib/ui';
import { LanguageSwitcher } from './LanguageSwitcher';
import { visibleNav } from './nav';

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const session = useSession();
  const groups = visibleNav(me);
  const { pathname } = useLocation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <span className="org-name">{me.organizationName}</span>
        <div className="topbar-end">
          <LanguageSwitcher />
          <Link to="/account" className="user-link" title={t('account.title')}>
            <span className="avatar" aria-hidden="true">
              {initials(me.name || me.email)}
            </span>
            <span className="user-name">{me.name || me.email}</span>
          </Link>
          <button type="button" className="button-secondary" onClick={() => void session.signOut()}>
            {t('app.signOut')}
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label={t('app.mainNav')}>
        {groups.map(({ section, entries }) => (
          <div key={section.id} className="nav-section">
            <h2 className="nav-section-title">{t(section.label)}</h2>
            <ul>
              {entries.map((e) => (
                <li key={e.id}>
                  {/* Within another entry's path (Plans /plan/plans inside Staffing /plan) only that one is current. */}
                  <NavLink
                    to={e.path}
                    end={entries.some((o) => o.path.length > e.path.length && within(pathname, o.path))}
                  >
                    {t(e.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </main>
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [parts[0]];
  return letters
    .map((p) => (p ? Array.from(p)[0] : ''))
    .join('')
    .toLocaleUpperCase();
}

const within = (pathname: string, path: string) => pathname === path || pathname.startsWith(`${path}/`);
