/** The netting report as a CSV file (the columns the API writes to S3), built from its exact strings. */
import type { NetPosition } from "./types";

export const NETTING_COLUMNS = [
  "channel", "counterparty", "currency", "count", "gross_in", "gross_out", "net", "instruction",
] as const;

/** Columns holding numbers (decimal strings from the API): written as they are, a net outflow as -12.50. */
const NUMERIC_COLUMNS: ReadonlySet<string> = new Set(["count", "gross_in", "gross_out", "net"]);

/** Text a spreadsheet would run as a formula gets a leading ' (as the API's own CSV files do). */
export function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cell(value: string | number, numeric: boolean): string {
  const text = numeric ? String(value) : neutralised(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function nettingCsv(positions: readonly NetPosition[]): string {
  const lines = [NETTING_COLUMNS.join(",")];
  for (const p of positions) lines.push(NETTING_COLUMNS.map((c) => cell(p[c], NUMERIC_COLUMNS.has(c))).join(","));
  return lines.join("\n") + "\n";
}

export function nettingFileName(tenantId: string, date: string): string {
  return `netting-${tenantId}-${date}.csv`;
}

/** The reasons reconciliation gives; an unknown one is shown as the API wrote it. */
export const MISMATCH_REASONS = [
  "missing_in_clearing", "missing_in_ledger", "missing_in_provider", "amount_differs",
] as const;
