import { describe, expect, it } from "vitest";

import {
  afterPost, afterRead, barStatus, caughtUp, contractStepCounts, currentStep, EOD_PHASES, eodPercent, eodSeconds,
  parkedCount, phaseSteps, type EndOfDayRun, type EodPhase,
} from "./endOfDay";

const run = (over: Partial<EndOfDayRun> = {}): EndOfDayRun => ({
  business_date: "2026-05-01", status: "running", total: 8, processed: 3, skipped: 0, expired_applications: [],
  started_at: "2026-05-01T15:00:00.000Z", finished_at: null, ...over,
});

/** The standard phases: the first `done` succeeded, the next one in `next` state, the rest pending. */
const phases = (done: number, next: EodPhase["status"] = "running"): EodPhase[] =>
  EOD_PHASES.map((name, i) => ({ name, status: i < done ? "succeeded" : i === done ? next : "pending" }));

const states = (r: EndOfDayRun | null) => phaseSteps(r).map((s) => s.state);

describe("end of day phases as steps", () => {
  it("waits on every standard phase before the run is read", () => {
    expect(phaseSteps(null).map((s) => s.name)).toEqual([...EOD_PHASES]);
    expect(states(null)).toEqual(Array(8).fill("wait"));
  });

  it("maps each phase's status to a step state", () => {
    expect(states(run({ phases: phases(1) }))).toEqual(["finish", "process", "wait", "wait", "wait", "wait", "wait", "wait"]);
  });

  it("puts a running run between two phases at the next one", () => {
    expect(states(run({ phases: phases(2, "pending") }))).toEqual(["finish", "finish", "process", "wait", "wait", "wait", "wait", "wait"]);
  });

  it("finishes every phase of a completed run, even one read without phases", () => {
    expect(states(run({ status: "completed", phases: phases(8) }))).toEqual(Array(8).fill("finish"));
    expect(states(run({ status: "completed" }))).toEqual(Array(8).fill("finish"));
  });

  it("marks the phase a failed run stopped in as the error", () => {
    expect(states(run({ status: "failed", phases: phases(1) }))).toEqual(["finish", "error", "wait", "wait", "wait", "wait", "wait", "wait"]);
    expect(states(run({ status: "failed", phases: phases(3, "pending") }))).toEqual(
      ["finish", "finish", "finish", "error", "wait", "wait", "wait", "wait"]);
  });

  it("keeps a phase the console does not know, in the run's order", () => {
    const r = run({ phases: [{ name: "list_contracts", status: "succeeded" }, { name: "statements", status: "running" }] });
    expect(phaseSteps(r)).toEqual([{ name: "list_contracts", state: "finish" }, { name: "statements", state: "process" }]);
  });

  it("highlights the first step not finished, none once all are", () => {
    expect(currentStep(phaseSteps(run({ phases: phases(2) })))).toBe(2);
    expect(currentStep(phaseSteps(run({ status: "completed" })))).toBe(8);
    expect(currentStep([])).toBe(0);
  });
});

describe("end of day contracts bar", () => {
  it("reaches 100% only when completed", () => {
    expect(eodPercent(null)).toBe(0);
    expect(eodPercent(run())).toBe(37);
    expect(eodPercent(run({ processed: 8 }))).toBe(99);
    expect(eodPercent(run({ total: 0, processed: 0 }))).toBe(0);
    expect(eodPercent(run({ total: 0, processed: 0, status: "completed" }))).toBe(100);
  });

  it("is green once completed, red once failed, moving meanwhile", () => {
    expect(barStatus(run({ status: "completed" }))).toBe("success");
    expect(barStatus(run({ status: "failed" }))).toBe("exception");
    expect(barStatus(run())).toBe("active");
    expect(barStatus(null)).toBe("active");
  });

  it("times a finished run", () => {
    expect(eodSeconds(run())).toBeNull();
    expect(eodSeconds(run({ finished_at: "2026-05-01T15:00:02.340Z" }))).toBe("2.3");
  });
});

describe("end of day counts", () => {
  it("lists every business step in closing order, zero where none changed, then steps added since", () => {
    const counts = contractStepCounts(run({ contract_steps: { accrue: 7, bill: 2, statements: 1 } }));
    expect(counts.map((c) => c.step)).toEqual(
      ["bill", "accrue", "suspense", "overdue", "penalty", "delinquency", "non_accrual", "projection", "statements"]);
    expect(counts.slice(0, 3).map((c) => c.count)).toEqual([2, 7, 0]);
  });

  it("has nothing to chart for a run that counts no steps", () => {
    expect(contractStepCounts(run())).toEqual([]);
    expect(contractStepCounts(null)).toEqual([]);
  });

  it("counts parked contracts from the count, else the list", () => {
    expect(parkedCount(run({ parked: 2 }))).toBe(2);
    expect(parkedCount(run({ parked_contracts: [{ contract_id: "c1", code: "X", error: "boom" }] }))).toBe(1);
    expect(parkedCount(run())).toBe(0);
  });

  it("reads the caught-up dates oldest first, none when the run does not say", () => {
    expect(caughtUp(run({ caught_up: ["2026-05-03", "2026-04-30"] }))).toEqual(["2026-04-30", "2026-05-03"]);
    expect(caughtUp(run())).toEqual([]);
    expect(caughtUp(null)).toEqual([]);
  });
});

describe("end of day: the POST's answer", () => {
  const dates = ["2026-12-05", "2026-12-06", "2026-12-07"];

  it("shows a run that ended (200) as the result", () => {
    const done = run({ business_date: "2026-12-07", status: "completed" });
    expect(afterPost(dates, done)).toEqual({ kind: "done", run: done });
    const failed = run({ business_date: "2026-12-07", status: "failed", error: { name: "X", message: "boom" } });
    expect(afterPost(dates, failed)).toEqual({ kind: "done", run: failed });
  });

  it("follows a running run (202) from the date it is closing", () => {
    expect(afterPost(dates, run({ business_date: "2026-12-06" }))).toEqual(
      { kind: "follow", following: { dates, index: 1 } });
  });

  it("follows from the date the server names when the page's list missed it", () => {
    expect(afterPost(["2026-12-07"], run({ business_date: "2026-12-05" }))).toEqual(
      { kind: "follow", following: { dates, index: 0 } });
    expect(afterPost([], run({ business_date: "2026-12-05" }))).toEqual(
      { kind: "follow", following: { dates: ["2026-12-05"], index: 0 } });
  });
});

describe("end of day: following the runs", () => {
  const dates = ["2026-12-05", "2026-12-06", "2026-12-07"];
  const at = (index: number) => ({ dates, index });

  it("keeps reading a date still running, or not opened yet", () => {
    expect(afterRead(at(0), run({ business_date: "2026-12-05" }), true)).toEqual({ kind: "wait" });
    expect(afterRead(at(0), null, true)).toEqual({ kind: "wait" });
  });

  it("moves on to the next date once the one followed has completed", () => {
    expect(afterRead(at(0), run({ business_date: "2026-12-05", status: "completed" }), false)).toEqual(
      { kind: "next", index: 1 });
  });

  it("ignores a run read for another date", () => {
    expect(afterRead(at(1), run({ business_date: "2026-12-05", status: "completed" }), true)).toEqual({ kind: "wait" });
  });

  it("shows the last date's run once it has ended and the POST has answered", () => {
    const done = run({ business_date: "2026-12-07", status: "completed" });
    expect(afterRead(at(2), done, true)).toEqual({ kind: "done", run: done });
    expect(afterRead(at(2), done, false)).toEqual({ kind: "wait" });
  });

  it("stops at a date that failed, after the POST has answered", () => {
    const failed = run({ business_date: "2026-12-06", status: "failed", error: { name: "X", message: "boom" } });
    expect(afterRead(at(1), failed, true)).toEqual({ kind: "done", run: failed });
    expect(afterRead(at(1), failed, false)).toEqual({ kind: "wait" });
  });
});
