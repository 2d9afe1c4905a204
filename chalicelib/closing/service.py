"""Close of business and the business date: use cases.

* ``business_date(ctx)`` (wired into ``shared.clock`` by ``bootstrap``): the tenant's business date.
* ``calendar`` / ``set_business_date``: read it, move it forward (time-travel stages only).
* ``close_through(ctx, date)``: close every date from the one after the last closed up to ``date``,
  in order (catch-up), on the ``close-of-business`` state machine (``closing.cob`` has its steps):
  servicing closes the contracts in batches fanned out by a Distributed Map, then the tenant-level
  steps (stale applications, the ledger's GL roll-up, clearing netting). A date closed already answers
  its stored run; each date is idempotent.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from chalicelib.closing import domain
from chalicelib.closing.domain import ClosingState
from chalicelib.platform import observability
from chalicelib.platform.settings import get_settings
from chalicelib.shared import clock
from chalicelib.shared.errors import Conflict, NotFound, ServiceUnavailable
from chalicelib.shared.ids import new_id
from chalicelib.shared.tenant import TenantContext

if TYPE_CHECKING:
    from chalicelib.closing.store import ClosingStore

DEFAULT_TIMEZONE = "Asia/Shanghai"
_ZONE_CACHE_SECONDS = 300.0


@lru_cache(maxsize=1)
def _store() -> "ClosingStore":
    from chalicelib.closing.store import ClosingStore

    return ClosingStore()


def forget() -> None:
    """Drop per-process caches (tests that swap stacks)."""
    _store.cache_clear()
    _states.clear()
    with _zones_lock:
        _zones.clear()


_zones_lock = threading.Lock()
_zones: dict[str, tuple[str, float]] = {}


def tenant_timezone(ctx: TenantContext) -> str:
    """The tenant's IANA timezone from the registry (cached a few minutes per process)."""
    cached = _zones.get(ctx.tenant_id)
    if cached and time.monotonic() - cached[1] < _ZONE_CACHE_SECONDS:
        return cached[0]
    from chalicelib import bootstrap

    registered = bootstrap.tenant_registry().get(ctx.tenant_id)
    zone = registered.definition.timezone if registered else DEFAULT_TIMEZONE
    with _zones_lock:
        _zones[ctx.tenant_id] = (zone, time.monotonic())
    return zone


_STATE_CACHE_SECONDS = 2.0
_states: dict[str, tuple[ClosingState, float]] = {}


def _state(ctx: TenantContext) -> tuple[ClosingState, int | None]:
    """The tenant's closing state, read fresh (and remembered briefly for ``business_date``)."""
    state, version = _store().state(ctx)
    _states[ctx.tenant_id] = (state, time.monotonic())
    return state, version


def _save_state(ctx: TenantContext, state: ClosingState, version: int | None) -> int:
    _states.pop(ctx.tenant_id, None)
    version = _store().save_state(ctx, state, version)
    _states[ctx.tenant_id] = (state, time.monotonic())
    return version


def _business_date(ctx: TenantContext, state: ClosingState | None = None) -> date:
    """Every posting and command asks for it: the state read for it is kept two seconds. A process
    sees its own moves at once; another process's move (forward only) within that window leaves
    this one on the earlier date, which refuses more, never less."""
    day = clock.calendar_day(tenant_timezone(ctx))
    if state is None:
        cached = _states.get(ctx.tenant_id)
        state = cached[0] if cached and time.monotonic() - cached[1] < _STATE_CACHE_SECONDS else _state(ctx)[0]
    return domain.effective_business_date(state, day, get_settings().time_travel_enabled, clock.now())


class TenantCalendar:
    """The business-calendar port of ``shared.clock``: the tenant's business date."""

    def business_date(self, ctx: TenantContext) -> date:
        return _business_date(ctx)


def calendar(ctx: TenantContext) -> dict[str, Any]:
    """The tenant's business date, whether it may be moved here, and its close of business."""
    state, _ = _state(ctx)
    running = state.running(clock.now())
    return {"tenant_id": ctx.tenant_id, "business_date": _business_date(ctx, state),
            "timezone": tenant_timezone(ctx), "time_travel": get_settings().time_travel_enabled,
            "opened_on": state.opened_on, "last_closed_on": state.last_closed_on,
            "closing_on": state.closing_on if running else None}


def set_business_date(ctx: TenantContext, to: date, *, wait_seconds: float | None = None) -> dict[str, Any]:
    """Move the tenant's business date forward to ``to`` (time-travel stages; never while closing):
    every date left behind is closed first, in order, by one close of business through the eve of
    ``to`` — a closed date moves the business date past it. The answer lists the dates closed; if the
    close outlasts ``wait_seconds`` it is still running (``closing_on`` says so)."""
    state, _ = _state(ctx)
    day = _business_date(ctx, state)
    domain.move_business_date(state, to, day, get_settings().time_travel_enabled, clock.now())  # refusals first
    eve = to - timedelta(days=1)
    closed = domain.dates_to_close(state, eve, eve)
    run = close_through(ctx, eve, wait_seconds=wait_seconds, moving=True)
    state, version = _state(ctx)
    if state.last_closed_on == eve:  # closed, not still running: the explicit date follows the close
        _save_state(ctx, replace(state, business_date=to), version)
    elif run.get("status") == "failed":
        raise Conflict("servicing.eod.failed", "the close of business failed; the business date did not move",
                       {"business_date": run.get("business_date"), "error": run.get("error")})
    return {**calendar(ctx), "closed": closed}


def open_calendar(ctx: TenantContext, on: date) -> None:
    """Start a new tenant's books at business date ``on`` (onboarding and seeds, time-travel stages).
    Re-opening at the same date is a no-op."""
    state, version = _state(ctx)
    if state.opened_on == on and state.business_date is not None and state.last_closed_on is None:
        return
    _save_state(ctx, domain.open_calendar(state, on, get_settings().time_travel_enabled), version)


@observability.traced
def close_through(ctx: TenantContext, target: date | None, *, wait_seconds: float | None = None,
                  moving: bool = False) -> dict[str, Any]:
    """Close of business up to ``target`` (default: the business date): each date not yet closed, in
    order, on the state machine; the answer is ``target``'s run, with ``caught_up``, the earlier dates
    the close took first. It waits up to ``wait_seconds`` (``None``: until the close ends) and answers
    the run as it stands — ``status: running`` if it is still going.

    Refused for a date after the business date (422 ``servicing.eod.future_date``), an earlier date
    never closed (409 ``servicing.eod.out_of_order``) and while another close runs (409
    ``servicing.eod.running``). A date already closed answers its run. ``moving``: the business date
    is being moved past ``target`` (time travel), so ``target`` may be after the business date."""
    state, _ = _state(ctx)
    business_date = _business_date(ctx, state)
    target = target or business_date
    if moving and get_settings().time_travel_enabled:
        business_date = max(business_date, target)
    dates = domain.dates_to_close(state, target, business_date)
    if not dates:
        done = run_view(ctx, target)
        if done is not None and done.get("status") == "completed":
            return done
        raise domain.out_of_order(state, target)
    if state.running(clock.now()):
        raise domain.close_running(state)
    run_id = new_id("cob")
    execution = _start(ctx, target, run_id, moving)
    _await(execution, wait_seconds)
    run = run_view(ctx, target)
    if run is None or run.get("run_id") != run_id and run.get("status") != "completed":
        current, _ = _state(ctx)
        on = current.closing_on or dates[0]
        run = run_view(ctx, on) or {"business_date": on.isoformat(), "run_id": run_id, "status": "running"}
    if run.get("status") == "running" and _finished(execution):
        raise _failed_close(execution, run)
    return run


def _start(ctx: TenantContext, target: date, run_id: str, moving: bool = False) -> str:
    from chalicelib.platform import aws

    arn = get_settings().close_of_business_state_machine_arn
    if not arn:
        raise ServiceUnavailable("servicing.eod.unavailable", "the close-of-business state machine is not configured")
    # Always named: the execution name is the run id (and moto reuses an unnamed execution).
    return aws.client("stepfunctions").start_execution(stateMachineArn=arn, name=run_id, input=json.dumps({
        "tenant_id": ctx.tenant_id, "target": target.isoformat(), "run_id": run_id, "by": ctx.username, "moving": moving,
        "bucket": get_settings().reports_bucket,
    }))["executionArn"]


_POLL_S = 0.01  # the first look; then 1.5× longer each time, up to a second


def _status(execution: str) -> str:
    from chalicelib.platform import aws

    return aws.client("stepfunctions").describe_execution(executionArn=execution)["status"]


def _finished(execution: str) -> bool:
    return _status(execution) != "RUNNING"


def _await(execution: str, wait_seconds: float | None) -> None:
    deadline = None if wait_seconds is None else time.monotonic() + wait_seconds
    pause = _POLL_S
    while _status(execution) == "RUNNING":
        if deadline is not None and time.monotonic() >= deadline:
            return
        time.sleep(pause)
        pause = min(pause * 1.5, 1.0)  # an emulated date takes ~0.2 s, a real one seconds to minutes


def _failed_close(execution: str, run: dict[str, Any]) -> Exception:
    """An execution that ended without closing the date: its run's error, as the caller's answer."""
    from chalicelib.platform import aws

    history = aws.client("stepfunctions").describe_execution(executionArn=execution)
    return Conflict("servicing.eod.failed", "the close of business failed; its run records why",
                    {"business_date": run.get("business_date"), "status": history["status"],
                     "error": run.get("error")})


def run_view(ctx: TenantContext, on: date) -> dict[str, Any] | None:
    """A date's run as the console shows it: the record, the batches' counters and parked contracts."""
    from chalicelib.closing.cob import _contract_counts

    run, counts, parked = _store().run_view(ctx, on)
    if run is None:
        return None
    if run.get("status") == "running":
        run.update(_contract_counts(counts))
    return {**run, "parked": len(parked), "parked_contracts": sorted(parked, key=lambda p: p["contract_id"])}


def run_of(ctx: TenantContext, on: date) -> dict[str, Any]:
    found = run_view(ctx, on)
    if found is None:
        raise NotFound("servicing.eod.not_found", "no end-of-day run for that date",
                       {"business_date": on.isoformat()})
    return found
