"""Servicing's pure rules for prepayment (the bills after it) and write-off (what it clears)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from chalicelib.ledger.domain import Component
from chalicelib.servicing import domain
from chalicelib.servicing.domain import Contract, Instalment, Part
from chalicelib.servicing.service import write_off_amounts
from chalicelib.shared.errors import RuleViolation


def schedule() -> tuple[Instalment, ...]:
    paid = {Part.PRINCIPAL: D("300.00"), Part.INTEREST: D("10.00")}
    return (
        Instalment(1, date(2026, 1, 31), date(2026, 1, 1), D("300.00"), D("10.00"), paid=paid, billed=True),
        Instalment(2, date(2026, 2, 28), date(2026, 1, 31), D("300.00"), D("7.00")),
        Instalment(3, date(2026, 3, 31), date(2026, 2, 28), D("300.00"), D("4.00")),
        Instalment(4, date(2026, 4, 30), date(2026, 3, 31), D("100.00"), D("1.00")),
    )


def test_a_partial_prepayment_puts_itself_on_the_next_bill_and_the_recalculated_rows_on_the_rest():
    rows = [{"seq": 2, "principal": "200.00", "interest": "3.00", "fee": "0.00"},
            {"seq": 3, "principal": "200.00", "interest": "2.00", "fee": "0.00"},
            {"seq": 4, "principal": "100.00", "interest": "0.50", "fee": "0.00"}]
    after, allocation = domain.prepaid_instalments(schedule(), date(2026, 2, 10), prepaid=D("200.00"),
                                                   accrued=D("2.50"), penalty=D("2.00"), remaining=rows)
    assert [i.seq for i in after] == [1, 2, 3, 4]
    assert after[0] == schedule()[0]
    current = after[1]
    assert (current.principal, current.interest, current.penalty) == (D("400.00"), D("5.50"), D("2.00"))
    assert current.due(Part.PRINCIPAL) == D("200.00") and current.due(Part.INTEREST) == D("3.00")
    assert current.due(Part.PENALTY) == 0
    assert sum(i.principal for i in after) == sum(i.principal for i in schedule())  # still the principal lent
    assert allocation.totals() == {Part.PENALTY: D("2.00"), Part.INTEREST: D("2.50"), Part.PRINCIPAL: D("200.00")}
    assert allocation.overpayment == 0


def test_a_full_prepayment_leaves_nothing_owed_and_drops_the_bills_ahead():
    after, allocation = domain.prepaid_instalments(schedule(), date(2026, 2, 10), prepaid=D("700.00"),
                                                   accrued=D("2.50"), penalty=D("7.00"), remaining=[])
    assert [i.seq for i in after] == [1, 2]
    assert sum(i.outstanding for i in after) == 0
    assert sum(i.principal for i in after) == D("1000.00")
    assert allocation.allocated == D("709.50")


def test_keep_installment_ends_earlier_and_nothing_ahead_is_refused():
    rows = [{"seq": 2, "principal": "300.00", "interest": "3.00"}]
    after, _ = domain.prepaid_instalments(schedule(), date(2026, 2, 10), prepaid=D("400.00"), accrued=D("2.50"),
                                          penalty=D("0"), remaining=rows)
    assert [i.seq for i in after] == [1, 2] and sum(i.principal for i in after) == D("1000.00")
    with pytest.raises(RuleViolation):
        domain.prepaid_instalments(schedule(), date(2026, 5, 1), prepaid=D("1"), accrued=D("0"), penalty=D("0"),
                                   remaining=[])


def contract(kind: str, **over) -> Contract:
    base = dict(contract_id="c", application_id="a", kind=kind, product_code="p", product_version=1, customer_id="x",
                customer_hash="h", currency="CNY", rounding="HALF_EVEN", principal=D("1000.00"),
                disbursed_on=date(2026, 1, 1), instalments=schedule(), annual_rate=D("0.1"),
                interest_accrued=D("15.00"), fees_booked=D("0"))
    return Contract(**{**base, **over})


def test_a_loan_writes_off_its_principal_and_receivables_left():
    amounts = write_off_amounts(contract("loan"))
    assert amounts == {Component.PRINCIPAL: D("700.00"), Component.INTEREST: D("5.00")}


def test_a_lease_writes_off_its_gross_receivable_net_of_unearned_income():
    amounts = write_off_amounts(contract("lease"))
    # gross receivable left = 700 principal + 12 interest not paid; unearned = 22 scheduled - 15 earned
    assert amounts == {Component.UNEARNED_INTEREST: D("7.00"), Component.PRINCIPAL: D("705.00")}
    assert amounts[Component.PRINCIPAL] + amounts[Component.UNEARNED_INTEREST] == D("712.00")
