"""Payments' records in DynamoDB, each an explicit JSON document (amounts as decimal strings).

Partitions (all tenant-prefixed through ``TenantRepository``):

* ``STRIPE-EVENT#<evt>``: ``ROOT`` — an inbound event claimed once (condition: not exists), kept
  ``EVENT_RETENTION_DAYS`` through the table's ``expires_at`` TTL.
* ``PAYMENT-INTENT#<pi>``: ``ROOT`` — the intent and its state; ``EVENT#<created>#<evt>`` — what each
  event did to it. Listed per tenant on GSI1, per contract on GSI2 (``CONTRACT-PAYMENTS#<contract>``).
* ``PAYMENT-FLAG#<contract>``: ``DISPUTE#<id>`` — a contract flagged by a dispute.
* ``WEBHOOK-SUB#<id>``, ``WEBHOOK-DELIVERY#<id>`` (``ROOT`` + ``ATTEMPT#<nnn>``): outbound webhooks.
* ``CLEARING#<date>``: ``REC#<id>`` — a day's clearing records (the id is derived from the source,
  so registering a movement twice stores it once).
"""
from __future__ import annotations

from chalicelib.shared import clock
from chalicelib.shared.serial import dumps

import json
from datetime import date
from decimal import Decimal
from typing import Any

from pynamodb.attributes import UnicodeAttribute
from pynamodb.exceptions import DeleteError, PutError, UpdateError

from chalicelib.platform import keys
from chalicelib.platform.dynamo import DecimalAttribute, TenantModel, conditional_failed
from chalicelib.platform.repository import TenantRepository
from chalicelib.shared.tenant import TenantContext


class PaymentsRecord(TenantModel):
    status = UnicodeAttribute(null=True)
    data = UnicodeAttribute(null=True)  # JSON: amounts as decimal strings, never floats
    expires_at = DecimalAttribute(null=True)  # the table's TTL attribute (epoch seconds)


to_json = dumps


class _Repo(TenantRepository[PaymentsRecord]):
    record = PaymentsRecord

    def __init__(self, aggregate: str):
        self.aggregate = aggregate


class PaymentsStore:
    def __init__(self) -> None:
        self.events = _Repo("STRIPE-EVENT")
        self.intents = _Repo("PAYMENT-INTENT")
        self.flags = _Repo("PAYMENT-FLAG")
        self.subscriptions = _Repo("WEBHOOK-SUB")
        self.deliveries = _Repo("WEBHOOK-DELIVERY")
        self.clearing = _Repo("CLEARING")

    # --- inbound events: claimed once ----------------------------------------------------------------

    def claim_event(self, ctx: TenantContext, event_id: str, event_type: str, retention_days: int,
                    lease_s: int) -> str:
        """``claimed`` (process it now), ``done`` (already processed) or ``in_progress`` (someone else
        holds a fresh claim). A claim older than ``lease_s`` — its holder died — is taken over."""
        now = clock.epoch_seconds()
        rec = self.events.new(ctx, event_id, status="processing", expires_at=Decimal(now + retention_days * 86400),
                              data=to_json({"id": event_id, "type": event_type, "claimed_at": now}))
        try:
            rec.save(condition=PaymentsRecord.PK.does_not_exist())
            return "claimed"
        except PutError as exc:
            if not conditional_failed(exc):
                raise
        found = self.events.get(ctx, event_id)
        if found is None:
            return "in_progress"
        data = json.loads(found.data or "{}")
        if found.status != "processing":
            return "done"
        if now - int(data.get("claimed_at", now)) < lease_s:
            return "in_progress"
        found.data = to_json({**data, "claimed_at": now})
        try:
            found.save()  # optimistic lock on version: one taker wins
        except (PutError, UpdateError) as exc:
            if conditional_failed(exc):
                return "in_progress"
            raise
        return "claimed"

    def finish_event(self, ctx: TenantContext, event_id: str, outcome: dict[str, Any]) -> None:
        found = self.events.get(ctx, event_id)
        if found is None:
            return
        found.status = "processed"
        found.data = to_json({**json.loads(found.data or "{}"), "outcome": outcome,
                              "processed_at": clock.now()})
        found.save()

    def release_event(self, ctx: TenantContext, event_id: str) -> None:
        """Give a claim back after a failure, so the sender's retry processes the event."""
        found = self.events.get(ctx, event_id)
        if found is not None and found.status == "processing":
            try:
                found.delete(condition=PaymentsRecord.version == found.version)
            except DeleteError:
                pass

    def get_event(self, ctx: TenantContext, event_id: str) -> dict[str, Any] | None:
        found = self.events.get(ctx, event_id)
        return None if found is None else {**json.loads(found.data or "{}"), "status": found.status,
                                           "expires_at": found.expires_at}

    # --- payment intents -----------------------------------------------------------------------------

    def get_intent(self, ctx: TenantContext, intent_id: str) -> tuple[dict[str, Any], int] | None:
        found = self.intents.get(ctx, intent_id)
        return None if found is None else (json.loads(found.data), found.version)

    def save_intent(self, ctx: TenantContext, intent: dict[str, Any], version: int | None,
                    event_note: dict[str, Any] | None = None) -> None:
        """Create (``version`` None) or update under optimistic locking; 409 on a lost race."""
        rec = self.intents.new(ctx, intent["id"], list_sk=intent["created_at"], status=intent["status"],
                               GSI2PK=keys.partition(ctx.tenant_id, "CONTRACT-PAYMENTS", intent["contract_id"]),
                               GSI2SK=intent["created_at"], data=to_json(intent))
        if version is None:
            self.intents.create(ctx, rec, "payments.intent.exists")
        else:
            rec.version = version
            self.intents.save(ctx, rec, "payments.intent.contention")
        if event_note is not None:
            note = self.intents.new(ctx, intent["id"], f"EVENT#{event_note['created']:012d}#{event_note['event_id']}",
                                    data=to_json(event_note))
            note.save()

    def intent_events(self, ctx: TenantContext, intent_id: str) -> list[dict[str, Any]]:
        return [json.loads(r.data) for r in self.intents.items(ctx, intent_id, "EVENT#")]

    def contract_intents(self, ctx: TenantContext, contract_id: str) -> list[dict[str, Any]]:
        model = self.intents.model(ctx)
        pk = keys.partition(ctx.tenant_id, "CONTRACT-PAYMENTS", contract_id)
        return [json.loads(r.data) for r in model.gsi2.query(pk)]

    # --- contract flags ------------------------------------------------------------------------------

    def flag_contract(self, ctx: TenantContext, contract_id: str, flag_id: str, flag: dict[str, Any]) -> None:
        rec = self.flags.new(ctx, contract_id, f"DISPUTE#{flag_id}", status="open", data=to_json(flag))
        try:
            rec.save(condition=PaymentsRecord.PK.does_not_exist())
        except PutError as exc:
            if not conditional_failed(exc):
                raise

    def contract_flags(self, ctx: TenantContext, contract_id: str) -> list[dict[str, Any]]:
        return [json.loads(r.data) for r in self.flags.items(ctx, contract_id)]

    # --- outbound webhooks ---------------------------------------------------------------------------

    def save_document(self, ctx: TenantContext, repo: _Repo, doc_id: str, doc: dict[str, Any],
                      version: int | None, list_sk: str, sk: str = "ROOT") -> int:
        rec = repo.new(ctx, doc_id, sk, list_sk=list_sk, status=doc.get("status"), data=to_json(doc))
        if version is None:
            repo.create(ctx, rec, f"payments.{repo.aggregate.lower()}.exists")
        else:
            rec.version = version
            repo.save(ctx, rec, f"payments.{repo.aggregate.lower()}.contention")
        return rec.version

    def get_document(self, ctx: TenantContext, repo: _Repo, doc_id: str) -> tuple[dict[str, Any], int] | None:
        found = repo.get(ctx, doc_id)
        return None if found is None else (json.loads(found.data), found.version)

    def page_documents(self, ctx: TenantContext, repo: _Repo, cursor: str | None, limit: int):
        items, nxt = repo.page(ctx, cursor, limit)
        return [json.loads(r.data) for r in items], nxt

    def delete_document(self, ctx: TenantContext, repo: _Repo, doc_id: str) -> bool:
        found = repo.get(ctx, doc_id)
        if found is None:
            return False
        found.delete()
        return True

    def add_attempt(self, ctx: TenantContext, delivery_id: str, attempt: dict[str, Any]) -> bool:
        """Log one delivery attempt; False if that attempt number was logged already (a redelivered message)."""
        rec = self.deliveries.new(ctx, delivery_id, f"ATTEMPT#{attempt['attempt']:03d}", data=to_json(attempt))
        try:
            rec.save(condition=PaymentsRecord.PK.does_not_exist())
            return True
        except PutError as exc:
            if conditional_failed(exc):
                return False
            raise

    def attempts(self, ctx: TenantContext, delivery_id: str) -> list[dict[str, Any]]:
        return [json.loads(r.data) for r in self.deliveries.items(ctx, delivery_id, "ATTEMPT#")]

    # --- clearing ------------------------------------------------------------------------------------

    def add_clearing_record(self, ctx: TenantContext, business_date: date, record_id: str,
                            record: dict[str, Any]) -> bool:
        """Store a clearing record once (its id derives from the source); False if it was there."""
        rec = self.clearing.new(ctx, business_date.isoformat(), f"REC#{record_id}", data=to_json(record))
        try:
            rec.save(condition=PaymentsRecord.PK.does_not_exist())
            return True
        except PutError as exc:
            if conditional_failed(exc):
                return False
            raise

    def clearing_records(self, ctx: TenantContext, business_date: date) -> list[dict[str, Any]]:
        return [json.loads(r.data) for r in self.clearing.items(ctx, business_date.isoformat(), "REC#")]

