"""Payments' pure model: payment states and their one transition table, Stripe minor units, webhook
signatures (the scheme Stripe uses, for our outbound deliveries too), retry backoff, clearing netting
and reconciliation. No AWS, no Stripe library, no PynamoDB here.
"""
from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, Iterable, Mapping

from chalicelib.shared.errors import MalformedRequest, RuleViolation
from chalicelib.shared.money import currency_code, currency_scale, decimal_from, is_at_scale, quantize

ZERO = Decimal(0)

# Stripe's default tolerance: a signed payload older than this is refused (replay protection).
SIGNATURE_TOLERANCE_S = 300
# Stripe retries an event for up to three days; keep its record well beyond that (and DynamoDB's
# own transaction token covers only ten minutes, so it cannot stand in for this).
EVENT_RETENTION_DAYS = 45


# --- payment state -----------------------------------------------------------------------------------


class PaymentState(str, Enum):
    REQUIRES_PAYMENT = "requires_payment"
    FAILED = "failed"  # the last attempt failed; the payer may try again
    SUCCEEDED = "succeeded"
    REFUNDED = "refunded"


S = PaymentState

# The one transition table. A state absent from a row's set is "older" than the row: an event that
# would move there arrives late and is recorded, never applied (state never moves backwards).
# A dispute is not a state of the payment but a fact about it: it holds funds and flags the contract
# whatever the state, so a late ``succeeded`` still posts the repayment it disputes.
PAYMENT_TRANSITIONS: dict[PaymentState, frozenset[PaymentState]] = {
    S.REQUIRES_PAYMENT: frozenset({S.FAILED, S.SUCCEEDED, S.REFUNDED}),
    S.FAILED: frozenset({S.FAILED, S.SUCCEEDED, S.REFUNDED}),
    S.SUCCEEDED: frozenset({S.REFUNDED}),
    S.REFUNDED: frozenset(),
}


def can_move(current: PaymentState, target: PaymentState) -> bool:
    """True when an event announcing ``target`` moves a payment that is ``current`` forward."""
    return target in PAYMENT_TRANSITIONS[current]


# What each inbound Stripe event type announces.
STRIPE_EVENT_STATES: dict[str, PaymentState] = {
    "payment_intent.succeeded": S.SUCCEEDED,
    "payment_intent.payment_failed": S.FAILED,
    "charge.refunded": S.REFUNDED,
}


# --- money in Stripe's minor units -------------------------------------------------------------------


def amount_from_minor(minor: int, currency: str) -> Decimal:
    """Stripe's integer minor units as an exact amount at the currency's scale (1234 CNY → 12.34)."""
    if isinstance(minor, bool) or not isinstance(minor, int):
        raise RuleViolation("payments.amount.invalid", "a Stripe amount is an integer number of minor units",
                            {"amount": str(minor)})
    code = currency_code(currency)
    return quantize(Decimal(minor).scaleb(-currency_scale(code)), code)


def amount_to_minor(amount: Decimal | str, currency: str) -> int:
    """An amount at the currency's scale as Stripe's minor units; more places than the currency has is refused."""
    code = currency_code(currency)
    value = decimal_from(amount)
    if value <= 0 or not is_at_scale(value, code):
        raise RuleViolation("payments.amount.invalid", f"the amount must be positive with at most "
                            f"{currency_scale(code)} decimal places", {"amount": format(value, "f")})
    return int(value.scaleb(currency_scale(code)))


# --- signatures (Stripe's scheme: t=<unix>,v1=HMAC-SHA256(secret, "<t>.<payload>")) --------------------


def signature(secret: str, timestamp: int, payload: bytes) -> str:
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256).hexdigest()


def signature_header(secret: str, timestamp: int, payload: bytes) -> str:
    """The ``Stripe-Signature`` (or our ``Jinkong-Signature``) header value for ``payload``."""
    return f"t={timestamp},v1={signature(secret, timestamp, payload)}"


def verify_signature_header(secret: str, header: str | None, payload: bytes, now: int,
                            tolerance: int = SIGNATURE_TOLERANCE_S) -> bool:
    """What a merchant does with our deliveries: any v1 matches and the timestamp is recent."""
    if not header:
        return False
    try:
        parts = [p.split("=", 1) for p in header.split(",")]
        timestamp = int(next(v for k, v in parts if k == "t"))
    except (StopIteration, ValueError):
        return False
    expected = signature(secret, timestamp, payload)
    matches = any(hmac.compare_digest(expected, v) for k, v in parts if k == "v1")
    return matches and abs(now - timestamp) <= tolerance


# --- inbound Stripe events ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StripeEventFacts:
    """What payments needs from one verified Stripe event, whatever its type."""

    event_id: str
    type: str
    created: int
    payment_intent_id: str | None
    contract_id: str | None
    instalment_seq: int | None
    currency: str | None
    amount_minor: int | None  # succeeded: amount_received; refund: amount_refunded; dispute: amount
    captured_minor: int | None = None  # a charge's captured amount (a refund out of order implies the payment)
    object_id: str | None = None  # the charge or dispute id
    failure: str | None = None
    reason: str | None = None

    @property
    def announces(self) -> PaymentState | None:
        return STRIPE_EVENT_STATES.get(self.type)


def _metadata_int(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def event_facts(event: Mapping[str, Any]) -> StripeEventFacts:
    """Read a Stripe event (as JSON) into ``StripeEventFacts``; 400 if it is not an event at all."""
    obj = (event.get("data") or {}).get("object") if isinstance(event.get("data"), dict) else None
    if not isinstance(event.get("id"), str) or not isinstance(event.get("type"), str) or not isinstance(obj, dict):
        raise MalformedRequest("payments.webhook.event.malformed", "the body is not a Stripe event")
    meta = obj.get("metadata") or {}
    kind = event["type"]
    currency = obj.get("currency")
    common = dict(event_id=event["id"], type=kind, created=int(event.get("created") or 0),
                  contract_id=meta.get("contract_id"), instalment_seq=_metadata_int(meta.get("instalment_seq")),
                  currency=currency.upper() if isinstance(currency, str) else None)
    if kind.startswith("payment_intent."):
        error = obj.get("last_payment_error") or {}
        return StripeEventFacts(payment_intent_id=obj.get("id"), amount_minor=obj.get("amount_received"),
                                failure=error.get("code") or error.get("message"), **common)
    if kind == "charge.refunded":
        return StripeEventFacts(payment_intent_id=obj.get("payment_intent"), amount_minor=obj.get("amount_refunded"),
                                captured_minor=obj.get("amount_captured"), object_id=obj.get("id"), **common)
    if kind.startswith("charge.dispute."):
        return StripeEventFacts(payment_intent_id=obj.get("payment_intent"), amount_minor=obj.get("amount"),
                                object_id=obj.get("id"), reason=obj.get("reason"), **common)
    return StripeEventFacts(payment_intent_id=None, amount_minor=None, **common)


# --- outbound merchant webhooks ----------------------------------------------------------------------

MERCHANT_EVENT_TYPES = ("application.approved", "contract.signed", "loan.disbursed", "repayment.received",
                        "instalment.overdue", "contract.settled")
MAX_DELIVERY_ATTEMPTS = 6  # the queue's maxReceiveCount: after the last try SQS moves it to the DLQ
MAX_SUBSCRIPTIONS = 25  # per tenant: every event fans out to each, so the fan-out is bounded too
BASE_BACKOFF_S = 2
MAX_BACKOFF_S = 900  # SQS caps a message's visibility timeout change well above this


def retry_delay_s(attempt: int) -> int:
    """Seconds to wait after failed attempt ``attempt`` (1-based): 2, 4, 8, … capped at 15 minutes."""
    return min(MAX_BACKOFF_S, BASE_BACKOFF_S * 2 ** (max(1, attempt) - 1))


def delivery_succeeded(status: int | None) -> bool:
    return status is not None and 200 <= status < 300


# --- clearing ----------------------------------------------------------------------------------------


class Direction(str, Enum):
    IN = "in"  # money received from the counterparty
    OUT = "out"  # money paid to the counterparty


@dataclass(frozen=True)
class ClearingRecord:
    """One external money movement: a Stripe charge or refund, a bank repayment, a disbursement."""

    id: str
    business_date: date
    channel: str  # stripe, bank_transfer, …
    counterparty: str  # who settles with us: "stripe", a bank, a merchant
    direction: Direction
    amount: Decimal
    currency: str
    source: str  # the provider's reference (charge, refund, transfer id)
    contract_id: str | None = None
    ledger_entry_id: str | None = None


@dataclass(frozen=True)
class NetPosition:
    """End-of-day netting for one channel and counterparty in one currency."""

    channel: str
    counterparty: str
    currency: str
    gross_in: Decimal
    gross_out: Decimal
    count: int

    @property
    def net(self) -> Decimal:
        return self.gross_in - self.gross_out

    @property
    def instruction(self) -> str:
        """The transfer the net implies: the counterparty pays us, we pay it, or nothing moves."""
        if self.net > 0:
            return "receive"
        if self.net < 0:
            return "pay"
        return "none"


def netting(records: Iterable[ClearingRecord]) -> list[NetPosition]:
    """Net a day's clearing records per (channel, counterparty, currency); sums are exact."""
    groups: dict[tuple[str, str, str], list[ClearingRecord]] = {}
    for r in records:
        groups.setdefault((r.channel, r.counterparty, r.currency), []).append(r)
    out = []
    for (channel, counterparty, currency), rs in sorted(groups.items()):
        gross_in = sum((r.amount for r in rs if r.direction is Direction.IN), ZERO)
        gross_out = sum((r.amount for r in rs if r.direction is Direction.OUT), ZERO)
        out.append(NetPosition(channel, counterparty, currency, quantize(gross_in, currency),
                               quantize(gross_out, currency), len(rs)))
    return out


@dataclass(frozen=True)
class Mismatch:
    source: str
    reason: str  # missing_in_clearing, missing_at_provider, missing_in_ledger, amount_differs
    clearing_amount: Decimal | None = None
    other_amount: Decimal | None = None
    details: dict[str, Any] = field(default_factory=dict)


def reconcile(clearing: Mapping[str, Decimal], other: Mapping[str, Decimal], side: str) -> list[Mismatch]:
    """Clearing records (by source reference) against another side's (provider events or ledger
    postings): every difference listed with its reason, none dropped."""
    out = []
    for source in sorted(set(clearing) | set(other)):
        mine, theirs = clearing.get(source), other.get(source)
        if mine is None:
            out.append(Mismatch(source, "missing_in_clearing", None, theirs, {"side": side}))
        elif theirs is None:
            out.append(Mismatch(source, f"missing_in_{side}", mine, None, {"side": side}))
        elif mine != theirs:
            out.append(Mismatch(source, "amount_differs", mine, theirs, {"side": side}))
    return out
