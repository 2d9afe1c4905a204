"""Signed applications disbursed through the API, and the sums servicing must keep exact."""
from __future__ import annotations

import uuid
from decimal import Decimal

from tests.integration.origination.flows import Desk, ok

FINANCE = "finance"


def key() -> dict[str, str]:
    return {"Idempotency-Key": uuid.uuid4().hex}


def signed_loan(desk: Desk, **over) -> str:
    app_id = desk.loan_approved(**over)
    desk.signed(app_id)
    return app_id


def disbursed_loan(desk: Desk, **over) -> dict:
    app_id = signed_loan(desk, **over)
    return ok(desk.as_(FINANCE).post(f"/v1/applications/{app_id}/disburse", {}, headers=key()))


def contract(desk: Desk, contract_id: str) -> dict:
    return ok(desk.as_("viewer").get(f"/v1/contracts/{contract_id}"))


def total(schedule: list[dict], bucket: str, part: str) -> Decimal:
    return sum((Decimal(i[bucket][part]) for i in schedule), Decimal(0))
