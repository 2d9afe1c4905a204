/**
 * Identity documents, checked lightly before sending: the shape of the number only. The API checks
 * the check characters (ISO 7064 for a resident ID, GB 32100 for a unified social credit code),
 * keeps a keyed hash and a mask, and drops the number.
 */
import type { FieldError } from "../api/types";
import type { MessageKey } from "../i18n";
import type { CustomerType, IdentityType } from "./types";

export const IDENTITY_TYPES: Record<CustomerType, readonly IdentityType[]> = {
  individual: ["resident_id", "passport", "hk_macao_permit"],
  enterprise: ["uscc"],
};

/** What people type, as the API reads it: spaces dropped, letters upper case. */
export function normaliseIdentity(number: string): string {
  return number.replace(/\s+/g, "").toUpperCase();
}

const SHAPES: Record<IdentityType, { pattern: RegExp; problem: MessageKey }> = {
  resident_id: { pattern: /^\d{17}[\dX]$/, problem: "cust.valid.residentId" },
  uscc: { pattern: /^[0-9A-HJ-NP-RTUW-Y]{18}$/, problem: "cust.valid.uscc" },
  passport: { pattern: /^[A-Z0-9]{6,20}$/, problem: "cust.valid.document" },
  hk_macao_permit: { pattern: /^[A-Z0-9]{6,20}$/, problem: "cust.valid.document" },
};

/** Why `number` cannot be an identity of `type`, or null when its shape is right. */
export function identityProblem(type: IdentityType, number: string | undefined): MessageKey | null {
  const n = normaliseIdentity(number ?? "");
  if (!n) return "cust.valid.identityRequired";
  return SHAPES[type].pattern.test(n) ? null : SHAPES[type].problem;
}

/**
 * The registration form field a whole-request error is about. The API reports rules across fields
 * (an identity that fails its check, a type the customer cannot have) against the whole body.
 */
export function customerErrorField(error: FieldError): string {
  if (error.field !== "body") return error.field;
  const m = error.message;
  if (/identified by/.test(m)) return "identity_type";
  if (/resident ID|social credit code|document number/.test(m)) return "identity_number";
  if (/core enterprise/.test(m)) return "is_core_enterprise";
  if (/established_on/.test(m)) return "established_on";
  return error.field;
}
