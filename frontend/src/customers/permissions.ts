/** Who may register customers (the API's REGISTRARS); every subsidiary role may read them. */
import type { Role } from "../api/types";

export const REGISTRAR_ROLES: readonly Role[] = ["loan-officer", "tenant-admin"];

export function canRegister(roles: readonly string[]): boolean {
  return REGISTRAR_ROLES.some((r) => roles.includes(r));
}
