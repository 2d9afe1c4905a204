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


def test_a_write_off_by_tenant_admin_clears_the_receivables_and_recoveries_follow(late_loan):
    desk, contract_id = late_loan
    path = f"/v1/contracts/{contract_id}/write-off"
    before = contract(desk, contract_id)
    for role in ("finance", "collector"):
        assert desk.as_(role).post(path, {"reason": "uncollectable"}).status == 403
    assert desk.as_("tenant-admin").post(path, {}).status in (400, 422)
    done = ok(desk.as_("tenant-admin").post(path, {"reason": "debtor absconded"}))
    assert done["status"] == "written_off"
    owed_interest = D(before["interest_accrued"]) - total(before["schedule"], "paid", "interest")
    assert D(done["written_off"]) == D(before["outstanding_principal"]) + owed_interest
    after = contract(desk, contract_id)
    assert all(D(after["balances"][k]) == 0 for k in ("principal", "interest", "penalty", "fee"))
    assert after["history"][-1]["action"] == "written_off"
    assert after["history"][-1]["details"]["reason"] == "debtor absconded"
    again = desk.as_("tenant-admin").post(path, {"reason": "twice"})
    assert (again.status, again.code) == (409, "servicing.contract.illegal_transition")
    assert contract_id not in [c["id"] for c in ok(desk.as_("collector").get("/v1/collections?bucket=M1&limit=200"))["items"]]

    recoveries, headers = f"/v1/contracts/{contract_id}/recoveries", key()
    assert desk.as_("tenant-admin").post(recoveries, {"amount": "100.00"}, headers=key()).status == 403
    assert desk.as_("finance").post(recoveries, {"amount": "100.00"}).code == "servicing.idempotency_key.required"
    first = ok(desk.as_("finance").post(recoveries, {"amount": "300.00", "reference": "R-1"}, headers=headers), 201)
    again = ok(desk.as_("finance").post(recoveries, {"amount": "300.00", "reference": "R-1"}, headers=headers), 201)
    assert first["id"] == again["id"] and first["entry_id"] == again["entry_id"] and first["status"] == "posted"
    clash = desk.as_("finance").post(recoveries, {"amount": "301.00"}, headers=headers)
    assert (clash.status, clash.code) == (409, "servicing.idempotency.mismatch")
    ok(desk.as_("finance").post(recoveries, {"amount": "0.50"}, headers=key()), 201)
    assert [h["action"] for h in contract(desk, contract_id)["history"]].count("recovery") == 2


def test_a_recovery_needs_a_written_off_contract(late_loan):
    desk, _ = late_loan
    made = disbursed_loan(desk)
    refused = desk.as_("finance").post(f"/v1/contracts/{made['id']}/recoveries", {"amount": "1.00"}, headers=key())
    assert (refused.status, refused.code) == (409, "servicing.contract.illegal_transition")


def test_a_written_off_lease_clears_its_gross_receivable_and_unearned_income(servicing_routes, demo_products, api):
    from tests.builders import LEASE_PRODUCT

    desk = Desk(api, "demo-leasing")
    app_id = desk.lease_draft()
    desk.submitted(app_id, LEASE_PRODUCT)
    ok(desk.review(app_id, "first")), ok(desk.review(app_id, "second"))
    desk.signed(app_id)
    made = ok(desk.as_("finance").post(f"/v1/applications/{app_id}/disburse", {}, headers=key()))
    done = ok(desk.as_("tenant-admin").post(f"/v1/contracts/{made['id']}/write-off", {"reason": "asset destroyed"}))
    assert D(done["written_off"]) == D("1000000.00")
    after = contract(desk, made["id"])
    assert all(D(after["balances"][k]) == 0 for k in ("principal", "unearned", "penalty", "fee"))
    assert D(after["balances"]["deposit"]) == D("100000.00")  # still owed back to the lessee
