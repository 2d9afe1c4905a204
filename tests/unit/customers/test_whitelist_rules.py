"""Whitelist rules on hand-made customers: who is on the list, for exactly how much, and why."""
from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from chalicelib.customers.whitelists import AmountRule, WhitelistIn, entry_of, pre_approved_amount
from chalicelib.customers.eligibility import Candidate
from chalicelib.origination.customers.domain import VerificationLevel


def person(**over) -> Candidate:
    base = dict(customer_id="cus_1", subsidiary_id="demo-lending", identity_hash="h" * 64, name="张*",
                customer_type="individual", verification_level=VerificationLevel.REGISTERED,
                exposure=Decimal("12345.67"), days_past_due=0, region="310101", industry=None)
    return Candidate(**{**base, **over})


def rule(amount: dict, **eligibility) -> WhitelistIn:
    return WhitelistIn.model_validate({"name": "top-up", "products": ["CONSUMER-INSTALMENT"], "validity_days": 30,
                                       "amount": amount, "eligibility": eligibility})


def test_a_fixed_amount_is_the_same_for_everyone_on_the_list():
    e = entry_of(rule({"kind": "fixed", "amount": "50000"}, customer_types=["individual"]), person())
    assert e is not None and e["pre_approved_amount"] == Decimal("50000.00")
    assert e["reasons"][-1] == {"rule": "amount", "passed": True, "detail": "fixed 50000.00"}


def test_a_multiple_of_exposure_is_rounded_down_to_cents_and_capped():
    r = AmountRule.model_validate({"kind": "multiple", "factor": "1.5", "cap": "20000"})
    assert pre_approved_amount(r, person())[0] == Decimal("18518.50")  # 1.5 × 12,345.67 = 18,518.505 → down
    assert pre_approved_amount(r, person(exposure=Decimal("20000")))[0] == Decimal("20000.00")  # capped
    assert "capped at 20000" in pre_approved_amount(r, person(exposure=Decimal("20000")))[1]


def test_no_exposure_gives_nothing_unless_a_floor_is_set():
    bare = {"kind": "multiple", "factor": "2", "cap": "30000"}
    assert entry_of(rule(bare), person(exposure=Decimal(0))) is None
    e = entry_of(rule({**bare, "floor": "5000"}), person(exposure=Decimal(0)))
    assert e is not None and e["pre_approved_amount"] == Decimal("5000.00")


def test_each_failing_dimension_keeps_the_customer_off_the_list():
    fixed = {"kind": "fixed", "amount": "1000"}
    assert entry_of(rule(fixed, max_days_past_due=0), person(days_past_due=3)) is None
    assert entry_of(rule(fixed, max_exposure="10000"), person()) is None
    assert entry_of(rule(fixed, regions=["44"]), person()) is None
    assert entry_of(rule(fixed, customer_types=["enterprise"]), person()) is None
    assert entry_of(rule(fixed, min_verification_level="phone_verified"), person()) is None
    assert entry_of(rule(fixed, industries=["C3"]), person(industry="F51")) is None
    ok = entry_of(rule(fixed, max_days_past_due=5, max_exposure="20000", regions=["31"]), person(days_past_due=3))
    assert ok is not None
    assert [r["rule"] for r in ok["reasons"]] == ["exposure", "days_past_due", "region", "amount"]


@pytest.mark.parametrize("amount", [{"kind": "fixed"}, {"kind": "fixed", "amount": "0"},
                                    {"kind": "multiple", "factor": "2"}, {"kind": "multiple", "cap": "1"},
                                    {"kind": "multiple", "factor": "2", "cap": "10", "floor": "11"},
                                    {"kind": "fixed", "amount": 1000.5}])
def test_an_amount_rule_that_cannot_be_computed_is_refused(amount):
    with pytest.raises(ValidationError):
        AmountRule.model_validate(amount)
