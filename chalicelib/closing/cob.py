"""Close of business as a state machine: one function per state of ``close-of-business.asl.json``.

Each takes the small JSON the machine passes and returns the small JSON the next state needs; the
contract list travels as an S3 manifest, never through the state payload::

    begin           the tenant's close taken (409 if held), the first date's run opened → {more, business_date}
    list_contracts  the active contracts as a manifest of batches in S3                  → {manifest_key, batches}
    close_batch     (Distributed Map child) one batch's contracts closed, counters added  → {closed, skipped, parked}
    park_batch      a batch that kept failing: its unclosed contracts parked with the error
    finish_date     tenant steps (applications, GL roll-up, clearing), the date closed     → {more, business_date}
    fail            the run failed, the close released (only if this execution holds it)

Every step may run twice (a retry, a re-driven execution) and writes the same things again: closing a
contract is skipped once it is closed for the date, postings are keyed by contract, date and kind,
the roll-up of a date happens once, and the date's run record is rewritten whole.
"""
from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from chalicelib.closing import domain
from chalicelib.platform import observability
from chalicelib.platform.settings import get_settings
from chalicelib.shared import clock
from chalicelib.shared.tenant import TenantContext

# Contracts per Distributed Map item: a child closes this many (~0.1 s each) well inside its timeout.
BATCH_SIZE = 50
TENANT_STEPS = ("expire_applications", "expire_facilities", "gl_roll_up", "clearing_netting", "customer_grades", "whitelists")
PHASES = ("list_contracts", "close_contracts", *TENANT_STEPS)


class CloseTransientError(Exception):
    """A platform failure worth retrying (throttling, a timeout, a 5xx): the machine retries the step."""


class CloseError(Exception):
    """A close-of-business step cannot go on (the close is held by another run, a missing manifest)."""


def is_transient(exc: BaseException) -> bool:
    """A platform failure (``platform.aws.is_transient``) or one a step already called so; the rest is
    the contract's own failure."""
    from chalicelib.platform import aws

    return isinstance(exc, CloseTransientError) or aws.is_transient(exc)


def _store():
    from chalicelib.closing.service import _store as store

    return store()


def _ctx(tenant_id: str, username: str = "system:end-of-day") -> TenantContext:
    from chalicelib.tenancy.service import system_context

    ctx = system_context(tenant_id, username)
    if ctx is None:
        raise CloseError(f"tenant {tenant_id} is not registered")
    return ctx


def _at() -> str:
    return clock.now().isoformat()


def manifest_prefix(tenant_id: str, run_id: str, on: str) -> str:
    return f"tenants/{tenant_id}/close-of-business/{run_id}/{on}/"


def _s3(ctx: TenantContext):
    from chalicelib.platform.tenant_credentials import tenant_client

    return tenant_client("s3", ctx.tenant_id)


def _new_run(on: date, run_id: str, by: str, caught_up: list[str]) -> dict[str, Any]:
    return {"business_date": on.isoformat(), "run_id": run_id, "status": "running", "by": by, "started_at": _at(),
            "caught_up": caught_up, "total": 0, "batches": 0, "expired_applications": [], "gl_roll_up": [],
            "phases": [{"name": p, "status": "pending"} for p in PHASES]}


def _phase(run: dict[str, Any], name: str, status: str, **detail: Any) -> None:
    for p in run["phases"]:
        if p["name"] == name:
            p.update(status=status, **{("started_at" if status == "running" else "finished_at"): _at()}, **detail)


def _take(ctx: TenantContext, on: date, run_id: str) -> None:
    """Take (or renew) the close of ``on`` for this execution: 409 if another live run holds it."""
    from chalicelib.closing.service import _save_state, _state

    state, version = _state(ctx)
    _save_state(ctx, domain.begin_close(state, on, clock.now(), run_id), version)


# --- the states ------------------------------------------------------------------------------------


def begin(event: dict[str, Any]) -> dict[str, Any]:
    """Take the tenant's close and open the first date's run. ``input``: ``{tenant_id, target (or none:
    the business date — the schedule), run_id (or the execution's name), by}``."""
    from chalicelib.closing.service import _business_date, _state

    given = event.get("input") or {}
    run_id = given.get("run_id") or event["execution"]
    ctx = _ctx(given["tenant_id"])
    state, _ = _state(ctx)
    business_date = _business_date(ctx, state)
    target = date.fromisoformat(given["target"]) if given.get("target") else business_date
    if given.get("moving") and get_settings().time_travel_enabled:  # the business date moves past target
        business_date = max(business_date, target)
    dates = domain.dates_to_close(state, target, business_date)
    out = {"tenant_id": ctx.tenant_id, "run_id": run_id, "target": target.isoformat(), "by": given.get("by") or
           ctx.username, "bucket": given.get("bucket") or get_settings().reports_bucket, "more": bool(dates)}
    if not dates:
        return out
    _take(ctx, dates[0], run_id)
    caught_up = [d.isoformat() for d in dates[:-1]]
    _store().save_run(ctx, _new_run(dates[0], run_id, out["by"], caught_up if dates[0] == target else []))
    return {**out, "business_date": dates[0].isoformat(), "caught_up": caught_up}


def list_contracts(event: dict[str, Any]) -> dict[str, Any]:
    """The date's active contracts, written as the Distributed Map's manifest of batches."""
    from chalicelib.servicing import service as servicing

    ctx = _ctx(event["tenant_id"])
    on, run_id = event["business_date"], event["run_id"]
    run = _store().run(ctx, date.fromisoformat(on)) or {}
    _phase(run, "list_contracts", "running")
    ids = list(servicing.active_contract_ids(ctx)) if ctx.kind.is_subsidiary else []
    batches = [ids[i:i + BATCH_SIZE] for i in range(0, len(ids), BATCH_SIZE)]
    prefix = manifest_prefix(ctx.tenant_id, run_id, on)
    manifest = [{"tenant_id": ctx.tenant_id, "run_id": run_id, "business_date": on, "batch": n, "contract_ids": b}
                for n, b in enumerate(batches)]
    _s3(ctx).put_object(Bucket=event["bucket"], Key=prefix + "contracts.json", Body=json.dumps(manifest).encode(),
                        ContentType="application/json")
    run.update(total=len(ids), batches=len(batches))
    _phase(run, "list_contracts", "succeeded", contracts=len(ids), batches=len(batches))
    _phase(run, "close_contracts", "running" if batches else "succeeded")
    _store().save_run(ctx, run)
    return {**event, "manifest_key": prefix + "contracts.json", "batches": len(batches)}


@observability.traced
def close_batch(event: dict[str, Any]) -> dict[str, Any]:
    """Close one batch of contracts for the date (a Distributed Map child)."""
    from chalicelib.servicing import service as servicing

    ctx = _ctx(event["tenant_id"])
    on = date.fromisoformat(event["business_date"])
    try:
        result = servicing.close_contract_batch(ctx, on, event["contract_ids"], is_transient=is_transient)
    except Exception as exc:
        if is_transient(exc):
            raise CloseTransientError(f"{type(exc).__name__}: {exc}") from exc
        raise
    store = _store()
    for parked in result["parked"]:
        store.park(ctx, on, event["run_id"], {**parked, "business_date": on.isoformat(), "parked_at": _at()})
    store.add_counts(ctx, on, event["run_id"], {"closed": result["closed"], "skipped": result["skipped"],
                               "parked": len(result["parked"]), "batches_done": 1,
                               **{f"step_{k}": v for k, v in result["steps"].items()}})
    observability.count("ContractsClosed", ctx.tenant_id, result["closed"])
    return {"batch": event.get("batch"), "closed": result["closed"], "skipped": result["skipped"],
            "parked": len(result["parked"])}


def park_batch(event: dict[str, Any]) -> dict[str, Any]:
    """A batch that failed for good: each of its contracts not closed for the date is parked with the
    batch's error, for the tenant-admin to see; the date still closes."""
    from chalicelib.servicing import service as servicing

    ctx = _ctx(event["tenant_id"])
    on = date.fromisoformat(event["business_date"])
    error = event.get("error") or {}
    name, message = error.get("Error", "States.TaskFailed"), _cause(error.get("Cause"))
    unclosed = servicing.unclosed_contracts(ctx, on, event["contract_ids"])
    store = _store()
    for contract_id in unclosed:
        store.park(ctx, on, event["run_id"], {"contract_id": contract_id, "code": name, "error": message,
                                              "attempts": None, "business_date": on.isoformat(), "parked_at": _at()})
    store.add_counts(ctx, on, event["run_id"], {"parked": len(unclosed), "batches_done": 1})
    return {"batch": event.get("batch"), "parked": len(unclosed)}


def _cause(cause: Any) -> str:
    """Step Functions' ``Cause`` is the Lambda's error JSON as a string: its message, briefly."""
    try:
        data = json.loads(cause) if isinstance(cause, str) else (cause or {})
    except ValueError:
        return str(cause)[:500]
    return str(data.get("errorMessage") or data)[:500] if isinstance(data, dict) else str(data)[:500]


def finish_date(event: dict[str, Any]) -> dict[str, Any]:
    """The tenant-level steps of the date, then the date closed; the next date (catch-up) opened."""
    from chalicelib.closing.service import _save_state, _state

    ctx = _ctx(event["tenant_id"])
    on = date.fromisoformat(event["business_date"])
    store = _store()
    run, counts, parked = store.run_view(ctx, on)
    run = run or _new_run(on, event["run_id"], event.get("by", ""), [])
    _phase(run, "close_contracts", "succeeded", **_contract_counts(counts))
    for step in TENANT_STEPS:
        _phase(run, step, "running")
        detail = _TENANT_STEP[step](ctx, on, run) if ctx.kind.is_subsidiary else {}
        _phase(run, step, "succeeded", **detail)
    run.update(status="completed", finished_at=_at(), parked=len(parked), **_contract_counts(counts))
    store.save_run(ctx, run)
    observability.count("DatesClosed", ctx.tenant_id)
    state, version = _state(ctx)
    if state.run_id != event["run_id"] or state.closing_on != on:
        raise CloseError(f"the close of {on} is no longer held by {event['run_id']}")
    state = domain.finish_close(state, on)
    target = date.fromisoformat(event["target"])
    if on >= target:
        _save_state(ctx, state, version)
        return {**event, "more": False}
    nxt = on + timedelta(days=1)
    _save_state(ctx, domain.begin_close(state, nxt, clock.now(), event["run_id"]), version)
    caught_up = event.get("caught_up") or []
    store.save_run(ctx, _new_run(nxt, event["run_id"], event.get("by", ""), caught_up if nxt == target else []))
    return {**{k: v for k, v in event.items() if k not in ("manifest_key", "batches")},
            "business_date": nxt.isoformat(), "more": True}


def _contract_counts(counts: dict[str, int]) -> dict[str, Any]:
    closed, skipped, parked = counts.get("closed", 0), counts.get("skipped", 0), counts.get("parked", 0)
    return {"closed": closed, "skipped": skipped, "processed": closed + skipped + parked,
            "batches_done": counts.get("batches_done", 0),
            "contract_steps": {k[5:]: v for k, v in counts.items() if k.startswith("step_")}}


def _expire_applications(ctx: TenantContext, on: date, run: dict[str, Any]) -> dict[str, Any]:
    from chalicelib.origination.applications import service as applications

    run["expired_applications"] = applications.expire_stale(ctx, on)
    return {"expired": len(run["expired_applications"])}


def _gl_roll_up(ctx: TenantContext, on: date, run: dict[str, Any]) -> dict[str, Any]:
    from chalicelib.ledger import service as ledger
    from chalicelib.ledger.wiring import ledger_store

    rolled = ledger.roll_up(ctx, on, store=ledger_store())
    run["gl_roll_up"] = rolled["accounts"]
    return {"accounts": len(rolled["accounts"]), "movements": rolled["movements"]}


def _clearing_netting(ctx: TenantContext, on: date, run: dict[str, Any]) -> dict[str, Any]:
    from chalicelib.payments import clearing

    report = clearing.report(ctx, on)
    return {"records": report["records"], "positions": len(report["positions"])}


def _expire_facilities(ctx: TenantContext, on: date, run: dict[str, Any]) -> dict[str, Any]:
    from chalicelib.credit import service as credit

    return {"expired": len(credit.expire_due(ctx, through=on))}  # valid through ``on``: expired from the next day


def _customer_grades(ctx: TenantContext, on: date, run: dict[str, Any]) -> dict[str, Any]:
    from chalicelib.customers import service as customers

    return customers.month_end_grades(ctx, on)  # grades the month on its last day; other days do nothing


def _whitelists(ctx: TenantContext, on: date, run: dict[str, Any]) -> dict[str, Any]:
    from chalicelib.customers import whitelists

    return whitelists.month_end_runs(ctx, on)  # each active rule's monthly run on a month's last day; else nothing


_TENANT_STEP = {"expire_applications": _expire_applications, "expire_facilities": _expire_facilities,
                "gl_roll_up": _gl_roll_up,
                "clearing_netting": _clearing_netting, "customer_grades": _customer_grades,
                "whitelists": _whitelists}


def fail(event: dict[str, Any]) -> dict[str, Any]:
    """A step failed for good: the date's run says so, and the close is released if this run holds it."""
    from chalicelib.closing.service import _save_state, _state

    given = event.get("input") or {}
    run_id = given.get("run_id") or event["execution"]
    ctx = _ctx(given["tenant_id"])
    error = given.get("error") or {}
    state, version = _state(ctx)
    if state.run_id != run_id:  # refused at the start (another close holds it): nothing of ours to undo
        return {"run_id": run_id, "status": "refused", "error": error.get("Error")}
    on = state.closing_on
    if on is not None:
        run = _store().run(ctx, on) or _new_run(on, run_id, given.get("by", ""), [])
        run.update(status="failed", finished_at=_at(),
                   error={"name": error.get("Error", "States.TaskFailed"), "message": _cause(error.get("Cause"))})
        _store().save_run(ctx, run)
    _save_state(ctx, domain.release_close(state), version)
    observability.count("ClosesFailed", ctx.tenant_id)
    return {"run_id": run_id, "status": "failed"}
