"""The one clock: instants from the wall clock, business dates from each tenant's calendar.

Two kinds of time, never mixed up:

* **instants** (``*_at``, UTC) record when something happened: ``now()``;
* **business dates** (``*_on``) say which day money is booked, billed, accrued or expires on:
  ``business_date(ctx)``, the tenant's business date. By default that is the tenant's local calendar
  day; where the stage enables time travel it is set explicitly and moved forward per tenant.

This module is the only place in ``chalicelib`` that reads the wall clock (a test enforces it). The
business calendar is a port: ``bootstrap`` wires the implementation (the closing context's store)
once, and tests may swap the clock for a fixed one.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Protocol
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from chalicelib.shared.tenant import TenantContext


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware UTC."""


class BusinessCalendar(Protocol):
    def business_date(self, ctx: "TenantContext") -> date:
        """The tenant's business date."""


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc)


class FixedClock:
    """A clock that stands still until moved (tests, replays)."""

    def __init__(self, at: datetime):
        self.at = at if at.tzinfo else at.replace(tzinfo=timezone.utc)

    def now(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


_clock: Clock = SystemClock()
_calendar: BusinessCalendar | None = None


def use(clock: Clock | None = None, calendar: BusinessCalendar | None = None) -> None:
    """Wire the clock and/or the business calendar (``bootstrap`` does, once; tests may swap)."""
    global _clock, _calendar
    if clock is not None:
        _clock = clock
    if calendar is not None:
        _calendar = calendar


def clock() -> Clock:
    return _clock


def now() -> datetime:
    """The current instant (UTC): for ``*_at`` facts, never for the day money is booked on."""
    return _clock.now()


def epoch_seconds() -> int:
    """``now()`` as Unix seconds (signature timestamps, TTLs)."""
    return int(_clock.now().timestamp())


def business_date(ctx: "TenantContext") -> date:
    """The tenant's business date: the day commands that move or date money act on."""
    if _calendar is None:
        raise RuntimeError("no business calendar is wired: import chalicelib.bootstrap first")
    return _calendar.business_date(ctx)


def not_after_business_date(ctx: "TenantContext", on: date, code: str, what: str) -> date:
    """``on`` if it is not after the tenant's business date, else 422 ``code``: nothing is dated in the
    tenant's future (a posting, a repayment received, a journal booked)."""
    today = business_date(ctx)
    if on > today:
        from chalicelib.shared.errors import RuleViolation

        raise RuleViolation(code, f"{what} cannot be dated after the business date",
                            {"business_date": today.isoformat(), "requested": on.isoformat()})
    return on


class FixedCalendar:
    """Every tenant on one business date (unit tests, tools)."""

    def __init__(self, on: date):
        self.on = on

    def business_date(self, ctx: "TenantContext") -> date:
        return self.on


def local_date(at: str | datetime, timezone_name: str) -> date:
    """The day ``at`` (ISO 8601, ``Z`` accepted; naive means UTC) falls on in ``timezone_name``."""
    instant = datetime.fromisoformat(at.replace("Z", "+00:00")) if isinstance(at, str) else at
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=timezone.utc)
    return instant.astimezone(ZoneInfo(timezone_name)).date()


def calendar_day(timezone_name: str) -> date:
    """Today's calendar day in ``timezone_name``, by the clock."""
    return local_date(now(), timezone_name)
