"""Penalty interest on overdue instalments."""
from datetime import date
from decimal import Decimal

import pytest

from chalicelib.finance.errors import TermsInvalid
from chalicelib.finance.penalty import OverdueAmount, PenaltyTerms, penalties, penalty_interest

D = Decimal
OVERDUE = OverdueAmount(due_on=date(2026, 3, 15), principal=D("10000.00"), interest=D("500.00"))


def test_given_a_multiplier_when_30_days_overdue_then_penalty_is_principal_times_1_5_rate_over_360_per_day():
    accrual = penalty_interest(OVERDUE, date(2026, 4, 14), PenaltyTerms(contract_rate=D("0.06"), multiplier=D("1.5")))
    assert (accrual.days, accrual.on_principal, accrual.on_interest) == (30, D("75.00"), D("0.00"))


def test_given_compounding_on_overdue_interest_when_assessing_then_interest_bears_penalty_too():
    terms = PenaltyTerms(contract_rate=D("0.06"), multiplier=D("1.5"), on_overdue_interest=True)
    accrual = penalty_interest(OVERDUE, date(2026, 4, 14), terms)
    assert (accrual.on_interest, accrual.total) == (D("3.75"), D("78.75"))


def test_given_its_own_rate_on_act_365_when_assessing_then_that_rate_and_basis_apply():
    terms = PenaltyTerms(contract_rate=D("0.06"), penalty_rate=D("0.18"), day_count="ACT/365F")
    assert penalty_interest(OVERDUE, date(2026, 4, 14), terms).on_principal == D("147.95")  # 10000 × 18% × 30/365


def test_given_an_instalment_not_yet_overdue_when_assessing_then_there_is_no_penalty():
    accrual = penalty_interest(OVERDUE, date(2026, 3, 15), PenaltyTerms(contract_rate=D("0.06"), multiplier=D("1.5")))
    assert (accrual.days, accrual.total) == (0, D("0.00"))


def test_given_several_overdue_instalments_when_assessing_then_each_accrues_from_its_own_due_date():
    items = [OVERDUE, OverdueAmount(due_on=date(2026, 4, 15), principal=D("10000.00"))]
    accruals, total = penalties(items, date(2026, 4, 14), PenaltyTerms(contract_rate=D("0.06"), multiplier=D("1.5")))
    assert [a.days for a in accruals] == [30, 0]
    assert total == D("75.00")


@pytest.mark.parametrize("overrides, field", [
    ({}, "multiplier"),
    ({"multiplier": D("1.5"), "penalty_rate": D("0.1")}, "multiplier"),
    ({"multiplier": D("0")}, "multiplier"),
    ({"penalty_rate": D("-0.1")}, "penalty_rate"),
    ({"multiplier": D("1.5"), "day_count": "period"}, "day_count"),
])
def test_given_a_bad_penalty_clause_when_building_then_the_field_is_named(overrides, field):
    with pytest.raises(TermsInvalid) as raised:
        PenaltyTerms(contract_rate=D("0.06"), **overrides)
    assert raised.value.field == field
