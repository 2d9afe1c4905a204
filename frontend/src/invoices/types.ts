/** What `GET /v1/debtor/invoices` answers: the invoices assigned against the debtor's company. */
export type ConfirmationState = "pending" | "confirmed" | "disputed";

export interface InvoiceConfirmation {
  state: ConfirmationState;
  by: string | null;
  at: string | null;
  via: string | null;
  evidence_document_id: string | null;
  note: string | null;
}

export interface AssignedInvoice {
  id: string;
  number: string;
  debtor_customer_id: string;
  debtor_name: string;
  /** decimal string, CNY */
  face_amount: string;
  issue_date: string;
  due_date: string;
  confirmation: InvoiceConfirmation;
}

export interface DebtorInvoice {
  application_id: string;
  invoice: AssignedInvoice;
}

export type Decision = "confirm" | "dispute";

/** The body of a confirmation: a dispute must say why (the seller and the factor read it). */
export function confirmationBody(decision: Decision, note: string): { decision: Decision; note?: string } | null {
  const trimmed = note.trim();
  if (decision === "dispute" && !trimmed) return null;
  return trimmed ? { decision, note: trimmed } : { decision };
}
