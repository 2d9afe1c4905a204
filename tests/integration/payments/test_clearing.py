"""Clearing: the day's external movements netted per channel and counterparty, and reconciled."""
from __future__ import annotations

import csv
import io
from decimal import Decimal

from chalicelib.shared import clock

from tests.integration.origination.flows import ok
from tests.integration.payments.flows import TENANT, deliver, event, payment_intent


def test_the_netting_report_equals_the_sum_of_the_days_clearing_records(leasing, lease, payments_server):
    from chalicelib.payments import clearing, wiring
    from chalicelib.payments.domain import Direction
    from chalicelib.payments.service import system_context
    from chalicelib.platform import aws
    from chalicelib.platform.settings import get_settings

    ctx = system_context(TENANT)
    paid, refunded = payment_intent(leasing, lease["id"], "30.00"), payment_intent(leasing, lease["id"], "20.00")
    deliver(payments_server, event("succeeded", paid))
    deliver(payments_server, event("succeeded", refunded)), deliver(payments_server, event("refunded", refunded))
    offline = clearing.register(ctx, channel="bank_transfer", counterparty="icbc", direction=Direction.IN,
                                amount=Decimal("1000.00"), currency="CNY", source=f"bank:{lease['id']}:1")
    today = clock.business_date(ctx)

    report = ok(leasing.as_("finance").get(f"/v1/clearing/reports?date={today.isoformat()}"))

    records = wiring.payments_store().clearing_records(ctx, today)
    assert report["records"] == len(records)
    for p in report["positions"]:
        mine = [r for r in records if (r["channel"], r["counterparty"], r["currency"]) ==
                (p["channel"], p["counterparty"], p["currency"])]
        gross_in = sum((Decimal(r["amount"]) for r in mine if r["direction"] == "in"), Decimal(0))
        gross_out = sum((Decimal(r["amount"]) for r in mine if r["direction"] == "out"), Decimal(0))
        assert (Decimal(p["gross_in"]), Decimal(p["gross_out"]), p["count"]) == (gross_in, gross_out, len(mine))
        assert Decimal(p["net"]) == gross_in - gross_out
    assert sum(Decimal(p["net"]) for p in report["positions"]) == sum(
        Decimal(r["amount"]) * (1 if r["direction"] == "in" else -1) for r in records)
    stored = aws.client("s3").get_object(Bucket=get_settings().clearing_bucket, Key=report["csv_key"])["Body"].read()
    rows = list(csv.DictReader(io.StringIO(stored.decode())))
    assert [(r["channel"], r["net"]) for r in rows] == [(p["channel"], p["net"]) for p in report["positions"]]

    recon = ok(leasing.as_("finance").get(f"/v1/clearing/reconciliation?date={today.isoformat()}"))
    assert {"source": offline["source"], "reason": "missing_in_ledger"}.items() <= next(
        m for m in recon["mismatches"] if m["source"] == offline["source"]).items()
    stripe_sources = {f"{paid['id']}:charge", f"{refunded['id']}:charge", f"{refunded['id']}:refund"}
    assert not [m for m in recon["mismatches"] if m["source"] in stripe_sources]


def test_registering_the_same_movement_twice_stores_it_once(leasing):
    from chalicelib.ledger import wiring as ledger_wiring
    from chalicelib.payments import clearing, wiring
    from chalicelib.payments.domain import Direction
    from chalicelib.payments.service import system_context

    ctx = system_context(TENANT)
    for _ in range(2):
        clearing.register(ctx, channel="bank_transfer", counterparty="boc", direction=Direction.OUT,
                          amount=Decimal("5.00"), currency="CNY", source="transfer:twice")
    records = wiring.payments_store().clearing_records(ctx, ledger_wiring.business_date(ctx))
    assert len([r for r in records if r["source"] == "transfer:twice"]) == 1


def test_another_tenant_sees_none_of_these_clearing_records(leasing):
    from chalicelib.ledger import wiring as ledger_wiring
    from chalicelib.payments import wiring
    from chalicelib.payments.service import system_context

    other = system_context("demo-factoring")
    sources = {r["source"] for r in wiring.payments_store().clearing_records(other, ledger_wiring.business_date(other))}
    assert "transfer:twice" not in sources
    assert leasing.api.as_("viewer@demo-leasing").get("/v1/clearing/reports?date=2026-01-01").status == 403
