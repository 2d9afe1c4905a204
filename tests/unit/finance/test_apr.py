"""IRR, checked against numpy-financial, and the annualisation conventions."""
from datetime import date
from decimal import Decimal, localcontext
from fractions import Fraction

import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chalicelib.finance.apr import effective_annual_rate, irr, nominal_annual_rate, solve_rate, xirr
from chalicelib.finance.errors import NoRateSolution

D = Decimal


@settings(max_examples=150, deadline=None)
@given(outlay=st.integers(1_000, 10_000_000), returns=st.lists(st.integers(0, 3_000_000), min_size=1, max_size=60))
def test_given_conventional_flows_when_solving_the_irr_then_numpy_financial_agrees(outlay, returns):
    flows = [-outlay, *returns]
    expected = npf.irr(flows)
    if not (expected == expected) or expected <= -0.99 or expected > 1e5:  # NaN or out of our search range
        return
    assert abs(float(irr([D(f) for f in flows])) - expected) <= 1e-9 * max(1.0, abs(expected))


def test_given_a_textbook_annuity_when_solving_the_irr_then_it_is_the_period_rate():
    # 1000 repaid by 12 level payments at 1% a month (npf.pmt(0.01, 12, -1000) = 88.8487...).
    flows = [D("1000")] + [D("-88.84878867834168")] * 12
    assert abs(irr(flows) - D("0.01")) < D("1e-15")


def test_given_a_fractional_first_time_when_solving_then_the_flow_is_discounted_by_that_share():
    # 100 now against 110 in 1.5 periods: (1 + r) ** 1.5 = 1.1.
    rate = irr([D(100), D(-110)], [0, Fraction(3, 2)])
    assert abs((1 + rate) ** D("1.5") - D("1.1")) < D("1e-30")


def test_given_flows_years_apart_when_solving_sparsely_then_the_result_matches_the_dense_solution():
    flows, times = [D(-1000), D(0), D(1500)], [0, 0, 3650]
    rate = irr(flows, times)
    with localcontext() as context:
        context.prec = 60
        assert abs((1 + rate) ** 3650 - D("1.5")) < D("1e-25")


def test_given_all_flows_of_one_sign_when_solving_then_there_is_no_rate():
    with pytest.raises(NoRateSolution):
        irr([D(100), D(50)])


def test_given_a_zero_rate_loan_when_solving_then_the_rate_is_zero():
    assert abs(irr([D(300), D(-100), D(-100), D(-100)])) < D("1e-30")


def test_given_a_period_rate_when_annualising_nominally_then_it_is_multiplied_by_periods_per_year():
    assert nominal_annual_rate(D("0.004"), 12) == D("0.048")


def test_given_a_period_rate_when_annualising_effectively_then_it_compounds():
    assert effective_annual_rate(D("0.01"), 12) == D("1.01") ** 12 - 1


def test_given_one_year_of_dated_flows_when_computing_xirr_then_it_is_the_effective_annual_rate():
    rate = xirr([(date(2025, 1, 1), D("-1000")), (date(2026, 1, 1), D("1100"))])
    assert abs(rate - D("0.1")) < D("1e-25")


def test_given_a_monotone_shortfall_when_solving_a_rate_then_the_root_is_found():
    rate = solve_rate(lambda r: r * r - D("0.0049"), low=D(0), high=D("0.01"))
    assert abs(rate - D("0.0049").sqrt()) < D("1e-25")


def test_given_no_crossing_when_solving_a_rate_then_there_is_no_rate():
    with pytest.raises(NoRateSolution):
        solve_rate(lambda r: r + 1, low=D(0), high=D("0.1"), ceiling=D(1))
