/** Shapes of the ledger and clearing APIs (chalicelib/ledger/api.py, chalicelib/payments/clearing.py). Amounts are decimal strings. */
import type { LocalizedName } from "../api/types";

export const ACCOUNT_TYPES = ["asset", "liability", "equity", "income", "expense"] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
export type Side = "debit" | "credit";

export interface TrialBalanceRow {
  code: string;
  name: LocalizedName;
  type: AccountType;
  currency: string;
  debit: string;
  credit: string;
  accounts: number;
}

export interface TrialBalance {
  date: string;
  rows: TrialBalanceRow[];
  totals: { currency: string; debit: string; credit: string }[];
  balanced: boolean;
  /** off-balance-sheet memorandum accounts (unused committed facilities and their contra), outside the totals */
  memorandum?: (Omit<TrialBalanceRow, "type"> & { type: "memorandum" })[];
}

export interface Account {
  id: string;
  code: string;
  name: LocalizedName;
  type: AccountType;
  normal_side: Side;
  currency: string;
  contract_id: string | null;
  role: string | null;
  non_negative: boolean;
  balance: string;
  available: string;
  debits: string;
  credits: string;
  pending_debits: string;
  pending_credits: string;
  last_booked_on: string | null;
}

export interface StatementRow {
  seq: number;
  booked_on: string;
  entry_id: string;
  kind: string;
  debit: string;
  credit: string;
  balance_after: string;
  memo: string;
  contract_id: string | null;
  created_at: string | null;
}

export interface Statement {
  account: Account;
  items: StatementRow[];
  opening_balance: string | null;
  closing_balance: string | null;
  next: string | null;
}

export interface EntryLine {
  account_id: string;
  side: Side;
  amount: string;
  currency: string;
}

export interface JournalEntry {
  id: string;
  kind: string;
  booked_on: string;
  memo: string;
  lines: EntryLine[];
  contract_id: string | null;
  reverses: string | null;
  reversed_by: string | null;
  hold_id: string | null;
  created_at: string;
  created_by: string;
}

export type ProposalStatus = "pending" | "approved" | "rejected";

export interface JournalProposal {
  id: string;
  kind: "journal" | "reversal";
  reverses: string | null;
  status: ProposalStatus;
  booked_on: string;
  memo: string;
  lines: EntryLine[];
  maker_id: string;
  decided_by: string | null;
  entry_id: string | null;
  reason: string;
  created_at: string | null;
}

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
