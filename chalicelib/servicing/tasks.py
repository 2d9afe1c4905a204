"""Scheduled entry points: the daily end-of-day batch, one invocation per tenant and business date."""
from __future__ import annotations

from datetime import date
from typing import Any

from chalicelib.servicing import service
from chalicelib.shared.clock import local_date
from chalicelib.shared.tenant import TenantContext, TenantKind


def _system_context(tenant_id: str) -> tuple[TenantContext, str]:
    from chalicelib import bootstrap

    registered = bootstrap.tenant_registry().get(tenant_id)
    if registered is None:
        raise LookupError(f"tenant {tenant_id} is not registered")
    d = registered.definition
    ctx = TenantContext(tenant_id=tenant_id, kind=TenantKind(d.kind), user_id="system:end-of-day",
                        username="system:end-of-day", group_id=d.group_id, isolation=d.isolation)
    return ctx, d.timezone


def end_of_day_batch(event: dict[str, Any], context: Any = None) -> dict[str, Any]:
    """The run for one tenant (``app.lambda_function(name="end_of_day_batch")``).

    Invoked with ``{"tenant_id", "date"}`` by hand, or by the daily schedule (infra: EventBridge
    Scheduler at 23:30 local) with ``{"tenant_id", "trigger", "scheduled_at"}``: the business date
    closed is the tenant's local day the schedule fired on.
    """
    ctx, tz = _system_context(str(event["tenant_id"]))
    if event.get("date"):
        business_date = date.fromisoformat(str(event["date"]))
    elif event.get("scheduled_at"):
        business_date = local_date(str(event["scheduled_at"]), tz)
    else:
        raise ValueError("end_of_day_batch needs a date or a scheduled_at")
    run = service.run_end_of_day(ctx, business_date)
    return {"tenant_id": ctx.tenant_id, **run}
