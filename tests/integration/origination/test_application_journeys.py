"""Loan, lease and factoring applications from draft to disbursement, through the API, with the demo
users of each role."""
from __future__ import annotations

import hashlib

import pytest

from chalicelib.origination.applications import service
from tests.builders import (
    FACTORING_PRODUCT,
    LEASE_PRODUCT,
    LOAN_PRODUCT,
    adult_individual,
    attach_checklist,
    loan_application,
)
from tests.integration.origination.conftest import staff_context
from tests.integration.origination.flows import Desk, ok
from tests.support import TEST_BUSINESS_DATE


def transitions(app: dict) -> list[tuple[str, str, str]]:
    return [(e["action"], e["to_status"], e["actor"]["username"]) for e in app["timeline"] if e["kind"] == "transition"]


def test_a_loan_from_draft_to_disbursed_with_two_reviews(origination):
    desk = Desk(origination, "demo-lending")
    customer = desk.customer(adult_individual())
    # Given a draft for 80,000 (above the product's second-review threshold of 50,000)
    draft = ok(desk.officer.post("/v1/applications", loan_application(customer, principal="80000.00")), 201)
    app_id = draft["id"]
    assert (draft["status"], draft["assignee"], draft["kind"]) == ("draft", "loan-officer@demo-lending", "loan")
    attach_checklist(desk.officer, app_id, LOAN_PRODUCT)

    # When it is submitted, the terms are priced on the active version and the risk check runs
    submitted = ok(desk.officer.post(desk.path(app_id, "submit")))
    assert submitted["status"] == "risk_checked"
    assert submitted["product_version"] >= 1 and submitted["amount"] == "80000.00"
    assert len(submitted["quote"]["installments"]) == 12
    assert submitted["risk"]["decision"] == "pass" and submitted["second_review_required"] is True

    # The first reviewer takes it (it is now in their queue) and approves it to the second reviewer
    claimed = ok(desk.as_("first-reviewer").post(desk.path(app_id, "claim")))
    assert (claimed["status"], claimed["assignee"]) == ("first_review", "first-reviewer@demo-lending")
    mine = ok(desk.as_("first-reviewer").get("/v1/applications?assignee=me&status=first_review&limit=200"))
    assert app_id in {a["id"] for a in mine["items"]}
    assert ok(desk.review(app_id, "first", note="income verified"))["status"] == "second_review"

    # The second reviewer sees the first reviewer's note and the risk outcome, and approves
    seen = ok(desk.as_("second-reviewer").get(desk.path(app_id)))
    assert seen["reviews"][0]["note"] == "income verified" and seen["risk"]["rules"]
    approved = ok(desk.review(app_id, "second", note="agreed"))
    assert approved["status"] == "approved" and approved["sign_by"]

    # A preview is available once approved; issuing stores the contract with its SHA-256
    assert ok(desk.officer.get(desk.path(app_id, "contract")))["preview"] is True
    issued = desk.contract_issued(app_id)
    assert issued["status"] == "contract_issued" and issued["contract_id"].startswith("ctr_")
    contract = ok(desk.as_("viewer").get(desk.path(app_id, "contract")))
    assert contract["preview"] is False
    assert hashlib.sha256(contract["html"].encode()).hexdigest() == contract["sha256"] == issued["contract"]["sha256"]
    assert contract["html"].count("<tr><td>") >= 12  # the full schedule

    # Signing binds both signatures to that digest
    signed = ok(desk.officer.post(desk.path(app_id, "sign"), {"document_sha256": contract["sha256"]}))
    assert signed["status"] == "signed"
    assert {(s["party"], s["document_sha256"]) for s in signed["contract"]["signatures"]} == {
        ("customer", contract["sha256"]), ("lender", contract["sha256"])}

    # Servicing's hook records the disbursement
    finance = staff_context("demo-lending", "finance")
    disbursed = service.mark_disbursed(finance, app_id, issued["contract_id"], TEST_BUSINESS_DATE, "LEDGER-1")
    assert disbursed.status.value == "disbursed"

    final = desk.get(app_id)
    assert [t[:2] for t in transitions(final)] == [
        ("create", "draft"), ("submit", "submitted"), ("pass_risk", "risk_checked"),
        ("start_first_review", "first_review"), ("escalate", "second_review"), ("approve_second", "approved"),
        ("issue_contract", "contract_issued"), ("sign", "signed"), ("disburse", "disbursed")]
    assert ("escalate", "second_review", "first-reviewer@demo-lending") in transitions(final)
    assert {e["kind"] for e in final["timeline"]} >= {"transition", "review", "document"}


def test_a_direct_lease_carries_its_asset_into_the_contract(origination):
    desk = Desk(origination, "demo-leasing")
    app_id = desk.lease_draft()
    draft = desk.get(app_id)
    assert draft["lease_structure"] == "direct" and draft["assets"][0]["price"] == "1200000.00"
    serial = draft["assets"][0]["serial"]
    submitted = desk.submitted(app_id, LEASE_PRODUCT)
    assert submitted["status"] == "risk_checked" and submitted["quote"]["financed_amount"]
    assert ok(desk.review(app_id, "first"))["status"] == "second_review"  # the product always wants two
    assert ok(desk.review(app_id, "second"))["status"] == "approved"
    desk.contract_issued(app_id)
    html = ok(desk.officer.get(desk.path(app_id, "contract")))["html"]
    assert serial in html and "融资租赁合同" in html
    assert ok(desk.officer.post(desk.path(app_id, "sign"), {}))["status"] == "signed"


def test_factoring_waits_for_the_debtor_to_confirm_each_invoice(origination):
    from chalicelib.platform import aws
    from chalicelib.platform.settings import get_settings
    from chalicelib.local.seed import demo_password

    desk = Desk(origination, "demo-factoring")
    app_id, debtor_id = desk.factoring_draft()
    # A tenant admin gives the debtor a console user (shown a temporary password once)
    username = f"ap-{app_id[-8:].lower()}@debtor.example"
    made = ok(desk.as_("tenant-admin").post(f"/v1/customers/{debtor_id}/debtor-users", {"username": username}), 201)
    assert made["temporary_password"]
    aws.client("cognito-idp").admin_set_user_password(UserPoolId=get_settings().user_pool_id, Username=username,
                                                      Password=demo_password(), Permanent=True)
    debtor = origination.as_(username)

    assert desk.submitted(app_id, FACTORING_PRODUCT)["status"] == "risk_checked"
    refused = desk.review(app_id, "first")
    assert (refused.status, refused.code) == (422, "origination.invoice.unconfirmed")

    # The debtor sees the invoice assigned against it, confirms it, and sees nothing else
    listed = ok(debtor.get("/v1/debtor/invoices"))["items"]
    invoice = next(i["invoice"] for i in listed if i["application_id"] == app_id)
    assert debtor.get(desk.path(app_id)).status == 403
    confirmed = ok(debtor.post(desk.path(app_id, f"invoices/{invoice['id']}/confirm"), {"decision": "confirm"}))
    assert (confirmed["confirmation"]["state"], confirmed["confirmation"]["via"]) == ("confirmed", "debtor")

    approved = ok(desk.review(app_id, "first"))  # 480,000 advanced: below the 5,000,000 second-review line
    assert approved["status"] == "approved" and approved["quote"]["advance"] == "480000.00"
    desk.contract_issued(app_id)
    assert invoice["number"] in ok(desk.officer.get(desk.path(app_id, "contract")))["html"]
    signed = ok(desk.officer.post(desk.path(app_id, "sign"), {}))
    assert signed["status"] == "signed"
    assert any(e["action"] == "invoice_confirmed" and e["actor"]["username"] == username for e in signed["timeline"])


@pytest.mark.parametrize("role", ["viewer", "finance", "collector", "product-manager"])
def test_other_roles_read_applications_but_cannot_act_on_them(origination, role):
    desk = Desk(origination, "demo-lending")
    app_id = desk.loan_draft()
    who = desk.as_(role)
    assert who.get(desk.path(app_id)).status == 200
    assert who.get("/v1/applications").status == 200
    customer = desk.customer(adult_individual())
    assert who.post("/v1/applications", loan_application(customer)).status == 403
    for action in ("submit", "withdraw", "issue-contract", "sign"):
        assert who.post(desk.path(app_id, action), {}).status == 403, action
    for stage in ("first", "second"):
        assert who.post(desk.path(app_id, f"{stage}-review"), {"decision": "approve"}).status == 403


def test_reviewers_do_not_open_or_submit_applications_and_officers_do_not_review(origination):
    desk = Desk(origination, "demo-lending")
    app_id = desk.loan_risk_checked()
    customer = desk.customer(adult_individual())
    for role in ("first-reviewer", "second-reviewer"):
        assert desk.as_(role).post("/v1/applications", loan_application(customer)).status == 403
    for role in ("loan-officer", "tenant-admin", "second-reviewer"):
        r = desk.as_(role).post(desk.path(app_id, "first-review"), {"decision": "approve"})
        assert (r.status, r.code) == (403, "auth.role.forbidden"), role
