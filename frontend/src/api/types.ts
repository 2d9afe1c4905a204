/** Shapes of the API's JSON. Every amount and rate is a decimal string, never a number. */

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

export interface LocalizedName {
  "zh-CN": string;
  "en-US": string;
}

export interface AuthConfig {
  region: string;
  user_pool_id: string;
  client_id: string;
  cognito_endpoint: string;
}

export interface Tenant {
  id: string;
  kind: TenantKind;
  name: LocalizedName;
  group: string | null;
  isolation: "pool" | "silo";
  currency: string;
  timezone: string;
  status: string;
}

export interface Me {
  tenant_id: string;
  tenant: Tenant;
  kind: TenantKind;
  roles: Role[];
  username: string;
  user_id: string;
}

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

export interface InvoiceTerms {
  number: string;
  debtor: string;
  face_amount: string;
  issue_date: string;
  due_date: string;
}

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
