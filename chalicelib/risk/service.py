"""Group risk use cases for HQ: start and follow consolidation runs, read the snapshot, set limits and
classification policy, work through warnings, download report datasets.

Every function takes HQ's verified context (a group tenant); keys and the group come only from it.
"""
from __future__ import annotations

from chalicelib.shared import clock

import json
import re
from datetime import date, datetime, timedelta
from typing import Any, Iterable

from pydantic import ConfigDict, Field, model_validator

from chalicelib.platform import aws, observability
from chalicelib.platform.settings import get_settings
from chalicelib.risk.reporting.datasets import JSON_TYPE, REPORT_NAMES
from chalicelib.risk.reporting.files import report_key
from chalicelib.risk import wiring
from chalicelib.risk.consolidation import ClassificationPolicy, Override
from chalicelib.risk.exposures import HASH_PATTERN, FiveCategory
from chalicelib.risk.limits import (
    LimitsConfig,
    RaisedWarning,
    Reconcile,
    Severity,
    WarningStatus,
    reconcile,
)
from chalicelib.risk.pipeline import ACTIVE_STATUSES, FAILED, PARTIAL, QUEUED
from chalicelib.shared.errors import (
    Conflict,
    Forbidden,
    NotFound,
    RuleViolation,
    ServiceUnavailable,
    TooManyRequests,
)
from chalicelib.shared.ids import new_id
from chalicelib.shared.schema import Schema
from chalicelib.shared.tenant import TenantContext, TenantKind

RESOLVED = "resolved"


_RUN_ID = re.compile(r"^[A-Za-z0-9_-]{1,80}$")


def _check_run_id(run_id: str) -> None:
    if not _RUN_ID.match(run_id or ""):
        raise NotFound("risk.consolidation.not_found", "consolidation run not found", {"run_id": run_id})


def _require_group(ctx: TenantContext) -> None:
    # Routes admit group roles only; this guards the use cases themselves (a group role is only ever
    # granted in a group tenant, but the check costs nothing).
    if ctx.kind is not TenantKind.GROUP:
        raise Forbidden("risk.group.only", "group risk is for the holding group's HQ")


_now = clock.now


def _group_today(ctx: TenantContext) -> date:
    return clock.business_date(ctx)


# --- runs ---------------------------------------------------------------------------------------------------


@observability.traced
def start_consolidation(ctx: TenantContext, as_of: date) -> dict[str, Any]:
    """Open a run and start the state machine on it (the execution is named after the run)."""
    _require_group(ctx)
    if as_of > _group_today(ctx):
        raise RuleViolation("risk.consolidation.as_of.invalid", "as_of cannot be after the group's business date",
                            {"as_of": as_of.isoformat()})
    arn = get_settings().consolidation_state_machine_arn
    if not arn:
        raise ServiceUnavailable("risk.consolidation.unavailable", "the consolidation state machine is not configured")
    store = wiring.group_store()
    _within_hourly_runs(ctx, store)
    run_id = new_id("csr")
    store.create_run(ctx, run_id, as_of, {
        "run_id": run_id, "group_id": ctx.tenant_id, "as_of": as_of.isoformat(), "status": QUEUED, "trigger": "api",
        "requested_by": ctx.username, "created_at": _now().isoformat(timespec="milliseconds")})
    try:
        # Always named: the execution name is the run id (and moto reuses an unnamed execution).
        execution = aws.client("stepfunctions").start_execution(
            stateMachineArn=arn, name=run_id,
            input=json.dumps({"group_id": ctx.tenant_id, "run_id": run_id, "as_of": as_of.isoformat(),
                              "trigger": "api"}))
    except Exception as exc:  # noqa: BLE001 — recorded on the run, reported as unavailable
        store.update_run(ctx, run_id, {"status": FAILED, "error": {"name": type(exc).__name__,
                                                                    "message": "the run could not be started"}})
        raise ServiceUnavailable("risk.consolidation.unavailable", "the consolidation could not be started",
                                 {"run_id": run_id}) from exc
    observability.count("ConsolidationRunsStarted", ctx.tenant_id)
    return store.update_run(ctx, run_id, {"execution_arn": execution["executionArn"]}) or {}


# Each run extracts every subsidiary's book: HQ may start this many in any hour (schedules aside).
MAX_RUNS_PER_HOUR = 30


def _within_hourly_runs(ctx: TenantContext, store: Any) -> None:
    since = _now() - timedelta(hours=1)
    recent, cursor, seen = [], None, 0
    while True:  # the latest runs (a bounded read: an hour's limit is far below what is read)
        page, cursor = store.page_runs(ctx, cursor, 100)
        seen += len(page)
        recent += [r for r in page if r.get("trigger") == "api" and r.get("created_at")
                   and datetime.fromisoformat(r["created_at"]) > since]
        if not cursor or seen >= 300:
            break
    if len(recent) >= MAX_RUNS_PER_HOUR:
        oldest = min(datetime.fromisoformat(r["created_at"]) for r in recent)
        raise TooManyRequests("risk.consolidation.rate_limited",
                              f"at most {MAX_RUNS_PER_HOUR} consolidation runs an hour; try again later",
                              {"limit": MAX_RUNS_PER_HOUR,
                               "retry_after_s": max(1, int((oldest + timedelta(hours=1) - _now()).total_seconds()))})


def get_run(ctx: TenantContext, run_id: str) -> dict[str, Any]:
    """The run with per-step and per-subsidiary progress. A run whose execution died without reaching
    its failure step (a timeout, an abort) is marked FAILED here."""
    _require_group(ctx)
    _check_run_id(run_id)
    store = wiring.group_store()
    view = store.run_view(ctx, run_id)
    if view is None:
        raise NotFound("risk.consolidation.not_found", "consolidation run not found", {"run_id": run_id})
    run = view.run
    if run.get("status") in ACTIVE_STATUSES and run.get("execution_arn"):
        status = _execution_status(run["execution_arn"])
        if status in ("FAILED", "TIMED_OUT", "ABORTED"):
            run = store.update_run(ctx, run_id, {"status": FAILED, "error": {"name": f"Execution{status.title()}",
                                                                             "message": f"the execution {status}"}},
                                   only_if_status_in=ACTIVE_STATUSES) or run
    return {**run, "steps": view.steps, "subsidiary_progress": view.subsidiaries}


def _execution_status(execution_arn: str) -> str | None:
    try:
        return aws.client("stepfunctions").describe_execution(executionArn=execution_arn)["status"]
    except Exception:  # noqa: BLE001 — the run's own record stays authoritative if the service is unreachable
        return None


def list_runs(ctx: TenantContext, cursor: str | None, limit: int) -> tuple[list[dict[str, Any]], str | None]:
    _require_group(ctx)
    return wiring.group_store().page_runs(ctx, cursor, limit)


def _run_for(ctx: TenantContext, run_id: str | None, as_of: date | None = None) -> dict[str, Any]:
    """The run asked for, else the latest complete run of ``as_of``, else the latest complete run."""
    store = wiring.group_store()
    if run_id:
        _check_run_id(run_id)
        run = store.get_run_record(ctx, run_id)
        if run is None:
            raise NotFound("risk.consolidation.not_found", "consolidation run not found", {"run_id": run_id})
        if run["status"] not in ("SUCCEEDED", PARTIAL):
            raise Conflict("risk.consolidation.not_complete", "the run has no snapshot (yet)",
                           {"run_id": run_id, "status": run["status"]})
        return run
    if as_of is not None:
        runs = store.completed_runs(ctx, as_of=as_of, limit=1)
        if not runs:
            raise NotFound("risk.snapshot.not_found", "no complete consolidation for this date",
                           {"as_of": as_of.isoformat()})
        return runs[0]
    latest = store.latest(ctx)
    if latest is None:
        raise NotFound("risk.snapshot.not_found", "no consolidation has completed yet")
    run = store.get_run_record(ctx, latest["run_id"])
    assert run is not None
    return run


def _run_ref(run: dict[str, Any]) -> dict[str, Any]:
    return {"run_id": run["run_id"], "as_of": run["as_of"], "status": run["status"],
            "missing_subsidiaries": run.get("missing_subsidiaries", []), "finished_at": run.get("finished_at")}


# --- the snapshot -------------------------------------------------------------------------------------------


def list_exposures(ctx: TenantContext, *, run_id: str | None, filters: dict[str, Any], cursor: str | None,
                   limit: int) -> tuple[dict[str, Any], list[dict[str, Any]], str | None]:
    """Customers' consolidated exposures in a run (latest by default), largest first."""
    _require_group(ctx)
    run = _run_for(ctx, run_id)
    items, nxt = wiring.group_store().page_customers(ctx, run["run_id"], cursor=cursor, limit=limit, filters=filters)
    return _run_ref(run), [_customer_row(c) for c in items], nxt


def _customer_row(c: dict[str, Any]) -> dict[str, Any]:
    t = c["total"]
    return {"identity_hash": c["identity_hash"], "label": c["label"], "customer_type": c["customer_type"],
            "industry": c.get("industry"), "region": c.get("region"), "group_customer_id": c.get("group_customer_id"),
            "group_related_party": c.get("group_related_party", False), "product_kinds": c["product_kinds"],
            "exposure": t["exposure"], "principal": t["principal"], "interest": t["interest"], "undrawn": t["undrawn"],
            "contracts": t["contracts"], "classification": t["classification"], "max_dpd": t["max_dpd"],
            "by_subsidiary": {k: v["exposure"] for k, v in c["by_subsidiary"].items()}}


def get_customer(ctx: TenantContext, key: str, run_id: str | None) -> dict[str, Any]:
    """One customer (by identity hash) or one group customer (by ``grp_…`` id) with its breakdown."""
    _require_group(ctx)
    run = _run_for(ctx, run_id)
    store = wiring.group_store()
    if key.startswith("grp_"):
        g = store.get_group(ctx, run["run_id"], key)
        if g is None:
            raise NotFound("risk.customer.not_found", "group customer not found in this consolidation", {"id": key})
        members = []
        for h in g["members"]:
            c = store.get_customer(ctx, run["run_id"], h)
            members.append(_customer_row(c) if c else {"identity_hash": h, "exposure": "0", "by_subsidiary": {}})
        return {"run": _run_ref(run), "level": "group_customer", **g, "members": members}
    if not HASH_PATTERN.match(key):
        raise NotFound("risk.customer.not_found", "customer not found in this consolidation", {"id": key})
    c = store.get_customer(ctx, run["run_id"], key)
    if c is None:
        raise NotFound("risk.customer.not_found", "customer not found in this consolidation", {"id": key})
    group = store.get_group(ctx, run["run_id"], c["group_customer_id"]) if c.get("group_customer_id") else None
    return {"run": _run_ref(run), "level": "customer", **c,
            "group_customer": None if group is None else {
                "group_customer_id": group["group_customer_id"], "label": group["label"],
                "members": group["members"], "total": group["total"], "by_subsidiary": group["by_subsidiary"]}}


def dashboard(ctx: TenantContext, as_of: date | None) -> dict[str, Any]:
    """The HQ dashboard's figures for a date (latest complete run of it) or the latest run."""
    _require_group(ctx)
    run = _run_for(ctx, None, as_of)
    store = wiring.group_store()
    summary = store.get_summary(ctx, run["run_id"]) or {}
    if "s3_key" in summary:
        summary = wiring.run_files().get_json(summary["s3_key"])
    open_count = breaches = 0
    cursor = None
    while True:
        page, cursor = store.page_warnings(ctx, status=WarningStatus.OPEN.value, kind=None, cursor=cursor, limit=200)
        open_count += len(page)
        breaches += sum(1 for w in page if w.severity == Severity.BREACH.value)
        if not cursor:
            break
    run_id = run["run_id"]
    for entry in summary.get("top10", []):  # drill-down: each bar of the top-10 chart opens its customer
        entry["customer_path"] = f"/v1/group/customers/{entry['identity_hash']}?run={run_id}"
    for entry in summary.get("top10_groups", []):
        entry["customer_path"] = f"/v1/group/customers/{entry['group_customer_id']}?run={run_id}"
    labels = {"classification": {c.value: c.label_zh for c in FiveCategory}}
    return {"run": _run_ref(run), **summary, "labels": labels,
            "warnings": {"open": open_count, "breaches": breaches}}


# --- classification policy ------------------------------------------------------------------------------------


class OverrideIn(Schema):
    model_config = ConfigDict(extra="forbid")

    subsidiary_id: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9-]{1,62}$")
    contract_id: str | None = Field(default=None, min_length=1, max_length=100, pattern=r"^[^#]+$")
    customer_hash: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    classification: FiveCategory
    reason: str = Field(min_length=4, max_length=500, description="Why HQ classifies it so (kept with it)")

    @model_validator(mode="after")
    def _one_target(self) -> "OverrideIn":
        contract = self.contract_id is not None and self.subsidiary_id is not None
        if contract == (self.customer_hash is not None):
            raise ValueError("an override names either subsidiary_id + contract_id, or customer_hash")
        return self


class ClassificationConfig(Schema):
    """Days past due at which each class begins, and HQ's overrides (``PUT /v1/group/classification``)."""

    model_config = ConfigDict(extra="forbid")

    special_mention_from: int = Field(default=1, ge=1)
    substandard_from: int = Field(default=91, ge=2)
    doubtful_from: int = Field(default=181, ge=3)
    loss_from: int = Field(default=361, ge=4)
    overrides: list[OverrideIn] = Field(default_factory=list, max_length=2000)
    version: int | None = Field(default=None, description="the version read; 409 if it has changed since")

    @model_validator(mode="after")
    def _rising(self) -> "ClassificationConfig":
        b = (self.special_mention_from, self.substandard_from, self.doubtful_from, self.loss_from)
        if any(later <= earlier for earlier, later in zip(b, b[1:])):
            raise ValueError("the thresholds must rise: special_mention < substandard < doubtful < loss")
        return self


def _override_key(o: dict[str, Any]) -> tuple:
    return (o.get("subsidiary_id"), o.get("contract_id"), o.get("customer_hash"))


def policy_from_config(raw: dict[str, Any] | None) -> ClassificationPolicy:
    raw = raw or {}
    overrides = tuple(Override(FiveCategory(o["classification"]), o["reason"], o.get("set_by", ""),
                               datetime.fromisoformat(o["set_at"]) if o.get("set_at") else None,
                               o.get("subsidiary_id"), o.get("contract_id"), o.get("customer_hash"))
                      for o in raw.get("overrides", []))
    return ClassificationPolicy(raw.get("special_mention_from", 1), raw.get("substandard_from", 91),
                                raw.get("doubtful_from", 181), raw.get("loss_from", 361), overrides)


def get_classification(ctx: TenantContext) -> dict[str, Any]:
    _require_group(ctx)
    raw, meta = wiring.group_store().get_config(ctx, "CLASSIFICATION")
    base = ClassificationConfig().model_dump(mode="json", exclude={"version"})
    return {**base, **(raw or {}), **{"version": meta.get("version", 0), "updated_by": meta.get("updated_by"),
                                      "updated_at": meta.get("updated_at")}}


def put_classification(ctx: TenantContext, body: ClassificationConfig) -> dict[str, Any]:
    """Replace the policy. An override that is unchanged keeps who set it and when; a new or changed
    one is stamped with the caller. Applies from the next run."""
    _require_group(ctx)
    store = wiring.group_store()
    raw, _ = store.get_config(ctx, "CLASSIFICATION")
    before = {_override_key(o): o for o in (raw or {}).get("overrides", [])}
    stamp = {"set_by": ctx.username, "set_at": _now().isoformat(timespec="seconds")}
    overrides = []
    for o in body.overrides:
        data = o.model_dump(mode="json")
        old = before.get(_override_key(data))
        same = old and old["classification"] == data["classification"] and old["reason"] == data["reason"]
        overrides.append({**data, **({"set_by": old["set_by"], "set_at": old["set_at"]} if same else stamp)})
    config = {**body.model_dump(mode="json", exclude={"overrides", "version"}), "overrides": overrides}
    store.put_config(ctx, "CLASSIFICATION", config, body.version)
    return get_classification(ctx)


# --- limits --------------------------------------------------------------------------------------------------


def get_limits(ctx: TenantContext) -> dict[str, Any]:
    _require_group(ctx)
    raw, meta = wiring.group_store().get_config(ctx, "LIMITS")
    config = LimitsConfig.model_validate(raw) if raw else LimitsConfig()
    return {**config.model_dump(mode="json"), "version": meta.get("version", 0),
            "updated_by": meta.get("updated_by"), "updated_at": meta.get("updated_at"),
            "effective": {"single_customer": _amount(config.single_customer_limit()),
                          "group_customer": _amount(config.group_customer_limit()),
                          "large_exposure": _amount(config.large_exposure_threshold())}}


def _amount(value) -> str | None:
    return None if value is None else format(value, "f")


def put_limits(ctx: TenantContext, config: LimitsConfig, expected_version: int | None) -> dict[str, Any]:
    """Replace the group's limits; limit accounts (real-time reservations) move to them at once.
    Breaches are measured from the next run."""
    from chalicelib.risk.reservation import rebase_accounts

    _require_group(ctx)
    wiring.group_store().put_config(ctx, "LIMITS", config.model_dump(mode="json"), expected_version)
    rebase_accounts(ctx)
    return get_limits(ctx)


# --- warnings ------------------------------------------------------------------------------------------------


def _warning_view(r) -> dict[str, Any]:
    return {"warning_id": r.warning_id, "kind": r.kind, "subject": r.subject, "label": r.label,
            "severity": r.severity, "status": r.status, "message": r.message, "figures": json.loads(r.figures),
            "first_run_id": r.first_run_id, "last_run_id": r.last_run_id, "first_raised_at": r.first_raised_at,
            "last_raised_at": r.last_raised_at,
            "acknowledged": json.loads(r.acknowledged) if r.acknowledged else None,
            "history": json.loads(r.history)}


def raise_warnings(group: TenantContext, run_id: str, raised: Iterable[RaisedWarning], *,
                   resolve_others: bool = True) -> dict[str, int]:
    """File a run's warnings: a new condition opens a warning; one already on file is refreshed (and
    reopened if acknowledged but worse now). After a complete run, a warning whose condition it no
    longer found is resolved. Returns the counts."""
    store = wiring.group_store()
    at = _now().isoformat(timespec="milliseconds")
    counts = {"opened": 0, "refreshed": 0, "reopened": 0, "resolved": 0}
    seen = set()
    for w in raised:
        wid = w.warning_id(group.tenant_id)
        seen.add(wid)
        existing = store.get_warning(group, wid)
        status = WarningStatus(existing.status) if existing and existing.status != RESOLVED else None
        action = reconcile(status, Severity(existing.severity) if existing else None, w)
        if existing is None:
            record = store.new_warning(group, wid, kind=w.kind, subject=w.subject, label=w.label,
                                       severity=w.severity.value, status=WarningStatus.OPEN.value, message=w.message,
                                       figures=json.dumps(w.figures, ensure_ascii=False), first_run_id=run_id,
                                       last_run_id=run_id, first_raised_at=at, last_raised_at=at)
            counts["opened"] += 1
        else:
            record = existing
            history = json.loads(record.history)
            if action is Reconcile.CREATE:  # resolved before, raised again
                history.append({"event": "raised_again", "at": at, "run_id": run_id})
                record.status = WarningStatus.OPEN.value
                counts["opened"] += 1
            elif action is Reconcile.REOPEN:
                history.append({"event": "reopened", "at": at, "run_id": run_id,
                                "from_severity": record.severity, "to_severity": w.severity.value})
                record.status = WarningStatus.OPEN.value
                counts["reopened"] += 1
            else:
                counts["refreshed"] += 1
            record.history = json.dumps(history, ensure_ascii=False)
            record.severity, record.message, record.label = w.severity.value, w.message, w.label
            record.figures = json.dumps(w.figures, ensure_ascii=False)
            record.last_run_id, record.last_raised_at = run_id, at
        store.save_warning(group, record)
    if resolve_others:
        for status in (WarningStatus.OPEN.value, WarningStatus.ACKNOWLEDGED.value):
            cursor = None
            while True:
                page, cursor = store.page_warnings(group, status=status, kind=None, cursor=cursor, limit=100)
                for r in page:
                    if r.warning_id in seen or r.last_run_id == run_id:
                        continue
                    r.status = RESOLVED
                    r.history = json.dumps(json.loads(r.history) + [{"event": "resolved", "at": at, "run_id": run_id}],
                                           ensure_ascii=False)
                    store.save_warning(group, r)
                    counts["resolved"] += 1
                if not cursor:
                    break
    return counts


def list_warnings(ctx: TenantContext, *, status: str | None, kind: str | None, cursor: str | None,
                  limit: int) -> tuple[list[dict[str, Any]], str | None]:
    _require_group(ctx)
    items, nxt = wiring.group_store().page_warnings(ctx, status=status, kind=kind, cursor=cursor, limit=limit)
    return [_warning_view(r) for r in items], nxt


def acknowledge_warning(ctx: TenantContext, warning_id: str, note: str) -> dict[str, Any]:
    """Record that HQ has seen an open warning, with what it decided (the note). 409 unless open."""
    _require_group(ctx)
    store = wiring.group_store()
    record = store.get_warning(ctx, warning_id) if warning_id.startswith("wrn_") else None
    if record is None:
        raise NotFound("risk.warning.not_found", "warning not found", {"warning_id": warning_id})
    if record.status != WarningStatus.OPEN.value:
        raise Conflict(f"risk.warning.already_{record.status}", f"the warning is {record.status}, not open",
                       {"warning_id": warning_id, "status": record.status})
    at = _now().isoformat(timespec="milliseconds")
    ack = {"by": ctx.username, "user_id": ctx.user_id, "at": at, "note": note}
    record.status = WarningStatus.ACKNOWLEDGED.value
    record.acknowledged = json.dumps(ack, ensure_ascii=False)
    record.history = json.dumps(json.loads(record.history) + [{"event": "acknowledged", **ack}], ensure_ascii=False)
    store.save_warning(ctx, record)
    return _warning_view(record)


# --- report files ---------------------------------------------------------------------------------------------


def report_download(ctx: TenantContext, run_id: str, name: str, inline: bool = False) -> dict[str, Any]:
    """A short-lived download link to one of a run's datasets (and its text, if asked and small)."""
    _require_group(ctx)
    if name not in REPORT_NAMES:
        raise NotFound("risk.report.not_found", "no such report", {"name": name, "reports": list(REPORT_NAMES)})
    _check_run_id(run_id)
    store = wiring.group_store()
    if store.get_run_record(ctx, run_id) is None:
        raise NotFound("risk.consolidation.not_found", "consolidation run not found", {"run_id": run_id})
    files = wiring.run_files()
    key = report_key(ctx.tenant_id, run_id, name)
    head = files.head(key)
    if head is None:
        raise NotFound("risk.report.not_found", "the run has not produced this report", {"name": name})
    out = {"run_id": run_id, "name": name, "content_type": head.get("ContentType") or JSON_TYPE,
           "size": head.get("ContentLength"), "url": files.presign_download(key, name), "expires_in": 300}
    if inline:
        if (head.get("ContentLength") or 0) > 1_000_000:
            raise RuleViolation("risk.report.too_large", "too large to return inline; use the url")
        out["content"] = files.get_bytes(key).decode("utf-8-sig")
    return out
