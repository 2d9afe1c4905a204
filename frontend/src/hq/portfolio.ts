/**
 * The dashboard's figures put in the order people read them. Amounts stay decimal strings: ECharts
 * reads numeric strings itself for drawing, and every label or tooltip shows the API's own string.
 */
import { compareDecimal } from "../money/decimal";
import type { Dimension, FiveCategory, Position, Run, RunStatus } from "./types";

/** 五级分类, from best to worst. */
export const FIVE_CATEGORIES: readonly FiveCategory[] = ["normal", "special_mention", "substandard", "doubtful", "loss"];

/** Delinquency buckets (days past due), from current to the longest overdue. */
export const DELINQUENCY_BUCKETS: readonly string[] = ["current", "1-30", "31-60", "61-90", "91-180", "181-360", "360+"];

/** Colours of the five categories: green to dark red, the way a risk officer expects them. */
export const CATEGORY_COLORS: Record<FiveCategory, string> = {
  normal: "#389e0d",
  special_mention: "#d4b106",
  substandard: "#fa8c16",
  doubtful: "#f5222d",
  loss: "#820014",
};

export interface Slice {
  key: string;
  exposure: string;
  position: Position;
}

/**
 * One dimension of the portfolio as slices: in `order` when given (keys it does not name go last,
 * largest first), else largest exposure first.
 */
export function slices(portfolio: Partial<Record<Dimension, Record<string, Position>>>, dimension: Dimension,
  order?: readonly string[]): Slice[] {
  const entries = Object.entries(portfolio[dimension] ?? {}).map(([key, position]) => ({
    key, exposure: position.exposure, position,
  }));
  const bySize = (a: Slice, b: Slice) => compareDecimal(b.exposure, a.exposure) || a.key.localeCompare(b.key);
  if (!order) return entries.sort(bySize);
  const rank = (key: string) => {
    const i = order.indexOf(key);
    return i < 0 ? order.length : i;
  };
  return entries.sort((a, b) => rank(a.key) - rank(b.key) || bySize(a, b));
}

/** Every one of `keys`, with a zero slice for those the portfolio has none of (a class nobody is in). */
export function complete(list: Slice[], keys: readonly string[]): Slice[] {
  const zero: Position = {
    contracts: 0, principal: "0", interest: "0", undrawn: "0", exposure: "0", npl_principal: "0", max_dpd: 0,
    classification: "normal",
  };
  const known = new Map(list.map((s) => [s.key, s]));
  return [...keys.map((k) => known.get(k) ?? { key: k, exposure: "0", position: zero }),
    ...list.filter((s) => !keys.includes(s.key))];
}

export const COMPLETE_STATUSES: readonly RunStatus[] = ["SUCCEEDED", "PARTIAL"];
export const ACTIVE_STATUSES: readonly RunStatus[] = ["QUEUED", "RUNNING"];

export function isActive(status: RunStatus | string | undefined): boolean {
  return ACTIVE_STATUSES.includes(status as RunStatus);
}

/** The dates that have a snapshot (a complete run), newest first. */
export function snapshotDates(runs: Pick<Run, "as_of" | "status">[]): string[] {
  const dates = new Set(runs.filter((r) => COMPLETE_STATUSES.includes(r.status)).map((r) => r.as_of));
  return [...dates].sort().reverse();
}

/** The GB/T 4754 section (门类) letter of an industry code ("C17" → "C"); null for none or "unknown". */
export function industrySection(code: string | null | undefined): string | null {
  const m = /^([A-T])(\d{0,4})$/.exec(code ?? "");
  return m ? m[1] : null;
}

/** The subsidiaries a breakdown names, largest exposure first. */
export function breakdownRows<T extends { exposure: string } | string>(bySubsidiary: Record<string, T>):
  { subsidiary: string; exposure: string; detail: T }[] {
  return Object.entries(bySubsidiary)
    .map(([subsidiary, detail]) => ({
      subsidiary, detail, exposure: typeof detail === "string" ? detail : (detail as { exposure: string }).exposure,
    }))
    .sort((a, b) => compareDecimal(b.exposure, a.exposure) || a.subsidiary.localeCompare(b.subsidiary));
}

/** The drill-down route of a top-10 entry (`customer_path` names the API; the console has its own). */
export function drillPath(key: string, runId: string): string {
  return `/hq/dashboard/customers/${encodeURIComponent(key)}?run=${encodeURIComponent(runId)}`;
}
