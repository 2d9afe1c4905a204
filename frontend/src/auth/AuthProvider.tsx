/**
 * Who is signed in. Holds the Cognito session (sessionStorage), the caller's tenant and roles from
 * `GET /v1/tenants/me`, refreshes the ID token silently before it expires, and gives every page an
 * `ApiClient` that carries the token.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

import { ApiClient, readBody } from "../api/client";
import { ApiError } from "../api/errors";
import type { AuthConfig, Me } from "../api/types";
import { completeNewPassword, refreshTokens, signIn, type NewPasswordChallenge, type Tokens } from "./cognito";
import { clearSession, loadSession, saveSession, sessionFrom, type StoredSession } from "./session";

/** Refresh this long before the ID token expires. */
const REFRESH_AHEAD_MS = 5 * 60 * 1000;
/** A token closer than this to expiry is refreshed before it is sent. */
const MIN_VALIDITY_MS = 60 * 1000;

export type AuthStatus = "loading" | "anonymous" | "authenticated";
export type SignOutReason = "expired" | null;

interface Auth {
  status: AuthStatus;
  me: Me | null;
  api: ApiClient;
  signOutReason: SignOutReason;
  login(username: string, password: string): Promise<NewPasswordChallenge | null>;
  completeNewPassword(challenge: NewPasswordChallenge, newPassword: string): Promise<void>;
  logout(reason?: SignOutReason): void;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ apiBaseUrl, children }: { apiBaseUrl: string; children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>(() => (loadSession() ? "loading" : "anonymous"));
  const [me, setMe] = useState<Me | null>(null);
  const [signOutReason, setSignOutReason] = useState<SignOutReason>(null);

  const session = useRef<StoredSession | null>(loadSession());
  const authConfig = useRef<Promise<AuthConfig> | null>(null);
  const refreshing = useRef<Promise<boolean> | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const getAuthConfig = useCallback((): Promise<AuthConfig> => {
    if (!authConfig.current) {
      authConfig.current = fetch(`${apiBaseUrl}/v1/auth/config`)
        .catch(() => {
          throw new ApiError(0, "network", "network error");
        })
        .then((r) => readBody<AuthConfig>(r));
      authConfig.current.catch(() => {
        authConfig.current = null; // try again next time
      });
    }
    return authConfig.current;
  }, [apiBaseUrl]);

  const logout = useCallback((reason: SignOutReason = null) => {
    window.clearTimeout(timer.current);
    clearSession();
    session.current = null;
    setMe(null);
    setSignOutReason(reason);
    setStatus("anonymous");
  }, []);

  // Declared through a ref so `schedule` and `refresh` can call each other.
  const refreshRef = useRef<() => Promise<boolean>>(async () => false);

  const schedule = useCallback(() => {
    window.clearTimeout(timer.current);
    const s = session.current;
    if (!s) return;
    const delay = Math.max(s.expiresAt - Date.now() - REFRESH_AHEAD_MS, 10_000);
    timer.current = window.setTimeout(() => {
      void refreshRef.current().then((ok) => {
        if (!ok) logout("expired");
      });
    }, delay);
  }, [logout]);

  const refresh = useCallback((): Promise<boolean> => {
    const current = session.current;
    if (!current?.refreshToken) return Promise.resolve(false);
    if (!refreshing.current) {
      refreshing.current = (async () => {
        try {
          const tokens = await refreshTokens(await getAuthConfig(), current.refreshToken);
          if (session.current !== current) return false; // signed out meanwhile
          session.current = sessionFrom(tokens, current.username, current.refreshToken);
          saveSession(session.current);
          schedule();
          return true;
        } catch {
          return false;
        } finally {
          refreshing.current = null;
        }
      })();
    }
    return refreshing.current;
  }, [getAuthConfig, schedule]);
  refreshRef.current = refresh;

  const api = useMemo(
    () =>
      new ApiClient(apiBaseUrl, {
        async idToken() {
          const s = session.current;
          if (!s) return null;
          if (s.expiresAt - Date.now() < MIN_VALIDITY_MS) await refreshRef.current();
          return session.current?.idToken ?? null;
        },
        refresh: () => refreshRef.current(),
        expired: () => logout("expired"),
      }),
    [apiBaseUrl, logout],
  );

  const establish = useCallback(
    async (tokens: Tokens, username: string) => {
      session.current = sessionFrom(tokens, username);
      saveSession(session.current);
      try {
        const who = await api.get<Me>("/v1/tenants/me");
        setMe(who);
        setSignOutReason(null);
        setStatus("authenticated");
        schedule();
      } catch (error) {
        clearSession();
        session.current = null;
        throw error;
      }
    },
    [api, schedule],
  );

  // Resume a session stored by an earlier page load in this tab.
  useEffect(() => {
    if (!session.current) return;
    let cancelled = false;
    api
      .get<Me>("/v1/tenants/me")
      .then((who) => {
        if (cancelled) return;
        setMe(who);
        setStatus("authenticated");
        schedule();
      })
      .catch(() => {
        if (!cancelled) logout();
      });
    return () => {
      cancelled = true;
    };
  }, [api, logout, schedule]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const value = useMemo<Auth>(
    () => ({
      status,
      me,
      api,
      signOutReason,
      async login(username, password) {
        const result = await signIn(await getAuthConfig(), username, password);
        if ("challenge" in result) return result;
        await establish(result, username);
        return null;
      },
      async completeNewPassword(challenge, newPassword) {
        const tokens = await completeNewPassword(await getAuthConfig(), challenge, newPassword);
        await establish(tokens, challenge.username);
      },
      logout,
    }),
    [status, me, api, signOutReason, getAuthConfig, establish, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error("useAuth outside AuthProvider");
  return ctx;
}
