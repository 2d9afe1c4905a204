/** Who may do what on the ledger pages — the API's role lists (chalicelib/ledger/api.py, payments/api.py). */
const has = (roles: readonly string[], allowed: readonly string[]) => roles.some((r) => allowed.includes(r));

/** POSTERS: manual entries, proposals and reversals */
export const canPost = (roles: readonly string[]) => has(roles, ["finance"]);
/** CHECKERS: approve or reject a proposal (never their own — the API refuses that) */
export const canCheck = (roles: readonly string[]) => has(roles, ["finance", "tenant-admin"]);
/** CLEARING: netting reports and reconciliation */
export const canSeeClearing = (roles: readonly string[]) => has(roles, ["finance", "tenant-admin"]);
