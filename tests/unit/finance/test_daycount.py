"""Day counts, checked against QuantLib's day counters and ISDA's published examples."""
from datetime import date, timedelta
from decimal import Decimal

import pytest
import QuantLib as ql
from hypothesis import given, settings
from hypothesis import strategies as st

from chalicelib.finance.daycount import DayCount, day_count, parse_day_count, year_fraction, year_fraction_ratio
from chalicelib.finance.errors import TermsInvalid

D = Decimal

QUANTLIB = {
    DayCount.THIRTY_360_US: ql.Thirty360(ql.Thirty360.USA),
    DayCount.THIRTY_E_360: ql.Thirty360(ql.Thirty360.European),
    DayCount.ACT_360: ql.Actual360(),
    DayCount.ACT_365F: ql.Actual365Fixed(),
    DayCount.ACT_ACT_ISDA: ql.ActualActual(ql.ActualActual.ISDA),
}

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
# Month ends and February are where conventions disagree: draw them often.
month_ends = st.builds(lambda y, m: (date(y, m % 12 + 1, 1) if m < 12 else date(y + 1, 1, 1)) - timedelta(days=1),
                       st.integers(1990, 2060), st.integers(1, 12))
any_date = st.one_of(dates, month_ends)


def _ql(day: date) -> ql.Date:
    return ql.Date(day.day, day.month, day.year)


@settings(max_examples=300, deadline=None)
@given(convention=st.sampled_from(list(DayCount)), start=any_date, span=st.integers(0, 3000))
def test_given_two_dates_when_counting_days_then_quantlib_agrees(convention, start, span):
    end = start + timedelta(days=span)
    assert day_count(start, end, convention) == QUANTLIB[convention].dayCount(_ql(start), _ql(end))


@settings(max_examples=300, deadline=None)
@given(convention=st.sampled_from(list(DayCount)), start=any_date, end=any_date)
def test_given_two_dates_when_taking_the_year_fraction_then_quantlib_agrees(convention, start, end):
    if end < start:
        start, end = end, start
    ours = year_fraction(start, end, convention)
    theirs = QUANTLIB[convention].yearFraction(_ql(start), _ql(end))
    assert abs(float(ours) - theirs) < 1e-12


def test_given_the_isda_example_when_taking_act_act_then_it_splits_the_leap_year():
    # ISDA 2006 definitions, 4.16(b) example: 1 Nov 2003 to 1 May 2004 = 61/365 + 121/366.
    ratio = year_fraction_ratio(date(2003, 11, 1), date(2004, 5, 1), DayCount.ACT_ACT_ISDA)
    assert ratio == (61 * 366 + 121 * 365, 365 * 366)


def test_given_a_start_on_the_31st_when_counting_30_360_then_it_is_the_30th():
    assert day_count(date(2026, 1, 31), date(2026, 3, 31), DayCount.THIRTY_360_US) == 60


def test_given_the_last_of_february_when_counting_30_360_us_then_it_counts_as_the_30th():
    assert day_count(date(2023, 2, 28), date(2023, 3, 31), DayCount.THIRTY_360_US) == 30


def test_given_the_last_of_february_when_counting_30e_360_then_it_stays_the_28th():
    assert day_count(date(2023, 2, 28), date(2023, 3, 31), DayCount.THIRTY_E_360) == 32


def test_given_a_quarter_when_taking_act_360_then_the_fraction_is_exact():
    assert year_fraction(date(2026, 1, 15), date(2026, 4, 15), DayCount.ACT_360) == D(90) / 360


def test_given_reversed_dates_when_taking_a_fraction_then_it_is_negative():
    assert year_fraction_ratio(date(2026, 2, 1), date(2026, 1, 1), DayCount.ACT_365F) == (-31, 365)


@pytest.mark.parametrize("name, expected", [("30/360", DayCount.THIRTY_360_US), ("act/365f", DayCount.ACT_365F),
                                            ("ACT/ACT ISDA", DayCount.ACT_ACT_ISDA), (None, None), ("period", None)])
def test_given_a_name_when_parsing_a_day_count_then_it_maps_to_the_convention(name, expected):
    assert parse_day_count(name) is expected


def test_given_an_unknown_name_when_parsing_a_day_count_then_the_field_is_named():
    with pytest.raises(TermsInvalid) as raised:
        parse_day_count("ACT/999")
    assert raised.value.field == "day_count"
