import { describe, expect, it } from "vitest";

import { breakdownRows, complete, drillPath, DELINQUENCY_BUCKETS, FIVE_CATEGORIES, industrySection, isActive, slices, snapshotDates } from "./portfolio";
import type { Position } from "./types";

const pos = (exposure: string): Position => ({
  contracts: 1, principal: exposure, interest: "0", undrawn: "0", exposure, npl_principal: "0", max_dpd: 0,
  classification: "normal",
});

describe("portfolio slices", () => {
  it("orders a dimension largest exposure first, comparing decimals exactly", () => {
    const p = { subsidiary: { a: pos("999.99"), b: pos("1000.00"), c: pos("10000000000000000.01") } };
    expect(slices(p, "subsidiary").map((s) => s.key)).toEqual(["c", "b", "a"]);
  });

  it("orders buckets from current to the longest overdue, whatever order the API sends", () => {
    const p = { delinquency_bucket: { "360+": pos("1"), current: pos("5"), "31-60": pos("2"), "1-30": pos("3") } };
    expect(slices(p, "delinquency_bucket", DELINQUENCY_BUCKETS).map((s) => s.key)).toEqual(["current", "1-30", "31-60", "360+"]);
  });

  it("completes the five categories with zero slices", () => {
    const list = slices({ classification: { loss: pos("7") } }, "classification", FIVE_CATEGORIES);
    const all = complete(list, FIVE_CATEGORIES);
    expect(all.map((s) => [s.key, s.exposure])).toEqual([
      ["normal", "0"], ["special_mention", "0"], ["substandard", "0"], ["doubtful", "0"], ["loss", "7"]]);
  });

  it("reads an empty or missing dimension as no slices", () => {
    expect(slices({}, "industry")).toEqual([]);
  });
});

describe("snapshots and runs", () => {
  it("offers only dates with a complete run, newest first, each once", () => {
    const runs = [
      { as_of: "2026-11-20", status: "SUCCEEDED" as const },
      { as_of: "2026-11-22", status: "RUNNING" as const },
      { as_of: "2026-11-21", status: "PARTIAL" as const },
      { as_of: "2026-11-20", status: "SUCCEEDED" as const },
      { as_of: "2026-11-19", status: "FAILED" as const },
    ];
    expect(snapshotDates(runs)).toEqual(["2026-11-21", "2026-11-20"]);
  });

  it("knows a queued or running run is active", () => {
    expect([isActive("QUEUED"), isActive("RUNNING"), isActive("PARTIAL"), isActive("SUCCEEDED")]).toEqual([true, true, false, false]);
  });
});

describe("labels and links", () => {
  it("takes the GB/T 4754 section of an industry code", () => {
    expect([industrySection("C17"), industrySection("K"), industrySection("unknown"), industrySection(null)]).toEqual(["C", "K", null, null]);
  });

  it("lists a breakdown by subsidiary largest first, from strings or positions", () => {
    expect(breakdownRows({ "demo-lending": "803266.67", "demo-factoring": "805600.00" }).map((r) => r.subsidiary))
      .toEqual(["demo-factoring", "demo-lending"]);
    expect(breakdownRows({ x: pos("1"), y: pos("2") }).map((r) => r.exposure)).toEqual(["2", "1"]);
  });

  it("builds the console's drill-down route for a customer of a run", () => {
    expect(drillPath("grp_b2d8a866589208a5ce39", "csr_1")).toBe("/hq/dashboard/customers/grp_b2d8a866589208a5ce39?run=csr_1");
  });
});
