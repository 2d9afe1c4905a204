"""Repayments through the API on the business date: waterfall, suspense, idempotency, reversal, roles."""
from __future__ import annotations

from decimal import Decimal

from tests.integration.origination.flows import ok
from tests.integration.servicing.flows import contract, disbursed_loan, key, total


def test_a_payment_before_anything_is_due_goes_to_suspense_once_per_key(desk):
    made = disbursed_loan(desk)
    finance, headers = desk.as_("finance"), key()
    path = f"/v1/contracts/{made['id']}/repayments"
    first = ok(finance.post(path, {"amount": "500.00", "reference": "TX-1"}, headers=headers), 201)
    again = ok(finance.post(path, {"amount": "500.00", "reference": "TX-1"}, headers=headers), 201)
    assert first["id"] == again["id"] and first["entry_id"] == again["entry_id"]
    assert first["overpayment"] == "500.00" and first["allocation"] == []
    detail = contract(desk, made["id"])
    assert Decimal(detail["suspense"]) == Decimal(detail["balances"]["suspense"]) == Decimal("500.00")
    clash = finance.post(path, {"amount": "501.00"}, headers=headers)
    assert (clash.status, clash.code) == (409, "servicing.idempotency.mismatch")


def test_a_repayment_needs_a_key_and_the_finance_role(desk):
    made = disbursed_loan(desk)
    path = f"/v1/contracts/{made['id']}/repayments"
    assert desk.as_("finance").post(path, {"amount": "10.00"}).code == "servicing.idempotency_key.required"
    for role in ("collector", "loan-officer", "viewer"):
        assert desk.as_(role).post(path, {"amount": "10.00"}, headers=key()).status == 403
    assert desk.as_("finance").post(path, {"amount": "-1"}, headers=key()).status == 422


def test_a_reversed_repayment_leaves_the_ledger_and_the_bills_as_before(desk):
    made = disbursed_loan(desk)
    finance = desk.as_("finance")
    paid = ok(finance.post(f"/v1/contracts/{made['id']}/repayments", {"amount": "80.00"}, headers=key()), 201)
    asked = ok(finance.post(f"/v1/repayments/{paid['id']}/reverse", {"reason": "bounced"}, headers=key()), 202)
    assert (asked["action"], asked["subject_id"], asked["amount"]) == ("repayment_reversal", paid["id"], "80.00")
    assert ok(desk.as_("viewer").get(f"/v1/repayments/{paid['id']}"))["status"] == "posted"  # not before approval
    done = ok(desk.as_("tenant-admin").post(f"/v1/approval-requests/{asked['id']}/approve"))["result"]
    reversed_ = ok(desk.as_("viewer").get(f"/v1/repayments/{paid['id']}"))
    assert reversed_["status"] == done["status"] == "reversed"
    assert reversed_["reversal_entry_id"] == done["reversal_entry_id"] and done["reversal_entry_id"]
    again = finance.post(f"/v1/repayments/{paid['id']}/reverse", {"reason": "again"}, headers=key())
    assert (again.status, again.code) == (409, "servicing.repayment.reversed")
    detail = contract(desk, made["id"])
    assert Decimal(detail["suspense"]) == Decimal(detail["balances"]["suspense"]) == 0
    assert total(detail["schedule"], "paid", "principal") == 0
    assert [h["action"] for h in detail["history"]][-1] == "repayment_reversed"


def test_contracts_list_by_status_with_a_cursor(desk):
    disbursed_loan(desk), disbursed_loan(desk)
    viewer = desk.as_("viewer")
    page = ok(viewer.get("/v1/contracts?status=active&limit=1"))
    assert len(page["items"]) == 1 and page["next"]
    nxt = ok(viewer.get(f"/v1/contracts?status=active&limit=1&next={page['next']}"))
    assert nxt["items"][0]["id"] != page["items"][0]["id"]
    assert ok(viewer.get("/v1/contracts?bucket=M2"))["items"] == []


def test_offline_money_is_refused_on_the_repayment_route_and_nothing_is_recorded(desk):
    made = disbursed_loan(desk)
    finance = desk.as_("finance")
    path = f"/v1/contracts/{made['id']}/repayments"
    before = contract(desk, made["id"])
    for channel in ("offline", "cash", "bank_transfer", "stripe"):
        refused = finance.post(path, {"amount": "80.00", "channel": channel}, headers=key())
        assert (refused.status, refused.code) == (422, "servicing.channel.invalid"), channel
    after = contract(desk, made["id"])
    assert (after["history"], after["balances"], after["suspense"]) == (
        before["history"], before["balances"], before["suspense"])
    assert ok(finance.post(path, {"amount": "80.00", "channel": "api"}, headers=key()), 201)["amount"] == "80.00"
