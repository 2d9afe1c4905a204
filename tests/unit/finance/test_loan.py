"""Loan schedules: published examples, numpy-financial cross-checks, and each convention."""
from datetime import date
from decimal import Decimal, localcontext

import numpy_financial as npf
import pytest

from chalicelib.finance.dates import Frequency
from chalicelib.finance.daycount import DayCount
from chalicelib.finance.errors import TermsInvalid
from chalicelib.finance.loan import Amortization, level_payment, loan_apr, loan_periods, loan_schedule

from .builders import loan_terms

D = Decimal
CENT = D("0.01")


def _payments(schedule):
    return [row.payment for row in schedule.installments]


# --- published worked examples -------------------------------------------------------------


def test_given_a_million_over_30_years_at_4_9_percent_when_annuity_then_the_bank_instalment_is_5307_27():
    # The figure every Chinese mortgage calculator gives for 100万, 30年, 4.9%, 等额本息.
    schedule = loan_schedule(loan_terms(principal=D("1000000.00"), annual_rate=D("0.049"), term=360))
    assert schedule.level_amount == D("5307.27")


def test_given_a_million_over_30_years_at_4_9_percent_when_equal_principal_then_the_first_month_is_6861_11():
    # 等额本金: 1,000,000/360 = 2777.78 principal + 1,000,000 × 0.049/12 = 4083.33 interest.
    schedule = loan_schedule(loan_terms(principal=D("1000000.00"), annual_rate=D("0.049"), term=360,
                                        amortization="equal_principal"))
    first, second = schedule.installments[:2]
    assert (first.principal, first.interest, first.payment) == (D("2777.78"), D("4083.33"), D("6861.11"))
    assert first.payment - second.payment == D("11.34")  # 2777.78 × 0.049/12 less each month


def test_given_a_million_over_30_years_at_4_9_percent_when_equal_principal_then_interest_is_close_to_the_closed_form():
    # Closed form P·r·(n+1)/2 = 737,041.67; per-month rounding of interest moves it by cents only.
    schedule = loan_schedule(loan_terms(principal=D("1000000.00"), annual_rate=D("0.049"), term=360,
                                        amortization="equal_principal"))
    assert abs(schedule.total_interest - D("737041.67")) < D("1.00")


@pytest.mark.parametrize("principal, rate, years, instalment", [
    ("200000.00", "0.065", 30, "1264.14"),  # the textbook 30-year mortgage
    ("100000.00", "0.06", 30, "599.55"),
    ("250000.00", "0.04", 15, "1849.22"),
])
def test_given_a_textbook_mortgage_when_annuity_then_the_monthly_payment_matches(principal, rate, years, instalment):
    schedule = loan_schedule(loan_terms(principal=D(principal), annual_rate=D(rate), term=years * 12, currency="USD"))
    assert schedule.level_amount == D(instalment)


# --- numpy-financial cross-checks ------------------------------------------------------------


def _drift_bound(k: int, r: float) -> float:
    # Rounding the instalment and each period's interest to a cent moves the balance by at most
    # a cent a period, compounded: sum of (1+r)^j for j < k, times 0.01.
    return 0.01 * (((1 + r) ** k - 1) / r if r else k)


@pytest.mark.parametrize("principal, annual_rate, term, frequency", [
    ("100000.00", "0.049", 12, "monthly"), ("350000.00", "0.0365", 60, "monthly"),
    ("80000.00", "0.12", 20, "quarterly"),
    ("5000000.00", "0.0435", 10, "semi-annual"), ("12345.67", "0.18", 52, "weekly"), ("999999.99", "0.0725", 5, "annual"),
])
def test_given_period_rate_terms_when_annuity_then_numpy_financial_agrees(principal, annual_rate, term, frequency):
    schedule = loan_schedule(loan_terms(principal=D(principal), annual_rate=D(annual_rate), term=term,
                                        frequency=frequency))
    r = float(annual_rate) / Frequency(frequency).periods_per_year
    pv = float(principal)
    assert abs(float(schedule.level_amount) + npf.pmt(r, term, pv)) <= 0.005 + 1e-9
    for row in schedule.installments:
        interest = -float(npf.ipmt(r, row.seq, term, pv))
        principal_part = -float(npf.ppmt(r, row.seq, term, pv))
        tolerance = 0.005 + r * _drift_bound(row.seq - 1, r) + 1e-9
        assert abs(float(row.interest) - interest) <= tolerance
        if row.seq < term:
            assert abs(float(row.principal) - principal_part) <= tolerance + 0.005
        # The balance is exactly what our rounded instalment leaves: npf.fv with that instalment.
        balance = -float(npf.fv(r, row.seq, -float(schedule.level_amount), pv))
        assert abs(float(row.balance) - balance) <= _drift_bound(row.seq, r) / 2 + 0.01


@pytest.mark.parametrize("balloon", ["20000.00", "50000.00"])
def test_given_a_balloon_when_pricing_then_the_instalment_is_numpy_financial_pmt_with_that_future_value(balloon):
    schedule = loan_schedule(loan_terms(principal=D("100000.00"), annual_rate=D("0.06"), term=36,
                                        amortization="balloon", balloon=D(balloon)))
    expected = -npf.pmt(0.005, 36, 100000.0, -float(balloon))
    assert abs(float(schedule.level_amount) - expected) <= 0.005
    assert schedule.installments[-1].principal > D(balloon)  # the balloon falls due with the last instalment


# --- conventions --------------------------------------------------------------------------------


@pytest.mark.parametrize("amortization", [a.value for a in Amortization if a is not Amortization.BALLOON])
def test_given_any_amortization_when_pricing_then_principal_sums_to_the_amount_lent(amortization):
    schedule = loan_schedule(loan_terms(amortization=amortization, principal=D("100000.01"), term=7))
    assert schedule.total_principal == D("100000.01")
    assert schedule.installments[-1].balance == 0


def test_given_annuity_when_pricing_then_every_instalment_but_the_last_is_the_level_amount():
    schedule = loan_schedule(loan_terms(term=24))
    assert set(_payments(schedule)[:-1]) == {schedule.level_amount}


def test_given_interest_only_when_pricing_then_principal_comes_with_the_last_instalment():
    schedule = loan_schedule(loan_terms(amortization="interest_only"))
    assert [row.principal for row in schedule.installments[:-1]] == [D("0.00")] * 11
    assert schedule.installments[-1].principal == D("100000.00")
    assert {row.interest for row in schedule.installments} == {D("500.00")}


def test_given_bullet_when_pricing_then_one_instalment_carries_principal_and_simple_interest():
    schedule = loan_schedule(loan_terms(amortization="bullet", term=6))
    (only,) = schedule.installments
    assert (only.due_on, only.principal, only.interest) == (date(2026, 7, 15), D("100000.00"), D("3000.00"))


def test_given_bullet_on_act_365_when_pricing_then_interest_runs_on_the_real_days():
    schedule = loan_schedule(loan_terms(amortization="bullet", term=6, day_count="ACT/365F"))
    assert schedule.installments[0].interest == D("2975.34")  # 181 days: 100000 × 0.06 × 181/365


def test_given_flat_interest_when_pricing_then_every_period_charges_interest_on_the_original_principal():
    schedule = loan_schedule(loan_terms(amortization="flat"))
    assert {row.interest for row in schedule.installments} == {D("500.00")}
    assert schedule.total_interest == D("6000.00")


def test_given_the_same_dates_when_pricing_by_day_count_then_interest_differs_from_the_period_rate():
    by_period = loan_schedule(loan_terms(start_on=date(2026, 1, 31)))
    by_days = loan_schedule(loan_terms(start_on=date(2026, 1, 31), day_count="ACT/365F"))
    assert by_period.installments[0].interest == D("500.00")
    assert by_days.installments[0].interest == D("460.27")  # 28 days of February: 100000 × 0.06 × 28/365


def test_given_30_360_mid_month_when_pricing_then_every_month_has_30_days():
    schedule = loan_schedule(loan_terms(day_count="30/360", amortization="interest_only"))
    assert {row.interest for row in schedule.installments} == {D("500.00")}


def test_given_30_360_us_from_31_january_when_pricing_then_february_has_28_days_and_the_rest_30():
    schedule = loan_schedule(loan_terms(start_on=date(2026, 1, 31), day_count="30/360", amortization="interest_only"))
    assert schedule.installments[0].interest == D("466.67")  # 100000 × 0.06 × 28/360
    assert {row.interest for row in schedule.installments[1:]} == {D("500.00")}


def test_given_a_day_count_when_solving_the_instalment_then_it_still_retires_the_loan_to_rounding():
    schedule = loan_schedule(loan_terms(term=36, day_count="ACT/360"))
    # Only the instalment's rounding (≤ half a cent a period, compounded) is left for the last one.
    assert abs(schedule.installments[-1].payment - schedule.level_amount) <= D("0.005") * 36 * D("1.2")


def test_given_a_short_stub_at_the_period_rate_when_pricing_then_interest_is_prorated_on_actual_days():
    # 10 Jan → 1 Feb is 22 days against the 31-day regular period ending 1 Feb.
    schedule = loan_schedule(loan_terms(start_on=date(2026, 1, 10), first_due_on=date(2026, 2, 1),
                                        amortization="interest_only"))
    assert schedule.installments[0].interest == D("354.84")  # 500 × 22/31
    assert schedule.installments[1].interest == D("500.00")


def test_given_a_long_stub_on_act_365_when_pricing_then_interest_covers_the_real_days():
    schedule = loan_schedule(loan_terms(start_on=date(2026, 1, 10), first_due_on=date(2026, 3, 1),
                                        amortization="interest_only", day_count="ACT/365F"))
    assert schedule.installments[0].interest == D("821.92")  # 50 days: 100000 × 0.06 × 50/365


def test_given_a_stub_when_pricing_an_annuity_then_the_instalment_is_level_from_the_first_row():
    schedule = loan_schedule(loan_terms(start_on=date(2026, 1, 10), first_due_on=date(2026, 2, 25), term=12))
    assert set(_payments(schedule)[:-1]) == {schedule.level_amount}
    assert schedule.total_principal == D("100000.00")


def test_given_a_first_due_date_on_the_regular_cycle_when_pricing_then_it_is_not_a_stub():
    regular = loan_schedule(loan_terms())
    explicit = loan_schedule(loan_terms(first_due_on=date(2026, 2, 15)))
    assert explicit.installments == regular.installments


def test_given_principal_grace_when_pricing_then_the_first_periods_pay_interest_only():
    schedule = loan_schedule(loan_terms(grace_on_principal=3))
    assert [row.payment for row in schedule.installments[:3]] == [D("500.00")] * 3
    # The annuity of the whole principal over the 9 periods left.
    assert abs(float(schedule.level_amount) + npf.pmt(0.005, 9, 100000.0)) <= 0.005
    assert schedule.installments[0].principal == D("0.00")
    assert schedule.total_principal == D("100000.00")


def test_given_capitalised_interest_grace_when_pricing_then_interest_joins_the_balance_and_nothing_is_paid():
    schedule = loan_schedule(loan_terms(grace_on_interest=2, interest_grace="capitalised"))
    first, second = schedule.installments[:2]
    assert (first.principal, first.interest, first.payment, first.balance) == (
        D("-500.00"), D("500.00"), D("0.00"), D("100500.00"))
    assert (second.interest, second.balance) == (D("502.50"), D("101002.50"))  # interest on interest
    assert schedule.total_principal == D("100000.00")


def test_given_deferred_interest_grace_when_pricing_then_it_is_paid_with_the_first_instalment_after():
    schedule = loan_schedule(loan_terms(grace_on_interest=2, interest_grace="deferred"))
    first, second, third = schedule.installments[:3]
    assert (first.payment, second.payment, first.balance) == (D("0.00"), D("0.00"), D("100000.00"))
    assert third.interest == D("1500.00")  # two deferred periods, without interest on them, plus its own
    assert third.payment == schedule.level_amount + D("1000.00")


def test_given_capitalised_grace_when_compared_with_deferred_then_it_costs_more_interest():
    capitalised = loan_schedule(loan_terms(grace_on_interest=3, interest_grace="capitalised"))
    deferred = loan_schedule(loan_terms(grace_on_interest=3, interest_grace="deferred"))
    assert capitalised.total_interest > deferred.total_interest


def test_given_instalments_in_multiples_of_ten_when_pricing_then_the_level_amount_is_a_multiple():
    schedule = loan_schedule(loan_terms(in_multiples_of=D("10")))
    assert schedule.level_amount == D("8610")
    assert schedule.total_principal == D("100000.00")


def test_given_a_multiple_rounded_far_up_when_pricing_then_the_loan_retires_early():
    schedule = loan_schedule(loan_terms(in_multiples_of=D("20000"), rounding="UP", term=12))
    assert len(schedule.installments) == 6
    assert schedule.installments[-1].balance == 0


def test_given_yen_when_pricing_then_amounts_have_no_decimals():
    schedule = loan_schedule(loan_terms(principal=D("1000000"), currency="JPY", annual_rate=D("0.015")))
    assert all(row.payment == row.payment.to_integral_value() for row in schedule.installments)
    assert schedule.total_principal == D("1000000")


@pytest.mark.parametrize("rounding, level", [("HALF_EVEN", "8606.64"), ("UP", "8606.65"), ("DOWN", "8606.64")])
def test_given_a_rounding_mode_when_pricing_then_it_rounds_the_instalment(rounding, level):
    assert loan_schedule(loan_terms(rounding=rounding)).level_amount == D(level)


def test_given_a_zero_rate_when_pricing_an_annuity_then_principal_is_spread_evenly():
    schedule = loan_schedule(loan_terms(annual_rate=D("0"), principal=D("1000.00"), term=3))
    assert _payments(schedule) == [D("333.33"), D("333.33"), D("333.34")]


def test_given_fees_with_instalments_when_pricing_then_payment_includes_them():
    schedule = loan_schedule(loan_terms(fee_per_installment=D("10.00"), fee_first_installment=D("99.00")))
    first, second = schedule.installments[:2]
    assert (first.fee, second.fee) == (D("109.00"), D("10.00"))
    assert first.payment == first.principal + first.interest + first.fee


def test_given_the_same_accruals_when_solving_a_level_payment_then_it_is_the_closed_form():
    terms = loan_terms(day_count=None, term=24)
    periods = loan_periods(terms)
    with localcontext() as context:
        context.prec = 50
        r = D("0.005")
        closed_form = terms.principal * r / (1 - (1 + r) ** -24)
    assert abs(level_payment(terms.principal, terms.annual_rate, periods) - closed_form) < D("1e-30")


def test_given_a_plain_annuity_when_computing_its_apr_then_it_is_the_contract_rate():
    terms = loan_terms(principal=D("1000000.00"), annual_rate=D("0.049"), term=360)
    apr = loan_apr(loan_schedule(terms), terms.principal, terms.frequency)
    assert abs(apr - D("0.049")) < D("0.000001")


def test_given_an_upfront_fee_when_computing_the_apr_then_it_rises_above_the_contract_rate():
    terms = loan_terms()
    apr = loan_apr(loan_schedule(terms), terms.principal, terms.frequency, upfront_fees=D("1000.00"))
    assert D("0.0780") < apr < D("0.0790")


def test_given_equal_principal_when_computing_the_apr_then_numpy_financial_irr_agrees():
    terms = loan_terms(amortization="equal_principal", term=24, fee_per_installment=D("25.00"))
    schedule = loan_schedule(terms)
    flows = [float(terms.principal)] + [-float(p) for p in _payments(schedule)]
    assert abs(float(loan_apr(schedule, terms.principal, terms.frequency)) - npf.irr(flows) * 12) < 1e-12


# --- refused terms ------------------------------------------------------------------------------


@pytest.mark.parametrize("overrides, field", [
    ({"term": 0}, "term"),
    ({"term": -3}, "term"),
    ({"annual_rate": D("-0.01")}, "annual_rate"),
    ({"annual_rate": D("4.9")}, "annual_rate"),
    ({"principal": D("0")}, "principal"),
    ({"principal": D("100.001")}, "principal"),
    ({"principal": 100.5}, "principal"),
    ({"amortization": "balloon"}, "balloon"),
    ({"amortization": "annuity", "balloon": D("100.00")}, "balloon"),
    ({"amortization": "balloon", "balloon": D("100000.00")}, "balloon"),
    ({"amortization": "balloon", "balloon_rate": D("1")}, "balloon_rate"),
    ({"amortization": "bullet", "grace_on_principal": 2}, "grace_on_principal"),
    ({"amortization": "bullet", "first_due_on": date(2026, 2, 1)}, "first_due_on"),
    ({"amortization": "interest_only", "in_multiples_of": D("10")}, "in_multiples_of"),
    ({"amortization": "flat", "grace_on_interest": 1}, "grace_on_interest"),
    ({"grace_on_principal": 12}, "grace_on_principal"),
    ({"currency": "XXX"}, "currency"),
    ({"rounding": "NEAREST"}, "rounding"),
    ({"frequency": "daily"}, "frequency"),
    ({"interest_grace": "forgiven"}, "interest_grace"),
])
def test_given_bad_terms_when_building_then_the_offending_field_is_named(overrides, field):
    with pytest.raises(TermsInvalid) as raised:
        loan_terms(**overrides)
    assert raised.value.field == field


def test_given_a_first_due_date_before_the_start_when_scheduling_then_it_is_refused():
    with pytest.raises(TermsInvalid) as raised:
        loan_schedule(loan_terms(first_due_on=date(2026, 1, 1)))
    assert raised.value.field == "first_due_on"


def test_given_a_balloon_rate_when_pricing_then_the_balloon_is_that_share_of_principal():
    terms = loan_terms(amortization="balloon", balloon_rate=D("0.3"))
    assert terms.balloon_amount == D("30000.00")
    assert loan_schedule(terms).installments[-2].balance > D("30000.00")


def test_given_day_count_names_when_building_then_they_become_conventions():
    assert loan_terms(day_count="act/360").day_count is DayCount.ACT_360
