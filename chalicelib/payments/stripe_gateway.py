"""Stripe at the edge: per-tenant secrets, signature verification with the ``stripe`` library,
PaymentIntents in Stripe (with a key) or locally (without), and the local simulator's events.

The simulator builds the JSON Stripe would send and signs it with the tenant's webhook secret; the
event then goes through ``verify_event`` like any other — nothing here skips verification.
"""
from __future__ import annotations

from chalicelib.shared import clock

import json
import secrets as _random
import threading
import time
from dataclasses import dataclass
from typing import Any, Protocol

from chalicelib.payments import domain
from chalicelib.shared.errors import MalformedRequest, RuleViolation

STRIPE_API_VERSION = "2024-06-20"


class StripeSecrets(Protocol):
    """Where a tenant's Stripe secrets live (Secrets Manager in the cloud, tenants/*.yaml locally)."""

    def webhook_secret(self, tenant_id: str) -> str | None: ...

    def api_key(self, tenant_id: str) -> str | None: ...


class LocalStripeSecrets:
    """The demo tenants' secrets from ``tenants/<id>.yaml`` (the registry strips them on purpose)."""

    def __init__(self, directory=None, api_key: str | None = None):
        self._directory = directory
        self._api_key = api_key
        self._lock = threading.Lock()
        self._secrets: dict[str, str] | None = None

    def _load(self) -> dict[str, str]:
        with self._lock:
            if self._secrets is None:
                from chalicelib.local import seed

                defs = seed.load_definitions(self._directory) if self._directory else seed.load_definitions()
                self._secrets = {d.id: d.stripe.webhook_secret for d in defs if d.stripe.webhook_secret}
            return self._secrets

    def webhook_secret(self, tenant_id: str) -> str | None:
        return self._load().get(tenant_id)

    def api_key(self, tenant_id: str) -> str | None:
        return self._api_key


class SecretsManagerStripeSecrets:
    """One secret per tenant, JSON ``{"webhook_secret": "whsec_…", "api_key": "sk_…"}``, cached briefly."""

    def __init__(self, name_template: str, ttl_s: int = 300):
        self._template = name_template
        self._ttl = ttl_s
        self._cache: dict[str, tuple[float, dict[str, str]]] = {}

    def _secret(self, tenant_id: str) -> dict[str, str]:
        hit = self._cache.get(tenant_id)
        if hit and time.monotonic() - hit[0] < self._ttl:
            return hit[1]
        from chalicelib.platform import aws

        sm = aws.client("secretsmanager")
        try:
            value = json.loads(sm.get_secret_value(SecretId=self._template.format(tenant_id=tenant_id))["SecretString"])
        except sm.exceptions.ResourceNotFoundException:
            value = {}
        self._cache[tenant_id] = (time.monotonic(), value)
        return value

    def webhook_secret(self, tenant_id: str) -> str | None:
        return self._secret(tenant_id).get("webhook_secret")

    def api_key(self, tenant_id: str) -> str | None:
        return self._secret(tenant_id).get("api_key")


def signature_invalid(reason: str) -> MalformedRequest:
    # One code whatever went wrong (and for an unknown tenant): a forger learns nothing.
    return MalformedRequest("payments.webhook.signature_invalid", "the Stripe signature could not be verified",
                            {"reason": reason})


def verify_event(payload: bytes, sig_header: str | None, secret: str | None,
                 tolerance: int = domain.SIGNATURE_TOLERANCE_S) -> dict[str, Any]:
    """The event in ``payload`` once its signature verifies over these exact bytes with ``secret``."""
    import stripe

    if not secret:
        raise signature_invalid("no_secret")
    if not sig_header:
        raise signature_invalid("unsigned")
    try:
        stripe.Webhook.construct_event(payload, sig_header, secret, tolerance=tolerance)
    except stripe.SignatureVerificationError as exc:
        raise signature_invalid("expired" if "tolerance" in str(exc).lower() else "mismatch") from exc
    except ValueError as exc:  # not JSON, though signed
        raise MalformedRequest("payments.webhook.event.malformed", "the body is not a Stripe event") from exc
    # Our own parse of the verified bytes: plain dicts, integers stay integers.
    event = json.loads(payload)
    if not isinstance(event, dict):
        raise MalformedRequest("payments.webhook.event.malformed", "the body is not a Stripe event")
    return event


# --- PaymentIntents ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CreatedIntent:
    id: str
    client_secret: str | None
    mode: str  # "stripe" or "local"


def create_payment_intent(*, api_key: str | None, amount_minor: int, currency: str, metadata: dict[str, str],
                          idempotency_key: str, local_id: str) -> CreatedIntent:
    """A PaymentIntent in Stripe when there is a key; otherwise a local one for the simulator."""
    if not api_key:
        return CreatedIntent(local_id, f"{local_id}_secret_local", "local")
    import stripe

    intent = stripe.PaymentIntent.create(amount=amount_minor, currency=currency.lower(), metadata=metadata,
                                         automatic_payment_methods={"enabled": True}, api_key=api_key,
                                         idempotency_key=idempotency_key)
    return CreatedIntent(intent["id"], intent.get("client_secret"), "stripe")


# --- the local simulator's events ----------------------------------------------------------------------


def _event(kind: str, obj: dict[str, Any], created: int) -> dict[str, Any]:
    return {"id": "evt_" + _random.token_hex(12), "object": "event", "api_version": STRIPE_API_VERSION,
            "created": created, "data": {"object": obj}, "livemode": False, "pending_webhooks": 1,
            "request": {"id": None, "idempotency_key": None}, "type": kind}


def simulated_events(outcome: str, intent: dict[str, Any], now: int | None = None) -> list[dict[str, Any]]:
    """The events Stripe would send for ``outcome`` on ``intent`` (a payments intent record)."""
    now = now or clock.epoch_seconds()
    pi_id, minor, currency = intent["id"], int(intent["amount_minor"]), intent["currency"].lower()
    charge_id = "ch_" + pi_id.removeprefix("pi_")
    metadata = {k: str(v) for k, v in intent["metadata"].items()}
    pi = {"id": pi_id, "object": "payment_intent", "amount": minor, "currency": currency, "metadata": metadata,
          "created": now, "livemode": False, "latest_charge": charge_id}
    if outcome == "succeeded":
        return [_event("payment_intent.succeeded", {**pi, "amount_received": minor, "status": "succeeded",
                                                    "last_payment_error": None}, now)]
    if outcome == "failed":
        error = {"code": "card_declined", "decline_code": "insufficient_funds", "message": "Your card was declined."}
        return [_event("payment_intent.payment_failed", {**pi, "amount_received": 0, "latest_charge": None,
                                                         "status": "requires_payment_method",
                                                         "last_payment_error": error}, now)]
    charge = {"id": charge_id, "object": "charge", "amount": minor, "amount_captured": minor, "currency": currency,
              "payment_intent": pi_id, "metadata": metadata, "paid": True, "created": now}
    if outcome == "refunded":
        return [_event("charge.refunded", {**charge, "amount_refunded": minor, "refunded": True}, now)]
    if outcome == "disputed":
        dispute = {"id": "dp_" + _random.token_hex(10), "object": "dispute", "amount": minor, "currency": currency,
                   "charge": charge_id, "payment_intent": pi_id, "metadata": metadata, "reason": "fraudulent",
                   "status": "needs_response", "created": now}
        return [_event("charge.dispute.created", dispute, now)]
    raise RuleViolation("payments.simulate.outcome.invalid", "outcome is succeeded, failed, refunded or disputed")


def signed(event: dict[str, Any], secret: str, timestamp: int | None = None) -> tuple[bytes, str]:
    """The body bytes and the ``Stripe-Signature`` header Stripe would send for ``event``."""
    payload = json.dumps(event, indent=2).encode()  # Stripe pretty-prints; the signature covers these bytes
    return payload, domain.signature_header(secret, timestamp or clock.epoch_seconds(), payload)
