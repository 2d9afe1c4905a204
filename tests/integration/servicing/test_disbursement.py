"""Disbursing signed applications: ledger postings, the contract in force, idempotency, roles, tenants."""
from __future__ import annotations

from decimal import Decimal

from tests.integration.origination.flows import ok
from tests.integration.servicing.flows import contract, key, signed_loan, total


def test_a_signed_loan_disburses_once_into_a_contract_whose_bills_sum_to_the_principal(desk):
    # Given a signed 30,000 loan
    app_id = signed_loan(desk)
    finance, headers = desk.as_("finance"), key()
    # When finance disburses it twice under the same key, and once more under another
    first = ok(finance.post(f"/v1/applications/{app_id}/disburse", {"reference": "BANK-1"}, headers=headers))
    again = ok(finance.post(f"/v1/applications/{app_id}/disburse", {"reference": "BANK-1"}, headers=headers))
    third = ok(finance.post(f"/v1/applications/{app_id}/disburse", {}, headers=key()))
    # Then there is one contract, in force, and the application is disbursed
    assert first["id"] == again["id"] == third["id"] and first["status"] == "active"
    assert desk.get(app_id)["status"] == "disbursed"
    detail = contract(desk, first["id"])
    # The schedule's principal is the disbursed principal, to the cent, and the ledger holds it once
    assert total(detail["schedule"], "scheduled", "principal") == Decimal("30000.00") == Decimal(detail["principal"])
    assert Decimal(detail["balances"]["principal"]) == Decimal("30000.00")
    assert [h["action"] for h in detail["history"]] == ["disbursed"]
    assert all(i["status"] == "not_due" for i in detail["schedule"])


def test_an_idempotency_key_cannot_name_two_applications(desk):
    a, b = signed_loan(desk), signed_loan(desk)
    headers = key()
    ok(desk.as_("finance").post(f"/v1/applications/{a}/disburse", {}, headers=headers))
    clash = desk.as_("finance").post(f"/v1/applications/{b}/disburse", {}, headers=headers)
    assert (clash.status, clash.code) == (409, "servicing.idempotency.mismatch")


def test_only_finance_disburses_and_only_a_signed_application(desk):
    app_id = desk.loan_approved()
    for role in ("loan-officer", "tenant-admin", "viewer"):
        r = desk.as_(role).post(f"/v1/applications/{app_id}/disburse", {}, headers=key())
        assert (r.status, r.code) == (403, "auth.role.forbidden"), role
    unsigned = desk.as_("finance").post(f"/v1/applications/{app_id}/disburse", {}, headers=key())
    assert unsigned.status == 409


def test_another_tenants_contract_and_application_read_as_absent(desk, api):
    from tests.integration.servicing.flows import disbursed_loan

    made = disbursed_loan(desk)
    other = api.as_("finance@demo-leasing")
    assert other.get(f"/v1/contracts/{made['id']}").status == 404
    assert other.post(f"/v1/applications/{made['application_id']}/disburse", {}, headers=key()).status == 404
    assert other.post(f"/v1/contracts/{made['id']}/repayments", {"amount": "1.00"}, headers=key()).status == 404
    assert made["id"] not in [c["id"] for c in ok(other.get("/v1/contracts?limit=200"))["items"]]


def test_a_lease_books_its_gross_receivable_fee_and_deposit(servicing_routes, demo_products, api):
    from tests.builders import LEASE_PRODUCT
    from tests.integration.origination.flows import Desk

    desk = Desk(api, "demo-leasing")
    app_id = desk.lease_draft()
    desk.submitted(app_id, LEASE_PRODUCT)
    ok(desk.review(app_id, "first")), ok(desk.review(app_id, "second"))
    desk.signed(app_id)
    made = ok(desk.as_("finance").post(f"/v1/applications/{app_id}/disburse", {}, headers=key()))
    detail = ok(desk.as_("viewer").get(f"/v1/contracts/{made['id']}"))
    interest = total(detail["schedule"], "scheduled", "interest")
    assert total(detail["schedule"], "scheduled", "principal") == Decimal("1000000.00")
    # CAS 21: the receivable is gross, unearned finance income its contra; the deposit is held
    assert Decimal(detail["balances"]["principal"]) == Decimal("1000000.00") + interest
    assert Decimal(detail["balances"]["unearned"]) == interest
    assert Decimal(detail["balances"]["deposit"]) == Decimal("100000.00")
