/**
 * Jinkong's partner SDK for TypeScript. The types (`schema.d.ts`) are generated from sdk/openapi.json
 * by openapi-typescript (`make sdk`); calls go through openapi-fetch, typed by path and method. The
 * hand-written core adds what the Python SDK's core adds:
 *
 * - client-credentials token fetch, kept until a minute before expiry, fetched again once on a 401;
 * - an `Idempotency-Key` on every call that changes something, kept across its retries;
 * - retries with exponential backoff (honouring `Retry-After`) on 429 and 5xx for idempotent calls;
 * - typed errors (`JinkongError`) from the error model;
 * - `paginate`: every item of a list, following its `next` cursors.
 *
 *     const jk = jinkong({ baseUrl, clientId, clientSecret });
 *     const { data } = await jk.api.POST("/v1/quotes", { body: { kind: "loan", ... } });
 */
import createClient, { type Middleware } from "openapi-fetch";

import type { components, paths } from "./schema";

export type { components, paths };
export type ErrorBody = components["schemas"]["Error"];

export class JinkongError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${status} ${code}: ${message}`);
  }
}

export interface Options {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  tokenUrl?: string;
  scopes?: string[];
  maxRetries?: number;
  backoffMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
const RETRY = new Set([429, 500, 502, 503, 504]);

export function jinkong(options: Options) {
  const baseFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxRetries = options.maxRetries ?? 3;
  const backoffMs = options.backoffMs ?? 500;
  let token: string | null = null;
  let expiresAt = 0;

  async function fetchToken(): Promise<string> {
    const form = new URLSearchParams({ grant_type: "client_credentials" });
    if (options.scopes?.length) form.set("scope", options.scopes.join(" "));
    const basic = btoa(`${options.clientId}:${options.clientSecret}`);
    const r = await baseFetch(options.tokenUrl ?? `${options.baseUrl.replace(/\/$/, "")}/oauth2/token`, {
      method: "POST",
      headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
    });
    const body = (await r.json()) as { access_token?: string; expires_in?: number; error?: string };
    if (!r.ok || !body.access_token) throw new JinkongError(r.status, `oauth.${body.error ?? "token_refused"}`, "token refused");
    token = body.access_token;
    expiresAt = Date.now() + ((body.expires_in ?? 3600) - 60) * 1000;
    return token;
  }

  async function bearer(renew = false): Promise<string> {
    return !renew && token && Date.now() < expiresAt ? token : fetchToken();
  }

  /** Token, idempotency key and retries around every request openapi-fetch sends. */
  const resilientFetch = async (input: Request): Promise<Response> => {
    const headers = new Headers(input.headers);
    if (!SAFE.has(input.method) && !headers.has("Idempotency-Key")) headers.set("Idempotency-Key", crypto.randomUUID());
    const retryable = SAFE.has(input.method) || headers.has("Idempotency-Key");
    const body = input.body ? await input.clone().arrayBuffer() : undefined;
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      headers.set("Authorization", `Bearer ${await bearer()}`);
      const response = await baseFetch(new Request(input.url, { method: input.method, headers, body }));
      if (response.status === 401 && !renewed) {
        renewed = true;
        await bearer(true);
        attempt--;
        continue;
      }
      if (!RETRY.has(response.status) || !retryable || attempt > maxRetries) return response;
      const after = Number(response.headers.get("Retry-After"));
      await sleep(Number.isFinite(after) && after > 0 ? after * 1000 : backoffMs * 2 ** (attempt - 1));
    }
  };

  const errors: Middleware = {
    async onResponse({ response }) {
      if (response.status < 400) return undefined;
      const body = (await response.clone().json().catch(() => null)) as ErrorBody | null;
      const e = body?.error;
      throw new JinkongError(response.status, e?.code ?? "http.error", e?.message ?? response.statusText,
        (e?.details as Record<string, unknown>) ?? {});
    },
  };

  const api = createClient<paths>({ baseUrl: options.baseUrl, fetch: resilientFetch });
  api.use(errors);

  /** Every item of a paginated list, following `next` until it is empty. */
  async function* paginate<T>(page: (next?: string) => Promise<{ items: T[]; next?: string | null } | undefined>) {
    let next: string | undefined;
    do {
      const got = await page(next);
      for (const item of got?.items ?? []) yield item;
      next = got?.next ?? undefined;
    } while (next);
  }

  return { api, paginate, token: bearer };
}
