"""Merchant webhooks: subscriptions, deliveries signed the way Stripe signs, sent through SQS.

A business event becomes one delivery per matching subscription (its id derived from the event and
the subscription, so publishing twice delivers once) and one queue message. The worker
(``tasks.deliver_webhooks``) makes one attempt per message, logs it (status, latency), and on failure
leaves the message to come back after an exponential backoff (``domain.retry_delay_s``); after the
queue's last receive SQS moves it to the dead-letter queue. A delivered delivery is never sent again
unless someone asks for it (``redeliver``).
"""
from __future__ import annotations

from chalicelib.shared import clock

import hashlib
import json
import secrets as _random
import time
from typing import Any

from chalicelib.payments import domain, wiring
from chalicelib.platform import egress, observability
from chalicelib.platform.settings import get_settings
from chalicelib.shared.errors import Conflict, NotFound, RuleViolation
from chalicelib.shared.ids import new_id
from chalicelib.shared.tenant import TenantContext
from chalicelib.platform.observability import log


SIGNATURE_HEADER = "Jinkong-Signature"
TIMEOUT_S = 10


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


_now = clock.now


def subscription_not_found(sub_id: str) -> NotFound:
    return NotFound("payments.subscription.not_found", "no such webhook subscription", {"subscription_id": sub_id})


def _listed_as(delivery: dict[str, Any]) -> str:
    """A delivery's place in the tenant's list: by creation time (then id), so a page is newest first."""
    return f"{delivery['created_at']}#{delivery['id']}"


def delivery_not_found(delivery_id: str) -> NotFound:
    return NotFound("payments.delivery.not_found", "no such webhook delivery", {"delivery_id": delivery_id})


def _local_stage() -> bool:
    return get_settings().stage == "local"


def _destination(url: str) -> egress.Destination:
    """Where ``url`` may be called, by the egress guard's rules for this stage (``platform.egress``):
    https to public addresses only; loopback and plain http to it only in the local stage."""
    try:
        return egress.check_url(url, allow_local=_local_stage())
    except egress.Refusal as refusal:
        if refusal.reason in ("malformed", "scheme", "credentials"):
            raise RuleViolation("payments.subscription.url.invalid",
                                "a webhook URL must be https, without credentials (plain http only to loopback, "
                                "in the local stage)", {"reason": refusal.reason}) from None
        # Which address or range is not said: the answer must not map the platform's network.
        log.warning("webhook URL refused", extra={"host": refusal.host, "reason": refusal.reason,
                                                  "address": refusal.address, "category": refusal.category})
        raise RuleViolation("payments.webhook.url_refused",
                            "the webhook URL's host must resolve to public internet addresses only",
                            {"host": refusal.host}) from None


# --- subscriptions -------------------------------------------------------------------------------------


def create_subscription(ctx: TenantContext, url: str, event_types: list[str], description: str | None = None) -> dict:
    """Subscribe ``url`` to ``event_types``; the signing secret is in this answer and never again.
    A URL the egress guard refuses is 422 and nothing is stored."""
    unknown = sorted(set(event_types) - set(domain.MERCHANT_EVENT_TYPES))
    if unknown or not event_types:
        raise RuleViolation("payments.subscription.event_types.invalid", "unknown or no event types",
                            {"unknown": unknown, "allowed": list(domain.MERCHANT_EVENT_TYPES)})
    _destination(url)
    store = wiring.payments_store()
    active = _count_subscriptions(ctx, store)
    if active >= domain.MAX_SUBSCRIPTIONS:
        raise Conflict("payments.subscription.limit",
                       f"a tenant keeps at most {domain.MAX_SUBSCRIPTIONS} webhook subscriptions; delete one first",
                       {"limit": domain.MAX_SUBSCRIPTIONS})
    sub = {"id": new_id("whs"), "url": url, "event_types": sorted(set(event_types)), "description": description,
           "status": "active", "secret": "whsec_" + _random.token_urlsafe(32), "created_at": _now().isoformat(),
           "created_by": ctx.username}
    store.save_document(ctx, store.subscriptions, sub["id"], sub, None, list_sk=sub["id"])
    return sub


def _count_subscriptions(ctx: TenantContext, store: Any) -> int:
    count, cursor = 0, None
    while True:
        page, cursor = store.page_documents(ctx, store.subscriptions, cursor, 200)
        count += sum(1 for s in page if s.get("status") == "active")
        if not cursor:
            return count


def _public(sub: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in sub.items() if k != "secret"}


def list_subscriptions(ctx: TenantContext, cursor: str | None = None, limit: int = 50):
    store = wiring.payments_store()
    items, nxt = store.page_documents(ctx, store.subscriptions, cursor, limit)
    return [_public(s) for s in items], nxt


def delete_subscription(ctx: TenantContext, sub_id: str) -> None:
    store = wiring.payments_store()
    if not store.delete_document(ctx, store.subscriptions, sub_id):
        raise subscription_not_found(sub_id)


# --- publishing ----------------------------------------------------------------------------------------


def publish(ctx: TenantContext, event_type: str, data: dict[str, Any], *, source_id: str) -> list[str]:
    """One delivery per active subscription to ``event_type``; idempotent per ``source_id``."""
    if event_type not in domain.MERCHANT_EVENT_TYPES:
        raise RuleViolation("payments.event_type.invalid", f"unknown merchant event {event_type}")
    store = wiring.payments_store()
    subs, cursor, queued = [], None, []
    while True:
        page, cursor = store.page_documents(ctx, store.subscriptions, cursor, 200)
        subs += page
        if not cursor:
            break
    event_id = "evt_" + _digest(ctx.tenant_id, event_type, source_id)
    body = {"id": event_id, "type": event_type, "created": clock.epoch_seconds(), "tenant_id": ctx.tenant_id,
            "data": data}
    payload = json.dumps(body, default=str, ensure_ascii=False, separators=(",", ":"))
    for sub in subs:
        if sub.get("status") != "active" or event_type not in sub["event_types"]:
            continue
        delivery = {"id": "whd_" + _digest(sub["id"], event_id), "subscription_id": sub["id"], "url": sub["url"],
                    "event_id": event_id, "event_type": event_type, "payload": payload, "status": "pending",
                    "attempts": 0, "created_at": _now().isoformat()}
        try:
            store.save_document(ctx, store.deliveries, delivery["id"], delivery, None, list_sk=_listed_as(delivery))
        except Conflict:
            continue  # published before: already queued
        _enqueue(ctx, delivery["id"])
        queued.append(delivery["id"])
    return queued


def _enqueue(ctx: TenantContext, delivery_id: str) -> None:
    from chalicelib.platform import aws
    from chalicelib.platform.settings import get_settings

    aws.client("sqs").send_message(QueueUrl=get_settings().webhook_queue_url,
                                   MessageBody=json.dumps({"tenant_id": ctx.tenant_id, "delivery_id": delivery_id}))


# --- delivering ----------------------------------------------------------------------------------------


def _send(url: str, payload: bytes, headers: dict[str, str]) -> tuple[int | None, str | None, bool]:
    """One POST; ``(status, error, permanent)``. The URL is checked again first (its host may resolve
    elsewhere since it was subscribed) and the request goes to an address that check admitted; a
    refused destination is a permanent failure and nothing is sent. Redirects are never followed:
    a 3xx is a failed attempt like any other non-2xx."""
    try:
        destination = egress.check_url(url, allow_local=_local_stage())
    except egress.Refusal as refusal:
        if refusal.reason == "unresolvable":
            return None, "unresolvable", False  # DNS may recover: retried like an unreachable host
        log.warning("webhook delivery refused", extra={"host": refusal.host, "reason": refusal.reason,
                                                       "address": refusal.address, "category": refusal.category})
        return None, "destination_refused", True
    try:
        status = egress.post(destination, payload, {"Content-Type": "application/json",
                                                    "User-Agent": "Jinkong-Webhooks/1", **headers}, TIMEOUT_S)
    except OSError as err:
        return None, type(err).__name__, False
    return status, None, False


def attempt_delivery(ctx: TenantContext, delivery_id: str) -> dict[str, Any]:
    """One signed attempt of a delivery, logged with status and latency. Returns the delivery after
    it; ``status`` is ``delivered``, ``retrying`` or ``failed`` (the last try)."""
    store = wiring.payments_store()
    found = store.get_document(ctx, store.deliveries, delivery_id)
    if found is None:
        raise delivery_not_found(delivery_id)
    delivery, version = found
    if delivery["status"] == "delivered":
        return delivery  # a duplicate message: acknowledged already, never sent twice
    sub = store.get_document(ctx, store.subscriptions, delivery["subscription_id"])
    number = int(delivery["attempts"]) + 1
    if sub is None:
        attempt = {"attempt": number, "status": None, "error": "subscription_deleted", "latency_ms": 0}
        store.add_attempt(ctx, delivery_id, {**attempt, "at": _now().isoformat()})
        delivery.update(status="failed", attempts=number)
        store.save_document(ctx, store.deliveries, delivery_id, delivery, version, list_sk=_listed_as(delivery))
        return delivery
    payload = delivery["payload"].encode()
    headers = {SIGNATURE_HEADER: domain.signature_header(sub[0]["secret"], clock.epoch_seconds(), payload),
               "Jinkong-Event-Id": delivery["event_id"], "Jinkong-Delivery-Attempt": str(number)}
    started = time.perf_counter()
    status, error, permanent = _send(delivery["url"], payload, headers)
    latency_ms = round((time.perf_counter() - started) * 1000, 1)
    ok = domain.delivery_succeeded(status)
    last = permanent or number >= domain.MAX_DELIVERY_ATTEMPTS
    retry_in = None if ok or last else domain.retry_delay_s(number)
    store.add_attempt(ctx, delivery_id, {"attempt": number, "status": status, "error": error,
                                         "latency_ms": latency_ms, "retry_in_s": retry_in, "at": _now().isoformat()})
    delivery.update(attempts=number, last_status=status, retry_in_s=retry_in,
                    status="delivered" if ok else ("failed" if last else "retrying"))
    store.save_document(ctx, store.deliveries, delivery_id, delivery, version, list_sk=_listed_as(delivery))
    observability.count("WebhookDeliveryAttempts", ctx.tenant_id, outcome=delivery["status"])
    return delivery


def list_deliveries(ctx: TenantContext, cursor: str | None = None, limit: int = 50):
    """The tenant's deliveries, newest first (listed by creation time), without their payloads."""
    store = wiring.payments_store()
    items, nxt = store.page_documents(ctx, store.deliveries, cursor, limit)
    return [{k: v for k, v in d.items() if k != "payload"} for d in items], nxt


def get_delivery(ctx: TenantContext, delivery_id: str) -> dict[str, Any]:
    store = wiring.payments_store()
    found = store.get_document(ctx, store.deliveries, delivery_id)
    if found is None:
        raise delivery_not_found(delivery_id)
    return {**found[0], "attempt_log": store.attempts(ctx, delivery_id)}


def redeliver(ctx: TenantContext, delivery_id: str) -> dict[str, Any]:
    """Send a delivery again (a merchant lost it, or it went to the dead-letter queue)."""
    store = wiring.payments_store()
    found = store.get_document(ctx, store.deliveries, delivery_id)
    if found is None:
        raise delivery_not_found(delivery_id)
    delivery, version = found
    delivery.update(status="pending", redelivery_requested_by=ctx.username)
    store.save_document(ctx, store.deliveries, delivery_id, delivery, version, list_sk=_listed_as(delivery))
    _enqueue(ctx, delivery_id)
    return delivery
