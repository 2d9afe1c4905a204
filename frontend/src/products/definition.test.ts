import { describe, expect, it } from "vitest";

import { fromFormValues, mergePatch, newDefinition, toFormValues } from "./definition";

describe("definition ↔ editor form values", () => {
  it("shows rates in percent and counts as text, exactly", () => {
    const form = toFormValues({
      rate: { mode: "fixed", annual_rate: { min: "0.0720", max: "0.2400", default: "0.1280" } },
      terms: { term_months: { min: 3, max: 36, default: 12 }, amount: { min: "1000.00", max: "200000.00" } },
      fees: [{ code: "ARRANGEMENT", basis: "percent", rate: "0.005" }],
    });
    expect(form).toEqual({
      rate: { mode: "fixed", annual_rate: { min: "7.2", max: "24", default: "12.8" } },
      terms: { term_months: { min: "3", max: "36", default: "12" }, amount: { min: "1000.00", max: "200000.00" } },
      fees: [{ code: "ARRANGEMENT", basis: "percent", rate: "0.5" }],
    });
  });

  it("sends percent as fractions, counts as integers and amounts at the currency's scale", () => {
    const definition = fromFormValues(
      {
        currency: "CNY",
        rate: { mode: "fixed", annual_rate: { min: "7.2", max: "24", default: " 12.8 " } },
        terms: { amount: { min: "1,000", max: "200000.5", default: "" }, term_months: { min: "3", max: "36" } },
        workflow: { second_review_above: "100000", signing_window_days: "7" },
      },
      "loan",
    );
    expect(definition).toEqual({
      currency: "CNY",
      rate: { mode: "fixed", annual_rate: { min: "0.072", max: "0.24", default: "0.128" } },
      terms: { amount: { min: "1000.00", max: "200000.50" }, term_months: { min: 3, max: 36 } },
      workflow: { second_review_above: "100000.00", signing_window_days: 7 },
    });
  });

  it("sends text that is not a number as typed, for the API to name the field", () => {
    const definition = fromFormValues({ terms: { amount: { max: "12abc" }, term_months: { min: "x" } } }, "loan");
    expect(definition).toEqual({ terms: { amount: { max: "12abc" }, term_months: { min: "x" } } });
  });

  it("keeps list items in their places so error paths still name the right row", () => {
    const definition = fromFormValues({ fees: [{ code: "" }, { code: "B", basis: "fixed", amount: "10" }] }, "loan");
    expect(definition.fees).toEqual([{ of: "principal" }, { code: "B", basis: "fixed", amount: "10.00", of: "principal" }]);
  });

  it("drops what the chosen options make inapplicable", () => {
    const definition = fromFormValues(
      {
        segment: "enterprise",
        rate: { mode: "floating", annual_rate: { min: "5", max: "9" }, benchmark: "LPR1Y", spread_bps: { min: "100", max: "300" } },
        penalty: { basis: "rate", multiplier: "1.5", rate: "18.25" },
        fees: [{ code: "SERVICE", basis: "percent", rate: "0.3", amount: "100" }],
        terms: { amortization: { allowed: ["annuity"], default: "annuity" }, balloon_rate: { min: "10", max: "30" } },
        workflow: { second_review_required: true, second_review_above: "50000" },
        risk: { applicant_age: { min: "22", max: "60" }, company_age_years_min: "2", max_debt_to_income: "50" },
      },
      "factoring",
    );
    expect(definition.rate).toEqual({ mode: "floating", benchmark: "LPR1Y", spread_bps: { min: 100, max: 300 } });
    expect(definition.penalty).toEqual({ basis: "rate", rate: "0.1825" });
    expect(definition.fees).toEqual([{ code: "SERVICE", basis: "percent", rate: "0.003", of: "face_amount" }]);
    expect(definition.workflow).toEqual({ second_review_required: true });
    expect(definition.risk).toEqual({ company_age_years_min: 2 });
  });

  it("round-trips each kind's template to the same values", () => {
    for (const kind of ["loan", "lease", "factoring"] as const) {
      const template = { ...newDefinition(kind), name: { "zh-CN": "产品", "en-US": "Product" } };
      expect(mergePatch(template, fromFormValues(toFormValues(template), kind)), kind).toBeUndefined();
    }
  });
});

describe("mergePatch", () => {
  it("is undefined when nothing changed, decimals compared by value", () => {
    expect(mergePatch({ a: { b: "0.0720", c: [1, 2] } }, { a: { b: "0.072", c: [1, 2] } })).toBeUndefined();
  });

  it("sends what changed, null for what was removed, lists whole", () => {
    const before = { rate: { mode: "fixed", annual_rate: { min: "0.05" } }, channels: ["console"], name: { "zh-CN": "甲" } };
    const after = { rate: { mode: "floating", benchmark: "LPR1Y" }, channels: ["console", "partner_api"], name: { "zh-CN": "甲" } };
    expect(mergePatch(before, after)).toEqual({
      rate: { mode: "floating", annual_rate: null, benchmark: "LPR1Y" },
      channels: ["console", "partner_api"],
    });
  });
});
