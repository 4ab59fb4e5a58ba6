import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AcceptInvitePage } from '../features/auth/AcceptInvitePage';
import { AccountPage } from '../features/auth/AccountPage';
import { ForgotPasswordPage, ResetPasswordPage } from '../features/auth/PasswordResetPages';
import { SignInPage } from '../features/auth/SignInPage';
import { SessionProvider, useSession } from '../features/auth/session';
import { ErrorBanner, Loading } from '../lib/ui';
import { HomePage, NotFoundPage } from './HomePage';
import { NAV } from './nav';
import { Shell } from './Shell';

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route path="/invite/:token" element={<AcceptInvitePage />} />
          <Route path="/forgot-password" element={<ForgotPasswordPage />} />
          <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
          <Route path="*" element={<Gate />} />
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}

/** Signed in: the shell and its pages. Signed out: the sign-in form, at whatever URL was asked for. */
function Gate() {
  const session = useSession();
  const { t } = useTranslation();
  const { state } = session;
  if (state.status === 'loading') {
    return (
      <div className="centered">
        <Loading />
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="centered">
        <h1 className="visually-hidden">{t('app.name')}</h1>
        <ErrorBanner error={state.error} onRetry={session.reload} />
      </div>
    );
  }
  if (state.status === 'signed-out') return <SignInPage />;
  return (
    <Shell>
      <Routes>
        <Route index element={<HomePage />} />
        <Route path="account" element={<AccountPage />} />
        {NAV.map((e) => (
          <Route key={e.id} path={`${e.path.replace(/^\//, '')}/*`} element={<e.page />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Shell>
  );
}
