import { describe, expect, it } from "vitest";

import { classificationBody, formFieldOf, limitsBody, limitsToForm, validateLimits, validateThresholds, type LimitsForm } from "./limits";
import type { ClassificationView, LimitsView } from "./types";

const view: LimitsView = {
  net_capital: "50000000.00",
  single_customer: { amount: "5000000.00", share_of_net_capital: "0.10" },
  group_customer: null,
  industries: { C33: { amount: null, share_of_net_capital: "0.25" } },
  subsidiaries: {},
  related_party: null,
  large_exposure: { amount: null, share_of_net_capital: "0.10" },
  near_breach_ratio: "0.90",
  version: 3,
  updated_by: null,
  updated_at: null,
  effective: { single_customer: "5000000.00", group_customer: null, large_exposure: "5000000.00" },
};

const form = (over: Partial<LimitsForm> = {}): LimitsForm => ({ ...limitsToForm(view), ...over });

describe("limits form", () => {
  it("shows shares of net capital in percent", () => {
    const f = limitsToForm(view);
    expect(f.single_customer).toEqual({ amount: "5000000.00", share_of_net_capital: "10" });
    expect(f.near_breach_ratio).toBe("90");
    expect(f.industries).toEqual([{ code: "C33", amount: null, share_of_net_capital: "25" }]);
  });

  it("sends shares as exact fractions and leaves blank rules out", () => {
    const body = limitsBody(form({ group_customer: { amount: " 8000000.00 ", share_of_net_capital: "" } }), 3);
    expect(body).toMatchObject({
      net_capital: "50000000.00",
      near_breach_ratio: "0.9",
      single_customer: { amount: "5000000.00", share_of_net_capital: "0.1" },
      group_customer: { amount: "8000000.00", share_of_net_capital: null },
      related_party: null,
      industries: { C33: { amount: null, share_of_net_capital: "0.25" } },
      version: 3,
    });
  });

  it("accepts what the API holds", () => {
    expect(validateLimits(form())).toEqual([]);
  });

  it("refuses a share-only limit without net capital, on the share it concerns", () => {
    const issues = validateLimits(form({ net_capital: "" }));
    expect(issues).toContainEqual({ name: ["industries", 0, "share_of_net_capital"], key: "needsNetCapital" });
    expect(issues).toContainEqual({ name: ["large_exposure", "share_of_net_capital"], key: "needsNetCapital" });
    expect(issues).not.toContainEqual(expect.objectContaining({ name: ["single_customer", "share_of_net_capital"] }));
  });

  it("refuses shares outside (0, 100] %, bad amounts and non-positive net capital", () => {
    const issues = validateLimits(form({
      net_capital: "0",
      single_customer: { amount: "1.005", share_of_net_capital: "120" },
      group_customer: { amount: "-1", share_of_net_capital: null },
      related_party: { amount: "abc", share_of_net_capital: null },
    }));
    expect(issues).toEqual(expect.arrayContaining([
      { name: ["net_capital"], key: "positive" },
      { name: ["single_customer", "amount"], key: "amountScale" },
      { name: ["single_customer", "share_of_net_capital"], key: "share" },
      { name: ["group_customer", "amount"], key: "positive" },
      { name: ["related_party", "amount"], key: "decimal" },
    ]));
  });

  it("refuses bad, repeated or empty industry and subsidiary rows", () => {
    const issues = validateLimits(form({
      industries: [{ code: "C33", amount: "1" }, { code: "C33", amount: "2" }, { code: "x1", amount: "3" }, { code: "G54" }],
      subsidiaries: [{ id: "", amount: "1" }, { id: "Demo_Lending", amount: "1" }],
    }));
    expect(issues).toEqual(expect.arrayContaining([
      { name: ["industries", 1, "code"], key: "duplicate" },
      { name: ["industries", 2, "code"], key: "industryCode" },
      { name: ["industries", 3, "amount"], key: "ruleEmpty" },
      { name: ["subsidiaries", 0, "id"], key: "required" },
      { name: ["subsidiaries", 1, "id"], key: "subsidiaryId" },
    ]));
  });

  it("puts an API error about a keyed limit on that limit's row", () => {
    const f = form({ industries: [{ code: "G54", amount: "1" }, { code: "C33", amount: "2" }] });
    expect(formFieldOf("industries.C33.amount", f)).toBe("industries.1.amount");
    expect(formFieldOf("industries.C33", f)).toBe("industries.1.code");
    expect(formFieldOf("net_capital", f)).toBe("net_capital");
    expect(formFieldOf("industries", f)).toBe("industries");
  });
});

describe("classification thresholds", () => {
  it("must be whole days, rising class by class", () => {
    expect(validateThresholds({ special_mention_from: 1, substandard_from: 91, doubtful_from: 181, loss_from: 361 })).toEqual([]);
    expect(validateThresholds({ special_mention_from: 0, substandard_from: 91, doubtful_from: 91, loss_from: null })).toEqual([
      { name: ["special_mention_from"], key: "wholeDays" },
      { name: ["doubtful_from"], key: "rising" },
      { name: ["loss_from"], key: "required" },
    ]);
  });

  it("keeps HQ's overrides as they were, without who set them", () => {
    const current: ClassificationView = {
      special_mention_from: 1, substandard_from: 91, doubtful_from: 181, loss_from: 361, version: 2,
      updated_by: null, updated_at: null,
      overrides: [{ subsidiary_id: "demo-lending", contract_id: "LN-1", classification: "doubtful", reason: "court case", set_by: "x", set_at: "y" }],
    };
    expect(classificationBody({ special_mention_from: 1, substandard_from: 60, doubtful_from: 120, loss_from: 360 }, current)).toEqual({
      special_mention_from: 1, substandard_from: 60, doubtful_from: 120, loss_from: 360, version: 2,
      overrides: [{ subsidiary_id: "demo-lending", contract_id: "LN-1", classification: "doubtful", reason: "court case" }],
    });
  });
});
