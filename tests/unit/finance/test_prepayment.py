"""Prepayment quotes and the schedule left after a partial prepayment."""
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chalicelib.finance.errors import TermsInvalid
from chalicelib.finance.loan import loan_schedule
from chalicelib.finance.prepayment import PrepaymentTerms, quote_prepayment

from .builders import loan_terms

D = Decimal
TERMS = loan_terms(principal=D("120000.00"))  # 12 monthly instalments from 15 Jan 2026, 6% a year


def _balance_after(terms, seq):
    return loan_schedule(terms).installments[seq - 1].balance


def test_given_a_due_date_when_prepaying_in_full_then_only_the_balance_is_due():
    quote = quote_prepayment(TERMS, PrepaymentTerms(prepaid_on=date(2026, 4, 15)))
    assert quote.is_full
    assert (quote.prepaid_principal, quote.accrued_interest, quote.penalty) == (
        _balance_after(TERMS, 3), D("0.00"), D("0.00"))
    assert quote.total_due == _balance_after(TERMS, 3)


def test_given_mid_period_at_the_period_rate_when_prepaying_then_interest_accrues_on_elapsed_days():
    quote = quote_prepayment(TERMS, PrepaymentTerms(prepaid_on=date(2026, 4, 30)))
    outstanding = _balance_after(TERMS, 3)
    assert quote.accrued_interest == (outstanding * D("0.005") * 15 / 30).quantize(D("0.01"))


def test_given_mid_period_on_a_day_count_when_prepaying_then_interest_accrues_on_the_real_days():
    terms = loan_terms(principal=D("120000.00"), day_count="ACT/365F")
    quote = quote_prepayment(terms, PrepaymentTerms(prepaid_on=date(2026, 4, 30)))
    assert quote.accrued_interest == (_balance_after(terms, 3) * D("0.06") * 15 / 365).quantize(D("0.01"))


def test_given_a_penalty_rate_when_prepaying_then_it_is_that_share_of_the_principal_prepaid():
    quote = quote_prepayment(TERMS, PrepaymentTerms(prepaid_on=date(2026, 4, 15), amount=D("50000.00"),
                                                    penalty_rate=D("0.01")))
    assert quote.penalty == D("500.00")


def test_given_penalty_periods_when_prepaying_then_it_is_that_many_periods_of_interest_on_the_principal_prepaid():
    quote = quote_prepayment(TERMS, PrepaymentTerms(prepaid_on=date(2026, 4, 15), amount=D("50000.00"),
                                                    penalty_periods=3))
    assert quote.penalty == D("750.00")  # 50,000 × 0.5% × 3


def test_given_keep_term_when_prepaying_part_then_the_same_due_dates_carry_a_lower_instalment():
    original = loan_schedule(TERMS)
    quote = quote_prepayment(TERMS, PrepaymentTerms(prepaid_on=date(2026, 4, 15), amount=D("50000.00")))
    remaining = quote.remaining.installments
    assert [row.due_on for row in remaining] == [row.due_on for row in original.installments[3:]]
    assert [row.seq for row in remaining] == list(range(4, 13))
    assert quote.remaining.level_amount < original.level_amount
    assert quote.remaining.total_principal == _balance_after(TERMS, 3) - D("50000.00")


def test_given_keep_installment_when_prepaying_part_then_the_loan_ends_earlier_at_the_same_instalment():
    original = loan_schedule(TERMS)
    quote = quote_prepayment(TERMS, PrepaymentTerms(prepaid_on=date(2026, 4, 15), amount=D("50000.00"),
                                                    strategy="keep_installment"))
    remaining = quote.remaining.installments
    assert len(remaining) < 9
    assert {row.payment for row in remaining[:-1]} == {original.level_amount}
    assert remaining[-1].balance == 0


def test_given_a_partial_prepayment_when_quoting_then_interest_is_saved():
    quote = quote_prepayment(TERMS, PrepaymentTerms(prepaid_on=date(2026, 4, 30), amount=D("50000.00")))
    assert quote.interest_saved > 0


def test_given_mid_period_when_prepaying_part_then_the_next_instalment_accrues_only_from_the_prepayment():
    quote = quote_prepayment(loan_terms(principal=D("120000.00"), amortization="interest_only"),
                             PrepaymentTerms(prepaid_on=date(2026, 4, 30), amount=D("60000.00")))
    next_row = quote.remaining.installments[0]
    assert next_row.interest == D("150.00")  # 60,000 × 0.5% × 15/30
    assert quote.accrued_interest == D("300.00")  # 120,000 × 0.5% × 15/30


@settings(max_examples=60, deadline=None)
@given(days=st.integers(1, 330), share=st.integers(1, 99), amortization=st.sampled_from(["annuity", "equal_principal"]),
       strategy=st.sampled_from(["keep_term", "keep_installment"]),
       day_count=st.sampled_from([None, "ACT/360", "30/360"]))
def test_given_any_partial_prepayment_when_quoting_then_what_is_left_sums_to_the_balance_less_the_prepayment(
        days, share, amortization, strategy, day_count):
    terms = loan_terms(principal=D("120000.00"), amortization=amortization, day_count=day_count)
    on = date(2026, 1, 15) + timedelta(days=days)
    schedule = loan_schedule(terms)
    paid = [row for row in schedule.installments if row.due_on <= on]
    outstanding = paid[-1].balance if paid else terms.principal
    amount = (outstanding * share / 100).quantize(D("0.01"))
    quote = quote_prepayment(terms, PrepaymentTerms(prepaid_on=on, amount=amount, strategy=strategy), schedule)
    assert quote.remaining.total_principal == outstanding - amount
    assert all(row.balance >= 0 for row in quote.remaining.installments)


@pytest.mark.parametrize("terms, prepayment, field", [
    (TERMS, PrepaymentTerms(prepaid_on=date(2026, 1, 15)), "prepaid_on"),
    (TERMS, PrepaymentTerms(prepaid_on=date(2027, 1, 15)), "prepaid_on"),
    (loan_terms(grace_on_principal=6), PrepaymentTerms(prepaid_on=date(2026, 3, 1)), "prepaid_on"),
    (TERMS, PrepaymentTerms(prepaid_on=date(2026, 4, 15), amount=D("999999.00")), "amount"),
    (loan_terms(amortization="flat"), PrepaymentTerms(prepaid_on=date(2026, 4, 15), amount=D("100.00")), "strategy"),
    (loan_terms(amortization="interest_only"),
     PrepaymentTerms(prepaid_on=date(2026, 4, 15), amount=D("100.00"), strategy="keep_installment"), "strategy"),
    (loan_terms(amortization="balloon", balloon=D("90000.00")),
     PrepaymentTerms(prepaid_on=date(2026, 4, 15), amount=D("20000.00")), "amount"),
])
def test_given_an_unsupported_prepayment_when_quoting_then_the_field_is_named(terms, prepayment, field):
    with pytest.raises(TermsInvalid) as raised:
        quote_prepayment(terms, prepayment)
    assert raised.value.field == field


def test_given_both_penalties_when_building_then_it_is_refused():
    with pytest.raises(TermsInvalid) as raised:
        PrepaymentTerms(prepaid_on=date(2026, 4, 15), penalty_rate=D("0.01"), penalty_periods=1)
    assert raised.value.field == "penalty_rate"
