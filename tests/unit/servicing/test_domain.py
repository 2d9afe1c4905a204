"""Servicing's pure rules: the repayment waterfall, accrual, arrears and buckets (no AWS)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from chalicelib.servicing import domain
from chalicelib.servicing.domain import Instalment, Part, Tolerance
from chalicelib.shared.errors import Conflict, RuleViolation


def bills() -> tuple[Instalment, ...]:
    return (
        Instalment(1, date(2026, 1, 31), date(2026, 1, 1), D("100.00"), D("10.00"), D("2.00"), D("1.50"), billed=True),
        Instalment(2, date(2026, 2, 28), date(2026, 1, 31), D("100.00"), D("9.00")),
    )


def test_the_default_waterfall_pays_penalty_fee_interest_principal_oldest_first_and_the_rest_is_overpayment():
    allocation = domain.repayment_allocation(bills(), D("120.00"), date(2026, 2, 5))
    assert allocation.lines == ((1, Part.PENALTY, D("1.50")), (1, Part.FEE, D("2.00")), (1, Part.INTEREST, D("10.00")),
                                (1, Part.PRINCIPAL, D("100.00")))
    assert allocation.overpayment == D("6.50")  # the second bill is not due yet
    assert allocation.allocated + allocation.overpayment == D("120.00")


def test_a_partial_payment_under_another_strategy_takes_principal_first():
    allocation = domain.repayment_allocation(bills(), D("105.00"), date(2026, 2, 5), "principal_interest_penalty_fee")
    assert allocation.totals() == {Part.PRINCIPAL: D("100.00"), Part.INTEREST: D("5.00")}
    assert allocation.overpayment == 0


def test_an_unknown_strategy_or_a_non_positive_amount_is_refused():
    with pytest.raises(RuleViolation):
        domain.repayment_allocation(bills(), D("1.00"), date(2026, 2, 5), "whatever")
    with pytest.raises(RuleViolation):
        domain.repayment_allocation(bills(), D("0"), date(2026, 2, 5))


def test_applying_then_reversing_an_allocation_restores_the_bills():
    allocation = domain.repayment_allocation(bills(), D("50.00"), date(2026, 3, 1))
    paid = domain.apply_allocation(bills(), allocation)
    assert paid[0].due(Part.PRINCIPAL) == D("63.50")
    back = domain.apply_allocation(paid, allocation, -1)
    assert [b.outstanding for b in back] == [b.outstanding for b in bills()]


def test_interest_is_earned_day_by_day_and_adds_up_to_the_schedule_exactly():
    schedule = bills()
    assert domain.interest_earned(schedule, date(2026, 1, 1), "CNY", "HALF_EVEN") == D("0.00")
    assert domain.interest_earned(schedule, date(2026, 1, 16), "CNY", "HALF_EVEN") == D("5.00")
    assert domain.interest_earned(schedule, date(2026, 3, 1), "CNY", "HALF_EVEN") == D("19.00")


@pytest.mark.parametrize("dpd,bucket", [(0, "current"), (1, "M1"), (30, "M1"), (31, "M2"), (60, "M2"), (61, "M3"),
                                        (90, "M3"), (91, "M4+")])
def test_buckets_follow_days_past_due(dpd, bucket):
    assert domain.bucket_for(dpd) == bucket


def test_an_instalment_within_the_tolerance_is_not_overdue():
    small = Instalment(1, date(2026, 1, 31), date(2026, 1, 1), D("0.80"), D("0"), billed=True)
    tolerance = Tolerance(D("1.00"), 3)
    assert not domain.is_overdue(small, date(2026, 3, 1), tolerance)
    big = bills()[0]
    assert not domain.is_overdue(big, date(2026, 2, 3), tolerance)
    assert domain.is_overdue(big, date(2026, 2, 4), tolerance)
    assert domain.days_past_due(bills(), date(2026, 2, 4), tolerance) == 4


def test_the_lifecycle_moves_only_through_its_table():
    assert domain.transition(domain.ContractStatus.ACTIVE, domain.ContractEvent.PAY_OFF) is domain.ContractStatus.CLOSED
    with pytest.raises(Conflict):
        domain.transition(domain.ContractStatus.CLOSED, domain.ContractEvent.WRITE_OFF)


def test_a_factoring_bill_is_the_face_amount_and_upfront_interest_is_already_paid():
    quote = {"interest_collection": "upfront", "upfront": {"interest": "5900.00"}, "installments": [
        {"seq": 1, "due_date": "2027-01-21", "principal": "480000.00", "reserve": "120000.00", "interest": "5900.00",
         "fee": "1800.00"}]}
    schedule = domain.schedule_from_quote(quote, "factoring", date(2026, 11, 23))
    assert schedule[0].principal == D("600000.00")
    paid = domain.interest_paid_upfront(schedule, domain.upfront_interest(quote))
    assert paid[0].due(Part.INTEREST) == 0
