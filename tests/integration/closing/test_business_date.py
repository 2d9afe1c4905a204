"""The tenant's business date: read by everyone, moved forward by its admin (closing each date left
behind), refused where it would move back, where the stage follows the calendar, or during a close;
and nothing dated after it is accepted."""
from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest

from tests.integration.origination.flows import ok
from tests.support import TEST_BUSINESS_DATE

D0 = TEST_BUSINESS_DATE


def day(n: int) -> str:
    return (D0 + timedelta(days=n)).isoformat()


@pytest.fixture()
def admin(api, fresh_tenant):
    return api.as_(fresh_tenant.admin)


def test_every_signed_in_user_reads_the_business_date_the_tenant_started_on(api, fresh_tenant):
    got = ok(api.as_(fresh_tenant.viewer).get("/v1/business-date"))
    assert got["tenant_id"] == fresh_tenant.tenant_id and got["time_travel"] is True
    assert got["timezone"] == "Asia/Shanghai" and got["closing_on"] is None
    assert got["business_date"] >= D0.isoformat()
    hq = ok(api.as_("group-risk@demo-group").get("/v1/business-date"))
    assert hq["tenant_id"] == "demo-group" and hq["business_date"] == D0.isoformat()


def test_moving_forward_closes_each_date_left_behind_and_moving_back_is_refused(api, fresh_tenant, admin):
    start = ok(admin.get("/v1/business-date"))["business_date"]
    target = (date.fromisoformat(start) + timedelta(days=3)).isoformat()
    moved = ok(admin.put("/v1/business-date", {"business_date": target}))
    assert moved["business_date"] == target and len(moved["closed"]) >= 3
    assert moved["last_closed_on"] == (date.fromisoformat(target) - timedelta(days=1)).isoformat()
    for refused_to in (target, start):
        back = admin.put("/v1/business-date", {"business_date": refused_to})
        assert (back.status, back.code) == (422, "closing.business_date.backwards")
    assert ok(admin.get("/v1/business-date"))["business_date"] == target  # nothing changed


def test_only_the_tenant_admin_or_the_platform_admin_moves_it(api, fresh_tenant):
    viewer = api.as_(fresh_tenant.viewer)
    current = date.fromisoformat(ok(viewer.get("/v1/business-date"))["business_date"])
    later = (current + timedelta(days=1)).isoformat()
    assert viewer.put("/v1/business-date", {"business_date": later}).status == 403
    assert api.as_("tenant-admin@demo-lending").put(f"/v1/tenants/{fresh_tenant.tenant_id}/business-date",
                                                     {"business_date": later}).status == 403
    platform = api.as_("admin@platform")
    assert ok(platform.put(f"/v1/tenants/{fresh_tenant.tenant_id}/business-date",
                           {"business_date": later}))["business_date"] == later
    assert platform.get("/v1/tenants/no-such-tenant/business-date").status == 404


def test_a_stage_without_time_travel_follows_the_calendar_and_refuses_a_set(api, fresh_tenant, admin, monkeypatch):
    from chalicelib.closing import service
    from chalicelib.platform.settings import get_settings

    monkeypatch.setattr(service, "get_settings", lambda: get_settings().model_copy(update={"time_travel": False}))
    got = ok(admin.get("/v1/business-date"))
    assert got["time_travel"] is False
    refused = admin.put("/v1/business-date", {"business_date": "2099-01-01"})
    assert (refused.status, refused.code) == (409, "closing.time_travel.disabled")


def test_the_date_cannot_move_and_no_second_close_starts_while_a_close_runs(api, fresh_tenant, admin):
    from chalicelib.closing import domain
    from chalicelib.closing.service import _store
    from chalicelib.shared import clock
    from tests.integration.closing.test_catch_up import system_context

    ctx = system_context(fresh_tenant.tenant_id)
    store = _store()
    state, version = store.state(ctx)
    today = ok(admin.get("/v1/business-date"))["business_date"]
    running = domain.begin_close(state, date.fromisoformat(today), clock.now(), run_id="cob_elsewhere")
    version = store.save_state(ctx, running, version)
    try:
        later = (date.fromisoformat(today) + timedelta(days=1)).isoformat()
        moved = admin.put("/v1/business-date", {"business_date": later})
        assert (moved.status, moved.code) == (409, "servicing.eod.running")
        second = admin.post("/v1/servicing/end-of-day", {"date": today})
        assert (second.status, second.code) == (409, "servicing.eod.running")
        assert ok(admin.get("/v1/business-date"))["closing_on"] == today
    finally:
        store.save_state(ctx, state, version)
    assert ok(admin.get("/v1/business-date"))["business_date"] == today  # the refused move changed nothing


def test_nothing_is_closed_booked_or_received_after_the_business_date(api, fresh_tenant, admin):
    today = date.fromisoformat(ok(admin.get("/v1/business-date"))["business_date"])
    tomorrow = (today + timedelta(days=1)).isoformat()
    close = admin.post("/v1/servicing/end-of-day", {"date": tomorrow})
    assert (close.status, close.code) == (422, "servicing.eod.future_date")
    journal = {"booked_on": tomorrow, "memo": "dated in the future",
               "lines": [{"account_id": "6602", "side": "debit", "amount": "1.00"},
                         {"account_id": "1002", "side": "credit", "amount": "1.00"}]}
    refused = admin.post("/v1/ledger/journal-proposals", journal, headers={"Idempotency-Key": uuid.uuid4().hex})
    assert (refused.status, refused.code) == (422, "ledger.entry.future_date")
    assert ok(admin.get("/v1/ledger/journal-proposals"))["items"] == []
