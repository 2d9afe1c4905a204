/**
 * An end-of-day run as the admin page shows it, from the run record (`EndOfDayOut`) that
 * `POST /v1/servicing/end-of-day` answers and `GET /v1/servicing/end-of-day/{date}` reads.
 *
 * Close of business runs on a state machine: per date, its phases (list the contracts, close them in
 * batches, then the tenant-wide steps) one after the other. One POST closes every date after the last
 * closed one up to the date asked for (catch-up). It waits a while and answers the finished run (200)
 * or the run as it stands (202, `status: "running"`); the page follows those dates' runs one after the
 * other until the last one ends. A contract whose close kept failing is parked: listed with its error,
 * not closed for the date, and holding up nothing else.
 */
import { addDays, datesToClose } from "./businessDate";

export type RunStatus = "running" | "completed" | "failed";

/** The phases of one date's close, in the order the state machine runs them. */
export type PhaseName = "list_contracts" | "close_contracts" | "expire_applications" | "expire_facilities" | "gl_roll_up" | "clearing_netting" | "customer_grades" | "whitelists";
export const EOD_PHASES: readonly PhaseName[] = [
  "list_contracts", "close_contracts", "expire_applications", "expire_facilities", "gl_roll_up", "clearing_netting", "customer_grades", "whitelists",
];

/** The business steps closing a contract goes through; the run counts the contracts each one changed. */
export type ContractStep =
  | "bill" | "accrue" | "suspense" | "overdue" | "penalty" | "delinquency" | "non_accrual" | "projection";
export const CONTRACT_STEPS: readonly ContractStep[] = [
  "bill", "accrue", "suspense", "overdue", "penalty", "delinquency", "non_accrual", "projection",
];

export interface EodPhase {
  name: string;
  status: "pending" | "running" | "succeeded" | string;
  started_at?: string | null;
  finished_at?: string | null;
}

export interface ParkedContract {
  contract_id: string;
  /** The error's stable code (or its class) after the contract's last attempt. */
  code: string;
  error: string;
  attempts?: number | null;
  parked_at?: string | null;
}

export interface RunError {
  name: string;
  message: string;
}

export interface EndOfDayRun {
  business_date: string;
  run_id?: string | null;
  status: RunStatus | string;
  /** Active contracts the close works through. */
  total: number;
  /** Contracts done: closed, skipped (closed already) or parked. */
  processed: number;
  closed?: number;
  skipped: number;
  parked?: number;
  batches?: number;
  batches_done?: number;
  phases?: EodPhase[];
  contract_steps?: Record<string, number>;
  parked_contracts?: ParkedContract[];
  expired_applications: string[];
  /** Earlier dates the same call closed first, oldest first (on the target date's run). */
  caught_up?: string[];
  error?: RunError | null;
  started_at: string | null;
  finished_at: string | null;
}

/** A run has ended once it completed or failed; until then the page keeps reading it. */
export function runEnded(run: EndOfDayRun | null): boolean {
  return run?.status === "completed" || run?.status === "failed";
}

/** Ant Design's step states. */
export type StepState = "wait" | "process" | "finish" | "error";

export interface PhaseStep {
  name: string;
  state: StepState;
}

const PHASE_STATE: Record<string, StepState> = { pending: "wait", running: "process", succeeded: "finish" };

/**
 * The run's phases as steps, in the run's order (the standard phases while there is no run yet, or
 * the run predates phases). A completed run has finished every phase; a failed run failed in the first
 * phase it had not finished; a running run between two phases is at the next one.
 */
export function phaseSteps(run: EndOfDayRun | null): PhaseStep[] {
  const phases: EodPhase[] = run?.phases?.length ? run.phases : EOD_PHASES.map((name) => ({ name, status: "pending" }));
  const steps = phases.map((p) => ({ name: p.name, state: PHASE_STATE[p.status] ?? "wait" }));
  if (!run) return steps;
  if (run.status === "completed") return steps.map((s) => ({ ...s, state: "finish" }));
  const at = steps.findIndex((s) => s.state !== "finish");
  if (at < 0) return steps;
  if (run.status === "failed") {
    return steps.map((s, i) => (i === at ? { ...s, state: "error" } : i > at ? { ...s, state: "wait" } : s));
  }
  if (!steps.some((s) => s.state === "process")) steps[at] = { ...steps[at], state: "process" };
  return steps;
}

/** The step to highlight: the first one not finished; past the last (none) once all are. */
export function currentStep(steps: readonly PhaseStep[]): number {
  const at = steps.findIndex((s) => s.state !== "finish");
  return at < 0 ? steps.length : at;
}

/** 0–100: contracts processed of total; 100 only once the run is completed. */
export function eodPercent(run: EndOfDayRun | null): number {
  if (!run) return 0;
  if (run.status === "completed") return 100;
  if (!(run.total > 0)) return 0;
  return Math.min(99, Math.floor((run.processed * 100) / run.total));
}

/** The contracts bar's look: green once completed, red once failed, moving meanwhile. */
export function barStatus(run: EndOfDayRun | null): "success" | "exception" | "active" {
  if (run?.status === "completed") return "success";
  if (run?.status === "failed") return "exception";
  return "active";
}

/**
 * Contracts changed per business step, for the chart: every known step in closing order (0 where the
 * run counted none), then any step the server added since, by name. Empty when the run counts none.
 */
export function contractStepCounts(run: EndOfDayRun | null): { step: string; count: number }[] {
  const counts = run?.contract_steps;
  if (!counts) return [];
  const known = new Set<string>(CONTRACT_STEPS);
  const added = Object.keys(counts).filter((k) => !known.has(k)).sort();
  return [...CONTRACT_STEPS, ...added].map((step) => ({ step, count: counts[step] ?? 0 }));
}

/** How many contracts the run parked (the count, else the list's length). */
export function parkedCount(run: EndOfDayRun | null): number {
  return run?.parked ?? run?.parked_contracts?.length ?? 0;
}

/** Seconds a finished run took (one decimal), or null. */
export function eodSeconds(run: EndOfDayRun | null): string | null {
  if (!run?.started_at || !run.finished_at) return null;
  const ms = Date.parse(run.finished_at) - Date.parse(run.started_at);
  if (!Number.isFinite(ms) || ms < 0) return null;
  return (Math.round(ms / 100) / 10).toFixed(1);
}

/** The earlier dates a run caught up, oldest first (none when the answer does not say). */
export function caughtUp(run: EndOfDayRun | null): string[] {
  return [...(run?.caught_up ?? [])].sort();
}

/** The dates a close works through and which of them the page is reading. */
export interface Following {
  dates: string[];
  index: number;
}

/** What the page does with the POST's answer: show it (the run ended), or follow it from there. */
export type AfterPost = { kind: "done"; run: EndOfDayRun } | { kind: "follow"; following: Following };

/**
 * The POST answered: a run that ended (200) is the result. A running one (202) is the date closing
 * now — the date asked for or an earlier one being caught up — so the page follows from that date to
 * the last of `dates` (from that date alone on to the last, should the page's list have missed it).
 */
export function afterPost(dates: readonly string[], answer: EndOfDayRun): AfterPost {
  if (runEnded(answer)) return { kind: "done", run: answer };
  const at = dates.indexOf(answer.business_date);
  if (at >= 0) return { kind: "follow", following: { dates: [...dates], index: at } };
  const last = dates[dates.length - 1];
  const rest = last && last > answer.business_date ? datesToClose(addDays(answer.business_date, -1), last) : [];
  return { kind: "follow", following: { dates: rest.length > 0 ? rest : [answer.business_date], index: 0 } };
}

/** What the page does with a run just read: keep reading, read the next date, or show the result. */
export type AfterRead = { kind: "wait" } | { kind: "next"; index: number } | { kind: "done"; run: EndOfDayRun };

/**
 * A run read while following `dates[index]`. A completed date moves on to the next one; the last date
 * ending, or any date failing (the close stops there), is the result — once the POST has answered
 * (`answered`): until then its answer, which says what it caught up, is what counts. A read of another
 * date (a late answer) changes nothing.
 */
export function afterRead(following: Following, read: EndOfDayRun | null, answered: boolean): AfterRead {
  const { dates, index } = following;
  if (!read || read.business_date !== dates[index] || !runEnded(read)) return { kind: "wait" };
  const last = index >= dates.length - 1;
  if (read.status === "completed" && !last) return { kind: "next", index: index + 1 };
  return answered ? { kind: "done", run: read } : { kind: "wait" };
}
