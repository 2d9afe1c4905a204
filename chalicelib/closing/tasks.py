"""Scheduled entry point: the daily close of business, one invocation per tenant."""
from __future__ import annotations

from datetime import date
from typing import Any

from chalicelib.closing import service
from chalicelib.shared import clock
from chalicelib.shared.tenant import TenantContext
from chalicelib.tenancy.service import system_context

SYSTEM_USER = "system:end-of-day"


def _system_context(tenant_id: str) -> TenantContext:
    ctx = system_context(tenant_id, SYSTEM_USER)
    if ctx is None:
        raise LookupError(f"tenant {tenant_id} is not registered")
    return ctx


def end_of_day_batch(event: dict[str, Any], context: Any = None) -> dict[str, Any]:
    """Close of business for one tenant (``app.lambda_function(name="end_of_day_batch")``).

    Invoked with ``{"tenant_id", "date"}`` by hand, or by the daily schedule (infra: EventBridge
    Scheduler at 23:30 local) with ``{"tenant_id", "trigger", "scheduled_at"}``: then the date closed
    is the tenant's business date (its local day, unless the stage time-travels), catching up any
    date a missed schedule left open.
    """
    ctx = _system_context(str(event["tenant_id"]))
    business_date = date.fromisoformat(str(event["date"])) if event.get("date") else clock.business_date(ctx)
    run = service.close_through(ctx, business_date)
    return {"tenant_id": ctx.tenant_id, **run}
