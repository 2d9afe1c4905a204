"""A drawdown through origination and servicing: submission blocks, disbursement utilizes, principal
repaid restores availability on a revolving facility only; a rejected application releases its block."""
from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal

import pytest

from tests.builders import LOAN_PRODUCT, adult_individual, attach_checklist, loan_application
from tests.integration.facilities.conftest import active_facility
from tests.integration.origination.flows import Desk, ok
from tests.support import TEST_BUSINESS_DATE


def key() -> dict[str, str]:
    return {"Idempotency-Key": uuid.uuid4().hex}


@pytest.fixture()
def desk(api, local_env):
    from chalicelib.local.demo.products import seed_demo_products

    seed_demo_products()
    return Desk(api, "demo-lending")


def _submitted_on_a_facility(desk: Desk, revolving: bool, **terms) -> tuple[str, str]:
    customer = desk.customer(adult_individual(annual_income="600000.00"))
    fid = active_facility("demo-lending", customer, "50000.00", revolving=revolving)
    app_id = ok(desk.officer.post("/v1/applications", loan_application(customer, facility_id=fid,
                                                                       principal="30000.00", **terms)), 201)["id"]
    attach_checklist(desk.officer, app_id, LOAN_PRODUCT)
    assert ok(desk.officer.post(desk.path(app_id, "submit")))["status"] == "risk_checked"
    return fid, app_id


def _unused_commitments(desk: Desk) -> Decimal:
    """The off-balance-sheet memorandum pair in the trial balance of the business date (debit = credit)."""
    tb = ok(desk.as_("finance").get(f"/v1/ledger/trial-balance?date={TEST_BUSINESS_DATE.isoformat()}"))
    memo = {r["code"]: r for r in tb["memorandum"] if r["currency"] == "CNY"}
    unused, contra = memo["MEMO-UNUSED-COMMITMENTS"], memo["MEMO-COMMITMENTS-CONTRA"]
    assert Decimal(unused["debit"]) == Decimal(contra["credit"]) > 0
    return Decimal(unused["debit"])


def _facility(desk: Desk, fid: str) -> dict:
    return ok(desk.as_("viewer").get(f"/v1/facilities/{fid}"))


def test_disbursement_utilizes_and_repaid_principal_comes_back_on_a_revolving_facility(desk):
    """(A non-revolving facility keeps it utilized: the stateful test repays on one of each kind.)"""
    # a schedule started three months before the business date, so the repayment pays principal due
    started = (TEST_BUSINESS_DATE - timedelta(days=95)).isoformat()
    fid, app_id = _submitted_on_a_facility(desk, True, start_date=started)
    assert ok(desk.review(app_id, "first"))["status"] == "approved"
    desk.signed(app_id)
    unused_before = _unused_commitments(desk)
    made = ok(desk.as_("finance").post(f"/v1/applications/{app_id}/disburse", {}, headers=key()))
    # the trial balance's memorandum accounts: the unused commitment falls by what was paid out
    assert _unused_commitments(desk) == unused_before - Decimal("30000.00")
    f = _facility(desk, fid)
    assert (f["utilized"], f["blocked"], f["available"]) == ("30000.00", "0.00", "20000.00")
    assert f["drawdowns"][0]["status"] == "posted"

    paid = ok(desk.as_("finance").post(f"/v1/contracts/{made['id']}/repayments", {"amount": "10000.00"},
                                       headers=key()), 201)
    principal = Decimal(paid["totals"].get("principal", "0"))
    assert principal > 0
    f = _facility(desk, fid)
    restored = principal
    assert Decimal(f["available"]) == Decimal("20000.00") + restored
    assert Decimal(f["utilized"]) == Decimal("30000.00") - restored
    assert Decimal(f["drawdowns"][0]["repaid"]) == principal
    assert _unused_commitments(desk) == unused_before - Decimal("30000.00") + principal


def test_a_rejected_application_releases_its_block(desk):
    fid, app_id = _submitted_on_a_facility(desk, True)
    assert _facility(desk, fid)["blocked"] == "30000.00"
    assert ok(desk.review(app_id, "first", decision="reject", note="income not verified"))["status"] == "rejected"
    f = _facility(desk, fid)
    assert (f["blocked"], f["available"], f["drawdowns"][0]["status"]) == ("0.00", "50000.00", "voided")
