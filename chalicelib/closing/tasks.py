"""Close of business's Lambda handlers: the state machine's tasks (thin, one per state, each calling
one step of ``closing.cob``) and the daily schedule's entry point.

They are module-level functions on a Chalice ``Blueprint`` (``app.py`` registers it), so Chalice
packages each as its own Lambda function and the local stack registers each in-process for the
embedded Step Functions. The ASL names them by their Chalice names (``${cob_close_batch}``).
An exception's class name is the error ``Retry``/``Catch`` match on: ``CloseTransientError`` is
retried with backoff; anything else goes to the Catch.
"""
from __future__ import annotations

import time
from typing import Any, Callable

from chalice import Blueprint

from chalicelib.closing import cob, service
from chalicelib.closing.cob import CloseError, CloseTransientError

blueprint = Blueprint(__name__)

__all__ = ["blueprint", "FUNCTION_NAMES", "CloseError", "CloseTransientError", "end_of_day_batch"]

FUNCTION_NAMES = ("cob_begin", "cob_list_contracts", "cob_close_batch", "cob_park_batch", "cob_finish_date",
                  "cob_fail")


def _run(step: str, fn: Callable[[dict[str, Any]], dict[str, Any]], event: dict[str, Any]) -> dict[str, Any]:
    from chalicelib.platform import observability

    log = observability.logger()
    where = {k: event.get(k) for k in ("run_id", "tenant_id", "business_date", "batch") if event.get(k) is not None}
    started = time.perf_counter()
    try:
        result = fn(event)
    except Exception as exc:
        log.warning("close-of-business step failed", extra={"step": step, "error": type(exc).__name__, **where})
        raise
    log.info("close-of-business step", extra={"step": step, "ms": round((time.perf_counter() - started) * 1000, 1),
                                              **where})
    return result


@blueprint.lambda_function(name="cob_begin")
def cob_begin(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return _run("begin", cob.begin, event)


@blueprint.lambda_function(name="cob_list_contracts")
def cob_list_contracts(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return _run("list_contracts", cob.list_contracts, event)


@blueprint.lambda_function(name="cob_close_batch")
def cob_close_batch(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return _run("close_batch", cob.close_batch, event)


@blueprint.lambda_function(name="cob_park_batch")
def cob_park_batch(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return _run("park_batch", cob.park_batch, event)


@blueprint.lambda_function(name="cob_finish_date")
def cob_finish_date(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return _run("finish_date", cob.finish_date, event)


@blueprint.lambda_function(name="cob_fail")
def cob_fail(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return _run("fail", cob.fail, event)


def end_of_day_batch(event: dict[str, Any], context: Any = None) -> dict[str, Any]:
    """The daily schedule's entry point, one invocation per tenant (``app.lambda_function(name=
    "end_of_day_batch")``; EventBridge Scheduler at 23:30 local): starts the close-of-business machine
    through the tenant's business date (or ``date`` when invoked by hand), catching up any date a
    missed schedule left open. It does not wait for the close."""
    from datetime import date

    ctx = cob._ctx(str(event["tenant_id"]))
    target = date.fromisoformat(str(event["date"])) if event.get("date") else None
    run = service.close_through(ctx, target, wait_seconds=0)
    return {"tenant_id": ctx.tenant_id, **run}
