/**
 * The tenant's business date (`GET /v1/business-date`): the day the tenant's business acts on. By
 * default it is the tenant's local calendar day; where the stage allows time travel (local, test,
 * demo) an admin sets it and it only moves forward. Close of business closes dates up to it, in
 * order, catching up days it missed.
 */

export interface BusinessDate {
  tenant_id: string;
  business_date: string;
  timezone: string;
  /** The date is set explicitly (never in production) rather than read from the tenant's calendar. */
  time_travel: boolean;
  last_closed_on: string | null;
  /** The date a close of business is closing right now, if one is running. */
  closing_on: string | null;
}

/** What moving the business date answers: the date now, and the dates closed on the way, in order. */
export interface BusinessDateMoved extends BusinessDate {
  closed: string[];
}

/** Longest catch-up the console lists date by date (a guard against a malformed date, not a rule). */
const MAX_LISTED_DAYS = 3660;

/** `on` (YYYY-MM-DD) moved by `days` calendar days. A calendar date has no time zone, so UTC maths. */
export function addDays(on: string, days: number): string {
  const [y, m, d] = on.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The dates one end-of-day call for `on` closes, oldest first: each date after the last closed one
 * up to `on`. Empty when `on` is already behind the last closed date (the API then answers with the
 * run it already has, or refuses the date as out of order). Before any date was closed the API starts
 * from the tenant's first business date, which it does not report: then only `on` is listed.
 */
export function datesToClose(lastClosedOn: string | null, on: string): string[] {
  if (lastClosedOn === null) return [on];
  const dates: string[] = [];
  for (let next = addDays(lastClosedOn, 1); next <= on && dates.length < MAX_LISTED_DAYS; next = addDays(next, 1)) {
    dates.push(next);
  }
  return dates;
}

/** End of day may close a date on or before the business date, never after it. */
export function closableOn(on: string, businessDate: string | null | undefined): boolean {
  return !businessDate || on <= businessDate;
}

/** The business date only moves forward: a new one must come after the current one. */
export function canMoveBusinessDateTo(on: string, current: string): boolean {
  return on > current;
}

/** The message key counting the days an end-of-day run caught up ("caught up 1 day" / "… 2 days"). */
export function caughtUpKey(days: number): "eod.caughtUp.one" | "eod.caughtUp.other" {
  return days === 1 ? "eod.caughtUp.one" : "eod.caughtUp.other";
}
