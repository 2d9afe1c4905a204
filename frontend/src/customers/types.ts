/** Shapes of the customer API's JSON (`chalicelib/origination/customers/api.py`). */

export type CustomerType = "individual" | "enterprise";
export type IdentityType = "resident_id" | "uscc" | "passport" | "hk_macao_permit";
export type VerificationLevel = "visitor" | "registered" | "phone_verified" | "weak_real_name" | "strong_real_name";

export const VERIFICATION_LEVELS: readonly VerificationLevel[] = [
  "visitor", "registered", "phone_verified", "weak_real_name", "strong_real_name",
];

export interface Customer {
  id: string;
  type: CustomerType;
  name: string;
  identity_type: IdentityType;
  /** e.g. ****************3X for a resident ID: the number itself is never stored nor sent back */
  identity_masked: string;
  /** the keyed hash: the customer's identity across the group */
  identity_hash: string;
  contact: { phone?: string; email?: string; address?: string };
  industry: string | null;
  region: string | null;
  verification_level: VerificationLevel;
  established_on: string | null;
  annual_income: string | null;
  is_core_enterprise: boolean;
  related_parties: { relation: string; customer_id: string }[];
}

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
