"""Clearing: every external money movement registered intraday, netted at end of day, reconciled.

A record's id derives from its source reference and direction, so registering the same movement
again (a replayed webhook) stores it once. The netting report is computed from exactly the records
of the day (``domain.netting``), and written as CSV to the clearing bucket.
"""
from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from typing import Any

from chalicelib.payments import domain, wiring
from chalicelib.payments.domain import ClearingRecord, Direction
from chalicelib.shared import clock
from chalicelib.shared.errors import DomainError
from chalicelib.shared.money import quantize
from chalicelib.shared.spreadsheet import csv_text
from chalicelib.shared.tenant import TenantContext


def register(ctx: TenantContext, *, channel: str, counterparty: str, direction: Direction, amount: Decimal,
             currency: str, source: str, contract_id: str | None = None, ledger_entry_id: str | None = None,
             business_date: date | None = None) -> dict[str, Any]:
    """Record one external money movement against the day's clearing (idempotent by source)."""
    on = business_date or clock.business_date(ctx)
    record_id = "clr_" + hashlib.sha256(f"{source}\x1f{direction.value}".encode()).hexdigest()[:24]
    record = {"id": record_id, "business_date": on, "channel": channel, "counterparty": counterparty,
              "direction": direction.value, "amount": quantize(amount, currency), "currency": currency,
              "source": source, "contract_id": contract_id, "ledger_entry_id": ledger_entry_id}
    wiring.payments_store().add_clearing_record(ctx, on, record_id, record)
    return record


def _records(ctx: TenantContext, on: date) -> list[ClearingRecord]:
    return [ClearingRecord(id=r["id"], business_date=date.fromisoformat(r["business_date"]), channel=r["channel"],
                           counterparty=r["counterparty"], direction=Direction(r["direction"]),
                           amount=Decimal(r["amount"]), currency=r["currency"], source=r["source"],
                           contract_id=r.get("contract_id"), ledger_entry_id=r.get("ledger_entry_id"))
            for r in wiring.payments_store().clearing_records(ctx, on)]


def netting_csv(positions: list[domain.NetPosition]) -> str:
    """The netting file. Counterparties are customers' (masked) names, so text goes through the shared
    spreadsheet writer; amounts stay Decimals and are written as numbers (a net outflow is ``-12.50``)."""
    return csv_text(["channel", "counterparty", "currency", "count", "gross_in", "gross_out", "net", "instruction"],
                    ([p.channel, p.counterparty, p.currency, p.count, p.gross_in, p.gross_out, p.net, p.instruction]
                     for p in positions))


def report(ctx: TenantContext, on: date) -> dict[str, Any]:
    """End-of-day netting per channel and counterparty, with the CSV written to the clearing bucket."""
    from chalicelib.platform import aws
    from chalicelib.platform.settings import get_settings

    records = _records(ctx, on)
    positions = domain.netting(records)
    key = f"tenants/{ctx.tenant_id}/clearing/{on.isoformat()}/netting.csv"
    aws.client("s3").put_object(Bucket=get_settings().clearing_bucket, Key=key, Body=netting_csv(positions).encode(),
                                ContentType="text/csv")
    return {"business_date": on, "records": len(records), "csv_key": key,
            "positions": [{"channel": p.channel, "counterparty": p.counterparty, "currency": p.currency,
                           "count": p.count, "gross_in": p.gross_in, "gross_out": p.gross_out, "net": p.net,
                           "instruction": p.instruction} for p in positions]}


def reconcile(ctx: TenantContext, on: date) -> dict[str, Any]:
    """The day's clearing records against the ledger postings they name and against the provider's
    (Stripe) payments as payments recorded them: every mismatch with its reason."""
    from chalicelib.ledger import service as ledger
    from chalicelib.ledger import wiring as ledger_wiring

    records = _records(ctx, on)
    mine = {r.source: r.amount for r in records}
    posted: dict[str, Decimal] = {}
    for r in records:
        if not r.ledger_entry_id:
            continue
        try:
            entry, _ = ledger.get_entry(ctx, r.ledger_entry_id, store=ledger_wiring.ledger_store())
        except DomainError:
            continue
        posted[r.source] = _cash_moved(entry)
    provider = _provider_amounts(ctx, records)
    mismatches = domain.reconcile(mine, posted, "ledger") + domain.reconcile(
        {s: a for s, a in mine.items() if s.startswith(("pi_", "pi_local_"))}, provider, "provider")
    return {"business_date": on, "records": len(records),
            "mismatches": [{"source": m.source, "reason": m.reason, "clearing_amount": m.clearing_amount,
                            "other_amount": m.other_amount, **m.details} for m in mismatches]}


BANK_ACCOUNT = "1002"


def _cash_moved(entry) -> Decimal:
    """The bank leg of an entry (what actually moved outside the books)."""
    bank = [ln for ln in entry.lines if ln.account_id == BANK_ACCOUNT]
    return sum((ln.amount for ln in bank), Decimal(0))


def _provider_amounts(ctx: TenantContext, records: list[ClearingRecord]) -> dict[str, Decimal]:
    """What Stripe told us (the intents' recorded amounts) for the Stripe movements of the day."""
    store = wiring.payments_store()
    out: dict[str, Decimal] = {}
    for r in records:
        if r.channel != "stripe":
            continue
        intent_id, _, kind = r.source.rpartition(":")
        found = store.get_intent(ctx, intent_id)
        if found is None:
            continue
        intent = found[0]
        if kind == "charge" and intent.get("amount_received") is not None:
            out[r.source] = Decimal(intent["amount_received"])
        elif kind == "refund" and intent.get("refund"):
            out[r.source] = domain.amount_from_minor(int(intent["refund"]["amount_minor"]), intent["currency"])
    return out
