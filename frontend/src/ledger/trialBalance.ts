/**
 * The trial balance as people read it: rows grouped by account type (assets, liabilities, equity,
 * income, expenses), each group's subtotal, and the per-currency check that debits equal credits.
 * Every sum is exact (decimal strings added on BigInt); nothing here goes through a float.
 */
import { addDecimals, compareDecimal, currencyScale, toScale } from "../money/decimal";
import { ACCOUNT_TYPES, type AccountType, type TrialBalance, type TrialBalanceRow } from "./types";

export interface TypeGroup {
  type: AccountType;
  currency: string;
  rows: TrialBalanceRow[];
  debit: string;
  credit: string;
}

export interface CurrencyCheck {
  currency: string;
  debit: string;
  credit: string;
  /** debit − credit: zero when the books balance */
  difference: string;
  balanced: boolean;
}

function typeOrder(type: string): number {
  const i = (ACCOUNT_TYPES as readonly string[]).indexOf(type);
  return i === -1 ? ACCOUNT_TYPES.length : i;
}

/** Rows by currency, then account type in the chart's order, then code; one group per (currency, type). */
export function groupByType(rows: readonly TrialBalanceRow[]): TypeGroup[] {
  const sorted = [...rows].sort(
    (a, b) =>
      a.currency.localeCompare(b.currency) || typeOrder(a.type) - typeOrder(b.type) || a.code.localeCompare(b.code),
  );
  const groups: TypeGroup[] = [];
  for (const row of sorted) {
    let group = groups[groups.length - 1];
    if (!group || group.type !== row.type || group.currency !== row.currency) {
      group = { type: row.type, currency: row.currency, rows: [], debit: "0", credit: "0" };
      groups.push(group);
    }
    group.rows.push(row);
  }
  for (const group of groups) {
    const scale = currencyScale(group.currency);
    group.debit = toScale(addDecimals("0", ...group.rows.map((r) => r.debit)), scale);
    group.credit = toScale(addDecimals("0", ...group.rows.map((r) => r.credit)), scale);
  }
  return groups;
}

/**
 * Debits against credits per currency, recomputed from the rows the page shows (so the check on
 * screen is about what is on screen), and cross-checked against the API's own totals and flag.
 */
export function balanceChecks(tb: TrialBalance): CurrencyCheck[] {
  const currencies = [...new Set([...tb.rows.map((r) => r.currency), ...tb.totals.map((t) => t.currency)])].sort();
  return currencies.map((currency) => {
    const rows = tb.rows.filter((r) => r.currency === currency);
    const scale = currencyScale(currency);
    const debit = toScale(addDecimals("0", ...rows.map((r) => r.debit)), scale);
    const credit = toScale(addDecimals("0", ...rows.map((r) => r.credit)), scale);
    const reported = tb.totals.find((t) => t.currency === currency);
    const agrees =
      !reported || (compareDecimal(reported.debit, debit) === 0 && compareDecimal(reported.credit, credit) === 0);
    const difference = toScale(addDecimals(debit, negate(credit)), scale);
    return { currency, debit, credit, difference, balanced: agrees && compareDecimal(difference, "0") === 0 };
  });
}

/** Balanced when the API says so and every currency's debits equal its credits. */
export function isBalanced(tb: TrialBalance): boolean {
  return tb.balanced && balanceChecks(tb).every((c) => c.balanced);
}

export function negate(value: string): string {
  const text = value.trim();
  if (text.startsWith("-")) return text.slice(1);
  return compareDecimal(text, "0") === 0 ? text : `-${text}`;
}

/** Net balance of a group in its normal direction: debit − credit for assets and expenses, else credit − debit. */
export function netOfGroup(group: Pick<TypeGroup, "type" | "debit" | "credit">): string {
  const debitNormal = group.type === "asset" || group.type === "expense";
  return debitNormal ? addDecimals(group.debit, negate(group.credit)) : addDecimals(group.credit, negate(group.debit));
}
