"""Collections (queue by bucket, actions logged), write-off by tenant-admin, recovery after write-off.

Contracts are disbursed on the session's business date and their arrears come from a schedule that started in the past, so
everything is booked on that business date (this module sorts before the time-travel one)."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from tests.integration.origination.flows import Desk, ok
from tests.integration.servicing.flows import contract, disbursed_loan, key, total
from tests.support import TEST_BUSINESS_DATE

D = Decimal


@pytest.fixture(scope="module")
def late_loan(servicing_routes, demo_products, shared_api) -> tuple[Desk, str]:
    """A loan whose first instalment fell due ~10 days ago: a 1.00 payment brings its arrears up to date (M1)."""
    desk = Desk(shared_api, "demo-lending")
    start = TEST_BUSINESS_DATE - timedelta(days=41)
    made = disbursed_loan(desk, principal="6000.00", start_date=start.isoformat())
    ok(desk.as_("finance").post(f"/v1/contracts/{made['id']}/repayments", {"amount": "1.00"}, headers=key()), 201)
    return desk, made["id"]


def test_the_collections_queue_lists_overdue_contracts_by_bucket_for_collectors(late_loan):
    desk, contract_id = late_loan
    detail = contract(desk, contract_id)
    assert detail["bucket"] == "M1" and 0 < detail["days_past_due"] <= 30
    for role in ("collector", "finance", "tenant-admin", "viewer"):
        queue = ok(desk.as_(role).get("/v1/collections?bucket=M1&limit=200"))
        assert contract_id in [c["id"] for c in queue["items"]]
    listed = next(c for c in queue["items"] if c["id"] == contract_id)
    assert listed["customer_label"]  # whom to call, without opening the contract (a person's name masked)
    assert contract_id not in [c["id"] for c in ok(desk.as_("collector").get("/v1/collections?bucket=M2"))["items"]]
    assert desk.as_("loan-officer").get("/v1/collections?bucket=M1").status == 403
    assert desk.as_("collector").get("/v1/collections?bucket=current").status in (400, 422)


def test_collection_actions_are_logged_with_who_and_when_and_show_in_the_history(late_loan):
    desk, contract_id = late_loan
    path, collector = f"/v1/contracts/{contract_id}/collection-actions", desk.as_("collector")
    call = ok(collector.post(path, {"type": "call", "note": "no answer"}), 201)
    assert call["by"].startswith("collector@") and call["at"] and call["bucket"] == "M1"
    promised_on = (TEST_BUSINESS_DATE + timedelta(days=7)).isoformat()
    promise = ok(collector.post(path, {"type": "promise_to_pay", "note": "will pay Friday",
                                       "promised_on": promised_on, "promised_amount": "500.00"}), 201)
    assert promise["promised_on"] == promised_on and D(promise["promised_amount"]) == D("500.00")
    incomplete = collector.post(path, {"type": "promise_to_pay", "note": "soon"})
    assert (incomplete.status, incomplete.code) == (422, "servicing.collection.promise.incomplete")
    assert collector.post(path, {"type": "email"}).status in (400, 422)
    assert desk.as_("viewer").post(path, {"type": "call"}).status == 403
    listed = ok(desk.as_("viewer").get(path))["items"]
    assert [a["type"] for a in listed][-2:] == ["call", "promise_to_pay"]
    logged = [h for h in contract(desk, contract_id)["history"] if h["action"] == "collection_action"]
    assert [h["details"]["type"] for h in logged][-2:] == ["call", "promise_to_pay"]
    assert all(h["actor"].startswith("collector@") and h["at"] for h in logged)


def approved(desk: Desk, request: dict, role: str) -> dict:
    """``request`` approved by the demo user holding ``role`` (another person than its maker)."""
    done = ok(desk.as_(role).post(f"/v1/approval-requests/{request['id']}/approve"))
    assert done["status"] == "approved" and done["result"], done
    return done


def test_a_write_off_is_asked_by_tenant_admin_and_runs_only_when_another_user_approves(late_loan):
    desk, contract_id = late_loan
    path = f"/v1/contracts/{contract_id}/write-off"
    before = contract(desk, contract_id)
    for role in ("finance", "collector"):
        assert desk.as_(role).post(path, {"reason": "uncollectable"}, headers=key()).status == 403
    assert desk.as_("tenant-admin").post(path, {}, headers=key()).status in (400, 422)
    assert desk.as_("tenant-admin").post(path, {"reason": "x"}).code == "servicing.idempotency_key.required"
    headers = key()
    asked = desk.as_("tenant-admin").post(path, {"reason": "debtor absconded"}, headers=headers)
    assert asked.status == 202, asked.body
    request = asked.body
    owed_interest = D(before["interest_accrued"]) - total(before["schedule"], "paid", "interest")
    assert (request["action"], request["status"], request["contract_id"]) == ("write_off", "pending", contract_id)
    assert D(request["amount"]) == D(before["outstanding_principal"]) + owed_interest
    # Nothing is written off yet; the request waits in the queue and on the contract
    pending = contract(desk, contract_id)
    assert pending["status"] == "active" and pending["balances"] == before["balances"]
    assert request["id"] in [r["id"] for r in ok(desk.as_("viewer").get("/v1/approval-requests?limit=200"))["items"]]
    assert [r["id"] for r in ok(desk.as_("viewer").get(f"/v1/contracts/{contract_id}/approval-requests"))["items"]][0] \
        == request["id"]
    retry = desk.as_("tenant-admin").post(path, {"reason": "debtor absconded"}, headers=headers)
    assert (retry.status, retry.body["id"]) == (202, request["id"])
    # Its maker cannot approve it; a role that does not approve write-offs cannot either
    own = desk.as_("tenant-admin").post(f"/v1/approval-requests/{request['id']}/approve")
    assert (own.status, own.code) == (403, "approvals.maker_checker")
    assert desk.as_("collector").post(f"/v1/approval-requests/{request['id']}/approve").status == 403
    assert contract(desk, contract_id)["status"] == "active"

    done = approved(desk, request, "finance")
    assert done["decided_by_name"].startswith("finance@") and not done["one_person"]
    assert done["result"]["status"] == "written_off"
    assert D(done["result"]["written_off"]) == D(request["amount"])
    assert ok(desk.as_("finance").post(f"/v1/approval-requests/{request['id']}/approve")) == done  # idempotent
    refused = desk.as_("finance").post(f"/v1/approval-requests/{request['id']}/reject", {"reason": "late"})
    assert (refused.status, refused.code) == (409, "approvals.request.illegal_transition")
    after = contract(desk, contract_id)
    assert after["status"] == "written_off"
    assert all(D(after["balances"][k]) == 0 for k in ("principal", "interest", "penalty", "fee"))
    assert after["history"][-1]["action"] == "written_off"
    assert after["history"][-1]["details"]["reason"] == "debtor absconded"
    again = desk.as_("tenant-admin").post(path, {"reason": "twice"}, headers=key())
    assert (again.status, again.code) == (409, "servicing.contract.illegal_transition")
    assert contract_id not in [c["id"] for c in ok(desk.as_("collector").get("/v1/collections?bucket=M1&limit=200"))["items"]]

    recoveries, headers = f"/v1/contracts/{contract_id}/recoveries", key()
    assert desk.as_("tenant-admin").post(recoveries, {"amount": "100.00"}, headers=key()).status == 403
    assert desk.as_("finance").post(recoveries, {"amount": "100.00"}).code == "servicing.idempotency_key.required"
    first = desk.as_("finance").post(recoveries, {"amount": "300.00", "reference": "R-1"}, headers=headers)
    assert first.status == 202 and first.body["status"] == "pending"
    again = desk.as_("finance").post(recoveries, {"amount": "300.00", "reference": "R-1"}, headers=headers)
    assert again.body["id"] == first.body["id"]
    clash = desk.as_("finance").post(recoveries, {"amount": "301.00"}, headers=headers)
    assert (clash.status, clash.code) == (409, "servicing.idempotency.mismatch")
    assert [h["action"] for h in contract(desk, contract_id)["history"]].count("recovery") == 0
    recovered = approved(desk, first.body, "tenant-admin")["result"]
    assert recovered["status"] == "posted" and recovered["entry_id"]
    second = ok(desk.as_("finance").post(recoveries, {"amount": "0.50"}, headers=key()), 202)
    approved(desk, second, "tenant-admin")
    assert [h["action"] for h in contract(desk, contract_id)["history"]].count("recovery") == 2
    assert D(contract(desk, contract_id)["history"][-1]["details"]["amount"]) == D("0.50")


def test_a_rejected_request_runs_nothing_and_cannot_then_be_approved(servicing_routes, demo_products, shared_api):
    desk = Desk(shared_api, "demo-lending")
    made = disbursed_loan(desk)
    asked = ok(desk.as_("tenant-admin").post(f"/v1/contracts/{made['id']}/write-off", {"reason": "no"},
                                             headers=key()), 202)
    assert desk.as_("collector").post(f"/v1/approval-requests/{asked['id']}/reject", {"reason": "x"}).status == 403
    rejected = ok(desk.as_("finance").post(f"/v1/approval-requests/{asked['id']}/reject", {"reason": "keep trying"}))
    assert (rejected["status"], rejected["reason"], rejected["result"]) == ("rejected", "keep trying", None)
    assert ok(desk.as_("finance").post(f"/v1/approval-requests/{asked['id']}/reject", {"reason": "again"})) == rejected
    late = desk.as_("finance").post(f"/v1/approval-requests/{asked['id']}/approve")
    assert (late.status, late.code) == (409, "approvals.request.illegal_transition")
    assert late.body["error"]["details"]["allowed"] == []
    assert contract(desk, made["id"])["status"] == "active"
    assert asked["id"] in [r["id"] for r in ok(desk.as_("viewer").get("/v1/approval-requests?status=rejected"
                                                                        "&limit=200"))["items"]]
    assert asked["id"] not in [r["id"] for r in ok(desk.as_("viewer").get("/v1/approval-requests?limit=200"))["items"]]


def test_a_user_holding_both_roles_still_cannot_approve_what_they_asked_for(servicing_routes, demo_products,
                                                                          shared_api):
    from tests.builders import cognito_user

    desk = Desk(shared_api, "demo-lending")
    made = disbursed_loan(desk)
    both = shared_api.as_(cognito_user("demo-lending", ["finance", "tenant-admin"], prefix="both"))
    paid = ok(desk.as_("finance").post(f"/v1/contracts/{made['id']}/repayments", {"amount": "50.00"},
                                       headers=key()), 201)
    asked = ok(both.post(f"/v1/repayments/{paid['id']}/reverse", {"reason": "bounced"}, headers=key()), 202)
    own = both.post(f"/v1/approval-requests/{asked['id']}/approve")
    assert (own.status, own.code) == (403, "approvals.maker_checker")
    assert ok(desk.as_("viewer").get(f"/v1/repayments/{paid['id']}"))["status"] == "posted"
    assert approved(desk, asked, "finance")["result"]["status"] == "reversed"


def test_another_tenant_sees_no_request_and_cannot_decide_one(servicing_routes, demo_products, shared_api):
    desk = Desk(shared_api, "demo-lending")
    made = disbursed_loan(desk)
    asked = ok(desk.as_("tenant-admin").post(f"/v1/contracts/{made['id']}/write-off", {"reason": "r"},
                                             headers=key()), 202)
    other = shared_api.as_("finance@demo-leasing")
    for res in (other.get(f"/v1/approval-requests/{asked['id']}"),
                other.post(f"/v1/approval-requests/{asked['id']}/approve")):
        assert (res.status, res.code) == (404, "approvals.request.not_found")
    assert contract(desk, made["id"])["status"] == "active"


def test_below_the_tenants_four_eyes_limit_one_person_suffices(servicing_routes, demo_products, shared_api):
    from chalicelib import bootstrap

    desk = Desk(shared_api, "demo-lending")
    made = disbursed_loan(desk)
    finance = desk.as_("finance")
    small = ok(finance.post(f"/v1/contracts/{made['id']}/repayments", {"amount": "40.00"}, headers=key()), 201)
    large = ok(finance.post(f"/v1/contracts/{made['id']}/repayments", {"amount": "60.00"}, headers=key()), 201)
    registry = bootstrap.tenant_registry()
    original = registry.get("demo-lending").definition
    limits = original.four_eyes_below.model_copy(update={"repayment_reversal": D("50.00")})
    registry.upsert(original.model_copy(update={"four_eyes_below": limits}))
    try:
        alone = finance.post(f"/v1/repayments/{small['id']}/reverse", {"reason": "duplicate"}, headers=key())
        assert alone.status == 201, alone.body
        assert (alone.body["status"], alone.body["one_person"]) == ("approved", True)
        assert alone.body["result"]["status"] == "reversed"
        needs_two = ok(finance.post(f"/v1/repayments/{large['id']}/reverse", {"reason": "duplicate"},
                                    headers=key()), 202)
        assert needs_two["status"] == "pending"
        assert ok(desk.as_("viewer").get(f"/v1/repayments/{large['id']}"))["status"] == "posted"
    finally:
        registry.upsert(original)
    assert original.four_eyes_below.repayment_reversal == 0  # the default: always two people


def test_a_recovery_needs_a_written_off_contract(late_loan):
    desk, _ = late_loan
    made = disbursed_loan(desk)
    refused = desk.as_("finance").post(f"/v1/contracts/{made['id']}/recoveries", {"amount": "1.00"}, headers=key())
    assert (refused.status, refused.code) == (409, "servicing.contract.illegal_transition")
    assert ok(desk.as_("viewer").get(f"/v1/contracts/{made['id']}/approval-requests"))["items"] == []


def test_a_written_off_lease_clears_its_gross_receivable_and_unearned_income(servicing_routes, demo_products, api):
    from tests.builders import LEASE_PRODUCT

    desk = Desk(api, "demo-leasing")
    app_id = desk.lease_draft()
    desk.submitted(app_id, LEASE_PRODUCT)
    ok(desk.review(app_id, "first")), ok(desk.review(app_id, "second"))
    desk.signed(app_id)
    made = ok(desk.as_("finance").post(f"/v1/applications/{app_id}/disburse", {}, headers=key()))
    asked = ok(desk.as_("tenant-admin").post(f"/v1/contracts/{made['id']}/write-off", {"reason": "asset destroyed"},
                                             headers=key()), 202)
    done = approved(desk, asked, "finance")["result"]
    assert D(done["written_off"]) == D("1000000.00")
    after = contract(desk, made["id"])
    assert all(D(after["balances"][k]) == 0 for k in ("principal", "unearned", "penalty", "fee"))
    assert D(after["balances"]["deposit"]) == D("100000.00")  # still owed back to the lessee
