"""The tenant's closing calendar: its business date and the close of business, as pure rules.

One record per tenant holds both, so a business-date change and a close of business can never
interleave::

    business date ──PUT (time travel only, forward only, not while a close runs)──▶ later date
    last_closed_on ──close D (D ≤ business date; D-1 closed first: catch-up)──▶ D

``closing_on`` with ``lease_until`` marks a close in progress: a second close, or a business-date
change, is refused until it finishes or its lease lapses (a crashed run is resumed by the next call).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from chalicelib.shared.errors import Conflict, RuleViolation

# A close is held by one state-machine execution; each of its steps renews the lease. An execution
# that fails releases it (its Catch); one aborted outright leaves it to lapse.
CLOSE_LEASE = timedelta(hours=2)


@dataclass(frozen=True)
class ClosingState:
    business_date: date | None = None  # set explicitly (time travel); None follows the local calendar day
    opened_on: date | None = None  # the tenant's first business date: catch-up starts here
    last_closed_on: date | None = None
    closing_on: date | None = None  # the date a close of business is working on
    lease_until: datetime | None = None
    run_id: str | None = None  # who holds the close: one call, or one state-machine execution

    def running(self, now: datetime) -> bool:
        return self.closing_on is not None and self.lease_until is not None and self.lease_until > now


def effective_business_date(state: ClosingState, calendar_day: date, time_travel: bool,
                            now: datetime | None = None) -> date:
    """The business date in force: the explicit one where time travel is on, else the calendar day —
    but never a date already closed, nor the one a close is closing: once the close of D begins, the
    books act on D+1 (as Fineract's COB moves the business date). A closed date so takes no posting
    but the close's own, and the close's ledger roll-up of D sees every movement of D."""
    day = state.business_date if time_travel and state.business_date else calendar_day
    if state.last_closed_on is not None:
        day = max(day, state.last_closed_on + timedelta(days=1))
    if state.closing_on is not None and (now is None or state.running(now)):
        day = max(day, state.closing_on + timedelta(days=1))
    return day


def close_running(state: ClosingState) -> Conflict:
    return Conflict("servicing.eod.running", "a close of business is running for this tenant; wait for it",
                    {"closing_on": state.closing_on.isoformat() if state.closing_on else None})


def open_calendar(state: ClosingState, on: date, time_travel: bool) -> ClosingState:
    """Start a new tenant's calendar at ``on`` (onboarding, seeds): only before anything was closed."""
    if not time_travel:
        raise Conflict("closing.time_travel.disabled", "this stage follows the calendar; its business date is fixed")
    if state.last_closed_on is not None or state.closing_on is not None:
        raise Conflict("closing.calendar.started", "the tenant's calendar has started; move it forward instead",
                       {"last_closed_on": state.last_closed_on.isoformat() if state.last_closed_on else None})
    return replace(state, business_date=on, opened_on=on)


def move_business_date(state: ClosingState, to: date, current: date, time_travel: bool,
                       now: datetime) -> ClosingState:
    """Move the business date forward to ``to`` (time-travel stages only, never while a close runs)."""
    if not time_travel:
        raise Conflict("closing.time_travel.disabled",
                       "this stage follows the calendar: the business date is the tenant's local day")
    if state.running(now):
        raise close_running(state)
    if to <= current:
        raise RuleViolation("closing.business_date.backwards", "the business date only moves forward",
                            {"business_date": current.isoformat(), "requested": to.isoformat()})
    return replace(state, business_date=to, opened_on=state.opened_on or current)


def dates_to_close(state: ClosingState, target: date, business_date: date) -> list[date]:
    """The dates one call closes to reach ``target``, in order: every date after the last one closed
    (from the tenant's first business date if none was), up to ``target``. Empty if already closed.
    A date before the books opened is refused: closing it would set the last closed date decades back,
    and the next close would then catch up every day since."""
    if target > business_date:
        raise RuleViolation("servicing.eod.future_date", "a date after the business date cannot be closed",
                            {"business_date": business_date.isoformat(), "requested": target.isoformat()})
    if state.opened_on is not None and target < state.opened_on:
        raise RuleViolation("servicing.eod.before_opening", "a date before the books opened cannot be closed",
                            {"opened_on": state.opened_on.isoformat(), "requested": target.isoformat()})
    if state.last_closed_on is not None:
        if target <= state.last_closed_on:
            return []
        start = state.last_closed_on + timedelta(days=1)
    else:
        start = min(state.opened_on or target, target)
    return [start + timedelta(days=n) for n in range((target - start).days + 1)]


def begin_close(state: ClosingState, on: date, now: datetime, run_id: str) -> ClosingState:
    """Take the tenant's close for ``on`` as ``run_id`` (or renew it, or take it over once a crashed
    run's lease has lapsed). Another live run holding it: 409."""
    if state.running(now) and state.run_id != run_id:
        raise close_running(state)
    return replace(state, closing_on=on, lease_until=now + CLOSE_LEASE, run_id=run_id)


def finish_close(state: ClosingState, on: date) -> ClosingState:
    return replace(state, last_closed_on=on, closing_on=None, lease_until=None, run_id=None)


def release_close(state: ClosingState) -> ClosingState:
    """A failed close lets go: the date stays open for the next close to take."""
    return replace(state, closing_on=None, lease_until=None, run_id=None)


def out_of_order(state: ClosingState, requested: date) -> Conflict:
    last = state.last_closed_on.isoformat() if state.last_closed_on else None
    return Conflict("servicing.eod.out_of_order", f"{last} is already closed; run a later date",
                    {"last_closed_on": last, "business_date": requested.isoformat()})
