"""The local payment simulator exists in the local stage only; elsewhere a PaymentIntent needs a real
Stripe key rather than quietly becoming a local one nobody can pay."""
from __future__ import annotations

from tests.integration.origination.flows import ok
from tests.integration.payments.flows import key, payment_intent

NOT_FOUND = {"error": {"code": "request.route.not_found", "message": "no such route", "details": {}}}


def in_stage(monkeypatch, stage: str) -> None:
    from chalicelib.payments import service
    from chalicelib.platform.settings import get_settings

    monkeypatch.setattr(service, "get_settings", lambda: get_settings().model_copy(update={"stage": stage}))


def simulate_path(contract_id: str, intent_id: str) -> str:
    return f"/v1/contracts/{contract_id}/payment-intents/{intent_id}/simulate"


def test_outside_the_local_stage_the_simulator_route_does_not_exist(leasing, lease, monkeypatch):
    intent = payment_intent(leasing, lease["id"], "6.00")  # made while the stage is local
    in_stage(monkeypatch, "dev")

    for caller in (leasing.as_("finance"), leasing.as_("viewer"), leasing.api.with_token(None)):
        answer = caller.post(simulate_path(lease["id"], intent["id"]), {"outcome": "succeeded"})
        assert (answer.status, answer.body) == (404, NOT_FOUND)
    detail = ok(leasing.as_("finance").get(f"/v1/contracts/{lease['id']}/payment-intents/{intent['id']}"))
    assert detail["status"] == "requires_payment" and detail["events"] == []


def test_outside_the_local_stage_the_simulator_is_left_out_of_the_openapi_document(monkeypatch):
    from chalicelib.platform.openapi import openapi_document

    path = "/v1/contracts/{contract_id}/payment-intents/{intent_id}/simulate"
    assert path in openapi_document()["paths"]
    in_stage(monkeypatch, "prod")
    assert path not in openapi_document()["paths"]


def test_outside_the_local_stage_an_intent_without_a_stripe_key_is_refused_and_nothing_stored(
        leasing, lease, monkeypatch):
    finance = leasing.as_("finance")
    before = ok(finance.get(f"/v1/contracts/{lease['id']}/payments"))["intents"]
    in_stage(monkeypatch, "prod")

    refused = finance.post(f"/v1/contracts/{lease['id']}/payment-intents", {"amount": "7.00"}, headers=key())

    assert (refused.status, refused.code) == (409, "payments.stripe.api_key_missing")
    assert ok(finance.get(f"/v1/contracts/{lease['id']}/payments"))["intents"] == before


def test_the_local_stage_keeps_its_simulator(leasing, lease):
    intent = payment_intent(leasing, lease["id"], "8.00")
    assert intent["mode"] == "local"
    paid = ok(leasing.as_("finance").post(simulate_path(lease["id"], intent["id"]), {"outcome": "succeeded"}))
    assert paid["payment_intent"]["status"] == "succeeded"
