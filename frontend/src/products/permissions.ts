/**
 * Who may do what to a product version — the console's copy of the API's rules
 * (`chalicelib/products/domain.py`: ACTION_ROLES and maker-checker), used to show only the buttons
 * a user may press. The API still decides: a refused action answers 403 and the page says why.
 */
import type { Role } from "../api/types";
import type { VersionAction, VersionSummary } from "./types";

export const AUTHOR_ROLES: readonly Role[] = ["product-manager", "tenant-admin"];
export const CHECKER_ROLES: readonly Role[] = ["tenant-admin"];

export const ACTION_ROLES: Record<VersionAction, readonly Role[]> = {
  submit: AUTHOR_ROLES,
  approve: CHECKER_ROLES,
  reject: CHECKER_ROLES,
  activate: CHECKER_ROLES,
  suspend: CHECKER_ROLES,
  retire: CHECKER_ROLES,
};

/** Buttons in the order a version moves through its life. */
export const ACTION_ORDER: readonly VersionAction[] = ["submit", "approve", "reject", "activate", "suspend", "retire"];

const hasAny = (roles: readonly string[], allowed: readonly Role[]) => allowed.some((r) => roles.includes(r));

/** May create products, new versions and edit drafts. */
export function canAuthor(roles: readonly string[]): boolean {
  return hasAny(roles, AUTHOR_ROLES);
}

export interface ActionOffer {
  action: VersionAction;
  /** false: shown, but the user may not press it (`reason` says why) */
  enabled: boolean;
  reason?: "maker_checker";
}

/**
 * The actions to offer on `version`: those its status allows and the user's roles may ask for.
 * Approving is never the author's: the button is shown disabled, with the reason, to an author
 * who otherwise could approve.
 */
export function actionsFor(version: VersionSummary, roles: readonly string[], userId: string | undefined): ActionOffer[] {
  const allowed = new Set(version.allowed_actions);
  const authored = version.authors.some((a) => a.user_id === userId);
  return ACTION_ORDER.filter((action) => allowed.has(action) && hasAny(roles, ACTION_ROLES[action])).map((action) =>
    action === "approve" && authored ? { action, enabled: false, reason: "maker_checker" } : { action, enabled: true },
  );
}

/** A draft the user may edit. */
export function canEdit(version: VersionSummary, roles: readonly string[]): boolean {
  return version.status === "draft" && canAuthor(roles);
}
