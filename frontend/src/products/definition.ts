/**
 * A product definition in the editor and on the wire.
 *
 * The editor's form holds the definition in the API's own shape (so the API's field paths, such as
 * `definition.terms.amount.max`, name form fields directly) with two differences people need:
 * rates are typed in percent ("12.8" rather than "0.128") and counts are text while being typed.
 * `toFormValues` and `fromFormValues` convert between the two by moving decimal points — never
 * through a JavaScript float. Parameters the editor has no field for travel through untouched.
 *
 * Relations between parameters (min ≤ default ≤ max, a threshold below the maximum amount …) are
 * the API's to judge: it reports every problem at once with its field path, and the editor puts
 * each message on its field. What the editor does itself is drop what the chosen options make
 * inapplicable (the annual rate of a floating-rate product, say), as a person would expect.
 */
import { cleanAmount } from "../calculator/terms";
import {
  compareDecimal,
  currencyScale,
  decimalPlaces,
  fractionToPercent,
  isDecimalString,
  percentToFraction,
  toScale,
} from "../money/decimal";
import type { Definition, ProductKind } from "./types";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Rates the API takes as fractions and people type in percent. `*` is any key, `#` a list index. */
export const RATE_PATHS = [
  "terms.balloon_rate.*", "terms.residual_value_rate.*", "terms.security_deposit_rate.*",
  "terms.down_payment_rate.*", "terms.advance_rate.*", "rate.annual_rate.*", "rate.floor", "rate.cap",
  "fees.#.rate", "penalty.rate", "prepayment.penalty_rate", "risk.max_debt_to_income",
] as const;

/** Whole numbers: months, days, periods, basis points, years. */
export const INTEGER_PATHS = [
  "terms.term_months.*", "terms.grace_on_principal.*", "terms.grace_on_interest.*", "terms.tenor_days.*",
  "terms.grace_days.*", "rate.spread_bps.*", "prepayment.after_periods", "prepayment.penalty_periods",
  "arrears_tolerance.days", "workflow.signing_window_days", "risk.applicant_age.*", "risk.company_age_years_min",
] as const;

/** Amounts, which people paste with group separators ("200,000.00"). */
export const AMOUNT_PATHS = [
  "terms.amount.*", "terms.in_multiples_of", "arrears_tolerance.amount", "workflow.second_review_above",
  "risk.max_customer_exposure", "fees.#.amount",
] as const;

function matches(path: readonly (string | number)[], pattern: string): boolean {
  const parts = pattern.split(".");
  if (parts.length !== path.length) return false;
  return parts.every((part, i) => {
    const segment = path[i];
    if (part === "*") return true;
    if (part === "#") return typeof segment === "number" || /^\d+$/.test(String(segment));
    return part === String(segment);
  });
}

export function isRatePath(path: readonly (string | number)[]): boolean {
  return RATE_PATHS.some((p) => matches(path, p));
}

export function isIntegerPath(path: readonly (string | number)[]): boolean {
  return INTEGER_PATHS.some((p) => matches(path, p));
}

export function isAmountPath(path: readonly (string | number)[]): boolean {
  return AMOUNT_PATHS.some((p) => matches(path, p));
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The API's definition as the editor's form values: rates in percent, counts as text. */
export function toFormValues(definition: Definition): Definition {
  const walk = (value: unknown, path: (string | number)[]): unknown => {
    if (Array.isArray(value)) return value.map((item, i) => walk(item, [...path, i]));
    if (isObject(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, [...path, k])]));
    }
    if (typeof value === "string" && isRatePath(path) && isDecimalString(value)) return fractionToPercent(value);
    if (typeof value === "number" && isIntegerPath(path)) return String(value);
    return value;
  };
  return walk(definition, []) as Definition;
}

/**
 * The editor's form values as the definition the API takes. Empty fields are left out (the API
 * then applies its default or says the field is required); text that is not a number is sent as
 * typed, so the API names the field.
 */
export function fromFormValues(values: Definition, kind: ProductKind): Definition {
  const scale = currencyScale(typeof values.currency === "string" ? values.currency : "CNY");
  const walk = (value: unknown, path: (string | number)[]): unknown => {
    if (Array.isArray(value)) {
      // List items keep their places (a blank row stays {}), so field paths in errors still line up.
      return value.map((item, i) => walk(item, [...path, i]) ?? (isObject(item) ? {} : item));
    }
    if (isObject(value)) {
      const entries = Object.entries(value)
        .map(([k, v]) => [k, walk(v, [...path, k])] as const)
        .filter(([, v]) => v !== undefined);
      return entries.length > 0 ? Object.fromEntries(entries) : undefined;
    }
    if (value === null || value === undefined) return undefined;
    if (typeof value !== "string") return value;
    const text = value.trim();
    if (text === "") return undefined;
    if (isRatePath(path)) {
      const percent = cleanAmount(text);
      return isDecimalString(percent) ? percentToFraction(percent) : text;
    }
    if (isIntegerPath(path)) return /^-?\d{1,6}$/.test(text) ? Number.parseInt(text, 10) : text;
    if (isAmountPath(path)) {
      // "200000" is sent as "200000.00": amounts at their currency's scale, as the API shows them.
      const amount = cleanAmount(text);
      return isDecimalString(amount) && decimalPlaces(amount) < scale ? toScale(amount, scale) : amount;
    }
    return text;
  };
  const definition = (walk(values, []) ?? {}) as Definition;
  return withoutInapplicable(definition, kind);
}

function section(definition: Definition, name: string): JsonObject | undefined {
  const value = definition[name];
  return isObject(value) ? value : undefined;
}

/** Drop what the chosen options make inapplicable, mirroring the API's `not_applicable` rules. */
export function withoutInapplicable(definition: Definition, kind: ProductKind): Definition {
  const out = structuredClone(definition) as Definition;
  const rate = section(out, "rate");
  if (rate?.mode === "fixed") {
    delete rate.benchmark;
    delete rate.spread_bps;
    delete rate.repricing;
  } else if (rate?.mode === "floating") {
    delete rate.annual_rate;
  }
  const penalty = section(out, "penalty");
  if (penalty?.basis === "multiplier") delete penalty.rate;
  else if (penalty?.basis === "rate") delete penalty.multiplier;
  if (Array.isArray(out.fees)) {
    for (const fee of out.fees as Json[]) {
      if (!isObject(fee)) continue;
      if (fee.basis === "fixed") delete fee.rate;
      else if (fee.basis === "percent") delete fee.amount;
      fee.of = kind === "factoring" ? "face_amount" : "principal";
    }
  }
  const terms = section(out, "terms");
  if (kind === "loan" && terms) {
    const amortization = isObject(terms.amortization) ? terms.amortization : undefined;
    const allowed = Array.isArray(amortization?.allowed) ? amortization.allowed : [];
    if (!allowed.includes("balloon")) delete terms.balloon_rate;
  }
  const workflow = section(out, "workflow");
  if (workflow?.second_review_required === true) delete workflow.second_review_above;
  const risk = section(out, "risk");
  if (risk && out.segment === "individual") delete risk.company_age_years_min;
  if (risk && out.segment === "enterprise") {
    delete risk.applicant_age;
    delete risk.max_debt_to_income;
  }
  return out;
}

/**
 * The JSON merge patch (RFC 7386) that turns `before` into `after`: objects merge, `null` removes,
 * anything else replaces. Undefined when nothing changed.
 */
export function mergePatch(before: unknown, after: unknown): Json | undefined {
  if (isObject(before) && isObject(after)) {
    const patch: JsonObject = {};
    for (const key of Object.keys(before)) {
      if (!(key in after)) patch[key] = null;
    }
    for (const [key, value] of Object.entries(after)) {
      if (!(key in before)) {
        patch[key] = value;
        continue;
      }
      const inner = mergePatch(before[key], value);
      if (inner !== undefined) patch[key] = inner;
    }
    return Object.keys(patch).length > 0 ? patch : undefined;
  }
  return sameJson(before, after) ? undefined : (after as Json);
}

/** Equal as JSON — decimal strings by value, as the API compares them ("0.0720" is "0.072"). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isDecimalString(a) && isDecimalString(b)) return compareDecimal(a, b) === 0;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameJson(a[k], b[k]));
  }
  return false;
}

// ---- what a new product starts from, per kind (the tenant edits every figure before submitting)

const LENDING_ACCOUNTS = {
  principal: "1303", interest_receivable: "1132", interest_income: "6011", fee_income: "6021",
  penalty_income: "6013", suspense: "2203",
};

export function newDefinition(kind: ProductKind, currency = "CNY"): Definition {
  const common = {
    name: { "zh-CN": "", "en-US": "" },
    currency,
    channels: ["console"],
    penalty: { basis: "multiplier", multiplier: "1.5", on_overdue_interest: kind === "loan", day_count: "ACT/360" },
    arrears_tolerance: { amount: "0.00", days: 3 },
  };
  if (kind === "lease") {
    return {
      ...common,
      segment: "enterprise",
      terms: {
        structure: "direct",
        amount: { min: "500000.00", max: "50000000.00", default: "5000000.00" },
        term_months: { min: 12, max: 60, default: 36 },
        frequency: { allowed: ["monthly", "quarterly"], default: "quarterly" },
        amortization: { allowed: ["annuity", "equal_principal"], default: "annuity" },
        day_count: { allowed: ["period"], default: "period" },
        rounding: "HALF_EVEN",
        timing: { allowed: ["advance", "arrears"], default: "arrears" },
        residual_value_rate: { min: "0", max: "0.05", default: "0" },
        security_deposit_rate: { min: "0", max: "0.20", default: "0.10" },
        down_payment_rate: { min: "0", max: "0.30", default: "0" },
        deposit_settlement: "offset",
      },
      rate: { mode: "fixed", annual_rate: { min: "0.0550", max: "0.1200", default: "0.0750" } },
      fees: [],
      prepayment: { allowed: true, after_periods: 4, penalty_rate: "0.03", strategies: ["keep_term"] },
      workflow: {
        second_review_required: true,
        signing_window_days: 30,
        documents: [{ code: "BUSINESS_LICENCE", name: { "zh-CN": "营业执照", "en-US": "Business licence" }, required: true }],
      },
      risk: { company_age_years_min: 3, excluded_industries: [], blacklist_check: true },
      accounting: {
        template: "leasing-standard", ...LENDING_ACCOUNTS, principal: "1531", unearned_income: "1532",
        deposit_held: "2241.01",
      },
    };
  }
  if (kind === "factoring") {
    return {
      ...common,
      segment: "enterprise",
      terms: {
        arrangement: "standard",
        recourse: true,
        debtor_confirmation_required: false,
        approved_debtors: [],
        amount: { min: "100000.00", max: "20000000.00" },
        advance_rate: { min: "0.50", max: "0.90", default: "0.80" },
        tenor_days: { min: 15, max: 180 },
        grace_days: { min: 0, max: 30, default: 0 },
        interest_collection: { allowed: ["upfront", "maturity"], default: "upfront" },
        day_count: { allowed: ["ACT/360"], default: "ACT/360" },
        rounding: "HALF_EVEN",
      },
      rate: { mode: "fixed", annual_rate: { min: "0.0500", max: "0.1200", default: "0.0750" } },
      fees: [],
      prepayment: { allowed: true, after_periods: 0, strategies: ["keep_term"] },
      workflow: {
        second_review_required: false,
        signing_window_days: 10,
        documents: [{ code: "INVOICES", name: { "zh-CN": "增值税发票", "en-US": "VAT invoices" }, required: true }],
      },
      risk: { company_age_years_min: 1, excluded_industries: [], blacklist_check: true },
      accounting: { template: "factoring-standard", ...LENDING_ACCOUNTS, principal: "1122", reserve_payable: "2241.02" },
    };
  }
  return {
    ...common,
    segment: "individual",
    terms: {
      amount: { min: "1000.00", max: "200000.00", default: "50000.00" },
      term_months: { min: 3, max: 36, default: 12 },
      frequency: { allowed: ["monthly"], default: "monthly" },
      amortization: { allowed: ["annuity", "equal_principal"], default: "annuity" },
      day_count: { allowed: ["period"], default: "period" },
      rounding: "HALF_EVEN",
      grace_on_principal: { min: 0, max: 0, default: 0 },
    },
    rate: { mode: "fixed", annual_rate: { min: "0.0600", max: "0.2400", default: "0.1200" } },
    fees: [],
    prepayment: { allowed: true, after_periods: 3, penalty_rate: "0.01", strategies: ["keep_term"] },
    workflow: {
      second_review_required: false,
      second_review_above: "100000.00",
      signing_window_days: 7,
      documents: [{ code: "ID_CARD", name: { "zh-CN": "居民身份证", "en-US": "Resident identity card" }, required: true }],
    },
    risk: { applicant_age: { min: 22, max: 60 }, blacklist_check: true, excluded_industries: [] },
    accounting: { template: "lending-standard", ...LENDING_ACCOUNTS },
  };
}
