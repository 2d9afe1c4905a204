import { describe, expect, it } from "vitest";

import { durationMs, RUN_STEPS, runPercent, stepFigures, stepViews } from "./runs";
import type { RunStep } from "./types";

const step = (name: string, status: string, extra: Record<string, unknown> = {}): RunStep => ({ step: name, status, ...extra });

describe("run progress", () => {
  it("shows every step, those not reached yet waiting", () => {
    const views = stepViews({ status: "RUNNING", steps: [step("list_subsidiaries", "succeeded"), step("extract", "running")] });
    expect(views.map((v) => v.step)).toEqual([...RUN_STEPS]);
    expect(views.map((v) => v.state)).toEqual(["finish", "process", "wait", "wait", "wait", "wait"]);
  });

  it("marks a step still running in a failed run as failed, and a partial step as an error", () => {
    expect(stepViews({ status: "FAILED", steps: [step("extract", "running")] })[1].state).toBe("error");
    expect(stepViews({ status: "PARTIAL", steps: [step("extract", "partial")] })[1].state).toBe("error");
  });

  it("counts progress in steps done, and 100 once the run has ended", () => {
    expect(runPercent({ status: "RUNNING", steps: [step("list_subsidiaries", "succeeded"), step("extract", "succeeded")] })).toBe(33);
    expect(runPercent({ status: "PARTIAL", steps: [] })).toBe(100);
    expect(runPercent({ status: "QUEUED", steps: [] })).toBe(0);
  });

  it("lists a step's figures without its status or times", () => {
    const record = step("consolidate", "succeeded", { started_at: "x", finished_at: "y", contracts: 24, failed: [] });
    expect(stepFigures(record)).toEqual([["contracts", "24"]]);
  });

  it("measures durations only between two instants in order", () => {
    expect(durationMs("2026-11-22T20:25:54.518+00:00", "2026-11-22T20:25:54.565+00:00")).toBe(47);
    expect(durationMs("2026-11-22T20:25:54.518+00:00", null)).toBeNull();
  });
});
