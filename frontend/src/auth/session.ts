/** The signed-in session, kept in sessionStorage: it ends with the browser tab. */
import type { Tokens } from "./cognito";

export interface StoredSession {
  idToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the ID token expires. */
  expiresAt: number;
  username: string;
}

const KEY = "jinkong.session";

/** The `exp` claim of a JWT, in epoch milliseconds (the token is not verified here: the API does that). */
export function tokenExpiry(jwt: string): number | null {
  try {
    const payload = jwt.split(".")[1];
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(payload.length / 4) * 4, "="));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === "number" ? exp * 1000 : null;
  } catch {
    return null;
  }
}

export function sessionFrom(tokens: Tokens, username: string, previousRefreshToken?: string): StoredSession {
  const expiresAt = tokenExpiry(tokens.idToken) ?? Date.now() + tokens.expiresIn * 1000;
  return {
    idToken: tokens.idToken,
    // Cognito does not send a new refresh token on REFRESH_TOKEN_AUTH: keep the one we have.
    refreshToken: tokens.refreshToken ?? previousRefreshToken ?? "",
    expiresAt,
    username,
  };
}

export function loadSession(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as StoredSession;
    return s.idToken && s.refreshToken ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(session: StoredSession): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
