"""The Stripe webhook: verified over the raw body with the tenant's secret, processed once, in any order."""
from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

from tests.integration.origination.flows import ok
from tests.integration.payments.flows import (
    TENANT, contract, deliver, event, payment_intent, signed, suspense, webhook_secret,
)


def intent_detail(desk, contract_id: str, intent_id: str) -> dict:
    return ok(desk.as_("finance").get(f"/v1/contracts/{contract_id}/payment-intents/{intent_id}"))


def stored_event(event_id: str):
    from chalicelib.payments import wiring
    from chalicelib.payments.service import system_context

    return wiring.payments_store().get_event(system_context(TENANT), event_id)


def test_the_same_signed_event_delivered_twice_at_once_and_again_later_posts_once(leasing, lease, payments_server):
    intent = payment_intent(leasing, lease["id"], "123.45")
    before = suspense(leasing, lease["id"])
    succeeded = event("succeeded", intent)
    payload, headers = signed(succeeded)
    path = f"/v1/webhooks/stripe/{TENANT}"

    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(lambda _: payments_server.request("POST", path, body=payload, headers=headers), range(2)))
    statuses = sorted(a.status for a in answers)
    assert statuses in ([200, 200], [200, 409]), [(a.status, a.body) for a in answers]
    time.sleep(1)
    later = payments_server.request("POST", path, body=payload, headers=headers)

    assert (later.status, later.body["status"]) == (200, "duplicate")
    assert suspense(leasing, lease["id"]) - before == Decimal("123.45")
    detail = intent_detail(leasing, lease["id"], intent["id"])
    assert detail["status"] == "succeeded" and detail["repayment_id"]
    assert [e["action"] for e in detail["events"]] == ["repayment_posted"]
    stored = stored_event(succeeded["id"])
    assert stored["status"] == "processed"
    assert stored["expires_at"] - Decimal(int(time.time())) >= 30 * 86400


def test_a_payment_failed_after_succeeded_leaves_the_repayment_in_place(leasing, lease, payments_server):
    intent = payment_intent(leasing, lease["id"], "50.00")
    before = suspense(leasing, lease["id"])
    assert deliver(payments_server, event("succeeded", intent)).status == 200
    late = deliver(payments_server, event("failed", intent))

    assert late.status == 200 and late.body["outcome"] == {"action": "recorded", "reason": "stale", "state": "succeeded"}
    detail = intent_detail(leasing, lease["id"], intent["id"])
    assert detail["status"] == "succeeded"
    repayment = ok(leasing.as_("finance").get(f"/v1/repayments/{detail['repayment_id']}"))
    assert repayment["status"] == "posted" and Decimal(repayment["amount"]) == Decimal("50.00")
    assert suspense(leasing, lease["id"]) - before == Decimal("50.00")


def test_forged_tampered_reserialised_expired_and_unsigned_events_are_refused_without_a_trace(
        leasing, lease, payments_server):
    intent = payment_intent(leasing, lease["id"], "77.00")
    balances_before = contract(leasing, lease["id"])["balances"]
    path = f"/v1/webhooks/stripe/{TENANT}"
    genuine = event("succeeded", intent)
    payload, headers = signed(genuine)

    tampered = payload.replace(b'"amount_received": 7700', b'"amount_received": 770000')
    reserialised = json.dumps(json.loads(payload), separators=(",", ":")).encode()
    attempts = {
        "forged": deliver(payments_server, genuine, secret="whsec_not_the_tenants"),
        "tampered": payments_server.request("POST", path, body=tampered, headers=headers),
        "reserialised": payments_server.request("POST", path, body=reserialised, headers=headers),
        "expired": deliver(payments_server, genuine, timestamp=int(time.time()) - 301),
        "unsigned": payments_server.request("POST", path, body=payload, headers={}),
        "other tenant's secret": deliver(payments_server, genuine, secret=webhook_secret("demo-lending")),
        "unknown tenant": deliver(payments_server, genuine, tenant="no-such-tenant"),
    }
    for name, answer in attempts.items():
        assert (answer.status, answer.body["error"]["code"]) == (400, "payments.webhook.signature_invalid"), name

    assert stored_event(genuine["id"]) is None
    assert contract(leasing, lease["id"])["balances"] == balances_before
    detail = intent_detail(leasing, lease["id"], intent["id"])
    assert detail["status"] == "requires_payment" and detail["events"] == []


def test_a_refund_that_overtakes_its_payment_reverses_it_and_the_late_success_changes_nothing(
        leasing, lease, payments_server):
    intent = payment_intent(leasing, lease["id"], "40.00")
    before = suspense(leasing, lease["id"])
    refunded = deliver(payments_server, event("refunded", intent))
    late = deliver(payments_server, event("succeeded", intent))

    assert refunded.body["outcome"]["action"] == "repayment_reversed"
    assert late.body["outcome"]["reason"] == "stale"
    detail = intent_detail(leasing, lease["id"], intent["id"])
    assert detail["status"] == "refunded"
    assert ok(leasing.as_("finance").get(f"/v1/repayments/{detail['repayment_id']}"))["status"] == "reversed"
    assert suspense(leasing, lease["id"]) == before


def test_a_dispute_holds_the_amount_and_flags_the_contract(leasing, lease, payments_server):
    intent = payment_intent(leasing, lease["id"], "60.00")
    deliver(payments_server, event("succeeded", intent))
    disputed = deliver(payments_server, event("disputed", intent))

    outcome = disputed.body["outcome"]
    assert outcome["action"] == "hold_placed"
    from chalicelib.ledger import wiring as ledger_wiring
    from chalicelib.payments.service import system_context

    hold = ledger_wiring.ledger_store().get_hold(system_context(TENANT), outcome["hold_id"])
    assert hold.status.value == "pending" and hold.amount == Decimal("60.00") and hold.contract_id == lease["id"]
    payments = ok(leasing.as_("viewer").get(f"/v1/contracts/{lease['id']}/payments"))
    assert [f["dispute_id"] for f in payments["flags"]] == [outcome["dispute_id"]]
    assert intent_detail(leasing, lease["id"], intent["id"])["status"] == "succeeded"


def test_the_local_simulator_signs_and_delivers_through_the_webhook(leasing, lease):
    finance = leasing.as_("finance")
    intent = ok(finance.post(f"/v1/contracts/{lease['id']}/payment-intents", {"instalment_seq": 1},
                             headers={"Idempotency-Key": "sim-1-" + lease["id"]}), 201)
    again = ok(finance.post(f"/v1/contracts/{lease['id']}/payment-intents", {"instalment_seq": 1},
                            headers={"Idempotency-Key": "sim-1-" + lease["id"]}), 201)
    assert intent["id"] == again["id"] and intent["mode"] == "local" and intent["client_secret"]
    assert intent["metadata"] == {"tenant_id": TENANT, "contract_id": lease["id"], "instalment_seq": "1"}
    instalment = contract(leasing, lease["id"])["schedule"][0]

    failed = ok(finance.post(f"{_intent_path(lease, intent)}/simulate", {"outcome": "failed"}))
    paid = ok(finance.post(f"{_intent_path(lease, intent)}/simulate", {"outcome": "succeeded"}))

    assert failed["payment_intent"]["status"] == "failed"
    assert paid["payment_intent"]["status"] == "succeeded"
    assert Decimal(paid["payment_intent"]["amount"]) == Decimal(instalment["outstanding"])
    assert leasing.as_("viewer").post(f"{_intent_path(lease, intent)}/simulate", {"outcome": "failed"}).status == 403


def test_another_tenants_contract_and_intent_read_as_absent(leasing, lease):
    intent = payment_intent(leasing, lease["id"], "1.00")
    other = leasing.api.as_("finance@demo-factoring")
    assert other.get(f"/v1/contracts/{lease['id']}/payment-intents/{intent['id']}").status == 404
    assert other.post(f"/v1/contracts/{lease['id']}/payment-intents", {"amount": "1.00"},
                      headers={"Idempotency-Key": "x"}).status == 404


def _intent_path(lease: dict, intent: dict) -> str:
    return f"/v1/contracts/{lease['id']}/payment-intents/{intent['id']}"


# --- controls: one answer for every refusal, a bounded secret cache, the stage's Stripe mode ----------


def test_an_unsigned_caller_cannot_tell_an_unknown_tenant_from_a_known_one(leasing, lease, payments_server):
    intent = payment_intent(leasing, lease["id"], "3.00")
    genuine = event("succeeded", intent)
    forged = {"secret": "whsec_forged"}

    answers = {
        "known, forged": deliver(payments_server, genuine, **forged),
        "unknown, forged": deliver(payments_server, genuine, tenant="no-such-tenant", **forged),
        "not a tenant id, forged": deliver(payments_server, genuine, tenant="NOT..valid", **forged),
        "known, unsigned": payments_server.request("POST", f"/v1/webhooks/stripe/{TENANT}", body=b"{}", headers={}),
        "unknown, unsigned": payments_server.request("POST", "/v1/webhooks/stripe/no-such-tenant", body=b"{}",
                                                     headers={}),
    }
    bodies = {name: (a.status, a.body) for name, a in answers.items()}
    assert len(set(map(json.dumps, bodies.values()))) == 1, bodies
    assert bodies["unknown, forged"] == (400, {"error": {
        "code": "payments.webhook.signature_invalid", "message": "the Stripe signature could not be verified",
        "details": {}}})
    assert stored_event(genuine["id"]) is None


def test_the_secrets_manager_cache_stays_within_its_bound_for_invented_tenant_ids():
    import uuid as _uuid

    from chalicelib.payments.stripe_gateway import SecretsManagerStripeSecrets
    from chalicelib.platform import aws

    template = "jinkong-test-" + _uuid.uuid4().hex[:8] + "/tenants/{tenant_id}/stripe"
    aws.client("secretsmanager").create_secret(Name=template.format(tenant_id=TENANT),
                                               SecretString=json.dumps({"webhook_secret": "whsec_real"}))
    secrets = SecretsManagerStripeSecrets(template, max_tenants=4)

    assert all(secrets.webhook_secret(f"invented-{n}") is None for n in range(25))
    assert len(secrets._cache) == 4
    assert secrets.webhook_secret(TENANT) == "whsec_real" and len(secrets._cache) == 4


def _in_stage(monkeypatch, stage: str) -> None:
    from chalicelib.payments import service
    from chalicelib.platform.settings import get_settings

    monkeypatch.setattr(service, "get_settings", lambda: get_settings().model_copy(update={"stage": stage}))


def test_a_live_mode_event_outside_production_is_refused_and_records_nothing(leasing, lease, payments_server):
    intent = payment_intent(leasing, lease["id"], "4.00")
    balances_before = contract(leasing, lease["id"])["balances"]
    live = {**event("succeeded", intent), "livemode": True}

    refused = deliver(payments_server, live)

    assert (refused.status, refused.body["error"]["code"]) == (400, "payments.webhook.livemode_mismatch")
    assert stored_event(live["id"]) is None
    assert contract(leasing, lease["id"])["balances"] == balances_before
    assert intent_detail(leasing, lease["id"], intent["id"])["events"] == []


def test_production_takes_live_mode_events_only(leasing, lease, payments_server, monkeypatch):
    intent = payment_intent(leasing, lease["id"], "5.00")
    _in_stage(monkeypatch, "prod")
    test_mode = event("succeeded", intent)
    live = {**event("succeeded", intent), "livemode": True}

    refused = deliver(payments_server, test_mode)
    accepted = deliver(payments_server, live)

    assert (refused.status, refused.body["error"]["code"]) == (400, "payments.webhook.livemode_mismatch")
    assert stored_event(test_mode["id"]) is None
    assert accepted.status == 200 and accepted.body["outcome"]["action"] == "repayment_posted"
