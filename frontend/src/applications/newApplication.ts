/** The new-application form: defaults from the product's active definition, the body it sends. */
import type { Definition } from "../products/types";

export interface NewApplicationValues {
  product_code?: string;
  customer_id?: string;
  terms: { principal?: string; term?: number };
}

const AMOUNT = /^\d{1,15}(\.\d{1,2})?$/;

export function isAmount(value: string): boolean {
  return AMOUNT.test(value.trim()) && /[1-9]/.test(value);
}

function pick(definition: Definition, path: string[]): unknown {
  let node: unknown = definition;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The amount and term a product offers first (`terms.amount.default`, `terms.term_months.default`). */
export function productDefaults(definition: Definition): NewApplicationValues["terms"] {
  const amount = pick(definition, ["terms", "amount", "default"]);
  const term = pick(definition, ["terms", "term_months", "default"]);
  return {
    principal: typeof amount === "string" ? amount : undefined,
    term: typeof term === "number" ? term : undefined,
  };
}

/** `POST /v1/applications`: amounts as strings, nothing left empty. */
export function buildOpenApplication(values: NewApplicationValues): Record<string, unknown> {
  const terms: Record<string, unknown> = {};
  if (values.terms.principal) terms.principal = values.terms.principal.trim();
  if (values.terms.term) terms.term = values.terms.term;
  return { product_code: values.product_code, customer_id: values.customer_id, terms };
}
