import { describe, expect, it } from "vitest";

import { addDays, canMoveBusinessDateTo, caughtUpKey, closableOn, datesToClose } from "./businessDate";
import { isIsoDate, todayIn } from "./dates";
import { lastLatency, succeeded, urlProblem } from "./webhooks";

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

describe("business date", () => {
  it("adds calendar days across month, year and leap-day ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-12-07", 0)).toBe("2026-12-07");
  });

  it("closes a date on or before the business date, never after it", () => {
    expect(closableOn("2026-12-07", "2026-12-07")).toBe(true);
    expect(closableOn("2026-12-06", "2026-12-07")).toBe(true);
    expect(closableOn("2026-12-08", "2026-12-07")).toBe(false);
  });

  it("leaves the choice open while the business date is unknown", () => {
    expect(closableOn("2030-01-01", null)).toBe(true);
    expect(closableOn("2030-01-01", undefined)).toBe(true);
  });

  it("moves the business date only forward", () => {
    expect(canMoveBusinessDateTo("2026-12-08", "2026-12-07")).toBe(true);
    expect(canMoveBusinessDateTo("2026-12-07", "2026-12-07")).toBe(false);
    expect(canMoveBusinessDateTo("2026-12-01", "2026-12-07")).toBe(false);
  });

  it("lists the dates one end of day closes, catching up from the last closed", () => {
    expect(datesToClose("2026-12-04", "2026-12-07")).toEqual(["2026-12-05", "2026-12-06", "2026-12-07"]);
    expect(datesToClose("2026-12-06", "2026-12-07")).toEqual(["2026-12-07"]);
    expect(datesToClose("2026-12-31", "2027-01-01")).toEqual(["2027-01-01"]);
  });

  it("lists only the date asked for when nothing was closed yet", () => {
    expect(datesToClose(null, "2026-12-07")).toEqual(["2026-12-07"]);
  });

  it("lists nothing for a date already behind the last closed one", () => {
    expect(datesToClose("2026-12-07", "2026-12-07")).toEqual([]);
    expect(datesToClose("2026-12-07", "2026-12-01")).toEqual([]);
  });

  it("counts caught-up days in the singular or plural", () => {
    expect(caughtUpKey(1)).toBe("eod.caughtUp.one");
    expect(caughtUpKey(2)).toBe("eod.caughtUp.other");
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
