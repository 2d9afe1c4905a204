"""Another tenant's application is absent (404); two racing approvals make one transition."""
from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal

import pytest

from chalicelib.origination.applications import service
from tests.builders import adult_individual, enterprise, loan_application, upload_body
from tests.integration.origination.conftest import staff_context
from tests.integration.origination.flows import Desk, ok
from tests.support import TEST_BUSINESS_DATE


def test_another_tenants_application_is_404_everywhere(origination):
    lending = Desk(origination, "demo-lending")
    app_id = lending.loan_risk_checked()
    leasing = Desk(origination, "demo-leasing")
    calls = [
        ("viewer", "GET", "", None), ("loan-officer", "PATCH", "", {"terms": {"term": 6}}),
        ("loan-officer", "DELETE", "", None), ("loan-officer", "POST", "/submit", {}),
        ("loan-officer", "POST", "/withdraw", {}), ("first-reviewer", "POST", "/first-review", {"decision": "approve"}),
        ("first-reviewer", "POST", "/claim", {}), ("loan-officer", "POST", "/documents", upload_body("ID_CARD")),
        ("viewer", "GET", "/contract", None), ("loan-officer", "POST", "/issue-contract", {}),
    ]
    for role, method, suffix, body in calls:
        r = leasing.as_(role).call(method, f"/v1/applications/{app_id}{suffix}", body)
        assert (r.status, r.code) == (404, "origination.application.not_found"), (method, suffix, r.body)
    listed = ok(leasing.as_("viewer").get("/v1/applications?limit=200&status=risk_checked"))["items"]
    assert app_id not in {a["id"] for a in listed}
    assert lending.get(app_id)["status"] == "risk_checked"


def test_another_tenants_customer_or_product_cannot_be_applied_for(origination):
    lending = Desk(origination, "demo-lending")
    customer = lending.customer(adult_individual())
    leasing = Desk(origination, "demo-leasing")
    r = leasing.officer.post("/v1/applications", loan_application(customer, product_code="DIRECT-LEASE"))
    assert (r.status, r.code) == (422, "origination.application.customer_not_found")
    own = leasing.customer(enterprise())
    r = leasing.officer.post("/v1/applications", loan_application(own))  # CONSUMER-INSTALMENT is demo-lending's
    assert (r.status, r.code) == (422, "origination.application.product_not_found")


def test_two_simultaneous_approvals_make_one_transition_and_the_other_is_409(shared_api, http_server, logins):
    desk = Desk(shared_api, "demo-lending")
    app_id = desk.loan_in_second_review()
    token = logins.token("second-reviewer@demo-lending")
    start = threading.Barrier(2)
    results = []

    def approve():
        start.wait()
        results.append(http_server.request("POST", f"/v1/applications/{app_id}/second-review", token,
                                           {"decision": "approve", "note": "twice?"}))

    threads = [threading.Thread(target=approve) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(r.status for r in results) == [200, 409], [r.body for r in results]
    loser = next(r for r in results if r.status == 409)
    assert loser.code in ("origination.application.conflict", "origination.application.illegal_transition")
    final = desk.get(app_id)
    assert final["status"] == "approved"
    assert [e["action"] for e in final["timeline"]].count("approve_second") == 1
    assert len([r for r in final["reviews"] if r["stage"] == "second"]) == 1


def test_a_lost_race_is_detected_by_the_version_even_when_both_read_the_same_state(shared_api):
    """Both approvals load the application before either writes: optimistic locking lets one win."""
    from chalicelib.origination import wiring

    desk = Desk(shared_api, "demo-lending")
    app_id = desk.loan_in_second_review()
    real = wiring.applications()
    both_loaded = threading.Barrier(2)
    first_load = threading.local()

    class LoadThenWait:
        def __getattr__(self, name):
            return getattr(real, name)

        def load(self, ctx, application_id):
            app = real.load(ctx, application_id)
            if not getattr(first_load, "done", False):  # the loser reads it again after losing: no waiting then
                first_load.done = True
                both_loaded.wait(timeout=30)
            return app

    reviewer = staff_context("demo-lending", "second-reviewer")
    outcomes = []

    def approve():
        try:
            outcomes.append(service.second_review(reviewer, app_id, service.Decision.APPROVE, None,
                                                  store=LoadThenWait()).status.value)
        except Exception as exc:  # noqa: BLE001 — the outcome is what the test checks
            outcomes.append(getattr(exc, "code", repr(exc)))

    threads = [threading.Thread(target=approve) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(outcomes) == ["approved", "origination.application.conflict"]
    assert [e["action"] for e in desk.get(app_id)["timeline"]].count("approve_second") == 1


def test_mark_disbursed_is_for_a_signed_contract_and_is_idempotent(shared_api):
    desk = Desk(shared_api, "demo-lending")
    app_id = desk.loan_approved()
    finance = staff_context("demo-lending", "finance")
    with pytest.raises(Exception) as err:
        service.mark_disbursed(finance, app_id, "ctr_unknown", TEST_BUSINESS_DATE)
    assert getattr(err.value, "code", None) == "origination.application.illegal_transition"
    contract_id = desk.signed(app_id)["contract_id"]
    with pytest.raises(Exception) as wrong:
        service.mark_disbursed(finance, app_id, "ctr_someone_else", TEST_BUSINESS_DATE)
    assert getattr(wrong.value, "code", None) == "origination.application.contract_mismatch"
    order = service.disbursement_order(finance, app_id)
    assert (order.contract_id, order.amount, order.status) == (contract_id, Decimal("30000.00"), "signed")
    assert len(order.quote["installments"]) == 12 and order.terms["principal"] == "30000.00"
    first = service.mark_disbursed(finance, app_id, contract_id, TEST_BUSINESS_DATE, "LEDGER-42")
    again = service.mark_disbursed(finance, app_id, contract_id, TEST_BUSINESS_DATE, "LEDGER-42")
    assert first.status.value == again.status.value == "disbursed"
    assert [e["action"] for e in desk.get(app_id)["timeline"]].count("disburse") == 1


def test_an_approval_left_unsigned_past_its_window_expires_in_the_batch(shared_api):
    desk = Desk(shared_api, "demo-lending")
    app_id = desk.loan_approved()
    sign_by = date.fromisoformat(desk.get(app_id)["sign_by"])
    batch = staff_context("demo-lending", "tenant-admin", username="end-of-day")
    assert app_id not in service.expire_stale(batch, sign_by)
    assert app_id in service.expire_stale(batch, date.fromordinal(sign_by.toordinal() + 1))
    expired = desk.get(app_id)
    assert expired["status"] == "expired"
    r = desk.officer.post(desk.path(app_id, "issue-contract"))
    assert (r.status, r.body["error"]["details"]["status"]) == (409, "expired")
