"""Which dates one close of business closes (``closing.domain.dates_to_close``)."""
from __future__ import annotations

from datetime import date

import pytest

from chalicelib.closing.domain import ClosingState, dates_to_close
from chalicelib.shared.errors import RuleViolation

OPENED, TODAY = date(2026, 11, 23), date(2026, 11, 25)


def test_a_first_close_catches_up_from_the_day_the_books_opened():
    assert dates_to_close(ClosingState(opened_on=OPENED), TODAY, TODAY) == [
        date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25)]


def test_a_date_before_the_books_opened_is_refused_and_so_cannot_drag_the_last_closed_date_back():
    # Found by Schemathesis: {"date": "2000-01-01"} was closed, and the next close then caught up 26 years.
    with pytest.raises(RuleViolation) as refused:
        dates_to_close(ClosingState(opened_on=OPENED), date(2000, 1, 1), TODAY)
    assert refused.value.code == "servicing.eod.before_opening"


def test_a_date_after_the_business_date_is_refused():
    with pytest.raises(RuleViolation) as refused:
        dates_to_close(ClosingState(opened_on=OPENED), date(2026, 11, 26), TODAY)
    assert refused.value.code == "servicing.eod.future_date"
