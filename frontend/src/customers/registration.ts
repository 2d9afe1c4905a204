/** The registration form's values and the `POST /v1/customers` body they make. */
import type { Dayjs } from "dayjs";

import { cleanAmount } from "../calculator/terms";
import { normaliseIdentity } from "./identity";
import type { CustomerType, IdentityType, NewCustomer } from "./types";

export interface RegisterValues {
  type: CustomerType;
  name?: string;
  identity_type: IdentityType;
  identity_number?: string;
  contact?: { phone?: string; email?: string; address?: string };
  industry?: string;
  region?: string;
  established_on?: Dayjs | null;
  annual_income?: string;
  is_core_enterprise?: boolean;
}

export const INITIAL: RegisterValues = {
  type: "individual",
  identity_type: "resident_id",
  is_core_enterprise: false,
};

function trimmed(value: string | undefined): string | undefined {
  const v = (value ?? "").trim();
  return v || undefined;
}

export function buildNewCustomer(v: RegisterValues): NewCustomer {
  const contact = {
    phone: trimmed(v.contact?.phone),
    email: trimmed(v.contact?.email),
    address: trimmed(v.contact?.address),
  };
  const body: NewCustomer = {
    type: v.type,
    name: (v.name ?? "").trim(),
    identity_type: v.identity_type,
    identity_number: normaliseIdentity(v.identity_number ?? ""),
  };
  if (contact.phone || contact.email || contact.address) {
    body.contact = Object.fromEntries(Object.entries(contact).filter(([, x]) => x !== undefined));
  }
  const industry = trimmed(v.industry)?.toUpperCase();
  if (industry) body.industry = industry;
  const region = trimmed(v.region);
  if (region) body.region = region;
  if (v.type === "enterprise") {
    if (v.established_on) body.established_on = v.established_on.format("YYYY-MM-DD");
    body.is_core_enterprise = Boolean(v.is_core_enterprise);
  } else {
    const income = cleanAmount(v.annual_income);
    if (income) body.annual_income = income;
  }
  return body;
}
