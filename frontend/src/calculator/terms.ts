/**
 * The calculator's form values and how they become a `POST /v1/quotes` body. Amounts stay the
 * strings the user typed (separators removed); rates are typed in percent and sent as the decimal
 * fraction the API takes ("4.35" → "0.0435"), by moving the decimal point, not by arithmetic on floats.
 */
import type { Dayjs } from "dayjs";

import type { QuoteKind, QuoteRequest, TenantKind } from "../api/types";
import { compareDecimal, currencyScale, isPositive, percentToFraction } from "../money/decimal";

export interface InvoiceValues {
  number?: string;
  debtor?: string;
  face_amount?: string;
  issue_date?: Dayjs | null;
  due_date?: Dayjs | null;
}

export interface QuoteFormValues {
  kind: QuoteKind;
  currency: string;
  principal?: string;
  /** percent */
  annual_rate?: string;
  term?: string;
  frequency: string;
  amortization: string;
  balloon?: string;
  day_count: string;
  start_date?: Dayjs | null;
  first_due_date?: Dayjs | null;
  rounding: string;
  timing: "advance" | "arrears";
  residual_value?: string;
  down_payment?: string;
  security_deposit?: string;
  handling_fee?: string;
  /** percent */
  advance_rate?: string;
  interest_collection: "upfront" | "maturity";
  /** percent */
  service_fee_rate?: string;
  grace_days?: string;
  recourse: boolean;
  invoices: InvoiceValues[];
}

export const FREQUENCIES = ["monthly", "quarterly", "semi-annual", "annual", "biweekly", "weekly"] as const;
export const LOAN_AMORTIZATIONS = ["annuity", "equal_principal", "interest_only", "bullet", "flat", "balloon"] as const;
export const LEASE_AMORTIZATIONS = ["annuity", "equal_principal"] as const;
export const DAY_COUNTS = ["period", "30/360", "30E/360", "ACT/360", "ACT/365F", "ACT/ACT"] as const;
export const ROUNDINGS = ["HALF_EVEN", "HALF_UP", "DOWN", "UP"] as const;
export const CURRENCIES = ["CNY", "HKD", "USD", "EUR", "JPY"] as const;

/** The kind a tenant prices most: a leasing company opens the calculator on a lease. */
export function defaultKind(tenantKind: TenantKind | undefined): QuoteKind {
  if (tenantKind === "leasing") return "lease";
  if (tenantKind === "factoring") return "factoring";
  return "loan";
}

export function initialValues(kind: QuoteKind, today: Dayjs): QuoteFormValues {
  const start = today.startOf("day");
  return {
    kind,
    currency: "CNY",
    // A factoring deal needs no facility limit to be priced; its advance comes from the invoices.
    principal: kind === "lease" ? "500000.00" : kind === "factoring" ? "" : "100000.00",
    annual_rate: kind === "lease" ? "6.5" : kind === "factoring" ? "8" : "4.35",
    term: kind === "lease" ? "36" : "12",
    frequency: kind === "lease" ? "quarterly" : "monthly",
    amortization: "annuity",
    day_count: "period",
    start_date: start,
    first_due_date: null,
    rounding: "HALF_EVEN",
    timing: "arrears",
    residual_value: "100.00",
    down_payment: "0",
    security_deposit: "0",
    handling_fee: "0",
    advance_rate: "80",
    interest_collection: "upfront",
    service_fee_rate: "0.5",
    grace_days: "0",
    recourse: true,
    invoices: [
      { number: "INV-0001", debtor: "", face_amount: "200000.00", issue_date: start, due_date: start.add(90, "day") },
    ],
  };
}

/** "100,000.00 " → "100000.00": people paste amounts with group separators. */
export function cleanAmount(value: string | undefined): string {
  return (value ?? "").replace(/[\s,，]/g, "");
}

const date = (d: Dayjs | null | undefined) => (d ? d.format("YYYY-MM-DD") : undefined);

export function buildQuoteRequest(v: QuoteFormValues): QuoteRequest {
  const common = {
    kind: v.kind,
    currency: v.currency,
    annual_rate: percentToFraction(cleanAmount(v.annual_rate)),
    day_count: v.day_count === "period" ? null : v.day_count,
    start_date: date(v.start_date) ?? "",
    rounding: v.rounding,
  };
  if (v.kind === "factoring") {
    const facility = cleanAmount(v.principal);
    return {
      ...common,
      ...(facility ? { principal: facility } : {}),
      advance_rate: percentToFraction(cleanAmount(v.advance_rate)),
      interest_collection: v.interest_collection,
      service_fee_rate: percentToFraction(cleanAmount(v.service_fee_rate) || "0"),
      grace_days: Number.parseInt(cleanAmount(v.grace_days) || "0", 10),
      recourse: v.recourse,
      invoices: v.invoices.map((inv) => ({
        number: (inv.number ?? "").trim(),
        debtor: (inv.debtor ?? "").trim(),
        face_amount: cleanAmount(inv.face_amount),
        issue_date: date(inv.issue_date) ?? "",
        due_date: date(inv.due_date) ?? "",
      })),
    };
  }
  const periodic: QuoteRequest = {
    ...common,
    principal: cleanAmount(v.principal),
    term: Number.parseInt(cleanAmount(v.term), 10),
    frequency: v.frequency,
    amortization: v.amortization,
  };
  if (v.kind === "loan") {
    if (v.amortization === "balloon") periodic.balloon = cleanAmount(v.balloon);
    const firstDue = date(v.first_due_date);
    if (firstDue) periodic.first_due_date = firstDue;
    return periodic;
  }
  return {
    ...periodic,
    timing: v.timing,
    residual_value: cleanAmount(v.residual_value) || "0",
    down_payment: cleanAmount(v.down_payment) || "0",
    security_deposit: cleanAmount(v.security_deposit) || "0",
    handling_fee: cleanAmount(v.handling_fee) || "0",
  };
}

// ---- client-side checks (the same rules the API applies, so most mistakes never leave the page)

export type Problem =
  | { key: "valid.required" }
  | { key: "valid.amount"; scale: number }
  | { key: "valid.amountPositive" }
  | { key: "valid.rate" }
  | { key: "valid.rateRange"; max: string }
  | { key: "valid.term" }
  | { key: "valid.wholeDays" };

export function checkAmount(
  raw: string | undefined,
  currency: string,
  { required = true, positive = false } = {},
): Problem | null {
  const value = cleanAmount(raw);
  if (!value) return required ? { key: "valid.required" } : null;
  const scale = currencyScale(currency);
  const pattern = scale > 0 ? new RegExp(`^\\d{1,15}(\\.\\d{1,${scale}})?$`) : /^\d{1,15}$/;
  if (!pattern.test(value)) return { key: "valid.amount", scale };
  if (positive && !isPositive(value)) return { key: "valid.amountPositive" };
  return null;
}

/** A rate typed in percent: up to 4 decimals (6 as a fraction), between 0 and `max`. */
export function checkPercent(raw: string | undefined, { max = "100", positive = false, required = true } = {}): Problem | null {
  const value = cleanAmount(raw);
  if (!value) return required ? { key: "valid.required" } : null;
  if (!/^\d{1,3}(\.\d{1,4})?$/.test(value)) return { key: "valid.rate" };
  if (compareDecimal(value, max) > 0 || (positive && !isPositive(value))) return { key: "valid.rateRange", max };
  return null;
}

export function checkTerm(raw: string | undefined): Problem | null {
  const value = cleanAmount(raw);
  if (!value) return { key: "valid.required" };
  if (!/^\d{1,4}$/.test(value)) return { key: "valid.term" };
  const n = Number.parseInt(value, 10);
  return n >= 1 && n <= 1200 ? null : { key: "valid.term" };
}

export function checkDays(raw: string | undefined): Problem | null {
  const value = cleanAmount(raw);
  if (!value) return null;
  if (!/^\d{1,3}$/.test(value) || Number.parseInt(value, 10) > 365) return { key: "valid.wholeDays" };
  return null;
}

/** Form fields that exist for a kind: a server error naming any other field is shown above the form. */
export function fieldsOf(kind: QuoteKind): Set<string> {
  const common = ["currency", "annual_rate", "day_count", "start_date", "rounding"];
  const byKind: Record<QuoteKind, string[]> = {
    loan: ["principal", "term", "frequency", "amortization", "balloon", "first_due_date"],
    lease: ["principal", "term", "frequency", "amortization", "timing", "residual_value", "down_payment",
      "security_deposit", "handling_fee"],
    factoring: ["principal", "advance_rate", "interest_collection", "service_fee_rate", "grace_days", "recourse",
      "invoices"],
  };
  return new Set([...common, ...byKind[kind]]);
}

/** "invoices.0.face_amount" → ["invoices", 0, "face_amount"] (antd's name path). */
export function namePath(field: string): (string | number)[] {
  return field.split(".").map((part) => (/^\d+$/.test(part) ? Number.parseInt(part, 10) : part));
}
