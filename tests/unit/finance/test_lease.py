"""Finance lease schedules: numpy-financial cross-checks, timing, residual, deposit, irregular rents."""
from dataclasses import replace
from datetime import date
from decimal import Decimal

import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chalicelib.finance.dates import Frequency
from chalicelib.finance.errors import TermsInvalid
from chalicelib.finance.lease import LeaseMethod, advance_equivalent, lease_periods, lease_schedule
from chalicelib.finance.loan import level_payment
from chalicelib.shared.money import quantize

from .builders import lease_terms

D = Decimal


def _rents(schedule):
    return [row for row in schedule.rows if row.kind == "rent"]


@pytest.mark.parametrize("timing, when", [("arrears", "end"), ("advance", "begin")])
@pytest.mark.parametrize("residual", ["0", "100000.00"])
def test_given_level_rents_when_pricing_then_numpy_financial_pmt_agrees(timing, when, residual):
    schedule = lease_schedule(lease_terms(timing=timing, residual_value=D(residual)))
    expected = -npf.pmt(0.02, 12, 1000000.0, -float(residual), when=when)
    assert abs(float(schedule.level_amount) - expected) <= 0.005


def test_given_rents_in_advance_when_pricing_then_the_first_falls_on_the_start_date_without_interest():
    first = _rents(lease_schedule(lease_terms(timing="advance")))[0]
    assert (first.due_on, first.interest) == (date(2026, 1, 15), D("0.00"))


def test_given_rents_in_arrears_when_pricing_then_the_first_falls_a_period_after_the_start():
    first = _rents(lease_schedule(lease_terms()))[0]
    assert (first.due_on, first.interest) == (date(2026, 4, 15), D("20000.00"))


@settings(max_examples=100, deadline=None)
@given(rate=st.integers(1, 3000), term=st.integers(1, 120), frequency=st.sampled_from(list(Frequency)),
       residual_share=st.integers(0, 50))
def test_given_any_lease_when_rents_are_in_advance_then_they_are_the_arrears_rents_discounted_one_period(
        rate, term, frequency, residual_share):
    terms = lease_terms(annual_rate=D(rate) / 10000, term=term, frequency=frequency,
                        residual_value=D(10000 * residual_share))
    periods = lease_periods(terms)
    arrears = level_payment(terms.financed_amount, terms.annual_rate, periods, target=terms.residual_value)
    advance = level_payment(terms.financed_amount, terms.annual_rate, periods, target=terms.residual_value,
                            in_advance=True)
    assert abs(advance - advance_equivalent(arrears, terms.annual_rate, frequency)) < D("1e-25")
    assert lease_schedule(replace(terms, timing="advance")).level_amount == quantize(advance)


@settings(max_examples=80, deadline=None)
@given(rate=st.integers(0, 3000), term=st.integers(1, 60), timing=st.sampled_from(["advance", "arrears"]),
       method=st.sampled_from(["annuity", "equal_principal"]), residual_share=st.integers(0, 50),
       down_share=st.integers(0, 30))
def test_given_any_lease_when_scheduled_then_principal_sums_to_the_amount_financed(
        rate, term, timing, method, residual_share, down_share):
    terms = lease_terms(annual_rate=D(rate) / 10000, term=term, timing=timing, method=method,
                        residual_value=D(10000 * residual_share), down_payment=D(10000 * down_share))
    schedule = lease_schedule(terms)
    assert schedule.total_principal == terms.financed_amount
    assert all(row.balance >= 0 for row in schedule.rows) and schedule.rows[-1].balance == 0


def test_given_a_residual_in_arrears_when_pricing_then_it_is_owed_after_the_last_rent_and_paid_alone():
    schedule = lease_schedule(lease_terms(residual_value=D("100000.00")))
    last_rent, residual = schedule.rows[-2:]
    assert last_rent.balance == D("100000.00")
    assert (residual.kind, residual.due_on, residual.principal, residual.interest, residual.payment) == (
        "residual", last_rent.due_on, D("100000.00"), D("0.00"), D("100000.00"))


def test_given_a_residual_in_advance_when_pricing_then_it_falls_at_the_end_of_term_with_its_last_interest():
    schedule = lease_schedule(lease_terms(timing="advance", residual_value=D("102000.00")))
    residual = schedule.rows[-1]
    assert residual.due_on == date(2029, 1, 15)
    assert (residual.principal, residual.interest, residual.payment) == (D("100000.00"), D("2000.00"), D("102000.00"))


def test_given_a_down_payment_when_pricing_then_the_lease_finances_the_rest():
    schedule = lease_schedule(lease_terms(down_payment=D("200000.00")))
    assert schedule.financed_amount == schedule.total_principal == D("800000.00")


def test_given_equal_principal_when_pricing_then_principal_parts_are_level():
    schedule = lease_schedule(lease_terms(method="equal_principal"))
    assert {row.principal for row in _rents(schedule)} == {D("83333.33"), D("83333.37")}


def test_given_a_deposit_to_refund_when_pricing_then_rents_are_untouched_and_it_comes_back_at_the_end():
    schedule = lease_schedule(lease_terms(security_deposit=D("50000.00")))
    assert schedule.total_deposit_applied == 0
    assert schedule.deposit_refund == D("50000.00")


def test_given_a_deposit_to_offset_when_pricing_then_it_pays_the_last_rents_last_first():
    schedule = lease_schedule(lease_terms(security_deposit=D("150000.00"), deposit_settlement="offset"))
    rents = _rents(schedule)
    assert rents[-1].payment == D("0.00")
    assert rents[-2].deposit_applied == D("150000.00") - rents[-1].deposit_applied
    assert rents[-2].payment == rents[-2].principal + rents[-2].interest - rents[-2].deposit_applied
    assert schedule.deposit_refund == D("0.00")


def test_given_no_fees_nor_deposit_when_pricing_then_the_implicit_rate_and_apr_are_the_lease_rate():
    schedule = lease_schedule(lease_terms())
    assert abs(schedule.implicit_rate - D("0.08")) < D("0.000001")
    assert schedule.apr == schedule.implicit_rate


def test_given_a_handling_fee_and_deposit_when_pricing_then_the_lessee_apr_exceeds_the_implicit_rate():
    schedule = lease_schedule(lease_terms(handling_fee=D("10000.00"), security_deposit=D("50000.00")))
    assert abs(schedule.implicit_rate - D("0.08")) < D("0.000001")
    assert schedule.apr > D("0.09")


def test_given_irregular_rents_when_pricing_then_the_implied_rate_is_numpy_financial_rate():
    rents = [D("30000.00")] * 12
    schedule = lease_schedule(lease_terms(annual_rate=None, term=12, frequency="monthly", principal=D("300000.00"),
                                          rents=rents, residual_value=D("50000.00")))
    expected = npf.rate(12, 30000.0, -300000.0, 50000.0) * 12
    assert abs(float(schedule.annual_rate) - expected) < 1e-9
    assert [row.payment for row in _rents(schedule)] == rents
    assert schedule.total_principal == D("300000.00")


def test_given_uneven_rents_when_pricing_then_each_is_collected_exactly_and_the_rate_is_their_irr():
    rents = [D("0.00"), D("0.00"), D("400000.00"), D("300000.00"), D("200000.00"), D("200000.00")]
    schedule = lease_schedule(lease_terms(annual_rate=None, term=6, rents=rents, method="irregular"))
    assert [row.payment for row in _rents(schedule)] == rents
    assert abs(schedule.implicit_rate - schedule.annual_rate) < D("0.000001")
    assert schedule.rows[0].principal < 0  # the skipped rents let interest build up


def test_given_irregular_rents_on_a_day_count_when_pricing_then_they_still_repay_exactly():
    rents = [D("95000.00")] * 12
    schedule = lease_schedule(lease_terms(annual_rate=None, rents=rents, day_count="ACT/365F"))
    assert schedule.total_principal == D("1000000.00")
    assert [row.payment for row in _rents(schedule)] == rents


@pytest.mark.parametrize("overrides, field", [
    ({"term": 0}, "term"),
    ({"annual_rate": D("-0.01")}, "annual_rate"),
    ({"annual_rate": None}, "annual_rate"),
    ({"residual_value": D("1000000.00")}, "residual_value"),
    ({"down_payment": D("1000000.00")}, "down_payment"),
    ({"rents": (D("1.00"),) * 12}, "annual_rate"),
    ({"annual_rate": None, "rents": (D("1.00"),) * 11}, "rents"),
    ({"annual_rate": None, "rents": (D("1.00"),) * 12}, "rents"),
    ({"method": "irregular"}, "rents"),
    ({"method": "balloon"}, "method"),
    ({"timing": "sometimes"}, "timing"),
    ({"method": "equal_principal", "in_multiples_of": D("100")}, "in_multiples_of"),
])
def test_given_bad_lease_terms_when_building_then_the_field_is_named(overrides, field):
    with pytest.raises(TermsInvalid) as raised:
        lease_terms(**overrides)
    assert raised.value.field == field


def test_given_rents_with_an_annuity_method_when_building_then_the_lease_becomes_irregular():
    terms = lease_terms(annual_rate=None, rents=(D("100000.00"),) * 12)
    assert terms.method is LeaseMethod.IRREGULAR
