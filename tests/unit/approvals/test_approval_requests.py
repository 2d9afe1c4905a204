"""Approval requests' one transition table: who may approve, reject, or act alone. Pure."""
from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

import pytest

from chalicelib.approvals.domain import Actor, ApprovalRequest, Status, TRANSITIONS, from_json, to_json
from chalicelib.shared.errors import Conflict, Forbidden

AT = datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc)
APPROVERS = ("finance", "tenant-admin")
MAKER = Actor("sub-maker", "finance@t", frozenset({"finance", "tenant-admin"}))
CHECKER = Actor("sub-checker", "tenant-admin@t", frozenset({"tenant-admin"}))
COLLECTOR = Actor("sub-collector", "collector@t", frozenset({"collector"}))


def a_request(amount: str = "1200.00") -> ApprovalRequest:
    return ApprovalRequest(id="apr_1", action="write_off", subject_id="ct_1", contract_id="ct_1",
                           amount=Decimal(amount), currency="CNY", params={"reason": "gone"}, fingerprint="f",
                           requested_by=MAKER.user_id, requested_by_name=MAKER.username, requested_at=AT)


def test_another_user_with_an_approver_role_approves_it():
    done = a_request().approved(CHECKER, APPROVERS, AT)
    assert (done.status, done.decided_by, done.one_person) == (Status.APPROVED, "sub-checker", False)


def test_its_maker_never_approves_it_whatever_roles_they_hold():
    with pytest.raises(Forbidden) as err:
        a_request().approved(MAKER, APPROVERS, AT)
    assert err.value.code == "approvals.maker_checker"


def test_a_user_without_an_approver_role_neither_approves_nor_rejects():
    for decide in (lambda r: r.approved(COLLECTOR, APPROVERS, AT), lambda r: r.rejected(COLLECTOR, APPROVERS, "x", AT)):
        with pytest.raises(Forbidden) as err:
            decide(a_request())
        assert err.value.code == "approvals.role.forbidden"


def test_its_maker_may_withdraw_it():
    assert a_request().rejected(MAKER, APPROVERS, "mistake", AT).status is Status.REJECTED


def test_a_decided_request_takes_no_other_decision_and_says_what_is_allowed():
    for decided in (a_request().approved(CHECKER, APPROVERS, AT), a_request().rejected(CHECKER, APPROVERS, "no", AT)):
        for decide in (lambda r: r.approved(CHECKER, APPROVERS, AT), lambda r: r.rejected(CHECKER, APPROVERS, "x", AT),
                       lambda r: r.approved_alone(MAKER, Decimal("1e9"), AT)):
            with pytest.raises(Conflict) as err:
                decide(decided)
            assert err.value.code == "approvals.request.illegal_transition"
            assert err.value.details["allowed"] == []
    assert {s for s, _ in TRANSITIONS} == {Status.PENDING}


@pytest.mark.parametrize("limit,alone", [("0", False), ("1200.00", False), ("1200.01", True)])
def test_one_person_suffices_only_strictly_below_the_tenants_limit(limit, alone):
    request = a_request("1200.00")
    if alone:
        done = request.approved_alone(MAKER, Decimal(limit), AT)
        assert (done.status, done.one_person, done.decided_by) == (Status.APPROVED, True, MAKER.user_id)
    else:
        with pytest.raises(Forbidden) as err:
            request.approved_alone(MAKER, Decimal(limit), AT)
        assert err.value.code == "approvals.maker_checker"


def test_another_user_cannot_approve_alone_on_the_makers_behalf():
    with pytest.raises(Forbidden):
        a_request("1.00").approved_alone(CHECKER, Decimal("100"), AT)


def test_a_request_round_trips_through_json_with_exact_amounts():
    done = a_request("1200.10").approved(CHECKER, APPROVERS, AT).done({"written_off": "1200.10"})
    again = from_json(to_json(done), 3)
    assert again == done and again.amount == Decimal("1200.10") and again.version == 3
