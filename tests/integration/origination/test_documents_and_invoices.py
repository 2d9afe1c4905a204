"""Documents through presigned S3 uploads checked by size and SHA-256; invoices assigned once per
tenant and confirmed by their debtor."""
from __future__ import annotations

import urllib.request
from urllib.parse import urlparse

from tests.builders import (
    FACTORING_PRODUCT,
    attach,
    attach_checklist,
    enterprise,
    factoring_application,
    invoice,
    put_presigned,
    upload_body,
)
from tests.integration.origination.flows import Desk, ok


def test_submitting_without_the_checklist_is_422_listing_what_is_missing(origination):
    desk = Desk(origination, "demo-lending")
    app_id = desk.loan_draft()
    attach(desk.officer, app_id, "ID_CARD")
    r = desk.officer.post(desk.path(app_id, "submit"))
    assert (r.status, r.code) == (422, "origination.application.documents_missing")
    assert r.body["error"]["details"]["missing"] == ["INCOME_PROOF"]
    assert desk.get(app_id)["status"] == "draft"


def test_an_upload_goes_under_the_tenant_prefix_and_counts_once_its_checksum_is_verified(origination):
    desk = Desk(origination, "demo-lending")
    app_id = desk.loan_draft()
    body = b"%PDF-1.4 the real income statement"
    requested = ok(desk.officer.post(desk.path(app_id, "documents"), upload_body("INCOME_PROOF", body)), 201)
    upload, doc = requested["upload"], requested["document"]
    assert urlparse(upload["url"]).hostname in ("127.0.0.1", "localhost")
    assert f"/tenants/demo-lending/applications/{app_id}/documents/{doc['id']}/" in urlparse(upload["url"]).path
    assert upload["headers"]["x-amz-checksum-sha256"] and doc["status"] == "awaiting_upload"

    early = desk.officer.post(desk.path(app_id, f"documents/{doc['id']}/confirm"))
    assert (early.status, early.code) == (422, "origination.document.not_uploaded")
    put_presigned(upload, body)
    confirmed = ok(desk.officer.post(desk.path(app_id, f"documents/{doc['id']}/confirm")))
    assert confirmed["status"] == "uploaded"

    download = ok(desk.as_("viewer").get(desk.path(app_id, f"documents/{doc['id']}")))["download_url"]
    with urllib.request.urlopen(download, timeout=10) as resp:  # noqa: S310 — loopback emulator
        assert resp.read() == body


def test_an_upload_that_is_not_what_was_declared_is_refused(origination):
    desk = Desk(origination, "demo-lending")
    app_id = desk.loan_draft()
    declared = b"%PDF-1.4 declared"
    requested = ok(desk.officer.post(desk.path(app_id, "documents"), upload_body("ID_CARD", declared)), 201)
    put_presigned(requested["upload"], b"%PDF-1.4 swapped!")  # same size, other bytes
    r = desk.officer.post(desk.path(app_id, f"documents/{requested['document']['id']}/confirm"))
    assert (r.status, r.code) == (422, "origination.document.checksum_mismatch")


def test_only_the_products_checklist_types_are_taken(origination):
    desk = Desk(origination, "demo-lending")
    app_id = desk.loan_draft()
    r = desk.officer.post(desk.path(app_id, "documents"), upload_body("BUSINESS_LICENCE"))
    assert (r.status, r.code) == (422, "origination.document.type.invalid")
    assert "INCOME_PROOF" in r.body["error"]["details"]["allowed"]


def test_an_invoice_is_assigned_once_in_a_tenant_until_its_application_is_withdrawn(origination):
    desk = Desk(origination, "demo-factoring")
    first_id, debtor_id = desk.factoring_draft()
    number = desk.get(first_id)["invoices"][0]["number"]
    seller = desk.customer(enterprise())
    again = factoring_application(seller, debtor_id, invoices=[invoice(debtor_id, number=f" {number.lower()} ")])
    r = desk.officer.post("/v1/applications", again)
    assert (r.status, r.code) == (409, "origination.invoice.already_assigned")
    assert r.body["error"]["details"]["invoices"][0]["debtor_customer_id"] == debtor_id

    # Another tenant may finance an invoice of the same number: the claim is per tenant.
    other = Desk(origination, "demo-lending")
    other_debtor = other.customer(enterprise())
    other_seller = other.customer(enterprise())
    body = factoring_application(other_seller, other_debtor, invoices=[invoice(other_debtor, number=number)])
    assert other.officer.post("/v1/applications", body).status != 409

    ok(desk.officer.post(desk.path(first_id, "withdraw"), {"reason": "seller found cheaper money"}))
    assert desk.officer.post("/v1/applications", again).status == 201
    # The withdrawn application's invoice has left the debtor's queue; the new one is there.
    queue = {i.application_id for i in _debtor_queue(debtor_id)}
    assert first_id not in queue and len(queue) == 1


def _debtor_queue(debtor_id: str):
    from chalicelib.local.seed import demo_password
    from chalicelib.origination.applications import service
    from chalicelib.origination.debtors.service import create_debtor_user
    from tests.integration.origination.conftest import staff_context

    username = f"q-{debtor_id[-10:].lower()}"
    create_debtor_user(staff_context("demo-factoring", "tenant-admin"), debtor_id, username, password=demo_password())
    return service.invoices_for_debtor(staff_context("demo-factoring", "debtor", username=username))


def test_replacing_a_drafts_invoices_frees_the_old_ones(origination):
    desk = Desk(origination, "demo-factoring")
    app_id, debtor_id = desk.factoring_draft()
    old = desk.get(app_id)["invoices"][0]["number"]
    ok(desk.officer.call("PATCH", desk.path(app_id), {"invoices": [invoice(debtor_id)]}))
    seller = desk.customer(enterprise())
    reuse = factoring_application(seller, debtor_id, invoices=[invoice(debtor_id, number=old)])
    assert desk.officer.post("/v1/applications", reuse).status == 201


def test_staff_record_a_debtors_confirmation_only_with_evidence_and_only_once(origination):
    desk = Desk(origination, "demo-factoring")
    app_id, _ = desk.factoring_draft()
    invoice_id = desk.get(app_id)["invoices"][0]["id"]
    path = desk.path(app_id, f"invoices/{invoice_id}/confirm")
    r = desk.officer.post(path, {"decision": "confirm"})
    assert (r.status, r.code) == (422, "origination.invoice.evidence_required")
    evidence = attach(desk.officer, app_id, "DEBTOR_CONFIRMATION")
    confirmed = ok(desk.as_("first-reviewer").post(path, {"evidence_document_id": evidence,
                                                           "note": "signed acknowledgement received by courier"}))
    assert (confirmed["confirmation"]["via"], confirmed["confirmation"]["evidence_document_id"]) == ("staff", evidence)
    twice = desk.officer.post(path, {"evidence_document_id": evidence})
    assert (twice.status, twice.code) == (409, "origination.invoice.already_confirmed")


def test_a_debtor_user_sees_and_confirms_only_its_own_invoices(origination):
    from chalicelib.origination.debtors.service import create_debtor_user
    from chalicelib.local.seed import demo_password
    from tests.integration.origination.conftest import staff_context

    desk = Desk(origination, "demo-factoring")
    app_id, _ = desk.factoring_draft()  # its debtor is a fresh customer
    other_debtor = desk.customer(enterprise(name="江南汽车制造股份有限公司"))
    user = create_debtor_user(staff_context("demo-factoring", "tenant-admin"), other_debtor,
                              f"dbt-{app_id[-8:].lower()}", password=demo_password())
    stranger = origination.as_(user.username)
    invoice_id = desk.get(app_id)["invoices"][0]["id"]
    r = stranger.post(desk.path(app_id, f"invoices/{invoice_id}/confirm"), {"decision": "confirm"})
    assert (r.status, r.code) == (404, "origination.invoice.not_found")
    assert app_id not in {i["application_id"] for i in ok(stranger.get("/v1/debtor/invoices"))["items"]}


def test_a_disputed_invoice_blocks_approval(origination):
    desk = Desk(origination, "demo-factoring")
    app_id, _ = desk.factoring_draft()
    attach_checklist(desk.officer, app_id, FACTORING_PRODUCT)
    invoice_id = desk.get(app_id)["invoices"][0]["id"]
    evidence = attach(desk.officer, app_id, "DEBTOR_CONFIRMATION")
    ok(desk.officer.post(desk.path(app_id, f"invoices/{invoice_id}/confirm"),
                         {"decision": "dispute", "evidence_document_id": evidence, "note": "goods returned"}))
    ok(desk.officer.post(desk.path(app_id, "submit")))
    r = desk.review(app_id, "first")
    assert (r.status, r.body["error"]["details"]["invoices"][0]["state"]) == (422, "disputed")
