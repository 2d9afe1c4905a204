/** A consolidation run's steps and subsidiaries, as the run view draws them. */
import type { RunDetail, RunStep } from "./types";

/** The state machine's steps, in the order it runs them. */
export const RUN_STEPS = ["list_subsidiaries", "extract", "consolidate", "check_limits", "persist", "raise_warnings"] as const;

export type StepState = "wait" | "process" | "finish" | "error";

export interface StepView {
  step: string;
  state: StepState;
  record: RunStep | null;
}

/** Every step, with what the run has recorded of it ("wait" for those not reached yet). */
export function stepViews(run: Pick<RunDetail, "steps" | "status">): StepView[] {
  const recorded = new Map(run.steps.map((s) => [s.step, s]));
  const names = [...RUN_STEPS, ...run.steps.map((s) => s.step).filter((s) => !(RUN_STEPS as readonly string[]).includes(s))];
  return names.map((step) => {
    const record = recorded.get(step) ?? null;
    const status = record?.status ?? "";
    let state: StepState = "wait";
    if (status === "succeeded") state = "finish";
    else if (status === "failed" || status === "partial") state = "error";
    else if (status === "running") state = run.status === "FAILED" ? "error" : "process";
    return { step, state, record };
  });
}

/** How far the run is, in percent of its steps done (100 once it has ended). */
export function runPercent(run: Pick<RunDetail, "steps" | "status">): number {
  if (run.status === "SUCCEEDED" || run.status === "PARTIAL" || run.status === "FAILED") return 100;
  const done = stepViews(run).filter((s) => s.state === "finish").length;
  return Math.round((done / RUN_STEPS.length) * 100);
}

/** Milliseconds between two instants, or null when either is missing. */
export function durationMs(start?: string | null, end?: string | null): number | null {
  if (!start || !end) return null;
  const ms = Date.parse(end) - Date.parse(start);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

/** The figures a step recorded besides its status and times ("contracts: 24"). */
export function stepFigures(record: RunStep | null): [string, string][] {
  if (!record) return [];
  return Object.entries(record)
    .filter(([k, v]) => !["step", "status", "started_at", "finished_at"].includes(k) && (typeof v === "number" || typeof v === "string"))
    .map(([k, v]) => [k, String(v)]);
}
