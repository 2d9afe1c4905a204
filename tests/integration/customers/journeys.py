"""A customer of demo-lending taken through the API to a disbursed, partly repaid loan."""
from __future__ import annotations

import uuid
from datetime import date

from tests.builders import LOAN_PRODUCT, adult_individual, attach_checklist, loan_application
from tests.integration.origination.flows import Desk, ok


def key() -> dict[str, str]:
    return {"Idempotency-Key": uuid.uuid4().hex}


def disbursed_to(desk: Desk, customer_id: str, product: str = LOAN_PRODUCT, **over) -> dict:
    """Open, submit, approve, sign and disburse a loan for an existing customer; the contract."""
    app_id = ok(desk.officer.post("/v1/applications", loan_application(customer_id, product_code=product, **over)), 201)["id"]
    attach_checklist(desk.officer, app_id, product)
    assert ok(desk.officer.post(desk.path(app_id, "submit")))["status"] == "risk_checked"
    assert ok(desk.review(app_id, "first"))["status"] == "approved"
    desk.signed(app_id)
    disbursed = ok(desk.as_("finance").post(f"/v1/applications/{app_id}/disburse", {}, headers=key()))
    return {"application_id": app_id, **disbursed}


def borrower(desk: Desk, **over) -> str:
    return desk.customer(adult_individual(**over))


def repay(desk: Desk, contract_id: str, amount: str, on: date) -> dict:
    return ok(desk.as_("finance").post(f"/v1/contracts/{contract_id}/repayments",
                                       {"amount": amount, "received_on": on.isoformat()}, headers=key()), 201)
