import { describe, expect, it } from "vitest";

import { fieldLabel, formatParameter } from "./format";

describe("product parameters for people", () => {
  it("names a definition path by its parts", () => {
    expect(fieldLabel("terms.amount.max", "zh-CN")).toBe("条款 · 金额 · 最高");
    expect(fieldLabel("rate.annual_rate.default", "en-US")).toBe("Rate · Annual rate · default");
    expect(fieldLabel("fees.ARRANGEMENT.rate", "zh-CN")).toBe("费用 · ARRANGEMENT · 费率");
  });

  it("shows rates in percent, amounts grouped, options by name", () => {
    expect(formatParameter("rate.annual_rate.default", "0.1080", "zh-CN")).toBe("10.8%");
    expect(formatParameter("fees.ARRANGEMENT.rate", "0.005", "zh-CN")).toBe("0.5%");
    expect(formatParameter("terms.amount.max", "300000.00", "zh-CN")).toBe("300,000.00");
    expect(formatParameter("channels", ["console", "partner_api"], "zh-CN")).toBe("柜面/控制台、合作方接口");
    expect(formatParameter("terms.frequency.allowed", ["monthly"], "en-US")).toBe("Monthly");
    expect(formatParameter("workflow.second_review_required", true, "zh-CN")).toBe("是");
    expect(formatParameter("terms.balloon_rate", null, "zh-CN")).toBe("—");
    expect(formatParameter("fees.SERVICE.of", "face_amount", "zh-CN")).toBe("票面金额");
  });

  it("gives counts their unit", () => {
    expect(formatParameter("terms.term_months.max", 36, "zh-CN")).toBe("36 个月");
    expect(formatParameter("rate.spread_bps.default", 350, "en-US")).toBe("350bp");
    expect(formatParameter("workflow.signing_window_days", 7, "en-US")).toBe("7 days");
    expect(formatParameter("terms.term_months.max", 36, "zh-CN", "CNY", false)).toBe("36");
  });
});
