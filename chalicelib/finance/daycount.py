"""Day-count conventions: how many days, and what fraction of a year, lie between two dates.

Supported (names as they travel on the wire):

``30/360``    30/360 US ("bond basis" with ISDA's February end-of-month rules, as QuantLib's
              ``Thirty360(USA)``): a start on the last day of February counts as the 30th, and so
              does an end on the last day of February when the start was one too; an end on the 31st
              counts as the 30th when the start is the 30th or 31st; a start on the 31st is the 30th.
``30E/360``   Eurobond basis: any 31st counts as the 30th.
``ACT/360``   actual days / 360.
``ACT/365F``  actual days / 365, leap years included.
``ACT/ACT``   ISDA: days falling in leap years / 366 + days in other years / 365.

Fractions are exact: ``year_fraction_ratio`` returns integers ``(numerator, denominator)``, so
interest ``balance * rate * numerator / denominator`` is rounded once, at the currency's scale.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from math import gcd

from .errors import TermsInvalid


class DayCount(str, Enum):
    THIRTY_360_US = "30/360"
    THIRTY_E_360 = "30E/360"
    ACT_360 = "ACT/360"
    ACT_365F = "ACT/365F"
    ACT_ACT_ISDA = "ACT/ACT"


# Spellings seen in term sheets and other systems, normalised to ours.
_ALIASES = {
    "30/360": DayCount.THIRTY_360_US,
    "30/360 US": DayCount.THIRTY_360_US,
    "30U/360": DayCount.THIRTY_360_US,
    "30/360 USA": DayCount.THIRTY_360_US,
    "BOND BASIS": DayCount.THIRTY_360_US,
    "30E/360": DayCount.THIRTY_E_360,
    "EUROBOND BASIS": DayCount.THIRTY_E_360,
    "ACT/360": DayCount.ACT_360,
    "ACTUAL/360": DayCount.ACT_360,
    "ACT/365F": DayCount.ACT_365F,
    "ACT/365 FIXED": DayCount.ACT_365F,
    "ACTUAL/365F": DayCount.ACT_365F,
    "ACT/365": DayCount.ACT_365F,
    "ACT/ACT": DayCount.ACT_ACT_ISDA,
    "ACT/ACT ISDA": DayCount.ACT_ACT_ISDA,
    "ACTUAL/ACTUAL": DayCount.ACT_ACT_ISDA,
}

PERIOD_RATE = "period"


def parse_day_count(name: str | DayCount | None) -> DayCount | None:
    """The convention for a name; ``None`` (and ``"period"``) means "no day count: period rate"."""
    if name is None or isinstance(name, DayCount):
        return name
    key = " ".join(str(name).strip().upper().split())
    if key == PERIOD_RATE.upper():
        return None
    if key not in _ALIASES:
        raise TermsInvalid("day_count", f"unknown day count {name!r}; use one of "
                           f"{', '.join(d.value for d in DayCount)} or 'period'")
    return _ALIASES[key]


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _is_last_of_february(day: date) -> bool:
    return day.month == 2 and day.day == (29 if _is_leap(day.year) else 28)


def _thirty_360(d1: int, m1: int, y1: int, d2: int, m2: int, y2: int) -> int:
    return 360 * (y2 - y1) + 30 * (m2 - m1) + (d2 - d1)


def day_count(start: date, end: date, convention: DayCount) -> int:
    """Days from ``start`` to ``end`` under the convention (negative when ``end`` is earlier)."""
    if convention is DayCount.THIRTY_360_US:
        d1, d2 = start.day, end.day
        if _is_last_of_february(start):
            if _is_last_of_february(end):
                d2 = 30
            d1 = 30
        if d2 == 31 and d1 >= 30:
            d2 = 30
        if d1 == 31:
            d1 = 30
        return _thirty_360(d1, start.month, start.year, d2, end.month, end.year)
    if convention is DayCount.THIRTY_E_360:
        return _thirty_360(min(start.day, 30), start.month, start.year, min(end.day, 30), end.month, end.year)
    return (end - start).days


def _act_act_isda(start: date, end: date) -> tuple[int, int]:
    # Split [start, end) by calendar year: days in leap years count 1/366, the others 1/365.
    ordinary = leap = 0
    cursor = start
    while cursor < end:
        year_end = date(cursor.year + 1, 1, 1)
        stop = end if end < year_end else year_end
        if _is_leap(cursor.year):
            leap += (stop - cursor).days
        else:
            ordinary += (stop - cursor).days
        cursor = stop
    if leap == 0:
        return ordinary, 365
    if ordinary == 0:
        return leap, 366
    return ordinary * 366 + leap * 365, 365 * 366


def year_fraction_ratio(start: date, end: date, convention: DayCount) -> tuple[int, int]:
    """The exact year fraction as ``(numerator, denominator)`` integers, in lowest terms."""
    if end < start:
        numerator, denominator = year_fraction_ratio(end, start, convention)
        return -numerator, denominator
    if convention is DayCount.ACT_ACT_ISDA:
        numerator, denominator = _act_act_isda(start, end)
    elif convention is DayCount.ACT_365F:
        numerator, denominator = (end - start).days, 365
    else:  # 30/360 US, 30E/360 and ACT/360 all divide by 360
        numerator, denominator = day_count(start, end, convention), 360
    divisor = gcd(numerator, denominator) or 1
    return numerator // divisor, denominator // divisor


def year_fraction(start: date, end: date, convention: DayCount) -> Decimal:
    """The year fraction as a Decimal (exact where it terminates, else to context precision)."""
    numerator, denominator = year_fraction_ratio(start, end, convention)
    return Decimal(numerator) / denominator
