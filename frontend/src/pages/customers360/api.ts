/** Shapes of the customers context's JSON (`chalicelib/customers/api.py`). */
import type { VerificationLevel } from "../../customers/types";

export interface Evidence {
  evidence_id: string;
  kind: "phone_confirmed" | "id_document_checked" | "face_matched";
  reference: string;
  recorded_by: string;
  recorded_at: string;
  recorded_on: string;
  details: Record<string, string>;
  revoked?: { at: string; on: string; by: string; reason: string } | null;
}

export interface Verification {
  customer_id: string;
  level: VerificationLevel;
  evidence?: Evidence[];
  history: { from: string; to: string; at: string; on: string; by: string; evidence_id: string }[];
  next_level: VerificationLevel | null;
  next_level_needs: string[];
}

export interface Consent {
  consent_id: string;
  scopes: string[];
  given_on: string;
  evidence_kind: string;
  evidence_reference: string;
  recorded_by: string;
  status: "given" | "withdrawn";
  withdrawn_on: string | null;
}

export interface GradeMonth {
  month: string;
  value_grade: string;
  computed_value_grade: string;
  activity_grade: string;
  override_id: string | null;
  value: { score: string };
  activity: { score: string };
}

export interface Override {
  override_id: string;
  grade: string;
  direction: string;
  reason: string;
  expires_on: string;
  requested_by: string;
  requested_by_name: string;
  status: string;
  decided_by_name: string | null;
}

export interface Grades {
  value_grade: string | null;
  activity_grade: string | null;
  source: string | null;
  month: string | null;
  history: GradeMonth[];
  overrides: Override[];
}

export interface Customer360 {
  profile: {
    customer_id: string;
    type: string;
    name: string;
    identity_masked: string;
    identity_hash: string;
    contact?: { phone?: string; email?: string; address?: string };
    industry: string | null;
    region: string | null;
    annual_income?: string | null;
  };
  verification: Verification;
  consents: Consent[] | null;
  facilities: {
    facility_id: string;
    status: string;
    currency: string;
    revolving: boolean;
    amount: string;
    utilized: string;
    blocked: string;
    available: string;
    valid_from: string;
    valid_to: string;
  }[];
  applications: { application_id: string; product_code: string; status: string; amount: string | null; documents?: { type: string }[] }[];
  contracts: {
    contract_id: string;
    product_code: string;
    status: string;
    currency: string;
    principal: string;
    outstanding_principal: string;
    outstanding: string;
    days_past_due: number;
    bucket: string;
  }[];
  repayments: { by_channel: { channel: string; count: number; amount: string }[] };
  collection_actions: { contract_id: string; action?: string; at?: string }[] | null;
  grades: Grades | null;
  sister_relationships: { subsidiary_id: string }[] | null;
  timeline: { at: string; kind: string; summary: string; by: string | null }[];
  redacted: string[];
}

export interface Lead {
  lead_id: string;
  receiving_subsidiary: string;
  source_subsidiary: string;
  own_customer: boolean;
  customer_id: string | null;
  identity_hash: string;
  label: string;
  value_grade: string | null;
  reasons: { rule: string; passed: boolean; detail: string }[];
  contacted_at: string | null;
  applied?: boolean;
  converted?: boolean;
}

export interface Campaign {
  campaign_id: string;
  owner: string;
  name: string;
  target_products: string[];
  channel: string;
  valid_from: string;
  valid_to: string;
  audience: "own" | "group";
  created_by: string;
  leads_by_subsidiary: Record<string, number>;
  leads?: Lead[];
  totals?: { leads: number; contacted: number; applied: number; converted: number };
}

export interface GroupCustomer {
  identity_hash: string;
  label: string;
  customer_type: string;
  subsidiaries: string[];
  exposure: string;
  group_grade: string | null;
  consent: Record<string, string[]>;
  shares_relationships: boolean;
  relationships?: {
    subsidiary_id: string;
    products: string[];
    exposure: string;
    days_past_due: number;
    value_grade: string | null;
    activity_grade: string | null;
    verification_level: string;
    consent_scopes: string[];
  }[];
}
