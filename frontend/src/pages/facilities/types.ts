/** Credit facilities as the API returns them (amounts are decimal strings). */
export interface BalanceView {
  limit: string;
  utilized: string;
  blocked: string;
  available: string;
}

export interface Facility {
  facility_id: string;
  customer_id: string;
  customer_name: string;
  amount: string;
  currency: string;
  revolving: boolean;
  valid_from: string;
  valid_to: string;
  status: string;
  drawable: boolean;
  utilized: string;
  blocked: string;
  available: string;
  utilization: string;
  sub_limits: (BalanceView & { key: string })[];
  allowed_actions: string[];
  history: { at: string; on: string; by: string; action: string; from_status: string | null; to_status: string; reason: string | null }[];
  allocation: BalanceView | null;
  drawdowns?: { application_id: string; status: string; amount: string | null; utilized: string | null; repaid: string | null; on: string | null }[];
}

/** The share of the facility in use (utilized + blocked), 0–100, for the utilization bar. */
export function usedPercent(f: Pick<Facility, "utilization">): number {
  return Math.min(100, Math.round(Number(f.utilization) * 1000) / 10);
}

/** What a transition button sends: the reviewer's decision at either level is "approve" / "reject". */
export function buttonActions(allowed: string[]): string[] {
  const out: string[] = [];
  for (const a of allowed) {
    const name = a === "approve_first" || a === "escalate" || a === "approve_second" ? "approve"
      : a === "reject_first" || a === "reject_second" ? "reject" : a;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}
