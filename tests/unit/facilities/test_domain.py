"""The facility's rules without AWS: the transition table, segregation of duties, dates, sub-limits."""
from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from chalicelib.credit.domain import Actor, Balance, Facility, SubLimit, draw_refusal
from chalicelib.credit.lifecycle import TRANSITIONS, Action, Status, allowed_actions, next_status
from chalicelib.shared.errors import Conflict, Forbidden, RuleViolation

AT = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)
TODAY = date(2026, 11, 23)
MAKER, FIRST, SECOND = Actor("sub-maker", "maker"), Actor("sub-first", "first"), Actor("sub-second", "second")


def facility(amount="2000000.00", subs=()) -> Facility:
    return Facility.apply("fac_1", "cus_1", "客户", "h" * 64, Decimal(amount), "CNY", True, TODAY,
                          date(2027, 11, 22), subs, MAKER, AT, TODAY, Decimal("1000000.00"))


def test_only_an_active_facility_may_draw_and_every_status_has_a_way_out_or_is_terminal():
    assert [s for s in Status if (s, Action.DRAW) in TRANSITIONS] == [Status.ACTIVE]
    for s in (Status.REJECTED, Status.WITHDRAWN, Status.CLOSED):
        assert allowed_actions(s) == []
    with pytest.raises(Conflict) as exc:
        next_status(Status.FROZEN, Action.DRAW)
    assert exc.value.details["allowed_actions"] == ["unfreeze", "expire", "close"]


def test_above_the_threshold_the_first_reviewer_escalates_and_a_different_second_reviewer_approves():
    f = facility().transition(Action.CLAIM_FIRST, FIRST, AT, TODAY)
    with pytest.raises(RuleViolation, match="second review"):
        f.transition(Action.APPROVE_FIRST, FIRST, AT, TODAY)
    f = f.transition(Action.ESCALATE, FIRST, AT, TODAY)
    with pytest.raises(Forbidden) as same:
        f.transition(Action.APPROVE_SECOND, FIRST, AT, TODAY)
    assert same.value.code == "facilities.review.same_reviewer"
    with pytest.raises(Forbidden):
        f.transition(Action.APPROVE_SECOND, MAKER, AT, TODAY)
    f = f.transition(Action.APPROVE_SECOND, SECOND, AT, TODAY)
    assert f.status is Status.APPROVED and [h.action for h in f.history] == [
        "apply", "claim_first", "escalate", "approve_second"]


def test_the_maker_may_not_review_and_only_the_maker_withdraws():
    with pytest.raises(Forbidden) as exc:
        facility().transition(Action.CLAIM_FIRST, MAKER, AT, TODAY)
    assert exc.value.code == "facilities.review.own_facility"
    with pytest.raises(Forbidden):
        facility().transition(Action.WITHDRAW, FIRST, AT, TODAY)
    assert facility().transition(Action.WITHDRAW, MAKER, AT, TODAY).status is Status.WITHDRAWN


def test_draws_are_dated_by_the_business_date_so_a_backdated_application_cannot_pass_an_expiry():
    valid_to = date(2026, 12, 31)
    assert draw_refusal(Status.ACTIVE, TODAY, valid_to, date(2026, 12, 31)) is None
    assert draw_refusal(Status.ACTIVE, TODAY, valid_to, date(2027, 1, 1)).code == "facilities.drawdown.facility_expired"
    assert draw_refusal(Status.FROZEN, TODAY, valid_to, TODAY).code == "facilities.drawdown.facility_frozen"
    assert draw_refusal(Status.APPROVED, TODAY, valid_to, TODAY).code == "facilities.drawdown.facility_not_active"


def test_a_product_outside_the_sub_limits_is_refused_and_sub_limits_may_sum_above_the_facility():
    subs = (SubLimit("product:SME-OPERATING", Decimal("1500000.00")), SubLimit("kind:loan", Decimal("1500000.00")))
    f = facility(subs=subs)
    assert f.sub_limit_for("SME-OPERATING", "loan").key == "product:SME-OPERATING"
    assert f.sub_limit_for("CONSUMER-INSTALMENT", "loan").key == "kind:loan"
    with pytest.raises(RuleViolation) as exc:
        f.sub_limit_for("DIRECT-LEASE", "lease")
    assert exc.value.code == "facilities.drawdown.product_not_covered"
    assert facility().sub_limit_for("DIRECT-LEASE", "lease") is None  # no sub-limits: any product


def test_available_is_limit_minus_utilized_minus_blocked_never_negative():
    assert Balance(Decimal("100.00"), Decimal("30.00"), Decimal("20.00")).available == Decimal("50.00")
    assert Balance(Decimal("100.00"), Decimal("90.00"), Decimal("20.00")).available == 0
    assert not Balance(Decimal("100.00"), Decimal("90.00"), Decimal("20.00")).consistent(Decimal("-10.00"))
