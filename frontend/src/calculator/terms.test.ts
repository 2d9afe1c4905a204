import dayjs from "dayjs";
import { describe, expect, it } from "vitest";

import { buildQuoteRequest, checkAmount, checkPercent, checkTerm, initialValues, namePath } from "./terms";

describe("calculator terms → POST /v1/quotes body", () => {
  const today = dayjs("2026-03-15");

  it("sends amounts as the strings typed and rates as exact fractions", () => {
    const body = buildQuoteRequest({ ...initialValues("loan", today), principal: "1,234,567.89", annual_rate: "4.35" });
    expect(body).toMatchObject({
      kind: "loan",
      principal: "1234567.89",
      annual_rate: "0.0435",
      term: 12,
      frequency: "monthly",
      amortization: "annuity",
      day_count: null,
      start_date: "2026-03-15",
      rounding: "HALF_EVEN",
      currency: "CNY",
    });
    expect(typeof body.principal).toBe("string");
  });

  it("adds the lease's own terms", () => {
    const body = buildQuoteRequest({ ...initialValues("lease", today), timing: "advance", residual_value: "1000" });
    expect(body).toMatchObject({ kind: "lease", timing: "advance", residual_value: "1000", down_payment: "0" });
  });

  it("sends factoring invoices and no periodic schedule", () => {
    const body = buildQuoteRequest({ ...initialValues("factoring", today), principal: "" });
    expect(body.principal).toBeUndefined();
    expect(body.term).toBeUndefined();
    expect(body.advance_rate).toBe("0.8");
    expect(body.invoices?.[0]).toMatchObject({ face_amount: "200000.00", issue_date: "2026-03-15", due_date: "2026-06-13" });
  });

  it("checks input before sending", () => {
    expect(checkAmount("abc", "CNY")).toEqual({ key: "valid.amount", scale: 2 });
    expect(checkAmount("100.001", "CNY")).toEqual({ key: "valid.amount", scale: 2 });
    expect(checkAmount("100.5", "JPY")).toEqual({ key: "valid.amount", scale: 0 });
    expect(checkAmount("0", "CNY", { positive: true })).toEqual({ key: "valid.amountPositive" });
    expect(checkAmount("100,000.00", "CNY", { positive: true })).toBeNull();
    expect(checkPercent("4.35")).toBeNull();
    expect(checkPercent("120")).toEqual({ key: "valid.rateRange", max: "100" });
    expect(checkTerm("0")).toEqual({ key: "valid.term" });
    expect(checkTerm("360")).toBeNull();
  });

  it("maps server field paths to form name paths", () => {
    expect(namePath("invoices.0.face_amount")).toEqual(["invoices", 0, "face_amount"]);
  });
});
