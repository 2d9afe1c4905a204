/**
 * An end-of-day run as the admin page shows it: how far it is (a percentage and a step), from the
 * run record `GET /v1/servicing/end-of-day/{date}` returns while the POST closing the date is in flight.
 */

export interface EndOfDayRun {
  business_date: string;
  status: "running" | "completed" | string;
  total: number;
  processed: number;
  skipped: number;
  expired_applications: string[];
  started_at: string | null;
  finished_at: string | null;
}

/** The steps of a run: requested → contracts closed one by one → stale applications expired → done. */
export type EodStep = "requested" | "contracts" | "applications" | "done";
export const EOD_STEPS: readonly EodStep[] = ["requested", "contracts", "applications", "done"];

export function eodStep(run: EndOfDayRun | null): EodStep {
  if (!run) return "requested";
  if (run.status === "completed") return "done";
  if (run.processed >= run.total) return "applications";
  return "contracts";
}

/** 0–100: contracts processed of total; 100 only once the run is completed. */
export function eodPercent(run: EndOfDayRun | null): number {
  if (!run) return 0;
  if (run.status === "completed") return 100;
  if (run.total <= 0) return 0;
  return Math.min(99, Math.floor((run.processed * 100) / run.total));
}

/** Seconds a finished run took (one decimal), or null. */
export function eodSeconds(run: EndOfDayRun | null): string | null {
  if (!run?.started_at || !run.finished_at) return null;
  const ms = Date.parse(run.finished_at) - Date.parse(run.started_at);
  if (!Number.isFinite(ms) || ms < 0) return null;
  return (Math.round(ms / 100) / 10).toFixed(1);
}
