/**
 * Shapes of the API's JSON, derived from the generated OpenAPI types (`./schema`). Every amount and
 * rate is a decimal string, never a number.
 */
import type { Narrow, Schema } from "./schema";

export type Role =
  | "platform-admin"
  | "group-admin"
  | "group-risk"
  | "tenant-admin"
  | "product-manager"
  | "loan-officer"
  | "first-reviewer"
  | "second-reviewer"
  | "finance"
  | "collector"
  | "viewer"
  | "debtor";

export type TenantKind = "platform" | "group" | "lending" | "leasing" | "factoring" | "guarantee";

export type LocalizedName = Schema<"LocalizedName">;

export type AuthConfig = Schema<"AuthConfig">;

export type Tenant = Narrow<Schema<"TenantView">, { kind: TenantKind; isolation: "pool" | "silo" }>;

export type Me = Narrow<Schema<"MeView">, { tenant: Tenant; kind: TenantKind; roles: Role[] }>;

export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface FieldError {
  field: string;
  message: string;
  /** what kind of problem ("missing", "range_order" …): localises messages we have no exact text for */
  type?: string;
}

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: { errors?: FieldError[]; [key: string]: unknown };
  };
}

export type QuoteKind = "loan" | "lease" | "factoring";

export type InvoiceTerms = Schema<"InvoiceTerms">;

/** The body of POST /v1/quotes (DESIGN.md, "Contract that acceptance checks rely on"). */
export interface QuoteRequest {
  kind: QuoteKind;
  principal?: string;
  annual_rate: string;
  term?: number;
  frequency?: string;
  amortization?: string;
  day_count: string | null;
  start_date: string;
  rounding: string;
  currency: string;
  first_due_date?: string;
  balloon?: string;
  timing?: "advance" | "arrears";
  residual_value?: string;
  down_payment?: string;
  security_deposit?: string;
  handling_fee?: string;
  advance_rate?: string;
  invoices?: InvoiceTerms[];
  grace_days?: number;
  interest_collection?: "upfront" | "maturity";
  service_fee_rate?: string;
  recourse?: boolean;
}

export interface Installment {
  seq: number;
  due_date: string;
  principal: string;
  interest: string;
  fee: string;
  payment: string;
  balance: string;
  kind?: "rent" | "residual";
  invoice_number?: string;
  debtor?: string;
  face_amount?: string;
}

export interface QuoteTotals {
  principal: string;
  interest: string;
  fees: string;
  payment: string;
  apr: string;
  implicit_rate?: string;
}

export interface QuoteResponse {
  kind?: QuoteKind;
  currency?: string;
  installments: Installment[];
  totals: QuoteTotals;
  level_amount?: string;
  net_disbursement?: string;
  advance?: string;
  face_amount?: string;
}
