"""Close of business catches up missed dates in order, one call for all of them — as in a stage that
follows the calendar, where a nightly schedule that did not fire leaves dates open."""
from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from chalicelib.shared.tenant import TenantContext, TenantKind
from tests.support import TEST_BUSINESS_DATE


def system_context(tenant_id: str) -> TenantContext:
    return TenantContext(tenant_id=tenant_id, kind=TenantKind.LENDING, user_id="system:test",
                         username="system:test", group_id="demo-group")


@pytest.fixture()
def calendar_stage(monkeypatch):
    """Time travel off, and the one clock standing at noon, Shanghai, five days after the books opened."""
    from chalicelib.closing import service
    from chalicelib.platform.settings import get_settings
    from chalicelib.shared import clock

    monkeypatch.setattr(service, "get_settings", lambda: get_settings().model_copy(update={"time_travel": False}))
    noon = datetime.combine(TEST_BUSINESS_DATE + timedelta(days=5), time(12), ZoneInfo("Asia/Shanghai"))
    wired = clock.clock()
    clock.use(clock=clock.FixedClock(noon))
    yield TEST_BUSINESS_DATE + timedelta(days=5)
    clock.use(clock=wired)


def test_one_close_catches_up_every_missed_date_in_order_and_each_date_once(fresh_tenant, calendar_stage):
    from chalicelib.closing import service
    from chalicelib.shared.errors import DomainError

    ctx = system_context(fresh_tenant.tenant_id)
    today = calendar_stage
    assert service.calendar(ctx)["business_date"] == today  # the calendar day, not a stored date
    run = service.close_through(ctx, today)
    assert run["status"] == "completed" and run["business_date"] == today.isoformat()
    assert run["caught_up"] == [(TEST_BUSINESS_DATE + timedelta(days=n)).isoformat() for n in range(5)]
    for n in range(5):
        assert service.run_of(ctx, TEST_BUSINESS_DATE + timedelta(days=n))["status"] == "completed"
    assert service.close_through(ctx, today)["started_at"] == run["started_at"]  # closed once: its run
    # A closed date takes no more postings: the books act on the next day until the calendar catches up.
    assert service.calendar(ctx)["business_date"] == today + timedelta(days=1)
    with pytest.raises(DomainError) as refused:
        service.close_through(ctx, today + timedelta(days=2))
    assert refused.value.code == "servicing.eod.future_date"
