import { describe, expect, it } from "vitest";

import { isIsoDate, todayIn } from "./dates";
import { eodPercent, eodSeconds, eodStep, type EndOfDayRun } from "./endOfDay";
import { lastLatency, succeeded, urlProblem } from "./webhooks";

const run = (over: Partial<EndOfDayRun> = {}): EndOfDayRun => ({
  business_date: "2026-05-01", status: "running", total: 8, processed: 3, skipped: 0, expired_applications: [],
  started_at: "2026-05-01T15:00:00.000Z", finished_at: null, ...over,
});

describe("dates", () => {
  it("knows real ISO dates", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("2026-2-3")).toBe(false);
  });

  it("takes today in the tenant's zone, not the browser's", () => {
    const lateUtc = new Date("2026-05-01T20:00:00Z"); // already 2 May in Shanghai
    expect(todayIn("Asia/Shanghai", lateUtc)).toBe("2026-05-02");
    expect(todayIn("America/New_York", lateUtc)).toBe("2026-05-01");
    expect(todayIn("Not/AZone", lateUtc)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("end of day progress", () => {
  it("walks the steps", () => {
    expect(eodStep(null)).toBe("requested");
    expect(eodStep(run())).toBe("contracts");
    expect(eodStep(run({ processed: 8 }))).toBe("applications");
    expect(eodStep(run({ processed: 8, status: "completed" }))).toBe("done");
  });

  it("reaches 100% only when completed", () => {
    expect(eodPercent(null)).toBe(0);
    expect(eodPercent(run())).toBe(37);
    expect(eodPercent(run({ processed: 8 }))).toBe(99);
    expect(eodPercent(run({ total: 0, processed: 0 }))).toBe(0);
    expect(eodPercent(run({ total: 0, processed: 0, status: "completed" }))).toBe(100);
  });

  it("times a finished run", () => {
    expect(eodSeconds(run())).toBeNull();
    expect(eodSeconds(run({ finished_at: "2026-05-01T15:00:02.340Z" }))).toBe("2.3");
  });
});

describe("webhook URLs", () => {
  it("takes https anywhere and http only to loopback", () => {
    expect(urlProblem("https://merchant.example/hooks")).toBeNull();
    expect(urlProblem("http://127.0.0.1:8123/hooks")).toBeNull();
    expect(urlProblem("http://localhost/hooks")).toBeNull();
    expect(urlProblem("http://merchant.example/hooks")).toBe("notHttps");
    expect(urlProblem("ftp://merchant.example/")).toBe("invalid");
    expect(urlProblem("not a url")).toBe("invalid");
    expect(urlProblem("  ")).toBe("required");
  });

  it("reads attempts", () => {
    expect(succeeded(204)).toBe(true);
    expect(succeeded(503)).toBe(false);
    expect(succeeded(null)).toBe(false);
    expect(lastLatency([])).toBeNull();
    expect(lastLatency([
      { attempt: 2, status: 200, error: null, latency_ms: 12.5, at: "" },
      { attempt: 1, status: 503, error: null, latency_ms: 40, at: "" },
    ])).toBe(12.5);
  });
});
