import { describe, expect, it } from "vitest";

import { amountProblem, normaliseAmount } from "./amount";

describe("typed amounts", () => {
  it("accepts a positive amount at the currency's scale", () => {
    expect(amountProblem("2676.70", "CNY")).toBeNull();
    expect(amountProblem("100", "CNY")).toBeNull();
  });
  it("refuses text, too many decimals, zero and negatives", () => {
    expect(amountProblem("12a", "CNY")).toBe("format");
    expect(amountProblem("1.005", "CNY")).toBe("scale");
    expect(amountProblem("1.5", "JPY")).toBe("scale");
    expect(amountProblem("0.00", "CNY")).toBe("positive");
    expect(amountProblem("-5", "CNY")).toBe("format");
  });
  it("drops group separators and spaces people type", () => {
    expect(normaliseAmount(" 1,234.50 ")).toBe("1234.50");
  });
});
