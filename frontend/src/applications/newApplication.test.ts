import { describe, expect, it } from "vitest";

import { allowedFrequencies, buildOpenApplication, isAmount, isPercent, productDefaults } from "./newApplication";

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

describe("lease and factoring applications", () => {
  const lease = {
    terms: { amount: { default: "5000000.00" }, term_months: { default: 36 }, frequency: { allowed: ["monthly", "quarterly"], default: "quarterly" } },
  };
  const factoring = { terms: { amount: { min: "100000.00" }, advance_rate: { min: "0.50", default: "0.80" } } };

  it("takes a lease's frequency and a factoring advance rate (as a percentage) from the product", () => {
    expect(productDefaults(lease)).toEqual({ principal: "5000000.00", term: 36, frequency: "quarterly" });
    expect(allowedFrequencies(lease)).toEqual(["monthly", "quarterly"]);
    expect(productDefaults(factoring).advance_rate_percent).toBe("80");
  });

  it("sends a lease's assets with their prices as strings", () => {
    const body = buildOpenApplication({
      product_code: "L", customer_id: "c", terms: { principal: "1000000.00", term: 12, frequency: "quarterly" },
      assets: [{ description: " CNC ", supplier: "沈阳机床", price: "1200000.00 ", serial: " ", quantity: 2 }],
    }, "lease");
    expect(body).toEqual({
      product_code: "L", customer_id: "c", terms: { principal: "1000000.00", term: 12, frequency: "quarterly" },
      assets: [{ description: "CNC", supplier: "沈阳机床", price: "1200000.00", quantity: 2 }],
    });
  });

  it("sends a factoring application's invoices and its advance rate as a fraction, with no principal", () => {
    const body = buildOpenApplication({
      product_code: "F", customer_id: "c", terms: { principal: "1.00", advance_rate_percent: "82.5" },
      invoices: [{ number: " INV-1 ", debtor_customer_id: "d", face_amount: "600000.00",
                   issue_date: "2026-11-15", due_date: { format: () => "2027-01-21" } }],
    }, "factoring");
    expect(body).toEqual({
      product_code: "F", customer_id: "c", terms: { advance_rate: "0.825" },
      invoices: [{ number: "INV-1", debtor_customer_id: "d", face_amount: "600000.00", issue_date: "2026-11-15", due_date: "2027-01-21" }],
    });
  });

  it("accepts percentages in (0, 100]", () => {
    expect(["80", "82.5", "100", "0.01"].map(isPercent)).toEqual([true, true, true, true]);
    expect(["0", "100.01", "101", "-5", "8.123", "abc"].map(isPercent)).toEqual([false, false, false, false, false, false]);
  });
});
