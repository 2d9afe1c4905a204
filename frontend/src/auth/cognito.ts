/**
 * Cognito's user-pool API over plain fetch (no SDK): USER_PASSWORD_AUTH sign-in, refresh, and the
 * NEW_PASSWORD_REQUIRED challenge a newly onboarded admin meets at first sign-in.
 */
import { ApiError } from "../api/errors";
import type { AuthConfig } from "../api/types";

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
}

export interface NewPasswordChallenge {
  challenge: "NEW_PASSWORD_REQUIRED";
  session: string;
  username: string;
}

interface CognitoAuthResult {
  AuthenticationResult?: { IdToken: string; AccessToken: string; RefreshToken?: string; ExpiresIn: number };
  ChallengeName?: string;
  Session?: string;
}

async function call(config: AuthConfig, target: string, payload: unknown): Promise<CognitoAuthResult> {
  let response: Response;
  try {
    response = await fetch(config.cognito_endpoint, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-amz-json-1.1",
        "X-Amz-Target": `AWSCognitoIdentityProviderService.${target}`,
      },
      body: JSON.stringify(payload),
    });
  } catch {
    throw new ApiError(0, "network", "network error");
  }
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = {};
  }
  if (!response.ok) {
    // "__type" is "NotAuthorizedException" or "com.amazonaws…#NotAuthorizedException".
    const type = String(body.__type ?? body.code ?? "unknown").split("#").pop() ?? "unknown";
    throw new ApiError(response.status, `cognito.${type}`, String(body.message ?? body.Message ?? ""));
  }
  return body as CognitoAuthResult;
}

function tokensOf(result: CognitoAuthResult): Tokens {
  const r = result.AuthenticationResult;
  if (!r?.IdToken) throw new ApiError(500, "cognito.unknown", "no tokens in Cognito's answer");
  return { idToken: r.IdToken, accessToken: r.AccessToken, refreshToken: r.RefreshToken, expiresIn: r.ExpiresIn };
}

export async function signIn(
  config: AuthConfig,
  username: string,
  password: string,
): Promise<Tokens | NewPasswordChallenge> {
  const result = await call(config, "InitiateAuth", {
    AuthFlow: "USER_PASSWORD_AUTH",
    ClientId: config.client_id,
    AuthParameters: { USERNAME: username, PASSWORD: password },
  });
  if (result.ChallengeName === "NEW_PASSWORD_REQUIRED" && result.Session) {
    return { challenge: "NEW_PASSWORD_REQUIRED", session: result.Session, username };
  }
  return tokensOf(result);
}

export async function completeNewPassword(
  config: AuthConfig,
  challenge: NewPasswordChallenge,
  newPassword: string,
): Promise<Tokens> {
  const result = await call(config, "RespondToAuthChallenge", {
    ChallengeName: "NEW_PASSWORD_REQUIRED",
    ClientId: config.client_id,
    Session: challenge.session,
    ChallengeResponses: { USERNAME: challenge.username, NEW_PASSWORD: newPassword },
  });
  return tokensOf(result);
}

export async function refreshTokens(config: AuthConfig, refreshToken: string): Promise<Tokens> {
  const result = await call(config, "InitiateAuth", {
    AuthFlow: "REFRESH_TOKEN_AUTH",
    ClientId: config.client_id,
    AuthParameters: { REFRESH_TOKEN: refreshToken },
  });
  return tokensOf(result);
}
