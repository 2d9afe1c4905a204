/** Amounts typed into the servicing forms: plain decimal strings, checked before anything is sent. */
import { compareDecimal, currencyScale, decimalPlaces, isDecimalString } from "../money/decimal";

export type AmountProblem = "format" | "scale" | "positive" | null;

/** What is wrong with a typed amount (null: nothing); `value` is already trimmed. */
export function amountProblem(value: string, currency: string): AmountProblem {
  if (!isDecimalString(value) || value.startsWith("-")) return "format";
  if (decimalPlaces(value) > currencyScale(currency)) return "scale";
  if (compareDecimal(value, "0") <= 0) return "positive";
  return null;
}

/** "1,234.50" or " 1234.5 " as people type them → "1234.50"-like text the API takes. */
export function normaliseAmount(value: string): string {
  return value.replace(/[,\s，]/g, "");
}
