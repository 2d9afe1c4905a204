/**
 * Reading a contract's schedule and history for the page: what is paid, outstanding and overdue
 * (exact decimal sums), which instalment a payment link should pay, and the repayments received.
 */
import { addDecimals, compareDecimal, isDecimalString } from "../money/decimal";
import type { HistoryEntry, Part, ScheduledInstalment } from "./types";

const PARTS: Part[] = ["principal", "interest", "fee", "penalty"];

export interface ScheduleProgress {
  /** everything paid so far (all parts, all instalments) */
  paid: string;
  /** what is still owed on the schedule */
  outstanding: string;
  /** the part of `outstanding` that is overdue */
  overdue: string;
  counts: Record<ScheduledInstalment["status"], number>;
}

export function instalmentPaid(inst: ScheduledInstalment): string {
  return addDecimals("0", ...PARTS.map((p) => inst.paid[p] ?? "0"));
}

export function instalmentScheduled(inst: ScheduledInstalment): string {
  return addDecimals("0", ...PARTS.map((p) => inst.scheduled[p] ?? "0"));
}

export function scheduleProgress(schedule: ScheduledInstalment[]): ScheduleProgress {
  const counts = { paid: 0, overdue: 0, due: 0, not_due: 0, partially_paid: 0 };
  for (const inst of schedule) counts[inst.status] += 1;
  return {
    paid: addDecimals("0", ...schedule.map(instalmentPaid)),
    outstanding: addDecimals("0", ...schedule.map((i) => i.outstanding)),
    overdue: addDecimals("0", ...schedule.map((i) => i.overdue)),
    counts,
  };
}

/** The instalment a payment should go to next: the oldest one with something still owed. */
export function nextPayable(schedule: ScheduledInstalment[]): ScheduledInstalment | null {
  return [...schedule].sort((a, b) => a.seq - b.seq).find((i) => compareDecimal(i.outstanding, "0") > 0) ?? null;
}

export interface ReceivedRepayment {
  id: string;
  amount: string;
  received_on: string;
  channel: string;
  at: string;
  actor: string;
  reversed: boolean;
  reason: string | null;
}

const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v));

/**
 * The repayments (and prepayments) the contract's history records, newest first, each marked
 * reversed when a later `repayment_reversed` names it.
 */
export function repaymentsFromHistory(history: HistoryEntry[]): ReceivedRepayment[] {
  const reversals = new Map<string, string>();
  for (const h of history) {
    if (h.action === "repayment_reversed") reversals.set(text(h.details.repayment_id), text(h.details.reason));
  }
  const out: ReceivedRepayment[] = [];
  for (const h of history) {
    const d = h.details;
    if (h.action !== "repayment_received" && h.action !== "prepayment") continue;
    const id = text(d.repayment_id);
    const amount = text(h.action === "prepayment" ? d.total_due : d.amount);
    out.push({
      id,
      amount: isDecimalString(amount) ? amount : "0",
      received_on: text(h.action === "prepayment" ? d.date : d.received_on),
      channel: h.action === "prepayment" ? "prepayment" : text(d.channel) || "api",
      at: h.at,
      actor: h.actor,
      reversed: reversals.has(id),
      reason: reversals.get(id) ?? null,
    });
  }
  return out.reverse();
}
