/** Merchant webhooks: the events one may subscribe to, the URL rule, and delivery states. */

/** chalicelib/payments/domain.py MERCHANT_EVENT_TYPES */
export const EVENT_TYPES = [
  "application.approved", "contract.signed", "loan.disbursed", "repayment.received", "instalment.overdue",
  "contract.settled",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface Subscription {
  id: string;
  url: string;
  event_types: EventType[];
  description: string | null;
  status: string;
  created_at: string;
  created_by: string;
  /** only in the answer to POST — never again */
  secret?: string;
}

export type DeliveryStatus = "pending" | "retrying" | "delivered" | "failed";

export interface Delivery {
  id: string;
  subscription_id: string;
  url: string;
  event_id: string;
  event_type: string;
  status: DeliveryStatus | string;
  attempts: number;
  created_at: string;
  last_status?: number | null;
  retry_in_s?: number | null;
  redelivery_requested_by?: string;
}

export interface DeliveryAttempt {
  attempt: number;
  status: number | null;
  error: string | null;
  latency_ms: number;
  retry_in_s?: number | null;
  at: string;
}

export interface DeliveryDetail extends Delivery {
  payload?: string;
  attempt_log: DeliveryAttempt[];
}

export type UrlProblem = "required" | "invalid" | "notHttps";

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** The API's rule: https, or plain http only to a loopback receiver (local development). */
export function urlProblem(value: string | undefined): UrlProblem | null {
  const text = (value ?? "").trim();
  if (!text) return "required";
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "invalid";
  }
  if (!url.hostname) return "invalid";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && isLoopback(url.hostname)) return null;
  return url.protocol === "http:" ? "notHttps" : "invalid";
}

export const DELIVERY_COLORS: Record<string, string> = {
  pending: "default",
  retrying: "gold",
  delivered: "green",
  failed: "red",
};

/** A response code counts as delivered when it is 2xx. */
export function succeeded(status: number | null | undefined): boolean {
  return typeof status === "number" && status >= 200 && status < 300;
}

/** The latency of the latest attempt, in ms, or null when there is none. */
export function lastLatency(attempts: readonly DeliveryAttempt[]): number | null {
  const last = [...attempts].sort((a, b) => a.attempt - b.attempt).at(-1);
  return last ? last.latency_ms : null;
}
