import { describe, expect, it } from "vitest";

import { balanceChecks, groupByType, isBalanced, negate, netOfGroup } from "./trialBalance";
import type { TrialBalance, TrialBalanceRow } from "./types";

const row = (code: string, type: TrialBalanceRow["type"], debit: string, credit: string, currency = "CNY"): TrialBalanceRow => ({
  code, type, currency, debit, credit, accounts: 1, name: { "zh-CN": code, "en-US": code },
});

const rows = [
  row("4001", "income", "0.00", "320.10"),
  row("1002", "asset", "0.00", "100000.00"),
  row("1122", "asset", "100320.10", "0.00"),
  row("2001", "liability", "0.00", "0.00"),
];

describe("groupByType", () => {
  it("orders groups as the chart does and sums each exactly", () => {
    const groups = groupByType(rows);
    expect(groups.map((g) => g.type)).toEqual(["asset", "liability", "income"]);
    expect(groups[0].rows.map((r) => r.code)).toEqual(["1002", "1122"]);
    expect([groups[0].debit, groups[0].credit]).toEqual(["100320.10", "100000.00"]);
    expect([groups[2].debit, groups[2].credit]).toEqual(["0.00", "320.10"]);
  });

  it("keeps currencies apart", () => {
    const groups = groupByType([row("1002", "asset", "1.00", "0.00", "USD"), row("1002", "asset", "2.00", "0.00")]);
    expect(groups.map((g) => `${g.currency}:${g.debit}`)).toEqual(["CNY:2.00", "USD:1.00"]);
  });
});

describe("balanceChecks", () => {
  const tb = (over: Partial<TrialBalance> = {}): TrialBalance => ({
    date: "2026-05-01", rows, totals: [{ currency: "CNY", debit: "100320.10", credit: "100320.10" }], balanced: true, ...over,
  });

  it("finds debits equal to credits, to the cent", () => {
    expect(balanceChecks(tb())).toEqual([
      { currency: "CNY", debit: "100320.10", credit: "100320.10", difference: "0.00", balanced: true },
    ]);
    expect(isBalanced(tb())).toBe(true);
  });

  it("shows the difference when a cent is off", () => {
    const off = tb({ rows: [...rows, row("5001", "expense", "0.01", "0.00")], balanced: false });
    const [check] = balanceChecks(off);
    expect(check.difference).toBe("0.01");
    expect(check.balanced).toBe(false);
    expect(isBalanced(off)).toBe(false);
  });

  it("does not call balanced what disagrees with the API's totals", () => {
    const [check] = balanceChecks(tb({ totals: [{ currency: "CNY", debit: "1.00", credit: "1.00" }] }));
    expect(check.balanced).toBe(false);
  });

  it("is balanced with no rows at all", () => {
    expect(isBalanced(tb({ rows: [], totals: [] }))).toBe(true);
  });
});

describe("netOfGroup", () => {
  it("nets in the type's normal direction", () => {
    expect(netOfGroup({ type: "asset", debit: "100.00", credit: "30.00" })).toBe("70.00");
    expect(netOfGroup({ type: "income", debit: "0.00", credit: "320.10" })).toBe("320.10");
    expect(negate("0.00")).toBe("0.00");
    expect(negate("-5")).toBe("5");
  });
});
