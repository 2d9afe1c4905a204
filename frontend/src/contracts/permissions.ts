/**
 * What a user may do on a contract, from the roles each route admits (servicing/api.py,
 * payments/api.py), so the page offers only the buttons the API would accept.
 */
import type { Role } from "../api/types";
import type { ContractStatus } from "./types";

export type ContractAction =
  | "repay" // POST /repayments (finance)
  | "offline" // POST /offline-repayments, /confirm (finance; the checker is another finance user)
  | "quote" // POST /prepayment-quote (all staff)
  | "prepay" // POST /prepayments (finance)
  | "payLink" // POST /payment-intents and /simulate (finance, collector, tenant-admin)
  | "reverse" // POST /repayments/{id}/reverse (finance; runs once another user approves)
  | "collect" // POST /collection-actions (collector, tenant-admin)
  | "writeOff" // POST /write-off (tenant-admin; runs once another user approves)
  | "recover"; // POST /recoveries (finance; runs once another user approves)

/** Who approves an approval request (servicing/four_eyes.py ACTIONS) — never the user who asked. */
export const APPROVERS: Role[] = ["finance", "tenant-admin"];

export function canApprove(roles: Role[], userId: string | undefined, requestedBy: string): boolean {
  return roles.some((r) => APPROVERS.includes(r)) && userId !== undefined && userId !== requestedBy;
}

const FINANCE: Role[] = ["finance"];
const COLLECTING: Role[] = ["finance", "collector", "tenant-admin"];

const ROLES: Record<ContractAction, Role[]> = {
  repay: FINANCE,
  offline: FINANCE,
  quote: ["tenant-admin", "finance", "collector", "loan-officer", "first-reviewer", "second-reviewer",
    "product-manager", "viewer"],
  prepay: FINANCE,
  payLink: COLLECTING,
  reverse: FINANCE,
  collect: ["collector", "tenant-admin"],
  writeOff: ["tenant-admin"],
  recover: FINANCE,
};

// Money comes in only while a contract is in force, except recoveries, which follow a write-off.
const STATUSES: Record<ContractAction, ContractStatus[]> = {
  repay: ["active"],
  offline: ["active"],
  quote: ["active"],
  prepay: ["active"],
  payLink: ["active"],
  reverse: ["active", "closed"],
  collect: ["active", "written_off"],
  writeOff: ["active"],
  recover: ["written_off"],
};

export function contractActions(roles: readonly Role[], status: ContractStatus): Set<ContractAction> {
  const allowed = new Set<ContractAction>();
  for (const action of Object.keys(ROLES) as ContractAction[]) {
    if (ROLES[action].some((r) => roles.includes(r)) && STATUSES[action].includes(status)) allowed.add(action);
  }
  return allowed;
}

/** `GET /v1/contracts/{id}/payments` (intents): finance, collector, tenant-admin, viewer. */
export function canSeePayments(roles: readonly Role[]): boolean {
  return (["finance", "collector", "tenant-admin", "viewer"] as Role[]).some((r) => roles.includes(r));
}

/** `GET /v1/collections`: collector, tenant-admin, viewer. */
export function canSeeCollections(roles: readonly Role[]): boolean {
  return (["collector", "tenant-admin", "viewer"] as Role[]).some((r) => roles.includes(r));
}
