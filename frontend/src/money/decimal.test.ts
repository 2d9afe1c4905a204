import { describe, expect, it } from "vitest";

import {
  addDecimals,
  compareDecimal,
  formatAmount,
  formatMoney,
  formatRate,
  fractionToPercent,
  isDecimalString,
  percentToFraction,
  toScale,
} from "./decimal";

describe("decimal strings", () => {
  it("formats amounts with group separators at the currency's scale", () => {
    expect(formatAmount("1234567.5")).toBe("1,234,567.50");
    expect(formatAmount("100000.00", "CNY")).toBe("100,000.00");
    expect(formatAmount("1234567", "JPY")).toBe("1,234,567");
    expect(formatAmount("-1234.5")).toBe("-1,234.50");
    expect(formatAmount("0")).toBe("0.00");
    expect(formatMoney("5307.27", "cny")).toBe("CNY 5,307.27");
  });

  it("keeps digits a float would lose", () => {
    expect(formatAmount("90071992547409931.01")).toBe("90,071,992,547,409,931.01");
    expect(addDecimals("0.1", "0.2")).toBe("0.3");
  });

  it("rounds half to even when asked for fewer places", () => {
    expect(toScale("2.345", 2)).toBe("2.34");
    expect(toScale("2.355", 2)).toBe("2.36");
    expect(toScale("-2.345", 2)).toBe("-2.34");
    expect(toScale("1.2", 3)).toBe("1.200");
  });

  it("converts between percent and fraction exactly", () => {
    expect(percentToFraction("4.9")).toBe("0.049");
    expect(percentToFraction("12")).toBe("0.12");
    expect(percentToFraction("0.35")).toBe("0.0035");
    expect(fractionToPercent("0.049000")).toBe("4.9");
    expect(fractionToPercent("1")).toBe("100");
  });

  it("shows rates as percentages", () => {
    expect(formatRate("0.050112")).toBe("5.0112%");
    expect(formatRate("0.049000")).toBe("4.90%");
    expect(formatRate("0.1234567")).toBe("12.3457%");
  });

  it("compares and validates", () => {
    expect(compareDecimal("100.10", "100.1")).toBe(0);
    expect(compareDecimal("99.999", "100")).toBe(-1);
    expect(compareDecimal("-1", "-2")).toBe(1);
    expect(isDecimalString("1e5")).toBe(false);
    expect(isDecimalString("12.50")).toBe(true);
  });
});
