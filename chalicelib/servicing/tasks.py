"""Scheduled entry points: the daily end-of-day batch, one invocation per tenant and business date."""
from __future__ import annotations

from datetime import date
from typing import Any

from chalicelib.servicing import service
from chalicelib.shared.tenant import TenantContext, TenantKind


def _system_context(tenant_id: str) -> TenantContext:
    from chalicelib import bootstrap

    registered = bootstrap.tenant_registry().get(tenant_id)
    if registered is None:
        raise LookupError(f"tenant {tenant_id} is not registered")
    d = registered.definition
    return TenantContext(tenant_id=tenant_id, kind=TenantKind(d.kind), user_id="system:end-of-day",
                         username="system:end-of-day", group_id=d.group_id, isolation=d.isolation)


def end_of_day_batch(event: dict[str, Any], context: Any = None) -> dict[str, Any]:
    """``{"tenant_id", "date"}`` → the run (``app.lambda_function(name="end_of_day_batch")``)."""
    ctx = _system_context(str(event["tenant_id"]))
    run = service.run_end_of_day(ctx, date.fromisoformat(str(event["date"])))
    return {"tenant_id": ctx.tenant_id, **run}
