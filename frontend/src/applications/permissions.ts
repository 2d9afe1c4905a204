/**
 * Who may press which button on an application, in its current status. The API decides (403 for the
 * role, 409 for the status); this only keeps the buttons a user cannot use off their screen.
 */
import type { ApplicationStatus } from "./types";

export type ApplicationAction =
  | "submit" | "withdraw" | "first-review" | "second-review" | "issue-contract" | "sign" | "disburse";

const OFFICERS = ["loan-officer", "tenant-admin"];
const BEFORE_DECISION: readonly ApplicationStatus[] = [
  "draft", "submitted", "risk_checked", "first_review", "second_review", "returned",
];

const RULES: Record<ApplicationAction, { roles: readonly string[]; statuses: readonly ApplicationStatus[] }> = {
  submit: { roles: OFFICERS, statuses: ["draft", "returned"] },
  withdraw: { roles: OFFICERS, statuses: BEFORE_DECISION },
  "first-review": { roles: ["first-reviewer"], statuses: ["risk_checked", "first_review"] },
  "second-review": { roles: ["second-reviewer"], statuses: ["second_review"] },
  "issue-contract": { roles: OFFICERS, statuses: ["approved"] },
  sign: { roles: OFFICERS, statuses: ["contract_issued"] },
  disburse: { roles: ["finance"], statuses: ["signed"] },
};

export const ACTIONS = Object.keys(RULES) as ApplicationAction[];

export function actionsFor(roles: readonly string[], status: ApplicationStatus): ApplicationAction[] {
  return ACTIONS.filter((a) => RULES[a].statuses.includes(status) && RULES[a].roles.some((r) => roles.includes(r)));
}

/** Only loan officers (and the tenant admin) open applications. */
export function canOpen(roles: readonly string[]): boolean {
  return OFFICERS.some((r) => roles.includes(r));
}

const DOCUMENT_ROLES = [...OFFICERS, "first-reviewer", "second-reviewer"];
const DOCUMENTS_OPEN: readonly ApplicationStatus[] = [...BEFORE_DECISION, "approved", "contract_issued", "signed", "disbursed"];

/** Officers and reviewers attach evidence while the application is alive (vouchers even after disbursement). */
export function canAttachDocuments(roles: readonly string[], status: ApplicationStatus): boolean {
  return DOCUMENTS_OPEN.includes(status) && DOCUMENT_ROLES.some((r) => roles.includes(r));
}
