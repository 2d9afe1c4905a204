import { describe, expect, it } from "vitest";

import { amountProblem, draftProblems, draftTotals, proposalBody, type DraftLine } from "./journal";

const dr = (amount: string, account_id = "1002"): DraftLine => ({ account_id, side: "debit", amount });
const cr = (amount: string, account_id = "2241"): DraftLine => ({ account_id, side: "credit", amount });

describe("amountProblem", () => {
  it("takes positive decimals at the currency's scale", () => {
    expect(amountProblem("100.00", "CNY")).toBeNull();
    expect(amountProblem(" 7 ", "CNY")).toBeNull();
    expect(amountProblem("", "CNY")).toBe("required");
    expect(amountProblem("1e3", "CNY")).toBe("invalid");
    expect(amountProblem("0.00", "CNY")).toBe("notPositive");
    expect(amountProblem("-1", "CNY")).toBe("notPositive");
    expect(amountProblem("0.001", "CNY")).toBe("scale");
    expect(amountProblem("1.5", "JPY")).toBe("scale");
  });
});

describe("draftProblems", () => {
  it("accepts a balanced entry", () => {
    expect(draftProblems([dr("100.10"), cr("60.05"), cr("40.05")], "CNY")).toEqual([]);
  });

  it("refuses an entry off by a cent", () => {
    expect(draftProblems([dr("100.10"), cr("100.09")], "CNY")).toEqual(["unbalanced"]);
  });

  it("needs two lines, a debit and a credit", () => {
    expect(draftProblems([dr("1")], "CNY")).toEqual(["tooFewLines", "noCredit", "unbalanced"]);
    expect(draftProblems([dr("1"), dr("1")], "CNY")).toContain("noCredit");
  });

  it("balances each currency on its own", () => {
    const lines = [dr("1.00"), { ...cr("1.00"), currency: "USD" }];
    expect(draftTotals(lines, "CNY")).toEqual([
      { currency: "CNY", debit: "1.00", credit: "0.00", balanced: false },
      { currency: "USD", debit: "0.00", credit: "1.00", balanced: false },
    ]);
    expect(draftProblems(lines, "CNY")).toEqual(["unbalanced"]);
  });
});

describe("proposalBody", () => {
  it("sends trimmed strings and only the currencies given", () => {
    expect(proposalBody(" fix ", [dr(" 5.00 ", " 1002 "), { ...cr("5.00"), currency: "cny" }], "2026-05-01")).toEqual({
      booked_on: "2026-05-01",
      memo: "fix",
      lines: [
        { account_id: "1002", side: "debit", amount: "5.00" },
        { account_id: "2241", side: "credit", amount: "5.00", currency: "CNY" },
      ],
    });
  });
});
