/** Shapes of servicing's and payments' contract JSON (chalicelib/servicing/api.py, payments/api.py). */
import type { Narrow, Schema } from "../api/schema";
import type { PresignedUpload } from "../api/upload";

export type ContractStatus = "active" | "closed" | "written_off";
export type Bucket = "current" | "M1" | "M2" | "M3" | "M4+";
export const BUCKETS: Bucket[] = ["current", "M1", "M2", "M3", "M4+"];
export const OVERDUE_BUCKETS: Exclude<Bucket, "current">[] = ["M1", "M2", "M3", "M4+"];
export const CONTRACT_STATUSES: ContractStatus[] = ["active", "closed", "written_off"];

export type InstalmentStatus = "paid" | "overdue" | "due" | "not_due" | "partially_paid";
export type Part = "principal" | "interest" | "fee" | "penalty";

/** `customer_label` is a company's name or a person's masked name (null on contracts disbursed before it was kept). */
export type ContractSummary = Narrow<Schema<"ContractSummary">, { status: ContractStatus; bucket: Bucket }>;

export type ScheduledInstalment = Narrow<Schema<"InstalmentOut">, {
  scheduled: Record<Part, string>;
  paid: Record<Part, string>;
  due: Record<Part, string>;
}>;

export interface HistoryEntry {
  at: string;
  action: string;
  actor: string;
  details: Record<string, unknown>;
}

export type ContractDetail = Narrow<Schema<"ContractDetail">, {
  status: ContractStatus;
  bucket: Bucket;
  schedule: ScheduledInstalment[];
  history: HistoryEntry[];
}>;

export type ApprovalAction = "write_off" | "repayment_reversal" | "recovery";

/** A write-off, repayment reversal or recovery one user asked for: it runs once another user approves. */
export type ApprovalRequest = Narrow<Schema<"ApprovalRequestOut">, {
  params: { reason?: string; reference?: string | null; received_on?: string };
  result: Record<string, string | null> | null;
}>;

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

export type OfflineRepayment = Narrow<Schema<"OfflineRepaymentOut">, {
  voucher: { file_name: string; content_type: string; size: number; sha256: string };
  upload: UploadTicket | null;
}>;

export type CollectionActionType = "call" | "sms" | "visit" | "promise_to_pay" | "legal";
export const COLLECTION_ACTION_TYPES: CollectionActionType[] = ["call", "sms", "visit", "promise_to_pay", "legal"];

export type CollectionAction = Narrow<Schema<"CollectionActionOut">, { type: CollectionActionType }>;
