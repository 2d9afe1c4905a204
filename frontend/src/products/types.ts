/**
 * Shapes of the product factory's JSON (`chalicelib/products/api.py`). Amounts and rates in a
 * definition are decimal strings; counts (months, days, basis points) are integers.
 */
import type { LocalizedName, QuoteResponse } from "../api/types";
import type { Narrow, Schema } from "../api/schema";

export type ProductKind = "loan" | "lease" | "factoring";
export type VersionStatus = "draft" | "submitted" | "approved" | "active" | "suspended" | "retired";
export type VersionAction = "submit" | "approve" | "reject" | "activate" | "suspend" | "retire";
export type Channel = "console" | "partner_api" | "merchant_checkout";
export type Segment = "individual" | "enterprise";

export const PRODUCT_KINDS: readonly ProductKind[] = ["loan", "lease", "factoring"];
export const VERSION_STATUSES: readonly VersionStatus[] = ["draft", "submitted", "approved", "active", "suspended", "retired"];
export const CHANNELS: readonly Channel[] = ["console", "partner_api", "merchant_checkout"];

export type Actor = Schema<"ActorView">;

export type Stamp = Schema<"StampView">;

export type ProductSummary = Narrow<Schema<"ProductSummaryView">, {
  kind: ProductKind;
  status: VersionStatus;
  name: LocalizedName;
  segment: Segment;
  channels: Channel[];
  version_statuses: Record<string, VersionStatus>;
}>;

export type VersionSummary = Narrow<Schema<"VersionSummaryView">, {
  status: VersionStatus;
  name: LocalizedName;
  allowed_actions: VersionAction[];
}>;

export type Transition = Narrow<Schema<"TransitionView">, {
  action: "create" | VersionAction;
  from: VersionStatus | null;
  to: VersionStatus;
}>;

export type ProductDetails = Narrow<Schema<"ProductView">, {
  kind: ProductKind;
  status: VersionStatus;
  name: LocalizedName;
  segment: Segment;
  channels: Channel[];
  version_statuses: Record<string, VersionStatus>;
  versions: VersionSummary[];
  history: Transition[];
}>;

/** The definition as JSON: its exact shape depends on the kind (see `definition.ts`). */
export type Definition = Record<string, unknown>;

export type VersionDetails = Narrow<Schema<"VersionView">, {
  status: VersionStatus;
  name: LocalizedName;
  allowed_actions: VersionAction[];
  kind: ProductKind;
  definition: Definition;
}>;

export type Change = Schema<"ProductsChangeView">;

export type VersionDiff = Narrow<Schema<"DiffView">, { from_status: VersionStatus; to_status: VersionStatus }>;

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
