import { describe, expect, it } from "vitest";

import { addDays, canMoveBusinessDateTo, caughtUpKey, closableOn, datesToClose } from "./businessDate";
import { isIsoDate, todayIn } from "./dates";
import { caughtUp, eodPercent, eodSeconds, eodStep, followedIndex, type EndOfDayRun } from "./endOfDay";
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

describe("end of day catch-up", () => {
  const dates = ["2026-12-05", "2026-12-06", "2026-12-07"];

  it("reads the caught-up dates oldest first, none when the run does not say", () => {
    expect(caughtUp(run({ caught_up: ["2026-05-03", "2026-04-30"] }))).toEqual(["2026-04-30", "2026-05-03"]);
    expect(caughtUp(run())).toEqual([]);
    expect(caughtUp(null)).toEqual([]);
  });

  it("follows the next date once the one followed has completed", () => {
    expect(followedIndex(dates, 0, run({ business_date: "2026-12-05", status: "completed" }))).toBe(1);
    expect(followedIndex(dates, 0, run({ business_date: "2026-12-05" }))).toBe(0);
    expect(followedIndex(dates, 0, null)).toBe(0);
  });

  it("ignores progress read for another date", () => {
    expect(followedIndex(dates, 1, run({ business_date: "2026-12-05", status: "completed" }))).toBe(1);
  });

  it("stays on the last date to the end", () => {
    expect(followedIndex(dates, 2, run({ business_date: "2026-12-07", status: "completed" }))).toBe(2);
    expect(followedIndex(["2026-12-07"], 0, run({ business_date: "2026-12-07", status: "completed" }))).toBe(0);
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
