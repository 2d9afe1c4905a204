/** Applications as the API sends them (`GET /v1/applications[/{id}]`): amounts stay decimal strings. */
import type { QuoteResponse } from "../api/types";
import type { Actor } from "../products/types";

export type ApplicationStatus =
  | "draft" | "submitted" | "risk_checked" | "first_review" | "second_review" | "approved"
  | "contract_issued" | "signed" | "disbursed" | "withdrawn" | "returned" | "rejected" | "expired";

export const APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  "draft", "submitted", "risk_checked", "first_review", "second_review", "approved", "contract_issued", "signed",
  "disbursed", "returned", "withdrawn", "rejected", "expired",
];

export interface CustomerRef {
  id: string;
  name: string;
  type: string;
  identity_masked: string;
}

export interface ApplicationSummary {
  id: string;
  kind: string;
  status: ApplicationStatus;
  product_code: string;
  product_version: number | null;
  customer: CustomerRef;
  officer: Actor;
  assignee: string | null;
  amount: string | null;
  currency: string;
  risk_decision: string | null;
  risk_flag: string | null;
  contract_id: string | null;
  sign_by: string | null;
  created_at: string;
  updated_at: string | null;
}

export interface RiskRule {
  rule: string;
  outcome: string;
  reason: string;
}

export interface Risk {
  decision: string;
  referred: boolean;
  rules: RiskRule[];
  assessed_at: string;
  product_version: number;
}

export interface Review {
  stage: string;
  decision: string;
  note: string;
  reviewer: Actor;
  at: string;
  round: number;
}

export interface ApplicationDocument {
  id: string;
  type: string;
  file_name: string;
  content_type: string;
  size: number;
  status: string;
  uploaded_by: Actor;
  requested_at: string;
  confirmed_at: string | null;
}

export interface TimelineEvent {
  at: string;
  actor: Actor;
  kind: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
}

export interface ContractRef {
  id: string;
  sha256: string;
  issued_at: string;
  issued_by: Actor;
  signatures: { party: string; name: string; signed_at: string }[];
}

export interface ApplicationDetails extends ApplicationSummary {
  terms: Record<string, unknown>;
  priced_terms: Record<string, unknown> | null;
  quote: QuoteResponse | null;
  risk: Risk | null;
  second_review_required: boolean | null;
  reviews: Review[];
  documents: ApplicationDocument[];
  timeline: TimelineEvent[];
  contract: ContractRef | null;
  rejection_reason: string | null;
  withdrawal_reason: string | null;
  disbursement: Record<string, unknown> | null;
  allowed_actions: string[];
}

export type ReviewDecision = "approve" | "reject" | "return";

/** `GET /v1/contracts/{id}` (the parts the console shows). */
export interface LoanContract {
  id: string;
  application_id: string;
  product_code: string;
  customer_id: string;
  currency: string;
  status: string;
  principal: string;
  outstanding_principal: string;
  outstanding: string;
  disbursed_on: string;
  days_past_due: number;
  bucket: string;
  schedule: {
    seq: number;
    due_on: string;
    status: string;
    scheduled: Record<string, string>;
    outstanding: string;
  }[];
}
