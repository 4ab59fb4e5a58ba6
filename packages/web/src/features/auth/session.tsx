import type { Locale, Me } from '@shoreline/server/contract';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, onUnauthorized } from '../../lib/api';
import { currentLocale, setLocale } from '../../lib/i18n';

type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'error'; error: unknown }
  | { status: 'signed-in'; me: Me };

interface Session {
  state: SessionState;
  /** Signed-in user; only call inside the signed-in part of the app. */
  me: Me | null;
  /** `organizationId` answers the server's `organization_choice` when the address has several. */
  signIn(email: string, password: string, organizationId?: string): Promise<void>;
  acceptInvite(token: string, password: string, name?: string): Promise<void>;
  signOut(): Promise<void>;
  signOutEverywhere(): Promise<void>;
  changeLocale(locale: Locale): Promise<void>;
  updateMe(patch: { name?: string }): Promise<void>;
  reload(): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const adopt = useCallback((me: Me) => {
    setState({ status: 'signed-in', me });
    // The user's saved language wins over the device's.
    if (me.locale && me.locale !== currentLocale()) void setLocale(me.locale);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the load on retry.
  useEffect(() => {
    let cancelled = false;
    api
      .get<Me>('/me')
      .then((me) => !cancelled && adopt(me))
      .catch((error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 401) setState({ status: 'signed-out' });
        else setState({ status: 'error', error });
      });
    return () => {
      cancelled = true;
    };
  }, [adopt, attempt]);

  useEffect(() => onUnauthorized(() => setState({ status: 'signed-out' })), []);

  const session = useMemo<Session>(() => {
    const me = state.status === 'signed-in' ? state.me : null;
    // Signing in and accepting an invite both answer with the user, now signed in.
    const enter = async (path: string, body: Record<string, string>) =>
      adopt((await api.post<{ user: Me }>(path, body)).user);
    return {
      state,
      me,
      async signIn(email, password, organizationId) {
        await enter('/auth/login', { email, password, ...(organizationId ? { organizationId } : {}) });
      },
      async acceptInvite(token, password, name) {
        await enter('/auth/accept-invite', { token, password, ...(name ? { name } : {}) });
      },
      async signOut() {
        try {
          await api.post('/auth/logout');
        } finally {
          setState({ status: 'signed-out' });
        }
      },
      async signOutEverywhere() {
        await api.post('/auth/logout-all');
        setState({ status: 'signed-out' });
      },
      async changeLocale(locale) {
        await setLocale(locale);
        if (me) {
          const updated = await api.patch<Me>('/me', { locale });
          setState({ status: 'signed-in', me: updated });
        }
      },
      async updateMe(patch) {
        const updated = await api.patch<Me>('/me', patch);
        setState({ status: 'signed-in', me: updated });
      },
      reload() {
        setState({ status: 'loading' });
        setAttempt((n) => n + 1);
      },
    };
  }, [state, adopt]);

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user. Only for components rendered inside the signed-in shell. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe while signed out');
  return me;
}
