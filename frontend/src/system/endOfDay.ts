/**
 * An end-of-day run as the admin page shows it: how far it is (a percentage and a step), from the
 * run record `GET /v1/servicing/end-of-day/{date}` returns while the POST closing the date is in flight.
 * One POST closes every date after the last closed one up to the date asked for (catch-up), so the
 * page follows those dates' runs one after the other.
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
  /** Earlier dates the same call closed first, oldest first (only on the POST's answer). */
  caught_up?: string[];
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

/** The earlier dates a run caught up, oldest first (none when the answer does not say). */
export function caughtUp(run: EndOfDayRun | null): string[] {
  return [...(run?.caught_up ?? [])].sort();
}

/**
 * Which of a catch-up's dates to follow next, given the progress just read for `dates[index]`: the
 * next date once that one's run has completed, else the same one (the last date is followed to the end).
 */
export function followedIndex(dates: readonly string[], index: number, progress: EndOfDayRun | null): number {
  const last = dates.length - 1;
  if (index >= last) return Math.max(last, 0);
  if (progress?.business_date === dates[index] && progress.status === "completed") return index + 1;
  return index;
}
