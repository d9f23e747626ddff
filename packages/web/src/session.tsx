import type { AccessRule, UserView } from '@tansiq/core';
import { allows } from '@tansiq/core/access';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, request, setCsrfToken } from './api.ts';
import { useI18n } from './i18n/context.tsx';

interface SessionAnswer {
  user: UserView;
  csrfToken: string | null;
}

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed_out' }
  | { status: 'error'; message: string }
  | { status: 'signed_in'; user: UserView };

export interface Session {
  state: SessionState;
  /** Resolves to null on success, else the server's localized message. */
  signIn(email: string, password: string): Promise<string | null>;
  signOut(): Promise<void>;
  /** Whether the signed-in user may use what a route with this rule offers (core/access.ts). */
  can(rule: AccessRule): boolean;
  retry(): void;
}

const SessionContext = createContext<Session | null>(null);

/** Who is signed in, asked once at start; signing in and out update it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: asked once per attempt, not per language
  useEffect(() => {
    void attempt;
    const controller = new AbortController();
    request<SessionAnswer>('/api/session', lang, { signal: controller.signal }).then(
      (answer) => setState({ status: 'signed_in', user: answer.user }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
          setCsrfToken(null);
          setState({ status: 'signed_out' });
        } else setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      try {
        const answer = await request<SessionAnswer>('/api/session', lang, {
          method: 'POST',
          body: { email, password },
        });
        setCsrfToken(answer.csrfToken);
        setState({ status: 'signed_in', user: answer.user });
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
    [lang],
  );

  const signOut = useCallback(async () => {
    try {
      await request('/api/session', lang, { method: 'DELETE' });
    } catch {
      // Signed out locally whatever the server says: the cookie expires on its own.
    }
    setCsrfToken(null);
    setState({ status: 'signed_out' });
  }, [lang]);

  const value = useMemo<Session>(() => {
    const roles = state.status === 'signed_in' ? state.user.roles : null;
    return {
      state,
      signIn,
      signOut,
      can: (rule) => allows(rule, roles),
      retry: () => {
        setState({ status: 'loading' });
        setAttempt((n) => n + 1);
      },
    };
  }, [state, signIn, signOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** For tests and the storybook-less component checks: a fixed session. */
export function StaticSession({ value, children }: { value: Session; children: ReactNode }) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
