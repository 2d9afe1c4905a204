import { describe, expect, it } from "vitest";

import { buildOpenApplication, isAmount, productDefaults } from "./newApplication";

describe("the new-application form", () => {
  it("starts from the product's default amount and term", () => {
    const definition = { terms: { amount: { min: "1000.00", default: "30000.00" }, term_months: { default: 12 } } };
    expect(productDefaults(definition)).toEqual({ principal: "30000.00", term: 12 });
    expect(productDefaults({})).toEqual({ principal: undefined, term: undefined });
  });
  it("sends the amount as a string", () => {
    const body = buildOpenApplication({ product_code: "P", customer_id: "c1", terms: { principal: " 80000.00 ", term: 12 } });
    expect(body).toEqual({ product_code: "P", customer_id: "c1", terms: { principal: "80000.00", term: 12 } });
  });
  it("accepts positive amounts with at most two decimals", () => {
    expect(isAmount("80000.00")).toBe(true);
    expect(isAmount("0")).toBe(false);
    expect(isAmount("1.234")).toBe(false);
    expect(isAmount("-5")).toBe(false);
  });
});
