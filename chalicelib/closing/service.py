"""Close of business and the business date: use cases.

* ``business_date(ctx)`` (wired into ``shared.clock`` by ``bootstrap``): the tenant's business date.
* ``calendar`` / ``set_business_date``: read it, move it forward (time-travel stages only).
* ``close_through(ctx, date)``: close every date from the one after the last closed up to ``date``,
  in order (catch-up), each date's steps run by the contexts that own them: servicing closes the
  contracts (bill, accrue, overdue, penalty, bucket, non-accrual, exposure projection), origination
  expires stale applications. A date closed already answers its stored run; each date is idempotent.
"""
from __future__ import annotations

import threading
import time
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from chalicelib.closing import domain
from chalicelib.closing.domain import ClosingState
from chalicelib.platform import observability
from chalicelib.platform.settings import get_settings
from chalicelib.shared import clock
from chalicelib.shared.errors import NotFound
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
    if not get_settings().time_travel_enabled:
        return day
    if state is None:
        cached = _states.get(ctx.tenant_id)
        state = cached[0] if cached and time.monotonic() - cached[1] < _STATE_CACHE_SECONDS else _state(ctx)[0]
    return domain.effective_business_date(state, day, True)


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


def set_business_date(ctx: TenantContext, to: date) -> dict[str, Any]:
    """Move the tenant's business date forward to ``to`` (time-travel stages; never while closing),
    day by day: each date left behind is closed first (catching up any missed before), so nothing is
    ever booked on a date while an earlier one is still open. The answer lists the dates closed."""
    state, _ = _state(ctx)
    day = _business_date(ctx, state)
    domain.move_business_date(state, to, day, get_settings().time_travel_enabled, clock.now())  # refusals first
    eve = to - timedelta(days=1)
    closed = domain.dates_to_close(state, eve, eve)
    while day < to:
        close_through(ctx, day)
        state, version = _state(ctx)
        nxt = day + timedelta(days=1)
        _save_state(ctx, domain.move_business_date(state, nxt, day, True, clock.now()), version)
        day = nxt
    return {**calendar(ctx), "closed": closed}


def open_calendar(ctx: TenantContext, on: date) -> None:
    """Start a new tenant's books at business date ``on`` (onboarding and seeds, time-travel stages).
    Re-opening at the same date is a no-op."""
    state, version = _state(ctx)
    if state.opened_on == on and state.business_date is not None and state.last_closed_on is None:
        return
    _save_state(ctx, domain.open_calendar(state, on, get_settings().time_travel_enabled), version)


@observability.traced
def close_through(ctx: TenantContext, target: date, *, run_id: str | None = None) -> dict[str, Any]:
    """Close of business up to ``target``: each date not yet closed, in order, then ``target``'s run.

    Refused for a date after the business date (422 ``servicing.eod.future_date``), an earlier date
    never closed (409 ``servicing.eod.out_of_order``) and while another close runs (409
    ``servicing.eod.running``). The answer is ``target``'s run, with ``caught_up``: the earlier dates
    this call closed first."""
    store = _store()
    state, version = _state(ctx)
    dates = domain.dates_to_close(state, target, _business_date(ctx, state))
    if not dates:
        done = store.run(ctx, target)
        if done is not None and done.get("status") == "completed":
            return done
        raise domain.out_of_order(state, target)
    run_id = run_id or new_id("cob")
    run: dict[str, Any] = {}
    for on in dates:
        state = domain.begin_close(state, on, clock.now(), run_id)
        version = _save_state(ctx, state, version)
        run = _close_date(ctx, on, run_id, caught_up=dates[:-1] if on == target else [])
        state = domain.finish_close(state, on)
        version = _save_state(ctx, state, version)
    return run


def _close_date(ctx: TenantContext, on: date, run_id: str, caught_up: list[date]) -> dict[str, Any]:
    """One date's close: every active contract, then stale applications. Progress is saved as it goes."""
    from chalicelib.origination.applications import service as applications
    from chalicelib.servicing import service as servicing

    store = _store()
    run: dict[str, Any] = {"business_date": on.isoformat(), "run_id": run_id, "status": "running", "total": 0,
                           "processed": 0, "skipped": 0, "expired_applications": [], "started_at": clock.now().isoformat(), "by": ctx.username,
                           "caught_up": [d.isoformat() for d in caught_up]}
    version = store.save_run(ctx, run)

    def progress(total: int, processed: int, skipped: int) -> None:
        nonlocal version
        if (total, processed, skipped) != (run["total"], run["processed"], run["skipped"]):
            run.update(total=total, processed=processed, skipped=skipped)
            version = store.save_run(ctx, run, version)

    if ctx.kind.is_subsidiary:  # HQ books no contracts and takes no applications: its dates just close
        servicing.close_contracts(ctx, on, progress)
        run["expired_applications"] = applications.expire_stale(ctx, on)
    run.update(status="completed", finished_at=clock.now().isoformat())
    store.save_run(ctx, run, version)
    observability.count("DatesClosed", ctx.tenant_id)
    observability.count("ContractsClosed", ctx.tenant_id, run["processed"])
    return run


def run_of(ctx: TenantContext, on: date) -> dict[str, Any]:
    found = _store().run(ctx, on)
    if found is None:
        raise NotFound("servicing.eod.not_found", "no end-of-day run for that date",
                       {"business_date": on.isoformat()})
    return found
