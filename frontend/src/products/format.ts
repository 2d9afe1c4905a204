/** How product parameters read on screen: their names, and their values for people. */
import dayjs from "dayjs";

import { lookup, type Locale } from "../i18n";
import { formatAmount, fractionToPercent, isDecimalString, trimZeros } from "../money/decimal";
import { isAmountPath, isRatePath } from "./definition";

/** An instant from the API (UTC) in the browser's time zone. */
export function formatInstant(at: string | null | undefined): string {
  return at ? dayjs(at).format("YYYY-MM-DD HH:mm") : "—";
}

/** The name of a definition parameter: `terms.amount.max` → "条款 · 金额 · 最高". */
export function fieldLabel(path: string, locale: Locale): string {
  const parts = path.split(".");
  return parts
    .map((part, i) => {
      if (/^\d+$/.test(part)) return `#${Number(part) + 1}`;
      // A rate section at the top; elsewhere "rate" is a fee's or a penalty's.
      const key = i === 0 && part === "rate" ? "pf.f.rateSection" : `pf.f.${part}`;
      return lookup(locale, key) ?? part;
    })
    .join(" · ");
}

const UNITS: [RegExp, string][] = [
  [/^terms\.term_months\./, "pf.unit.months"],
  [/^terms\.(tenor_days|grace_days)\.|^workflow\.signing_window_days$|^arrears_tolerance\.days$/, "pf.unit.days"],
  [/^terms\.grace_on_(principal|interest)\.|^prepayment\.after_periods$/, "pf.unit.periods"],
  [/^rate\.spread_bps\./, "pf.unit.bps"],
  [/^risk\.applicant_age\./, "pf.unit.age"],
  [/^risk\.company_age_years_min$/, "pf.unit.years"],
];

/** The unit a count is in ("个月", "天", "bp" …), or "" for what has none. */
export function unitOf(path: string, locale: Locale): string {
  const found = UNITS.find(([pattern]) => pattern.test(path));
  return found ? (lookup(locale, found[1]) ?? "") : "";
}

/** Which list of options a parameter's values come from (for their labels). */
function optionGroup(path: string[]): string | null {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  const top = path[0];
  const choice = last === "allowed" || last === "default" ? parent : last;
  if (top === "fees" && last === "timing") return "feeTiming";
  if (top === "fees" && last === "basis") return "feeBasis";
  if (top === "penalty" && last === "basis") return "penaltyBasis";
  if (top === "penalty" && last === "day_count") return "dayCount";
  if (top === "fees" && last === "of") return "feeOf";
  if (top === "terms" && choice === "timing") return "rentTiming";
  const groups: Record<string, string> = {
    segment: "segment", channels: "channel", frequency: "frequency", amortization: "amortization",
    day_count: "dayCount", rounding: "rounding", structure: "structure", deposit_settlement: "depositSettlement",
    arrangement: "arrangement", interest_collection: "interestCollection", interest_grace_mode: "graceMode",
    mode: "rateMode", benchmark: "benchmark", repricing: "repricing", strategies: "strategy",
  };
  return groups[choice] ?? null;
}

/** The label of one option of a parameter ("monthly" → "每月"), else the value itself. */
export function optionLabel(group: string, value: string, locale: Locale): string {
  return lookup(locale, `pf.opt.${group}.${value}`) ?? value;
}

/**
 * A parameter's value for people: rates in percent, amounts grouped, yes/no, options by name.
 * `raw` keeps the API's own text alongside where formatting changes it.
 */
export function formatParameter(path: string, value: unknown, locale: Locale, currency = "CNY", withUnit = true): string {
  const parts = path.split(".");
  if (typeof value === "number") {
    const unit = withUnit ? unitOf(path, locale) : "";
    return unit === "" ? String(value) : unit === "bp" ? `${value}bp` : `${value} ${unit}`;
  }
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return lookup(locale, value ? "pf.yes" : "pf.no") ?? String(value);
  const group = optionGroup(parts);
  const one = (v: unknown): string => {
    if (typeof v !== "string") return typeof v === "object" ? JSON.stringify(v) : String(v);
    if (group) return optionLabel(group, v, locale);
    // Diff paths name list items by code (fees.ARRANGEMENT.rate): match them as list items.
    const asListPath = parts.map((p, i) => (i === 1 && (parts[0] === "fees" || parts[0] === "workflow") ? "0" : p));
    if (isDecimalString(v) && (isRatePath(parts) || isRatePath(asListPath))) return `${trimZeros(fractionToPercent(v))}%`;
    if (isDecimalString(v) && (isAmountPath(parts) || isAmountPath(asListPath))) return formatAmount(v, currency);
    return v;
  };
  if (Array.isArray(value)) return value.length === 0 ? "—" : value.map(one).join("、");
  return one(value);
}
