"""Leases disbursed through the API, payment intents, and Stripe events signed like Stripe signs them."""
from __future__ import annotations

import json
import time
import uuid
from decimal import Decimal

from tests.integration.origination.flows import Desk, ok

TENANT = "demo-leasing"


def key() -> dict[str, str]:
    return {"Idempotency-Key": uuid.uuid4().hex}


def disbursed_lease(desk: Desk) -> dict:
    from tests.builders import LEASE_PRODUCT

    app_id = desk.lease_draft()
    desk.submitted(app_id, LEASE_PRODUCT)
    ok(desk.review(app_id, "first")), ok(desk.review(app_id, "second"))
    desk.signed(app_id)
    return ok(desk.as_("finance").post(f"/v1/applications/{app_id}/disburse", {}, headers=key()))


def payment_intent(desk: Desk, contract_id: str, amount: str = "100.00", **over) -> dict:
    return ok(desk.as_("finance").post(f"/v1/contracts/{contract_id}/payment-intents",
                                       {"amount": amount, **over}, headers=key()), 201)


def contract(desk: Desk, contract_id: str) -> dict:
    return ok(desk.as_("viewer").get(f"/v1/contracts/{contract_id}"))


def suspense(desk: Desk, contract_id: str) -> Decimal:
    detail = contract(desk, contract_id)
    assert Decimal(detail["suspense"]) == Decimal(detail["balances"]["suspense"])
    return Decimal(detail["suspense"])


def webhook_secret(tenant: str = TENANT) -> str:
    from chalicelib.payments import wiring

    return wiring.stripe_secrets().webhook_secret(tenant)


def event(outcome: str, intent: dict) -> dict:
    from chalicelib.payments.stripe_gateway import simulated_events

    return simulated_events(outcome, intent)[0]


def signed(evt: dict, secret: str | None = None, timestamp: int | None = None) -> tuple[bytes, dict[str, str]]:
    from chalicelib.payments.domain import signature_header

    payload = json.dumps(evt, indent=2).encode()
    header = signature_header(secret or webhook_secret(), timestamp or int(time.time()), payload)
    return payload, {"Stripe-Signature": header, "Content-Type": "application/json"}


def deliver(server, evt: dict, tenant: str = TENANT, **sign):
    payload, headers = signed(evt, **sign)
    return server.request("POST", f"/v1/webhooks/stripe/{tenant}", body=payload, headers=headers)
