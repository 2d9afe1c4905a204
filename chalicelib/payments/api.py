"""Payments' HTTP routes: the Stripe webhook, PaymentIntents and the local simulator, merchant
webhook subscriptions and deliveries, clearing reports and reconciliation."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from chalicelib.payments import clearing, service, webhooks_out
from chalicelib.payments.domain import MERCHANT_EVENT_TYPES
from chalicelib.platform.http import ApiBlueprint, Reply
from chalicelib.shared.schema import Schema
from chalicelib.shared.tenant import Role

api = ApiBlueprint(__name__, "payments")

COLLECTING = (Role.FINANCE, Role.COLLECTOR, Role.TENANT_ADMIN)
ADMIN = (Role.TENANT_ADMIN,)
CLEARING = (Role.FINANCE, Role.TENANT_ADMIN)
MerchantEvent = Literal[MERCHANT_EVENT_TYPES]  # type: ignore[valid-type]


# --- models ---------------------------------------------------------------------------------------------


class PaymentIntentIn(Schema):
    amount: Decimal | None = Field(default=None, gt=0, description="decimal string; default: the instalment's outstanding")
    instalment_seq: int | None = Field(default=None, ge=1, description="the instalment it pays (absent: a prepayment)")


class SimulateIn(Schema):
    outcome: Literal["succeeded", "failed", "refunded", "disputed"]


class SubscriptionIn(Schema):
    url: str = Field(max_length=2000)
    event_types: list[MerchantEvent] = Field(min_length=1)  # type: ignore[valid-type]
    description: str | None = Field(default=None, max_length=500)


class ListQuery(Schema):
    limit: int = Field(default=50, ge=1, le=200)
    next: str | None = None


class DateQuery(Schema):
    on: date = Field(alias="date", description="the business date (YYYY-MM-DD)")


# --- Stripe -----------------------------------------------------------------------------------------------


@api.route("/v1/webhooks/stripe/{tenant_id}", "POST", public=True)
def stripe_webhook(tenant_id: str) -> dict[str, Any]:
    """Receive a Stripe event for a tenant (verified with that tenant's signing secret)."""
    request = api.blueprint.current_request
    return service.receive_stripe_webhook(tenant_id, request.raw_body or b"", api.header("Stripe-Signature"))


@api.route("/v1/contracts/{contract_id}/payment-intents", "POST", roles=COLLECTING, body=PaymentIntentIn, status=201)
def create_payment_intent(ctx, contract_id: str, body: PaymentIntentIn):
    """Create a PaymentIntent for an instalment or a prepayment (Stripe with a key, local without)."""
    return service.create_payment_intent(ctx, contract_id, amount=body.amount, instalment_seq=body.instalment_seq,
                                         idempotency_key=api.idempotency_key("payments", required=False))


@api.route("/v1/contracts/{contract_id}/payment-intents/{intent_id}", roles=COLLECTING + (Role.VIEWER,))
def get_payment_intent(ctx, contract_id: str, intent_id: str):
    """A payment intent, its state and what each Stripe event did to it."""
    return service.get_payment_intent(ctx, contract_id, intent_id)


@api.route("/v1/contracts/{contract_id}/payment-intents/{intent_id}/simulate", "POST", roles=COLLECTING,
           body=SimulateIn, available=service.local_stage)
def simulate_payment(ctx, contract_id: str, intent_id: str, body: SimulateIn):
    """Local simulator (local stage only): Stripe's event for the outcome, signed and delivered to the webhook."""
    return service.simulate_payment(ctx, contract_id, intent_id, body.outcome)


@api.route("/v1/contracts/{contract_id}/payments", roles=COLLECTING + (Role.VIEWER,))
def contract_payments(ctx, contract_id: str):
    """A contract's payment intents and payment flags (disputes)."""
    return service.contract_payments(ctx, contract_id)


# --- merchant webhooks ------------------------------------------------------------------------------------


@api.route("/v1/webhook-subscriptions", "POST", roles=ADMIN, body=SubscriptionIn, status=201, scopes=("webhooks:manage",))
def create_subscription(ctx, body: SubscriptionIn):
    """Subscribe a URL to merchant events; the signing secret is shown in this answer only."""
    return webhooks_out.create_subscription(ctx, body.url, list(body.event_types), body.description)


@api.route("/v1/webhook-subscriptions", roles=ADMIN, query=ListQuery, scopes=("webhooks:manage",))
def list_subscriptions(ctx, query: ListQuery):
    """The tenant's webhook subscriptions (without secrets)."""
    items, nxt = webhooks_out.list_subscriptions(ctx, query.next, query.limit)
    return {"items": items, "next": nxt}


@api.route("/v1/webhook-subscriptions/{subscription_id}", "DELETE", roles=ADMIN, scopes=("webhooks:manage",))
def delete_subscription(ctx, subscription_id: str):
    """Remove a subscription; deliveries already queued for it fail without sending."""
    webhooks_out.delete_subscription(ctx, subscription_id)
    return Reply(None, 204)


@api.route("/v1/webhook-deliveries", roles=ADMIN, query=ListQuery, scopes=("webhooks:manage",))
def list_deliveries(ctx, query: ListQuery):
    """Deliveries of merchant events, newest first, with their status and attempt count."""
    items, nxt = webhooks_out.list_deliveries(ctx, query.next, query.limit)
    return {"items": items, "next": nxt}


@api.route("/v1/webhook-deliveries/{delivery_id}", roles=ADMIN, scopes=("webhooks:manage",))
def get_delivery(ctx, delivery_id: str):
    """A delivery with every attempt (status, latency)."""
    return webhooks_out.get_delivery(ctx, delivery_id)


@api.route("/v1/webhook-deliveries/{delivery_id}/redeliver", "POST", roles=ADMIN, status=202, scopes=("webhooks:manage",))
def redeliver(ctx, delivery_id: str):
    """Queue a delivery again."""
    return webhooks_out.redeliver(ctx, delivery_id)


# --- clearing ---------------------------------------------------------------------------------------------


@api.route("/v1/clearing/reports", roles=CLEARING, query=DateQuery)
def clearing_report(ctx, query: DateQuery):
    """End-of-day netting per channel and counterparty (also written as CSV to S3)."""
    return clearing.report(ctx, query.on)


@api.route("/v1/clearing/reconciliation", roles=CLEARING, query=DateQuery)
def clearing_reconciliation(ctx, query: DateQuery):
    """The day's clearing records against ledger postings and the provider: mismatches with reasons."""
    return clearing.reconcile(ctx, query.on)
