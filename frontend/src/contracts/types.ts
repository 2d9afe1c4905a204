/** Shapes of servicing's and payments' contract JSON (chalicelib/servicing/api.py, payments/api.py). */
import type { PresignedUpload } from "../api/upload";

export type ContractStatus = "active" | "closed" | "written_off";
export type Bucket = "current" | "M1" | "M2" | "M3" | "M4+";
export const BUCKETS: Bucket[] = ["current", "M1", "M2", "M3", "M4+"];
export const OVERDUE_BUCKETS: Exclude<Bucket, "current">[] = ["M1", "M2", "M3", "M4+"];
export const CONTRACT_STATUSES: ContractStatus[] = ["active", "closed", "written_off"];

export type InstalmentStatus = "paid" | "overdue" | "due" | "not_due" | "partially_paid";
export type Part = "principal" | "interest" | "fee" | "penalty";

export interface ContractSummary {
  id: string;
  application_id: string;
  kind: string;
  product_code: string;
  product_version: number;
  customer_id: string;
  /** a company's name or a person's masked name (null on contracts disbursed before it was kept) */
  customer_label: string | null;
  currency: string;
  status: ContractStatus;
  principal: string;
  outstanding_principal: string;
  outstanding: string;
  disbursed_on: string;
  days_past_due: number;
  bucket: Bucket;
  non_accrual: boolean;
}

export interface ScheduledInstalment {
  seq: number;
  due_on: string;
  status: InstalmentStatus;
  scheduled: Record<Part, string>;
  paid: Record<Part, string>;
  due: Record<Part, string>;
  outstanding: string;
  overdue: string;
}

export interface HistoryEntry {
  at: string;
  action: string;
  actor: string;
  details: Record<string, unknown>;
}

export interface ContractDetail extends ContractSummary {
  strategy: string;
  interest_accrued: string;
  suspense: string;
  last_eod_on: string | null;
  schedule: ScheduledInstalment[];
  balances: Record<string, string>;
  history: HistoryEntry[];
}

export type ApprovalAction = "write_off" | "repayment_reversal" | "recovery";

/** A write-off, repayment reversal or recovery one user asked for: it runs once another user approves. */
export interface ApprovalRequest {
  id: string;
  action: ApprovalAction;
  subject_id: string;
  contract_id: string | null;
  amount: string;
  currency: string;
  params: { reason?: string; reference?: string | null; received_on?: string };
  status: "pending" | "approved" | "rejected";
  requested_by: string;
  requested_by_name: string;
  requested_at: string;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  reason: string;
  one_person: boolean;
  result: Record<string, string | null> | null;
}

export interface Repayment {
  id: string;
  contract_id: string;
  amount: string;
  currency: string;
  received_on: string;
  status: string;
  allocation: { seq: number; component: string; amount: string }[];
  totals: Record<string, string>;
  overpayment: string;
  entry_id?: string | null;
  reversal_entry_id?: string | null;
}

export type RepaymentChannel = "bank_transfer" | "cash" | "api" | "stripe" | "offline";

export interface PaymentIntent {
  id: string;
  contract_id: string;
  instalment_seq: number | null;
  amount: string;
  currency: string;
  status: string;
  mode: "local" | "stripe" | string;
  created_at: string;
  created_by: string;
  repayment_id: string | null;
  client_secret?: string;
}

export interface ContractPayments {
  contract_id: string;
  intents: PaymentIntent[];
  flags: Record<string, unknown>[];
}

export interface SimulationResult {
  payment_intent: PaymentIntent;
  deliveries: { received: boolean; event_id: string; status: string; outcome?: Record<string, unknown> }[];
}

export type PrepaymentStrategy = "keep_term" | "keep_installment";

export interface PrepaymentQuote {
  contract_id: string;
  date: string;
  strategy: "full" | PrepaymentStrategy;
  full: boolean;
  outstanding_principal: string;
  prepaid_principal: string;
  accrued_interest: string;
  penalty: string;
  total_due: string;
  interest_saved: string;
  installments: {
    seq: number;
    due_date: string;
    principal: string;
    interest: string;
    fee: string;
    payment: string;
    balance: string;
  }[];
}

/** A presigned S3 PUT, as the API hands one out. */
export type UploadTicket = PresignedUpload;

export interface OfflineRepayment {
  id: string;
  contract_id: string;
  amount: string;
  currency: string;
  received_on: string;
  reference: string | null;
  status: "awaiting_confirmation" | "confirmed";
  recorded_by: string;
  recorded_at: string | null;
  confirmed_by: string | null;
  confirmed_at: string | null;
  repayment_id: string | null;
  voucher: { file_name: string; content_type: string; size: number; sha256: string };
  upload: UploadTicket | null;
}

export type CollectionActionType = "call" | "sms" | "visit" | "promise_to_pay" | "legal";
export const COLLECTION_ACTION_TYPES: CollectionActionType[] = ["call", "sms", "visit", "promise_to_pay", "legal"];

export interface CollectionAction {
  id: string;
  contract_id: string;
  type: CollectionActionType;
  note: string | null;
  promised_on: string | null;
  promised_amount: string | null;
  by: string;
  at: string;
  days_past_due: number;
  bucket: string;
}
