/**
 * A manual journal entry as it is typed: the checks made before it is sent (every line an account
 * and a positive amount at the currency's scale, debits equal to credits in each currency), and the
 * request body the API takes. Amounts stay decimal strings throughout.
 */
import { addDecimals, compareDecimal, currencyScale, decimalPlaces, isDecimalString, toScale } from "../money/decimal";
import type { Side } from "./types";

export const MIN_LINES = 2;
export const MAX_LINES = 40; // the API's MAX_MANUAL_LINES

export interface DraftLine {
  account_id?: string;
  side?: Side;
  amount?: string;
  currency?: string;
}

export type AmountProblem = "required" | "invalid" | "notPositive" | "scale";

/** What is wrong with one amount, or null. */
export function amountProblem(amount: string | undefined, currency: string): AmountProblem | null {
  const text = (amount ?? "").trim();
  if (!text) return "required";
  if (!isDecimalString(text)) return "invalid";
  if (compareDecimal(text, "0") <= 0) return "notPositive";
  if (decimalPlaces(text) > currencyScale(currency)) return "scale";
  return null;
}

export interface SideTotals {
  currency: string;
  debit: string;
  credit: string;
  balanced: boolean;
}

/** Debit and credit totals per currency over the lines whose amounts are valid. */
export function draftTotals(lines: readonly DraftLine[], defaultCurrency: string): SideTotals[] {
  const by = new Map<string, { debit: string[]; credit: string[] }>();
  for (const line of lines) {
    const currency = (line.currency || defaultCurrency).toUpperCase();
    const slot = by.get(currency) ?? { debit: [], credit: [] };
    by.set(currency, slot);
    if (!line.side || amountProblem(line.amount, currency) !== null) continue;
    slot[line.side].push((line.amount as string).trim());
  }
  return [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, s]) => {
      const scale = currencyScale(currency);
      const debit = toScale(addDecimals("0", ...s.debit), scale);
      const credit = toScale(addDecimals("0", ...s.credit), scale);
      return { currency, debit, credit, balanced: compareDecimal(debit, credit) === 0 && compareDecimal(debit, "0") > 0 };
    });
}

export type DraftProblem = "tooFewLines" | "tooManyLines" | "noDebit" | "noCredit" | "unbalanced";

/** Problems of the entry as a whole (line-level ones are the form fields' business). */
export function draftProblems(lines: readonly DraftLine[], defaultCurrency: string): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (lines.length < MIN_LINES) problems.push("tooFewLines");
  if (lines.length > MAX_LINES) problems.push("tooManyLines");
  if (!lines.some((l) => l.side === "debit")) problems.push("noDebit");
  if (!lines.some((l) => l.side === "credit")) problems.push("noCredit");
  if (draftTotals(lines, defaultCurrency).some((t) => !t.balanced)) problems.push("unbalanced");
  return problems;
}

export interface ManualEntryRequest {
  booked_on?: string;
  memo: string;
  lines: { account_id: string; side: Side; amount: string; currency?: string }[];
}

/** The body of POST /v1/ledger/journal-proposals (call only once draftProblems is empty). */
export function proposalBody(memo: string, lines: readonly DraftLine[], bookedOn?: string): ManualEntryRequest {
  return {
    ...(bookedOn ? { booked_on: bookedOn } : {}),
    memo: memo.trim(),
    lines: lines.map((l) => ({
      account_id: (l.account_id ?? "").trim(),
      side: l.side as Side,
      amount: (l.amount ?? "").trim(),
      ...(l.currency ? { currency: l.currency.toUpperCase() } : {}),
    })),
  };
}
