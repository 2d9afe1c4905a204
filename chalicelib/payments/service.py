"""Payments use cases: PaymentIntents for contracts, the inbound Stripe webhook, the local simulator.

Inbound events are verified first (``stripe_gateway.verify_event``, the tenant's own secret) and only
then touch storage: an event is claimed once by id, processed, and marked done. Processing converges
whatever the order events arrive in:

* every money movement is keyed by what it records — the repayment by the PaymentIntent
  (``stripe:<pi>``), its reversal by the repayment, a dispute's hold by the dispute — so a replay posts
  nothing new;
* the payment's state moves only forward along ``domain.PAYMENT_TRANSITIONS``; a late event (a
  ``payment_failed`` after ``succeeded``) is recorded against the intent and changes nothing;
* a refund that overtakes its ``succeeded`` event first posts the repayment the charge implies (under
  the same key the late event will replay), then reverses it.
"""
from __future__ import annotations

from chalicelib.shared import clock

import hashlib
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any, Callable

from chalicelib.payments import domain, stripe_gateway, wiring
from chalicelib.payments.domain import PaymentState, StripeEventFacts
from chalicelib.platform import keys
from chalicelib.platform.settings import PRODUCTION_STAGES, get_settings
from chalicelib.shared.errors import Conflict, NotFound, RuleViolation
from chalicelib.shared.tenant import Role, TenantContext

MAX_ATTEMPTS = 6
CLAIM_LEASE_S = 120  # a claim older than this belonged to a processor that died; the retry takes over
WEBHOOK_USER = "stripe-webhook"


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


utc_now = clock.now


def local_stage() -> bool:
    """The local stage only: the payment simulator, and intents kept locally without a Stripe key."""
    return get_settings().stage == "local"


def intent_not_found(intent_id: str) -> NotFound:
    return NotFound("payments.intent.not_found", "no such payment intent", {"payment_intent_id": intent_id})


# --- the tenant a webhook acts as ----------------------------------------------------------------------


def system_context(tenant_id: str, username: str = WEBHOOK_USER) -> TenantContext | None:
    """A system caller for ``tenant_id`` (a registered, active subsidiary), or None."""
    from chalicelib.tenancy.service import lookup_tenant, system_context as acting_as_system

    if not keys.valid_tenant_id(tenant_id):
        return None
    info = lookup_tenant(tenant_id)
    if info is None or not info.kind.is_subsidiary or not info.active:
        return None
    return acting_as_system(tenant_id, f"system:{username}", username, roles=frozenset({Role.FINANCE}))


# --- inbound Stripe webhook ---------------------------------------------------------------------------


def receive_stripe_webhook(tenant_id: str, payload: bytes, sig_header: str | None) -> dict[str, Any]:
    """Verify ``payload`` with ``tenant_id``'s webhook secret, then process the event exactly once.

    Nothing is read or written for the tenant before the signature verifies: a forged, tampered,
    re-serialised, expired or unsigned request is 400 ``payments.webhook.signature_invalid`` and
    leaves no trace. An unknown tenant reads exactly the same as a bad signature (code, message and
    details). A verified event from the other Stripe mode than the stage's (``livemode``) is 400
    ``payments.webhook.livemode_mismatch``, also recording nothing.
    """
    secret = wiring.stripe_secrets().webhook_secret(tenant_id) if keys.valid_tenant_id(tenant_id) else None
    event = stripe_gateway.verify_event(payload, sig_header, secret)
    ctx = system_context(tenant_id)
    if ctx is None:
        raise stripe_gateway.signature_invalid("unknown_tenant")
    facts = domain.event_facts(event)
    stripe_gateway.check_livemode(event, production=get_settings().stage in PRODUCTION_STAGES)
    store = wiring.payments_store()
    claim = store.claim_event(ctx, facts.event_id, facts.type, domain.EVENT_RETENTION_DAYS, CLAIM_LEASE_S)
    if claim == "done":
        return {"received": True, "event_id": facts.event_id, "status": "duplicate"}
    if claim == "in_progress":
        # The sender retries; by then the first delivery has finished and this one reads "duplicate".
        raise Conflict("payments.webhook.in_progress", "this event is being processed", {"event_id": facts.event_id})
    try:
        outcome = process_event(ctx, facts)
    except Exception:
        store.release_event(ctx, facts.event_id)
        raise
    store.finish_event(ctx, facts.event_id, outcome)
    return {"received": True, "event_id": facts.event_id, "status": "processed", "outcome": outcome}


def process_event(ctx: TenantContext, facts: StripeEventFacts) -> dict[str, Any]:
    """Apply one verified event to the payment it concerns (idempotent; safe in any order)."""
    handler: Callable[[TenantContext, StripeEventFacts], dict[str, Any]] | None = {
        "payment_intent.succeeded": _on_succeeded,
        "payment_intent.payment_failed": _on_failed,
        "charge.refunded": _on_refunded,
        "charge.dispute.created": _on_dispute,
    }.get(facts.type)
    if handler is None:
        return {"action": "ignored", "reason": "unhandled_type"}
    if not facts.payment_intent_id:
        return {"action": "ignored", "reason": "no_payment_intent"}
    return handler(ctx, facts)


def _intent_for(ctx: TenantContext, facts: StripeEventFacts) -> tuple[dict[str, Any], int | None] | None:
    """The stored intent, or one built from the event (an intent made in Stripe's dashboard with our
    metadata); None when the event names no contract of this tenant."""
    store = wiring.payments_store()
    found = store.get_intent(ctx, facts.payment_intent_id)
    if found is not None:
        return found
    if not facts.contract_id or not facts.currency:
        return None
    from chalicelib.servicing import service as servicing

    try:
        contract = servicing.get_contract(ctx, facts.contract_id)
    except NotFound:
        return None
    intent = _new_intent(ctx, facts.payment_intent_id, contract.contract_id, facts.instalment_seq,
                         facts.captured_minor or facts.amount_minor or 0, facts.currency, "stripe",
                         fingerprint="", created_by=WEBHOOK_USER)
    return intent, None


def _new_intent(ctx: TenantContext, intent_id: str, contract_id: str, instalment_seq: int | None, amount_minor: int,
                currency: str, mode: str, fingerprint: str, created_by: str) -> dict[str, Any]:
    metadata = {"tenant_id": ctx.tenant_id, "contract_id": contract_id}
    if instalment_seq is not None:
        metadata["instalment_seq"] = str(instalment_seq)
    return {"id": intent_id, "contract_id": contract_id, "instalment_seq": instalment_seq,
            "amount_minor": amount_minor, "amount": domain.amount_from_minor(amount_minor, currency),
            "currency": currency, "status": PaymentState.REQUIRES_PAYMENT.value, "mode": mode,
            "metadata": metadata, "fingerprint": fingerprint, "created_at": utc_now().isoformat(),
            "created_by": created_by, "repayment_id": None, "failures": [], "disputes": [], "refund": None}


def _note(facts: StripeEventFacts, action: str, **details: Any) -> dict[str, Any]:
    return {"event_id": facts.event_id, "type": facts.type, "created": facts.created, "action": action, **details}


def _update_intent(ctx: TenantContext, facts: StripeEventFacts,
                   step: Callable[[dict[str, Any]], tuple[dict[str, Any] | None, dict[str, Any]]]) -> dict[str, Any]:
    """Read the intent, let ``step`` decide (it may post money: every posting is keyed, so a rerun
    after a lost race replays it), save under optimistic locking; retried on contention."""
    store = wiring.payments_store()
    for _ in range(MAX_ATTEMPTS):
        found = _intent_for(ctx, facts)
        if found is None:
            return {"action": "ignored", "reason": "unknown_contract"}
        intent, version = found
        after, outcome = step(dict(intent))
        try:
            store.save_intent(ctx, after or intent, version, _note(facts, outcome["action"], **{
                k: v for k, v in outcome.items() if k != "action"}))
        except Conflict:
            continue
        return outcome
    raise Conflict("payments.intent.contention", "the payment kept changing; retry",
                   {"payment_intent_id": facts.payment_intent_id})


def _state(intent: dict[str, Any]) -> PaymentState:
    return PaymentState(intent["status"])


def _stale(intent: dict[str, Any]) -> tuple[None, dict[str, Any]]:
    return None, {"action": "recorded", "reason": "stale", "state": intent["status"]}


def _received_on(ctx: TenantContext, created: int):
    from chalicelib.ledger import wiring as ledger_wiring

    when = datetime.fromtimestamp(created, timezone.utc) if created else utc_now()
    return min(clock.local_date(when, ledger_wiring.tenant_books(ctx).timezone), clock.business_date(ctx))


def _post_repayment(ctx: TenantContext, intent: dict[str, Any], amount_minor: int, currency: str,
                    created: int) -> dict[str, Any]:
    """The repayment a succeeded PaymentIntent pays, posted through servicing's allocation once."""
    from chalicelib.payments import clearing
    from chalicelib.servicing import service as servicing

    amount = domain.amount_from_minor(amount_minor, currency)
    repayment = servicing.apply_repayment(ctx, intent["contract_id"], amount, _received_on(ctx, created),
                                          reference=intent["id"], idempotency_key=f"stripe:{intent['id']}",
                                          channel="stripe", event_data={"payment_intent_id": intent["id"]})
    clearing.register(ctx, channel="stripe", counterparty="stripe", direction=domain.Direction.IN, amount=amount,
                      currency=currency, source=f"{intent['id']}:charge", contract_id=intent["contract_id"],
                      ledger_entry_id=repayment.get("entry_id"))
    return repayment


def _currency_clash(intent: dict[str, Any], facts: StripeEventFacts) -> dict[str, Any] | None:
    if facts.currency and facts.currency != intent["currency"]:
        return {"action": "recorded", "reason": "currency_mismatch", "currency": facts.currency}
    return None


def _on_succeeded(ctx: TenantContext, facts: StripeEventFacts) -> dict[str, Any]:
    def step(intent):
        clash = _currency_clash(intent, facts)
        if clash:
            return None, clash
        if not domain.can_move(_state(intent), PaymentState.SUCCEEDED):
            return _stale(intent)
        repayment = _post_repayment(ctx, intent, int(facts.amount_minor or 0), intent["currency"], facts.created)
        intent.update(status=PaymentState.SUCCEEDED.value, repayment_id=repayment["id"],
                      amount_received=domain.amount_from_minor(int(facts.amount_minor or 0), intent["currency"]))
        return intent, {"action": "repayment_posted", "repayment_id": repayment["id"]}

    outcome = _update_intent(ctx, facts, step)
    return outcome


def _on_failed(ctx: TenantContext, facts: StripeEventFacts) -> dict[str, Any]:
    def step(intent):
        if not domain.can_move(_state(intent), PaymentState.FAILED):
            return _stale(intent)  # e.g. a failed attempt reported after the payment succeeded
        intent["status"] = PaymentState.FAILED.value
        intent["failures"] = [*intent.get("failures", []), {"event_id": facts.event_id, "code": facts.failure}]
        return intent, {"action": "failure_recorded", "failure": facts.failure}

    return _update_intent(ctx, facts, step)


def _on_refunded(ctx: TenantContext, facts: StripeEventFacts) -> dict[str, Any]:
    from chalicelib.payments import clearing
    from chalicelib.servicing import service as servicing

    def step(intent):
        clash = _currency_clash(intent, facts)
        if clash:
            return None, clash
        if not domain.can_move(_state(intent), PaymentState.REFUNDED):
            return _stale(intent)
        captured, refunded = int(facts.captured_minor or 0), int(facts.amount_minor or 0)
        if refunded < captured:
            # A partial refund cannot be mapped onto the allocation automatically: finance decides.
            intent["refund"] = {"event_id": facts.event_id, "amount_minor": refunded, "status": "needs_review"}
            return intent, {"action": "recorded", "reason": "partial_refund_needs_review"}
        if not intent.get("repayment_id"):  # the refund overtook its payment_intent.succeeded
            intent["repayment_id"] = _post_repayment(ctx, intent, captured, intent["currency"], facts.created)["id"]
        reversed_ = servicing.reverse_repayment(ctx, intent["repayment_id"], f"Stripe refund {facts.object_id}")
        amount = domain.amount_from_minor(refunded, intent["currency"])
        clearing.register(ctx, channel="stripe", counterparty="stripe", direction=domain.Direction.OUT,
                          amount=amount, currency=intent["currency"], source=f"{intent['id']}:refund",
                          contract_id=intent["contract_id"], ledger_entry_id=reversed_.get("reversal_entry_id"))
        intent.update(status=PaymentState.REFUNDED.value,
                      refund={"event_id": facts.event_id, "amount_minor": refunded, "status": "reversed"})
        return intent, {"action": "repayment_reversed", "repayment_id": intent["repayment_id"]}

    return _update_intent(ctx, facts, step)


def _on_dispute(ctx: TenantContext, facts: StripeEventFacts) -> dict[str, Any]:
    """Hold the disputed amount (bank → clearing, two-phase) and flag the contract, whatever the state."""
    from chalicelib.ledger import service as ledger
    from chalicelib.ledger import wiring as ledger_wiring

    def step(intent):
        currency = intent["currency"]
        amount = domain.amount_from_minor(int(facts.amount_minor or 0), currency)
        ledger_wiring.ensure_books(ctx)
        hold = ledger.place_hold(ctx, debit_account=CLEARING_ACCOUNT, credit_account=BANK_ACCOUNT, amount=amount,
                                 currency=currency, idempotency_key=f"dispute:{facts.object_id}",
                                 store=ledger_wiring.ledger_store(), memo=f"Stripe dispute {facts.object_id}",
                                 contract_id=intent["contract_id"])
        dispute = {"dispute_id": facts.object_id, "amount": amount, "reason": facts.reason, "hold_id": hold.id,
                   "event_id": facts.event_id}
        wiring.payments_store().flag_contract(ctx, intent["contract_id"], facts.object_id or facts.event_id,
                                              {**dispute, "flag": "disputed", "payment_intent_id": intent["id"]})
        if not any(d["dispute_id"] == facts.object_id for d in intent.get("disputes", [])):
            intent["disputes"] = [*intent.get("disputes", []), dispute]
        return intent, {"action": "hold_placed", "hold_id": hold.id, "dispute_id": facts.object_id}

    return _update_intent(ctx, facts, step)


BANK_ACCOUNT, CLEARING_ACCOUNT = "1002", "1003"


# --- PaymentIntents and the simulator -------------------------------------------------------------------


def create_payment_intent(ctx: TenantContext, contract_id: str, *, amount: Decimal | None,
                          instalment_seq: int | None, idempotency_key: str | None) -> dict[str, Any]:
    """A PaymentIntent for an instalment (its outstanding amount by default) or any amount (a
    prepayment): in Stripe with a key; without one, locally — in the local stage only (elsewhere
    409 ``payments.stripe.api_key_missing``, nothing stored). Idempotent under ``idempotency_key``."""
    from chalicelib.servicing import service as servicing
    from chalicelib.servicing.domain import ContractStatus

    if not idempotency_key:
        raise RuleViolation("payments.idempotency_key.required", "an Idempotency-Key is required")
    contract = servicing.get_contract(ctx, contract_id)
    if contract.status is not ContractStatus.ACTIVE:
        raise Conflict("payments.contract.not_active", f"the contract is {contract.status.value}")
    if instalment_seq is not None:
        instalment = next((i for i in contract.instalments if i.seq == instalment_seq), None)
        if instalment is None:
            raise RuleViolation("payments.instalment_seq.invalid", "no such instalment", {"seq": instalment_seq})
        amount = amount if amount is not None else instalment.outstanding
    if amount is None:
        raise RuleViolation("payments.amount.required", "give an amount or an instalment_seq")
    minor = domain.amount_to_minor(amount, contract.currency)
    fingerprint = _digest(contract_id, str(minor), str(instalment_seq))
    scoped_key = _digest(ctx.tenant_id, "payment-intent", idempotency_key)
    metadata = {"tenant_id": ctx.tenant_id, "contract_id": contract_id}
    if instalment_seq is not None:
        metadata["instalment_seq"] = str(instalment_seq)
    api_key = wiring.stripe_secrets().api_key(ctx.tenant_id)
    if not api_key and not local_stage():
        # A deployed stage never pretends: an intent nobody can pay would only look like one.
        raise Conflict("payments.stripe.api_key_missing", "Stripe is not configured for this company (no API key)")
    created = stripe_gateway.create_payment_intent(
        api_key=api_key, amount_minor=minor, currency=contract.currency,
        metadata=metadata, idempotency_key=scoped_key, local_id=f"pi_local_{scoped_key}")
    store = wiring.payments_store()
    for _ in range(2):
        found = store.get_intent(ctx, created.id)
        if found is not None:
            if found[0]["fingerprint"] != fingerprint:
                raise Conflict("payments.idempotency.mismatch", "this Idempotency-Key was used for another payment",
                               {"idempotency_key": idempotency_key})
            return {**found[0], "client_secret": created.client_secret}
        intent = _new_intent(ctx, created.id, contract_id, instalment_seq, minor, contract.currency, created.mode,
                             fingerprint, ctx.username)
        try:
            store.save_intent(ctx, intent, None)
        except Conflict:
            continue
        return {**intent, "client_secret": created.client_secret}
    raise Conflict("payments.intent.contention", "retry")


def get_payment_intent(ctx: TenantContext, contract_id: str, intent_id: str) -> dict[str, Any]:
    found = wiring.payments_store().get_intent(ctx, intent_id)
    if found is None or found[0]["contract_id"] != contract_id:
        raise intent_not_found(intent_id)
    return {**found[0], "events": wiring.payments_store().intent_events(ctx, intent_id)}


def contract_payments(ctx: TenantContext, contract_id: str) -> dict[str, Any]:
    """A contract's payment intents and the flags payments raised on it (disputes)."""
    from chalicelib.servicing import service as servicing

    servicing.get_contract(ctx, contract_id)  # 404 for another tenant's
    store = wiring.payments_store()
    return {"contract_id": contract_id, "intents": store.contract_intents(ctx, contract_id),
            "flags": store.contract_flags(ctx, contract_id)}


def simulate_payment(ctx: TenantContext, contract_id: str, intent_id: str, outcome: str) -> dict[str, Any]:
    """What Stripe would send for ``outcome``, signed with the tenant's webhook secret and delivered
    to the webhook's own entry point — verification included. Local stage only: its route does not
    exist elsewhere (``api.simulate_payment``)."""
    intent = get_payment_intent(ctx, contract_id, intent_id)
    if intent["mode"] != "local":
        raise Conflict("payments.simulate.not_local", "this intent lives in Stripe; pay it there")
    secret = wiring.stripe_secrets().webhook_secret(ctx.tenant_id)
    if not secret:
        raise RuleViolation("payments.stripe.not_configured", "the tenant has no Stripe webhook secret")
    deliveries = []
    for event in stripe_gateway.simulated_events(outcome, intent):
        payload, header = stripe_gateway.signed(event, secret)
        deliveries.append(receive_stripe_webhook(ctx.tenant_id, payload, header))
    return {"payment_intent": get_payment_intent(ctx, contract_id, intent_id), "deliveries": deliveries}
