"""Due dates, checked against QuantLib's Schedule (null calendar, unadjusted, forward, end of month)."""
from datetime import date

import pytest
import QuantLib as ql
from hypothesis import given, settings
from hypothesis import strategies as st

from chalicelib.finance.dates import Frequency, add_periods, due_dates, parse_frequency
from chalicelib.finance.errors import TermsInvalid

QL_TENOR = {
    Frequency.WEEKLY: ql.Period(1, ql.Weeks), Frequency.BIWEEKLY: ql.Period(2, ql.Weeks),
    Frequency.MONTHLY: ql.Period(1, ql.Months), Frequency.QUARTERLY: ql.Period(3, ql.Months),
    Frequency.SEMI_ANNUAL: ql.Period(6, ql.Months), Frequency.ANNUAL: ql.Period(1, ql.Years),
}


def _ql(day: date) -> ql.Date:
    return ql.Date(day.day, day.month, day.year)


def _py(day: ql.Date) -> date:
    return date(day.year(), day.month(), day.dayOfMonth())


def _quantlib_dates(start: date, end: date, frequency: Frequency, first: date | None = None) -> list[date]:
    schedule = ql.Schedule(_ql(start), _ql(end), QL_TENOR[frequency], ql.NullCalendar(), ql.Unadjusted,
                           ql.Unadjusted, ql.DateGeneration.Forward, True, _ql(first) if first else ql.Date())
    return [_py(d) for d in schedule][1:]


starts = st.dates(min_value=date(1995, 1, 1), max_value=date(2050, 12, 31))


@settings(max_examples=200, deadline=None)
@given(start=starts, frequency=st.sampled_from(list(Frequency)), count=st.integers(1, 60))
def test_given_a_start_date_when_generating_due_dates_then_quantlib_agrees(start, frequency, count):
    ours = due_dates(start, frequency, count)
    assert _quantlib_dates(start, ours[-1], frequency) == ours


@settings(max_examples=200, deadline=None)
@given(start=starts, frequency=st.sampled_from([Frequency.MONTHLY, Frequency.QUARTERLY]),
       stub_days=st.integers(1, 50), count=st.integers(2, 36))
def test_given_a_first_due_date_when_generating_due_dates_then_quantlib_agrees(start, frequency, stub_days, count):
    first = date.fromordinal(start.toordinal() + stub_days)
    ours = due_dates(start, frequency, count, first)
    assert _quantlib_dates(start, ours[-1], frequency, first) == ours


def test_given_a_start_on_31_january_when_monthly_then_every_due_date_is_a_month_end():
    assert due_dates(date(2026, 1, 31), Frequency.MONTHLY, 4) == [
        date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30), date(2026, 5, 31)]


def test_given_a_start_on_30_january_when_monthly_then_the_day_is_kept_after_february():
    assert due_dates(date(2026, 1, 30), Frequency.MONTHLY, 3) == [
        date(2026, 2, 28), date(2026, 3, 30), date(2026, 4, 30)]


def test_given_a_start_on_the_last_of_february_when_monthly_then_the_end_of_month_rule_applies():
    assert due_dates(date(2023, 2, 28), Frequency.MONTHLY, 2) == [date(2023, 3, 31), date(2023, 4, 30)]


def test_given_a_first_due_date_when_generating_then_the_rest_follow_it():
    assert due_dates(date(2026, 1, 10), Frequency.MONTHLY, 3, date(2026, 2, 20)) == [
        date(2026, 2, 20), date(2026, 3, 20), date(2026, 4, 20)]


def test_given_a_first_due_date_before_the_start_when_generating_then_it_is_refused():
    with pytest.raises(TermsInvalid) as raised:
        due_dates(date(2026, 1, 10), Frequency.MONTHLY, 3, date(2026, 1, 10))
    assert raised.value.field == "first_due_on"


def test_given_a_first_due_date_beyond_two_periods_when_generating_then_it_is_refused():
    with pytest.raises(TermsInvalid):
        due_dates(date(2026, 1, 10), Frequency.MONTHLY, 3, date(2026, 3, 11))


def test_given_a_weekly_frequency_when_generating_then_dates_are_seven_days_apart():
    assert due_dates(date(2026, 1, 1), Frequency.WEEKLY, 2) == [date(2026, 1, 8), date(2026, 1, 15)]


def test_given_a_month_end_when_going_back_a_period_then_the_end_of_month_rule_holds():
    assert add_periods(date(2026, 2, 28), Frequency.MONTHLY, -1) == date(2026, 1, 31)


@pytest.mark.parametrize("name", ["semi-annual", "semi_annual", "SemiAnnual", "half-yearly"])
def test_given_a_spelling_of_semi_annual_when_parsing_then_it_is_recognised(name):
    assert parse_frequency(name) is Frequency.SEMI_ANNUAL


def test_given_an_unknown_frequency_when_parsing_then_the_field_is_named():
    with pytest.raises(TermsInvalid) as raised:
        parse_frequency("daily")
    assert raised.value.field == "frequency"
