/** Applications as the API sends them (`GET /v1/applications[/{id}]`): amounts stay decimal strings. */
import type { QuoteResponse } from "../api/types";
import type { Narrow, Schema } from "../api/schema";

export type ApplicationStatus =
  | "draft" | "submitted" | "risk_checked" | "first_review" | "second_review" | "approved"
  | "contract_issued" | "signed" | "disbursed" | "withdrawn" | "returned" | "rejected" | "expired";

export const APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  "draft", "submitted", "risk_checked", "first_review", "second_review", "approved", "contract_issued", "signed",
  "disbursed", "returned", "withdrawn", "rejected", "expired",
];

export type CustomerRef = Schema<"CustomerRefView">;

export type ApplicationSummary = Narrow<Schema<"ApplicationSummary">, { status: ApplicationStatus }>;

export type RiskRule = Schema<"RiskRuleView">;

export type Risk = Schema<"RiskView">;

export type Review = Schema<"ReviewView">;

export type ApplicationDocument = Schema<"DocumentView">;

export type TimelineEvent = Schema<"EventView">;

export type ContractRef = Schema<"ContractView">;

/** The document leaves `quote` an open object: the console reads it as the quote it is. */
export type ApplicationDetails = Narrow<Schema<"ApplicationView">, { status: ApplicationStatus; quote: QuoteResponse | null }>;

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
