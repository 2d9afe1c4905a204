"""Payment frequencies and due dates.

Due dates are counted from an anchor, never chained from the previous due date, so a schedule
that starts on 30 January falls due on 28 February and then 30 March (chaining would drift to
the 28th for good).

End-of-month rule: when the anchor is the last day of its month, every due date is the last day
of its month (a loan starting on 31 January, or on 28 February in a common year, falls due on
31 March, 30 April, ...). Otherwise the anchor's day is kept and clamped to short months. This is
QuantLib's ``Schedule`` with ``endOfMonth=True``, an unadjusted null calendar and forward
generation.

Stub first period: with a first due date, the first period runs from the start date to that date
(shorter or longer than a regular period) and later due dates are counted from the first due
date, the end-of-month rule judged on it.
"""
from __future__ import annotations

from datetime import date, timedelta
from enum import Enum

from .errors import TermsInvalid


class Frequency(str, Enum):
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMI_ANNUAL = "semi-annual"
    ANNUAL = "annual"

    @property
    def periods_per_year(self) -> int:
        return _PERIODS_PER_YEAR[self]

    @property
    def months(self) -> int:
        """Months per period; 0 for the frequencies counted in days."""
        return _MONTHS[self]

    @property
    def days(self) -> int:
        """Days per period for weekly frequencies; 0 for the ones counted in months."""
        return _DAYS[self]


_PERIODS_PER_YEAR = {
    Frequency.WEEKLY: 52, Frequency.BIWEEKLY: 26, Frequency.MONTHLY: 12,
    Frequency.QUARTERLY: 4, Frequency.SEMI_ANNUAL: 2, Frequency.ANNUAL: 1,
}
_MONTHS = {
    Frequency.WEEKLY: 0, Frequency.BIWEEKLY: 0, Frequency.MONTHLY: 1,
    Frequency.QUARTERLY: 3, Frequency.SEMI_ANNUAL: 6, Frequency.ANNUAL: 12,
}
_DAYS = {Frequency.WEEKLY: 7, Frequency.BIWEEKLY: 14}

_ALIASES = {
    "weekly": Frequency.WEEKLY,
    "biweekly": Frequency.BIWEEKLY, "bi-weekly": Frequency.BIWEEKLY, "fortnightly": Frequency.BIWEEKLY,
    "monthly": Frequency.MONTHLY,
    "quarterly": Frequency.QUARTERLY,
    "semi-annual": Frequency.SEMI_ANNUAL, "semiannual": Frequency.SEMI_ANNUAL,
    "semi-annually": Frequency.SEMI_ANNUAL, "half-yearly": Frequency.SEMI_ANNUAL,
    "annual": Frequency.ANNUAL, "annually": Frequency.ANNUAL, "yearly": Frequency.ANNUAL,
}


def parse_frequency(name: str | Frequency) -> Frequency:
    """The frequency for a name (``monthly``, ``semi-annual``, ``semi_annual`` ...)."""
    if isinstance(name, Frequency):
        return name
    key = str(name).strip().lower().replace("_", "-")
    if key not in _ALIASES:
        raise TermsInvalid("frequency", f"unknown frequency {name!r}; use one of "
                           f"{', '.join(f.value for f in Frequency)}")
    return _ALIASES[key]


_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month - 1]


def is_end_of_month(day: date) -> bool:
    return day.day == days_in_month(day.year, day.month)


def add_months(anchor: date, months: int, end_of_month: bool) -> date:
    """``anchor`` moved by whole months; the day is clamped, or pinned to month end if asked."""
    year, month0 = divmod(anchor.year * 12 + anchor.month - 1 + months, 12)
    last = days_in_month(year, month0 + 1)
    return date(year, month0 + 1, last if end_of_month or anchor.day > last else anchor.day)


def add_periods(anchor: date, frequency: Frequency, count: int) -> date:
    """The date ``count`` periods after ``anchor`` (negative counts go back), end-of-month rule applied."""
    if frequency.months:
        return add_months(anchor, frequency.months * count, is_end_of_month(anchor))
    return anchor + timedelta(days=frequency.days * count)


def due_dates(start_on: date, frequency: Frequency, count: int, first_due_on: date | None = None) -> list[date]:
    """``count`` due dates for a schedule starting on ``start_on``.

    Without ``first_due_on`` they are ``start_on`` plus 1..count periods. With it, the first
    period is a stub ending on ``first_due_on`` and the rest follow it period by period. A stub
    may be short or long but must end after the start and within two regular periods of it.
    """
    if count < 1:
        raise TermsInvalid("term", "must be at least 1")
    if first_due_on is None:
        anchor, offset = start_on, 1
    else:
        if first_due_on <= start_on:
            raise TermsInvalid("first_due_on", "must be after the start date")
        if first_due_on > add_periods(start_on, frequency, 2):
            raise TermsInvalid("first_due_on", "must fall within two periods of the start date")
        anchor, offset = first_due_on, 0
    if not frequency.months:
        step = timedelta(days=frequency.days)
        return [anchor + step * (i + offset) for i in range(count)]
    eom = is_end_of_month(anchor)
    base = anchor.year * 12 + anchor.month - 1
    day = anchor.day
    months = frequency.months
    result = []
    append = result.append
    for i in range(offset, count + offset):
        year, month0 = divmod(base + months * i, 12)
        if eom or day > 28:  # only then does the month's length matter
            last = _DAYS_IN_MONTH[month0] if month0 != 1 else 29 if _is_leap(year) else 28
            append(date(year, month0 + 1, last if eom or day > last else day))
        else:
            append(date(year, month0 + 1, day))
    return result
