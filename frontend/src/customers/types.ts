/** Shapes of the customer API's JSON (`chalicelib/origination/customers/api.py`), from the generated types. */
import type { Narrow, Schema } from "../api/schema";

export type CustomerType = Schema<"CustomerType">;
export type IdentityType = Schema<"IdentityType">;
export type VerificationLevel = Schema<"VerificationLevel">;

export const VERIFICATION_LEVELS: readonly VerificationLevel[] = [
  "visitor", "registered", "phone_verified", "weak_real_name", "strong_real_name",
];

/** `identity_masked` is e.g. ****************3X for a resident ID (the number itself is never stored
 * nor sent back); `identity_hash` is the keyed hash, the customer's identity across the group. */
export type Customer = Narrow<Schema<"CustomerView">, {
  type: CustomerType;
  identity_type: IdentityType;
  verification_level: VerificationLevel;
  contact: { phone?: string; email?: string; address?: string };
}>;

/** The body of POST /v1/customers. */
export interface NewCustomer {
  type: CustomerType;
  name: string;
  identity_type: IdentityType;
  identity_number: string;
  contact?: { phone?: string; email?: string; address?: string };
  industry?: string;
  region?: string;
  verification_level?: VerificationLevel;
  established_on?: string;
  annual_income?: string;
  is_core_enterprise?: boolean;
}
