import { describe, expect, it } from "vitest";

import { nextPayable, repaymentsFromHistory, scheduleProgress } from "./schedule";
import type { HistoryEntry, ScheduledInstalment } from "./types";

const parts = (principal: string, interest: string, penalty = "0.00") => ({ principal, interest, fee: "0.00", penalty });

function inst(seq: number, status: ScheduledInstalment["status"], paid: [string, string], outstanding: string,
  overdue = "0.00"): ScheduledInstalment {
  return {
    seq, due_on: `2026-0${seq}-15`, status, scheduled: parts("1000.10", "100.20"), paid: parts(...paid),
    due: parts("0.00", "0.00"), outstanding, overdue,
  };
}

describe("a contract's schedule progress", () => {
  const schedule = [
    inst(1, "paid", ["1000.10", "100.20"], "0.00"),
    inst(2, "overdue", ["0.00", "0.10"], "1100.21", "1100.21"),
    inst(3, "not_due", ["0.00", "0.00"], "1100.30"),
  ];

  it("sums paid, outstanding and overdue exactly, without floats", () => {
    const p = scheduleProgress(schedule);
    expect(p.paid).toBe("1100.40");
    expect(p.outstanding).toBe("2200.51");
    expect(p.overdue).toBe("1100.21");
    expect(p.counts).toEqual({ paid: 1, overdue: 1, due: 0, not_due: 1, partially_paid: 0 });
  });

  it("points a payment at the oldest instalment still owing", () => {
    expect(nextPayable(schedule)?.seq).toBe(2);
    expect(nextPayable([schedule[0]])).toBeNull();
  });
});

describe("repayments read from the history", () => {
  const h = (action: string, details: Record<string, unknown>, at: string): HistoryEntry => ({
    action, details, at, actor: "finance@demo-lending",
  });

  it("lists repayments and prepayments newest first and marks the reversed ones with the reason", () => {
    const list = repaymentsFromHistory([
      h("disbursed", { application_id: "app_1" }, "2026-01-01T00:00:00Z"),
      h("repayment_received", { repayment_id: "rpy_1", amount: "100.00", received_on: "2026-02-01", channel: "api" }, "2026-02-01T01:00:00Z"),
      h("repayment_received", { repayment_id: "rpy_2", amount: "50.00", received_on: "2026-02-02", channel: "stripe" }, "2026-02-02T01:00:00Z"),
      h("repayment_reversed", { repayment_id: "rpy_1", reason: "bounced" }, "2026-02-03T01:00:00Z"),
      h("prepayment", { repayment_id: "ppy_1", date: "2026-02-04", total_due: "2020.00" }, "2026-02-04T01:00:00Z"),
    ]);
    expect(list.map((r) => [r.id, r.amount, r.channel, r.reversed])).toEqual([
      ["ppy_1", "2020.00", "prepayment", false],
      ["rpy_2", "50.00", "stripe", false],
      ["rpy_1", "100.00", "api", true],
    ]);
    expect(list[2].reason).toBe("bounced");
  });
});
