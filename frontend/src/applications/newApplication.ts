/**
 * The new-application form: defaults from the product's active definition, and the body it sends —
 * a loan's amount and term, a lease's financed amount, frequency and assets, a factoring
 * application's advance rate and the invoices it assigns.
 */
import { compareDecimal, fractionToPercent, percentToFraction } from "../money/decimal";
import type { Definition, ProductKind } from "../products/types";

/** A date field's value: a string, or what the date picker holds (a dayjs). */
type DateValue = string | { format(template: string): string } | null | undefined;

export interface AssetValues {
  description?: string;
  supplier?: string;
  price?: string;
  serial?: string;
  quantity?: number;
}

export interface InvoiceValues {
  number?: string;
  debtor_customer_id?: string;
  face_amount?: string;
  issue_date?: DateValue;
  due_date?: DateValue;
}

export interface NewApplicationValues {
  product_code?: string;
  customer_id?: string;
  /** the credit facility the application draws on (optional) */
  facility_id?: string;
  terms: { principal?: string; term?: number; frequency?: string; advance_rate_percent?: string };
  assets?: AssetValues[];
  invoices?: InvoiceValues[];
}

const AMOUNT = /^\d{1,15}(\.\d{1,2})?$/;
const PERCENT = /^\d{1,3}(\.\d{1,2})?$/;

export function isAmount(value: string): boolean {
  return AMOUNT.test(value.trim()) && /[1-9]/.test(value);
}

/** A percentage of (0, 100], with at most two decimals (an advance rate, say). */
export function isPercent(value: string): boolean {
  const v = value.trim();
  return PERCENT.test(v) && compareDecimal(v, "0") > 0 && compareDecimal(v, "100") <= 0;
}

function pick(definition: Definition, path: string[]): unknown {
  let node: unknown = definition;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** What a product offers first: amount, term, frequency, advance rate (as a percentage). */
export function productDefaults(definition: Definition): NewApplicationValues["terms"] {
  const amount = pick(definition, ["terms", "amount", "default"]);
  const term = pick(definition, ["terms", "term_months", "default"]);
  const frequency = pick(definition, ["terms", "frequency", "default"]);
  const advance = pick(definition, ["terms", "advance_rate", "default"]);
  const terms: NewApplicationValues["terms"] = {
    principal: typeof amount === "string" ? amount : undefined,
    term: typeof term === "number" ? term : undefined,
  };
  if (typeof frequency === "string") terms.frequency = frequency;
  if (typeof advance === "string") terms.advance_rate_percent = fractionToPercent(advance);
  return terms;
}

/** The frequencies a product allows (`terms.frequency.allowed`). */
export function allowedFrequencies(definition: Definition): string[] {
  const allowed = pick(definition, ["terms", "frequency", "allowed"]);
  return Array.isArray(allowed) ? allowed.filter((f): f is string => typeof f === "string") : [];
}

const day = (v: DateValue): string | undefined => (v == null ? undefined : typeof v === "string" ? v : v.format("YYYY-MM-DD"));

/** `POST /v1/applications`: amounts as strings, nothing left empty, the kind's own parts. */
export function buildOpenApplication(values: NewApplicationValues, kind: ProductKind = "loan"): Record<string, unknown> {
  const terms: Record<string, unknown> = {};
  if (kind !== "factoring") {
    if (values.terms.principal) terms.principal = values.terms.principal.trim();
    if (values.terms.term) terms.term = values.terms.term;
  }
  if (kind === "lease" && values.terms.frequency) terms.frequency = values.terms.frequency;
  if (kind === "factoring" && values.terms.advance_rate_percent) {
    terms.advance_rate = percentToFraction(values.terms.advance_rate_percent.trim());
  }
  const body: Record<string, unknown> = { product_code: values.product_code, customer_id: values.customer_id, terms };
  if (values.facility_id) body.facility_id = values.facility_id;
  if (kind === "lease") {
    body.assets = (values.assets ?? []).map((a) => ({
      description: a.description?.trim(),
      supplier: a.supplier?.trim(),
      price: a.price?.trim(),
      ...(a.serial?.trim() ? { serial: a.serial.trim() } : {}),
      quantity: a.quantity ?? 1,
    }));
  }
  if (kind === "factoring") {
    body.invoices = (values.invoices ?? []).map((i) => ({
      number: i.number?.trim(),
      debtor_customer_id: i.debtor_customer_id,
      face_amount: i.face_amount?.trim(),
      issue_date: day(i.issue_date),
      due_date: day(i.due_date),
    }));
  }
  return body;
}
