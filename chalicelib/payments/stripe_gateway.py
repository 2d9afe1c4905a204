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
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable, Generic, Hashable, Protocol, TypeVar

from chalicelib.payments import domain
from chalicelib.shared.errors import MalformedRequest, RuleViolation
from chalicelib.platform.observability import log

STRIPE_API_VERSION = "2024-06-20"


K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class StripeSecrets(Protocol):
    """Where a tenant's Stripe secrets live (Secrets Manager; the local stack wires tenants/*.yaml's)."""

    def webhook_secret(self, tenant_id: str) -> str | None: ...

    def api_key(self, tenant_id: str) -> str | None: ...


class BoundedTtlCache(Generic[K, V]):
    """At most ``maxsize`` entries, each kept ``ttl_s`` seconds; the least recently used goes first.

    The Stripe webhook looks a tenant's secret up by an id in an unauthenticated path, so whatever
    caches those lookups must not grow with the ids callers invent."""

    def __init__(self, maxsize: int, ttl_s: float, now: Callable[[], float] = time.monotonic):
        if maxsize < 1:
            raise ValueError("maxsize must be at least 1")
        self.maxsize, self._ttl, self._now = maxsize, ttl_s, now
        self._entries: OrderedDict[K, tuple[float, V]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: K, load: Callable[[K], V]) -> V:
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None and self._now() - hit[0] < self._ttl:
                self._entries.move_to_end(key)
                return hit[1]
        value = load(key)  # outside the lock: a slow lookup does not hold up other tenants
        with self._lock:
            self._entries[key] = (self._now(), value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.maxsize:
                self._entries.popitem(last=False)
        return value


class SecretsManagerStripeSecrets:
    """One secret per tenant, JSON ``{"webhook_secret": "whsec_…", "api_key": "sk_…"}``, cached briefly
    in a bounded cache (``max_tenants`` entries, unknown ids included)."""

    def __init__(self, name_template: str, ttl_s: int = 300, max_tenants: int = 256):
        self._template = name_template
        self._cache: BoundedTtlCache[str, dict[str, str]] = BoundedTtlCache(max_tenants, ttl_s)

    def _load(self, tenant_id: str) -> dict[str, str]:
        from chalicelib.platform import aws

        sm = aws.client("secretsmanager")
        try:
            return json.loads(sm.get_secret_value(SecretId=self._template.format(tenant_id=tenant_id))["SecretString"])
        except sm.exceptions.ResourceNotFoundException:
            return {}

    def _secret(self, tenant_id: str) -> dict[str, str]:
        return self._cache.get(tenant_id, self._load)

    def webhook_secret(self, tenant_id: str) -> str | None:
        return self._secret(tenant_id).get("webhook_secret")

    def api_key(self, tenant_id: str) -> str | None:
        return self._secret(tenant_id).get("api_key")


def signature_invalid(reason: str) -> MalformedRequest:
    """One answer whatever went wrong — no secret (an unknown tenant), unsigned, mismatch, expired:
    a caller without the secret learns nothing, not even whether the tenant exists. The reason is
    logged for operators only."""
    log.info("stripe webhook refused", extra={"reason": reason})
    return MalformedRequest("payments.webhook.signature_invalid", "the Stripe signature could not be verified")


def livemode_mismatch() -> MalformedRequest:
    return MalformedRequest("payments.webhook.livemode_mismatch",
                            "a live-mode event is accepted only in production, a test-mode event only elsewhere")


def verify_event(payload: bytes, sig_header: str | None, secret: str | None,
                 tolerance: int = domain.SIGNATURE_TOLERANCE_S) -> dict[str, Any]:
    """The event in ``payload`` once its signature verifies over these exact bytes with ``secret``."""
    import stripe

    # Without a secret the check still runs, against a throwaway one, so an unknown tenant costs
    # the same work as a known one.
    check_secret = secret or "whsec_" + _random.token_hex(24)
    try:
        payload.decode("utf-8")  # Stripe signs UTF-8 JSON; anything else is no event, signed or not
    except UnicodeDecodeError as exc:
        raise signature_invalid("not_utf8") from exc
    try:
        stripe.Webhook.construct_event(payload, sig_header or "", check_secret, tolerance=tolerance)
    except stripe.SignatureVerificationError as exc:
        reason = ("no_secret" if not secret else "unsigned" if not sig_header
                  else "expired" if "tolerance" in str(exc).lower() else "mismatch")
        raise signature_invalid(reason) from exc
    except ValueError as exc:  # not JSON, though signed
        if not secret:
            raise signature_invalid("no_secret") from exc
        raise MalformedRequest("payments.webhook.event.malformed", "the body is not a Stripe event") from exc
    if not secret:  # unreachable with a random secret; never accept what no tenant secret signed
        raise signature_invalid("no_secret")
    # Our own parse of the verified bytes: plain dicts, integers stay integers.
    event = json.loads(payload)
    if not isinstance(event, dict):
        raise MalformedRequest("payments.webhook.event.malformed", "the body is not a Stripe event")
    return event


def check_livemode(event: dict[str, Any], production: bool) -> None:
    """Live-mode events belong to production stages, test-mode events to every other stage: an
    event from the other world (a live key's webhook pointed at staging, a test event replayed at
    production) is refused before anything is recorded."""
    if event.get("livemode") is not production:
        raise livemode_mismatch()


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
