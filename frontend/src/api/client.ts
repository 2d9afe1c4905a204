/**
 * The API client: attaches the Cognito ID token, turns error bodies into `ApiError`, retries once
 * after a silent refresh when the token turns out to have expired. Response bodies are used as
 * the API sends them — amounts stay decimal strings.
 */
import { ApiError } from "./errors";
import type { ErrorBody } from "./types";

export interface TokenSource {
  /** A valid ID token (refreshed first if it is about to expire), or null when signed out. */
  idToken(): Promise<string | null>;
  /** Force a refresh; false when the session cannot be renewed. */
  refresh(): Promise<boolean>;
  /** The session is gone for good (refresh refused): sign the user out. */
  expired(): void;
}

export class ApiClient {
  readonly baseUrl: string;
  private readonly tokens: TokenSource;

  constructor(baseUrl: string, tokens: TokenSource) {
    this.baseUrl = baseUrl;
    this.tokens = tokens;
  }

  get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.request<T>("GET", path, undefined, signal);
  }

  post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    return this.request<T>("POST", path, body, signal);
  }

  /** A POST with headers of its own (an `Idempotency-Key`, say). */
  postWithHeaders<T>(path: string, body: unknown, extra: Record<string, string>): Promise<T> {
    return this.request<T>("POST", path, body, undefined, false, extra);
  }

  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
    retried = false,
    extra: Record<string, string> = {},
  ): Promise<T> {
    const token = await this.tokens.idToken();
    const headers: Record<string, string> = { Accept: "application/json", ...extra };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") throw error;
      throw new ApiError(0, "network", "network error");
    }
    if (response.status === 401 && token && !retried) {
      if (await this.tokens.refresh()) return this.request<T>(method, path, body, signal, true, extra);
      this.tokens.expired();
    }
    return readBody<T>(response);
  }
}

export async function readBody<T>(response: Response): Promise<T> {
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (response.ok) return data as T;
  const error = (data as ErrorBody | undefined)?.error;
  if (error && typeof error.code === "string") {
    const fields = Array.isArray(error.details?.errors) ? error.details.errors : [];
    throw new ApiError(response.status, error.code, error.message ?? "", fields, error.details ?? {});
  }
  throw new ApiError(response.status, `http.${response.status}`, "");
}
