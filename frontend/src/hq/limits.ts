/**
 * The limits editor's form ↔ `PUT /v1/group/limits`, and the checks made before sending. Shares of
 * net capital are typed in percent ("10" is 10%) and sent as fractions ("0.1"); amounts stay
 * decimal strings throughout.
 */
import { compareDecimal, decimalPlaces, fractionToPercent, isDecimalString, percentToFraction } from "../money/decimal";
import type { ClassificationView, LimitRule, LimitsView } from "./types";

export interface RuleForm {
  amount?: string | null;
  /** percent of net capital, as typed */
  share_of_net_capital?: string | null;
}

export interface LimitsForm {
  net_capital?: string | null;
  /** percent of a limit at which a near-breach warning is raised */
  near_breach_ratio?: string | null;
  single_customer: RuleForm;
  group_customer: RuleForm;
  related_party: RuleForm;
  large_exposure: RuleForm;
  industries: (RuleForm & { code?: string | null })[];
  subsidiaries: (RuleForm & { id?: string | null })[];
}

export const SINGLE_RULES = ["single_customer", "group_customer", "related_party", "large_exposure"] as const;

export type IssueKey =
  | "required" | "decimal" | "positive" | "amountScale" | "share" | "needsNetCapital" | "ruleEmpty"
  | "industryCode" | "subsidiaryId" | "duplicate" | "wholeDays" | "rising";

export interface Issue {
  name: (string | number)[];
  key: IssueKey;
}

const blank = (v: string | null | undefined): boolean => v === undefined || v === null || v.trim() === "";
const INDUSTRY = /^[A-T](\d{2,4})?$/;
const TENANT_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

function ruleForm(rule: LimitRule | null | undefined): RuleForm {
  return {
    amount: rule?.amount ?? null,
    share_of_net_capital: rule?.share_of_net_capital ? fractionToPercent(rule.share_of_net_capital) : null,
  };
}

/** What the form shows for the limits the API holds. */
export function limitsToForm(view: LimitsView): LimitsForm {
  return {
    net_capital: view.net_capital,
    near_breach_ratio: fractionToPercent(view.near_breach_ratio),
    single_customer: ruleForm(view.single_customer),
    group_customer: ruleForm(view.group_customer),
    related_party: ruleForm(view.related_party),
    large_exposure: ruleForm(view.large_exposure),
    industries: Object.entries(view.industries).map(([code, rule]) => ({ code, ...ruleForm(rule) })),
    subsidiaries: Object.entries(view.subsidiaries).map(([id, rule]) => ({ id, ...ruleForm(rule) })),
  };
}

function checkRule(rule: RuleForm, at: (string | number)[], netCapital: boolean, issues: Issue[], required = false) {
  const amount = rule.amount?.trim() ?? "";
  const share = rule.share_of_net_capital?.trim() ?? "";
  if (!amount && !share) {
    if (required) issues.push({ name: [...at, "amount"], key: "ruleEmpty" });
    return;
  }
  if (amount) {
    if (!isDecimalString(amount)) issues.push({ name: [...at, "amount"], key: "decimal" });
    else if (compareDecimal(amount, "0") < 0) issues.push({ name: [...at, "amount"], key: "positive" });
    else if (decimalPlaces(amount) > 2) issues.push({ name: [...at, "amount"], key: "amountScale" });
  }
  if (share) {
    if (!isDecimalString(share) || compareDecimal(share, "0") <= 0 || compareDecimal(share, "100") > 0) {
      issues.push({ name: [...at, "share_of_net_capital"], key: "share" });
    } else if (!amount && !netCapital) {
      issues.push({ name: [...at, "share_of_net_capital"], key: "needsNetCapital" });
    }
  }
}

/** Everything wrong with the form that the API would refuse, on the fields it concerns. */
export function validateLimits(form: LimitsForm): Issue[] {
  const issues: Issue[] = [];
  const net = form.net_capital?.trim() ?? "";
  if (net && (!isDecimalString(net) || compareDecimal(net, "0") <= 0)) issues.push({ name: ["net_capital"], key: "positive" });
  const near = form.near_breach_ratio?.trim() ?? "";
  if (!near) issues.push({ name: ["near_breach_ratio"], key: "required" });
  else if (!isDecimalString(near) || compareDecimal(near, "0") <= 0 || compareDecimal(near, "100") > 0) {
    issues.push({ name: ["near_breach_ratio"], key: "share" });
  }
  const hasNet = Boolean(net) && !issues.some((i) => i.name[0] === "net_capital");
  for (const key of SINGLE_RULES) checkRule(form[key] ?? {}, [key], hasNet, issues, key === "large_exposure");
  const keyed = [
    { list: "industries" as const, field: "code", pattern: INDUSTRY, bad: "industryCode" as const },
    { list: "subsidiaries" as const, field: "id", pattern: TENANT_ID, bad: "subsidiaryId" as const },
  ];
  for (const { list, field, pattern, bad } of keyed) {
    const seen = new Set<string>();
    (form[list] ?? []).forEach((row, i) => {
      const value = ((row as Record<string, string | null | undefined>)[field] ?? "").trim();
      if (!value) issues.push({ name: [list, i, field], key: "required" });
      else if (!pattern.test(value)) issues.push({ name: [list, i, field], key: bad });
      else if (seen.has(value)) issues.push({ name: [list, i, field], key: "duplicate" });
      seen.add(value);
      checkRule(row, [list, i], hasNet, issues, true);
    });
  }
  return issues;
}

function ruleBody(rule: RuleForm | undefined): LimitRule | null {
  if (!rule || (blank(rule.amount) && blank(rule.share_of_net_capital))) return null;
  return {
    amount: blank(rule.amount) ? null : rule.amount!.trim(),
    share_of_net_capital: blank(rule.share_of_net_capital) ? null : percentToFraction(rule.share_of_net_capital!.trim()),
  };
}

/** The body of `PUT /v1/group/limits` for a valid form (`version` is what was read). */
export function limitsBody(form: LimitsForm, version: number): Record<string, unknown> {
  const keyed = (rows: RuleForm[], field: string) =>
    Object.fromEntries(rows.map((row) => [String((row as Record<string, unknown>)[field]).trim(), ruleBody(row)]));
  return {
    net_capital: blank(form.net_capital) ? null : form.net_capital!.trim(),
    near_breach_ratio: percentToFraction(form.near_breach_ratio!.trim()),
    single_customer: ruleBody(form.single_customer),
    group_customer: ruleBody(form.group_customer),
    related_party: ruleBody(form.related_party),
    large_exposure: ruleBody(form.large_exposure),
    industries: keyed(form.industries ?? [], "code"),
    subsidiaries: keyed(form.subsidiaries ?? [], "id"),
    version,
  };
}

/**
 * Where on the form an API field error belongs: the API names a keyed limit by its key
 * (`industries.C17.amount`), the form by its row (`industries.0.amount`).
 */
export function formFieldOf(apiField: string, form: LimitsForm): string {
  const m = /^(industries|subsidiaries)\.([^.]+)(\..*)?$/.exec(apiField);
  if (!m) return apiField;
  const field = m[1] === "industries" ? "code" : "id";
  const rows = (form[m[1] as "industries" | "subsidiaries"] ?? []) as Record<string, unknown>[];
  const i = rows.findIndex((row) => String(row[field] ?? "").trim() === m[2]);
  if (i < 0) return apiField;
  return `${m[1]}.${i}${m[3] ?? `.${field}`}`;
}

export const THRESHOLDS = ["special_mention_from", "substandard_from", "doubtful_from", "loss_from"] as const;
export type Thresholds = Record<(typeof THRESHOLDS)[number], number | null | undefined>;

/** Days past due at which each class begins must be whole days, rising class by class. */
export function validateThresholds(values: Thresholds): Issue[] {
  const issues: Issue[] = [];
  let previous = 0;
  for (const key of THRESHOLDS) {
    const v = values[key];
    if (v === null || v === undefined) {
      issues.push({ name: [key], key: "required" });
      continue;
    }
    if (!Number.isInteger(v) || v < 1) issues.push({ name: [key], key: "wholeDays" });
    else if (v <= previous) issues.push({ name: [key], key: "rising" });
    previous = Number.isInteger(v) ? v : previous;
  }
  return issues;
}

/** The body of `PUT /v1/group/classification`: the thresholds, the overrides kept as they were. */
export function classificationBody(values: Thresholds, current: ClassificationView): Record<string, unknown> {
  return {
    ...Object.fromEntries(THRESHOLDS.map((k) => [k, values[k]])),
    overrides: current.overrides.map((o) => ({
      ...(o.customer_hash ? { customer_hash: o.customer_hash } : { subsidiary_id: o.subsidiary_id, contract_id: o.contract_id }),
      classification: o.classification,
      reason: o.reason,
    })),
    version: current.version,
  };
}
