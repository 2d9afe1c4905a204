/** What `GET /v1/debtor/invoices` answers: the invoices assigned against the debtor's company (generated types). */
import type { Narrow, Schema } from "../api/schema";

export type ConfirmationState = "pending" | "confirmed" | "disputed";

export type InvoiceConfirmation = Narrow<Schema<"ConfirmationView">, { state: ConfirmationState }>;

/** `face_amount` is a decimal string, CNY. */
export type AssignedInvoice = Narrow<Schema<"InvoiceView">, { confirmation: InvoiceConfirmation }>;

export type DebtorInvoice = Narrow<Schema<"DebtorInvoiceView">, { invoice: AssignedInvoice }>;

export type Decision = "confirm" | "dispute";

/** The body of a confirmation: a dispute must say why (the seller and the factor read it). */
export function confirmationBody(decision: Decision, note: string): { decision: Decision; note?: string } | null {
  const trimmed = note.trim();
  if (decision === "dispute" && !trimmed) return null;
  return trimmed ? { decision, note: trimmed } : { decision };
}
