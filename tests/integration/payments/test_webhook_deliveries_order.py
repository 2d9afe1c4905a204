"""The deliveries list is newest first: listed by creation time, not by the delivery's hashed id."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.unit.ledger.builders import a_tenant


@pytest.fixture()
def quiet_publishing(local_env, monkeypatch):
    """Publishing without the queue (nothing here is to be sent), on a clock that moves a second a call."""
    from chalicelib.payments import webhooks_out

    start, ticks = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc), iter(range(10_000))
    monkeypatch.setattr(webhooks_out, "_enqueue", lambda ctx, delivery_id: None)
    monkeypatch.setattr(webhooks_out, "_now", lambda: start + timedelta(seconds=next(ticks)))
    return webhooks_out


def test_deliveries_list_newest_first_across_pages(quiet_publishing):
    w = quiet_publishing
    ctx, other = a_tenant(prefix="wh"), a_tenant(prefix="wh")
    w.create_subscription(ctx, "http://127.0.0.1:9/hooks", ["repayment.received"])
    published = [w.publish(ctx, "repayment.received", {"n": n}, source_id=f"src-{n}")[0] for n in range(6)]
    assert sorted(published) != published[::-1]  # the hashed ids alone would not give this order

    seen, cursor = [], None
    while True:
        page, cursor = w.list_deliveries(ctx, cursor, limit=4)
        seen += [d["id"] for d in page]
        assert all("payload" not in d for d in page)
        if not cursor:
            break
    assert seen == published[::-1]
    assert w.list_deliveries(other)[0] == []


def test_a_delivery_keeps_its_place_when_its_status_changes(quiet_publishing):
    w = quiet_publishing
    ctx = a_tenant(prefix="wh")
    w.create_subscription(ctx, "http://127.0.0.1:9/hooks", ["repayment.received"])
    first, second = (w.publish(ctx, "repayment.received", {"n": n}, source_id=f"keep-{n}")[0] for n in range(2))
    w.redeliver(ctx, first)
    assert [d["id"] for d in w.list_deliveries(ctx)[0]] == [second, first]
