/** Shapes of the ledger and clearing APIs (chalicelib/ledger/api.py, chalicelib/payments/clearing.py). Amounts are decimal strings. */
import type { Narrow, Schema } from "../api/schema";
import type { LocalizedName } from "../api/types";

export const ACCOUNT_TYPES = ["asset", "liability", "equity", "income", "expense"] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
export type Side = Schema<"Side">;

export type TrialBalanceRow = Narrow<Schema<"TrialBalanceRowView">, { name: LocalizedName; type: AccountType }>;

/** `memorandum`: off-balance-sheet memorandum accounts (unused committed facilities and their contra), outside the totals. */
export type TrialBalance = Narrow<Schema<"TrialBalanceView">, {
  rows: TrialBalanceRow[];
  memorandum?: (Omit<TrialBalanceRow, "type"> & { type: "memorandum" })[];
}>;

export type Account = Narrow<Schema<"AccountView">, { name: LocalizedName; type: AccountType; normal_side: Side }>;

export type StatementRow = Schema<"StatementRow">;

export type Statement = Narrow<Schema<"StatementView">, { account: Account }>;

export type EntryLine = Schema<"LineView">;

export type JournalEntry = Schema<"EntryView">;

export type ProposalStatus = "pending" | "approved" | "rejected";

export type JournalProposal = Narrow<Schema<"ProposalView">, { status: ProposalStatus }>;

export interface NetPosition {
  channel: string;
  counterparty: string;
  currency: string;
  count: number;
  gross_in: string;
  gross_out: string;
  net: string;
  instruction: "receive" | "pay" | "none";
}

export interface NettingReport {
  business_date: string;
  records: number;
  csv_key: string;
  positions: NetPosition[];
}

export interface Mismatch {
  source: string;
  reason: string;
  clearing_amount: string | null;
  other_amount: string | null;
  side?: string;
}

export interface Reconciliation {
  business_date: string;
  records: number;
  mismatches: Mismatch[];
}
