/**
 * Shapes of the product factory's JSON (`chalicelib/products/api.py`). Amounts and rates in a
 * definition are decimal strings; counts (months, days, basis points) are integers.
 */
import type { LocalizedName, QuoteResponse } from "../api/types";
import type { Schema } from "../api/schema";

export type ProductKind = "loan" | "lease" | "factoring";
export type VersionStatus = "draft" | "submitted" | "approved" | "active" | "suspended" | "retired";
export type VersionAction = "submit" | "approve" | "reject" | "activate" | "suspend" | "retire";
export type Channel = "console" | "partner_api" | "merchant_checkout";
export type Segment = "individual" | "enterprise";

export const PRODUCT_KINDS: readonly ProductKind[] = ["loan", "lease", "factoring"];
export const VERSION_STATUSES: readonly VersionStatus[] = ["draft", "submitted", "approved", "active", "suspended", "retired"];
export const CHANNELS: readonly Channel[] = ["console", "partner_api", "merchant_checkout"];

export type Actor = Schema<"ActorView">;

export interface Stamp {
  by: Actor;
  at: string;
}

export interface ProductSummary {
  code: string;
  kind: ProductKind;
  status: VersionStatus;
  name: LocalizedName;
  segment: Segment;
  currency: string;
  channels: Channel[];
  active_version: number | null;
  latest_version: number;
  version_statuses: Record<string, VersionStatus>;
  updated_at: string;
}

export interface VersionSummary {
  version: number;
  status: VersionStatus;
  based_on: number | null;
  name: LocalizedName;
  authors: Actor[];
  created: Stamp;
  updated_at: string;
  submitted: Stamp | null;
  approved: Stamp | null;
  activated_at: string | null;
  suspended_at: string | null;
  retired_at: string | null;
  last_rejection: (Stamp & { reason: string }) | null;
  allowed_actions: VersionAction[];
}

export interface Transition {
  version: number;
  action: "create" | VersionAction;
  from: VersionStatus | null;
  to: VersionStatus;
  by: Actor;
  at: string;
  reason: string | null;
}

export interface ProductDetails extends ProductSummary {
  created: Stamp;
  versions: VersionSummary[];
  history: Transition[];
}

/** The definition as JSON: its exact shape depends on the kind (see `definition.ts`). */
export type Definition = Record<string, unknown>;

export interface VersionDetails extends VersionSummary {
  code: string;
  kind: ProductKind;
  definition: Definition;
}

export interface Change {
  field: string;
  from: unknown;
  to: unknown;
}

export interface VersionDiff {
  code: string;
  from: number;
  to: number;
  from_status: VersionStatus;
  to_status: VersionStatus;
  changes: Change[];
}

export interface ProductQuote extends QuoteResponse {
  product: { code: string; version: number };
  rate: {
    mode: "fixed" | "floating";
    annual_rate: string;
    benchmark?: string;
    benchmark_rate?: string;
    benchmark_effective_on?: string | null;
    spread_bps?: number;
  };
  terms: Record<string, unknown>;
}

export interface Benchmark {
  code: string;
  name: LocalizedName;
  current: { rate: string; effective_on: string };
}
