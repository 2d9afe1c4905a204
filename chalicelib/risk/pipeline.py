"""The consolidation run's steps, one function per state of ``group-consolidation.asl.json``.

Each step takes the small JSON the state machine passes, does one thing, records its progress in the
group's partition (so ``GET /v1/group/consolidations/{id}`` shows it while the run goes on) and
returns the small JSON the next state needs. Bulk data moves through S3 (``reporting.files``):

    begin          the run record, the subsidiaries, each cut in parts     → work/extract-manifest.json
    extract        one part of one subsidiary, in its own read-only scope  → extracts/<sub>/<k>-of-<n>.json
    record_failure a part whose extract failed for good (or the run)       → its progress says so
    consolidate    every part file → customers, groups, classes, ...       → work/consolidated.json
    check_limits   limits, concentration, findings                         → work/limit-checks.json
    persist        snapshot records + report datasets                      → group partition, reports/
    finish         warnings raised; the run SUCCEEDED, or PARTIAL naming who is missing

A step may run twice (Step Functions retries, a re-driven execution); each writes the same keys again.

Extraction is a Step Functions **Distributed Map**: ``begin`` writes the manifest, a JSON array of
extraction units ``{run_id, group_id, as_of, subsidiary_id, part, parts}``; the Map's ``ItemReader``
reads it from S3 and runs one child execution per unit, its ``ResultWriter`` keeps the children's
results in S3, off the state payload. A subsidiary is cut into ``parts`` by the fixed segment of each
contract (``exposures.ExtractPart``): a part is one key range of the subsidiary's own exposure list, so
the parts are read independently and at once, never paging through each other; a small subsidiary is
one part. The size comes from ``ExposureSource.estimate_count`` (a COUNT of the first rows, scaled),
read in the subsidiary's read-only scope like the extract itself. Items are batched here, in the
manifest, not by an ``ItemBatcher``: one unit is one Lambda's worth of rows.
"""
from __future__ import annotations

from chalicelib.platform import aws, observability
from chalicelib.shared import clock

import functools
import json
from datetime import date, datetime, timedelta
from typing import Any

from chalicelib.risk.reporting import datasets
from chalicelib.risk.reporting.files import extract_key, report_key, work_key
from chalicelib.risk import wiring
from chalicelib.risk.consolidation import (
    ClassificationPolicy,
    TrendPoint,
    bulk_work,
    consolidate,
    consolidation_from_json,
    consolidation_to_json,
)
from chalicelib.risk.contexts import group_context, subsidiary_context
from chalicelib.risk.exposures import (
    ExposureInvalid,
    ExtractPart,
    ExtractTotals,
    LedgerControlTotals,
    check_exposure,
    exposure_from_json,
    exposure_to_json,
    parts_for,
)
from chalicelib.risk.limits import LimitCheck, LimitsConfig, RaisedWarning, Severity, check_limits, warnings_for
from chalicelib.shared.errors import DomainError
from chalicelib.shared.tenant import TenantContext


STEPS = ("list_subsidiaries", "extract", "consolidate", "check_limits", "persist", "raise_warnings")
QUEUED, RUNNING, SUCCEEDED, PARTIAL, FAILED = "QUEUED", "RUNNING", "SUCCEEDED", "PARTIAL", "FAILED"
ACTIVE_STATUSES = (QUEUED, RUNNING)
TREND_POINTS = 12
# One extraction unit's rows: well inside one Lambda (the bench holds ~50k in one). A group may set its
# own in its risk config EXTRACTION {"exposures_per_part": n}.
EXPOSURES_PER_PART = 20_000
MANIFEST = "extract-manifest.json"


class ExtractTransientError(Exception):
    """A subsidiary's extract failed in a way worth retrying (throttling, a timeout, a 5xx)."""


class ExtractFailedError(Exception):
    """A subsidiary's extract cannot succeed as things stand (corrupt rows, not a member of the group)."""


class ConsolidationError(Exception):
    """An HQ step cannot go on (a missing extract file, a run that is not running)."""


_now = clock.now


def _bulk(step):
    """Run a step that handles the whole portfolio with the cyclic GC paused (see ``bulk_work``)."""
    @functools.wraps(step)
    def run(event: dict[str, Any]) -> dict[str, Any]:
        with bulk_work():
            return step(event)

    return run


def _iso(at: datetime) -> str:
    return at.isoformat(timespec="milliseconds")


def _step_sk(step: str) -> str:
    return f"STEP#{STEPS.index(step) + 1:02d}#{step}"


def _progress(group: TenantContext, run_id: str, step: str, status: str, **detail: Any) -> None:
    stamp = "started_at" if status == "running" else "finished_at"
    wiring.group_store().record_progress(group, run_id, _step_sk(step), "step",
                                         {"status": status, stamp: _iso(_now()), **detail})


# --- begin --------------------------------------------------------------------------------------------


def scheduled_as_of(scheduled_at: str, timezone_name: str) -> date:
    """A scheduled run consolidates the business day that closed before it started (local time)."""
    from chalicelib.shared.clock import local_date

    return local_date(scheduled_at, timezone_name) - timedelta(days=1)


def begin(event: dict[str, Any]) -> dict[str, Any]:
    """Open (or, for a scheduled execution, create) the run and list the group's subsidiaries."""
    from chalicelib import bootstrap

    given = event.get("input") or {}
    group_id = given["group_id"]
    run_id = given.get("run_id") or event["execution"]
    group = group_context(group_id)
    store = wiring.group_store()
    run = store.get_run_record(group, run_id)
    if run is None:  # started by the scheduler, not by the API
        registered = bootstrap.tenant_registry().get(group_id)
        tz = registered.definition.timezone if registered else "Asia/Shanghai"
        as_of = (date.fromisoformat(given["as_of"]) if given.get("as_of")
                 else scheduled_as_of(given.get("scheduled_at") or event.get("started") or _iso(_now()), tz))
        store.create_run(group, run_id, as_of, {
            "run_id": run_id, "group_id": group_id, "as_of": as_of.isoformat(), "status": RUNNING,
            "trigger": given.get("trigger", "schedule"), "requested_by": "schedule", "created_at": _iso(_now())})
        run = store.get_run_record(group, run_id)
    assert run is not None
    _progress(group, run_id, "list_subsidiaries", "running")
    registry = bootstrap.tenant_registry()
    subsidiaries, cursor = [], None
    while True:
        page, cursor = registry.page_group(group_id, cursor, group)
        subsidiaries += [t.tenant_id for t in page if t.status == "active" and t.definition.kind.is_subsidiary]
        if not cursor:
            break
    subsidiaries.sort()
    per_part = _exposures_per_part(group)
    plan: dict[str, int] = {}
    units: list[dict[str, Any]] = []
    for sub in subsidiaries:
        estimated, note = _estimate(sub, group_id)
        plan[sub] = parts_for(estimated, per_part)
        store.record_progress(group, run_id, f"SUB#{sub}", "subsidiary", {
            "status": "pending", "attempts": 0, "parts": plan[sub], "estimated_exposures": estimated,
            **({"estimate_note": note} if note else {})})
        units += [{"run_id": run_id, "group_id": group_id, "as_of": run["as_of"], "subsidiary_id": sub,
                   "part": k, "parts": plan[sub]} for k in range(plan[sub])]
    files = wiring.run_files()
    manifest = work_key(group_id, run_id, MANIFEST)
    files.put_json(manifest, units)
    store.update_run(group, run_id, {"status": RUNNING, "started_at": _iso(_now()), "subsidiaries": subsidiaries,
                                     "extract_parts": plan, "execution": event.get("execution")})
    _progress(group, run_id, "list_subsidiaries", "succeeded", subsidiaries=len(subsidiaries), parts=len(units))
    _progress(group, run_id, "extract", "running", subsidiaries=len(subsidiaries), parts=len(units))
    return {"run_id": run_id, "group_id": group_id, "as_of": run["as_of"], "subsidiaries": subsidiaries,
            "parts": plan, "manifest": {"bucket": files.bucket, "key": manifest}}


def _exposures_per_part(group: TenantContext) -> int:
    raw, _ = wiring.group_store().get_config(group, "EXTRACTION")
    per_part = int((raw or {}).get("exposures_per_part") or EXPOSURES_PER_PART)
    return max(1, per_part)


def _estimate(sub: str, group_id: str) -> tuple[int, str]:
    """The subsidiary's size, read in its read-only scope. If it cannot be read now the subsidiary is one
    part: its extract will tell (and, failing, name it missing) rather than the whole run failing here."""
    try:
        return wiring.exposure_source().estimate_count(subsidiary_context(sub, group_id)), ""
    except Exception as exc:  # noqa: BLE001 — any failure: plan one part and let the extract decide
        observability.logger().warning("consolidation size estimate failed",
                                       extra={"subsidiary_id": sub, "error": type(exc).__name__})
        return 0, f"size not read ({type(exc).__name__}): one part"


# --- extract (one part of one subsidiary: a child of the Distributed Map) ----------------------------------


def _part_of(event: dict[str, Any]) -> ExtractPart:
    return ExtractPart(int(event.get("part") or 0), int(event.get("parts") or 1))


@_bulk
@observability.traced
def extract(event: dict[str, Any]) -> dict[str, Any]:
    """Read one part of one subsidiary's exposures in its own scope; write it, with control totals, to S3.

    Every failure leaves as one of two errors the state machine tells apart: ``ExtractTransientError``
    (throttling, timeouts, 5xx — retried with backoff) or ``ExtractFailedError`` (caught at once)."""
    from chalicelib.risk.store import part_progress_sk

    run_id, group_id, sub = event["run_id"], event["group_id"], event["subsidiary_id"]
    part = _part_of(event)
    as_of = date.fromisoformat(event["as_of"])
    group = group_context(group_id)
    store = wiring.group_store()
    where = sub if part.whole else f"{sub} part {part.part + 1}/{part.parts}"
    store.record_progress(group, run_id, part_progress_sk(sub, part.part), "subsidiary_part",
                          {"status": "extracting", "attempts": 1, "started_at": _iso(_now())})
    try:
        count, size = _extract_to_s3(run_id, group_id, sub, part, as_of)
    except (ExtractTransientError, ExtractFailedError):
        raise
    except (ExposureInvalid, DomainError) as exc:
        raise ExtractFailedError(f"{where}: {exc}") from exc
    except Exception as exc:  # noqa: BLE001 — classified here: the state machine retries only transient ones
        if aws.is_transient(exc):
            raise ExtractTransientError(f"{where}: {type(exc).__name__}: {exc}") from exc
        raise ExtractFailedError(f"{where}: {type(exc).__name__}: {exc}") from exc
    store.record_progress(group, run_id, part_progress_sk(sub, part.part), "subsidiary_part", {
        "status": "extracted", "finished_at": _iso(_now()), "exposures": count, "bytes": size, "error": None})
    return {"subsidiary_id": sub, "part": part.part, "parts": part.parts, "status": "extracted", "exposures": count}


def _extract_to_s3(run_id: str, group_id: str, sub: str, part: ExtractPart, as_of: date) -> tuple[int, int]:
    scope = subsidiary_context(sub, group_id)
    source = wiring.exposure_source()
    found = source.extract(scope, as_of) if part.whole else source.extract(scope, as_of, part)
    rows = [check_exposure(e) for e in found]
    ledger, ledger_note = None, "read with part 1"
    if part.part == 0:  # the subsidiary's books are read once, with its first part
        # The exposures are the contracts as they stand; the books they tie to are read at the same point:
        # the subsidiary's business date when its books have moved past the run's date.
        ledger, ledger_note = wiring.control_totals().control_totals(scope, max(as_of, clock.business_date(scope)))
    totals = ExtractTotals.of(rows)
    size = wiring.run_files().put_json(extract_key(group_id, run_id, sub, part.part, part.parts), {
        "subsidiary_id": sub, "group_id": group_id, "run_id": run_id, "as_of": as_of.isoformat(),
        "part": part.part, "parts": part.parts, "segments": [part.first_segment, part.last_segment],
        "extracted_at": _iso(_now()), "totals": totals.to_json(),
        "ledger": None if ledger is None else ledger.to_json(),
        "ledger_note": ledger_note,
        "exposures": [exposure_to_json(e) for e in rows],
    })
    return totals.count, size


def record_failure(event: dict[str, Any]) -> dict[str, Any]:
    """A Catch landed here: mark the subsidiary's extract (or the whole run) failed, with the error."""
    run_id, group_id = event.get("run_id") or event["execution"], event["group_id"]
    group = group_context(group_id)
    error = event.get("error") or {}
    name = error.get("Error", "States.TaskFailed")
    message = _cause_message(error.get("Cause"))
    store = wiring.group_store()
    if event.get("subsidiary_id"):
        from chalicelib.risk.store import part_progress_sk

        sub, part = event["subsidiary_id"], _part_of(event)
        store.record_progress(group, run_id, part_progress_sk(sub, part.part), "subsidiary_part", {
            "status": "failed", "finished_at": _iso(_now()), "error": {"name": name, "message": message}})
        return {"subsidiary_id": sub, "part": part.part, "status": "failed", "error": name}
    if store.get_run_record(group, run_id) is None:
        return {"run_id": run_id, "status": FAILED}  # a scheduled run that failed before it was opened
    store.update_run(group, run_id, {"status": FAILED, "finished_at": _iso(_now()),
                                     "error": {"name": name, "message": message}},
                     only_if_status_in=ACTIVE_STATUSES)
    view = store.run_view(group, run_id)
    for step in view.steps if view else []:  # whichever step was running when the run failed
        if step.get("status") == "running":
            _progress(group, run_id, step["step"], "failed", error={"name": name, "message": message})
    return {"run_id": run_id, "status": FAILED}


def _cause_message(cause: Any) -> str:
    if isinstance(cause, str):
        try:
            parsed = json.loads(cause)
            if isinstance(parsed, dict):
                return str(parsed.get("errorMessage") or parsed)[:500]
        except ValueError:
            pass
        return cause[:500]
    return "" if cause is None else str(cause)[:500]


# --- consolidate ------------------------------------------------------------------------------------------


def _classification_policy(group: TenantContext) -> ClassificationPolicy:
    from chalicelib.risk.service import policy_from_config

    raw, _ = wiring.group_store().get_config(group, "CLASSIFICATION")
    return policy_from_config(raw)


def _limits(group: TenantContext) -> LimitsConfig:
    raw, _ = wiring.group_store().get_config(group, "LIMITS")
    return LimitsConfig.model_validate(raw) if raw else LimitsConfig()


def _previous_points(group: TenantContext, as_of: date, run_id: str) -> list[TrendPoint]:
    points = []
    # Complete runs of earlier dates only: a PARTIAL run's smaller total would read as a fall that never
    # happened, and this run stands for its own date.
    for r in wiring.group_store().completed_runs(group, limit=TREND_POINTS * 3):
        if r.get("trend_point") and r["status"] == SUCCEEDED and r["as_of"] < as_of.isoformat():
            points.append(TrendPoint.from_json(r["trend_point"]))
    # One point per date (the latest run of it), the most recent dates.
    by_day: dict[date, TrendPoint] = {}
    for p in sorted(points, key=lambda p: (p.as_of, p.run_id)):
        by_day[p.as_of] = p
    return sorted(by_day.values(), key=lambda p: p.as_of)[-(TREND_POINTS - 1):]


@_bulk
@observability.traced
def consolidate_step(event: dict[str, Any]) -> dict[str, Any]:
    """Read every part file of every subsidiary and consolidate.

    A subsidiary counts only whole: every one of its parts' files must be there (a part that failed for
    good wrote none), or it is named as missing. Its parts' declared totals add up to the subsidiary's,
    which the validation ties to the books read with its first part, as for a subsidiary read at once."""
    from chalicelib import bootstrap

    run_id, group_id = event["run_id"], event["group_id"]
    as_of = date.fromisoformat(event["as_of"])
    group = group_context(group_id)
    files = wiring.run_files()
    plan = {sub: int(n) for sub, n in (event.get("parts") or {}).items()}
    expected = list(event.get("subsidiaries") or [])
    _progress(group, run_id, "consolidate", "running")

    exposures, facts, missing = [], [], []
    for sub in expected:
        docs = []
        for k in range(plan.get(sub, 1)):
            doc = files.get_json_if_exists(extract_key(group_id, run_id, sub, k, plan.get(sub, 1)))
            if doc is None:
                break
            docs.append(doc)
        else:
            rows = [exposure_from_json(r) for doc in docs for r in doc["exposures"]]
            if any(r.subsidiary_id != sub for r in rows):
                raise ConsolidationError(f"the extract of {sub} holds another subsidiary's rows")
            if len({r.contract_id for r in rows}) != len(rows):
                raise ConsolidationError(f"the extract parts of {sub} overlap: a contract is in two of them")
            exposures += rows
            first = docs[0]
            facts.append(_facts_from_json({
                "subsidiary_id": sub,
                "declared": ExtractTotals.sum(ExtractTotals.from_json(d["totals"]) for d in docs).to_json(),
                "read": ExtractTotals.of(rows).to_json(), "ledger": first.get("ledger"),
                "ledger_note": first.get("ledger_note")}))
            continue
        missing.append(sub)
    missing.sort()
    _progress(group, run_id, "extract", "partial" if missing else "succeeded",
              extracted=len(expected) - len(missing), failed=missing)
    registered = bootstrap.tenant_registry().get(group_id)
    currency = registered.definition.currency if registered else "CNY"
    result = consolidate(exposures, as_of=as_of, currency=currency, policy=_classification_policy(group),
                         previous=_previous_points(group, as_of, run_id), run_id=run_id)
    files.put_json(work_key(group_id, run_id, "consolidated.json"), {
        "consolidation": consolidation_to_json(result),
        "extracts": [_facts_json(f) for f in facts], "missing_subsidiaries": missing,
    })
    _progress(group, run_id, "consolidate", "succeeded", contracts=len(result.contracts),
              customers=len(result.customers), group_customers=len(result.groups))
    return {"run_id": run_id, "group_id": group_id, "as_of": as_of.isoformat(), "missing_subsidiaries": missing}


def _facts_json(f: datasets.ExtractFacts) -> dict[str, Any]:
    return {"subsidiary_id": f.subsidiary_id, "declared": f.declared.to_json(), "read": f.read.to_json(),
            "ledger": None if f.ledger is None else f.ledger.to_json(),
            "ledger_note": f.ledger_note}


def _facts_from_json(d: dict[str, Any]) -> datasets.ExtractFacts:
    ledger = d.get("ledger")
    return datasets.ExtractFacts(
        d["subsidiary_id"], ExtractTotals.from_json(d["declared"]), ExtractTotals.from_json(d["read"]),
        None if ledger is None else LedgerControlTotals.from_json(ledger),
        d.get("ledger_note") or "")


# --- limits and concentration -----------------------------------------------------------------------------


@_bulk
@observability.traced
def check_limits_step(event: dict[str, Any]) -> dict[str, Any]:
    from chalicelib import bootstrap

    run_id, group_id = event["run_id"], event["group_id"]
    group = group_context(group_id)
    _progress(group, run_id, "check_limits", "running")
    files = wiring.run_files()
    work = files.get_json(work_key(group_id, run_id, "consolidated.json"))
    c = consolidation_from_json(work["consolidation"])
    names, cursor = {}, None
    while True:
        page, cursor = bootstrap.tenant_registry().page_group(group_id, cursor, group)
        names.update({t.tenant_id: t.definition.name.en_us for t in page})
        if not cursor:
            break
    checks = check_limits(c, _limits(group), names)
    raised = warnings_for(c, checks, work["missing_subsidiaries"])
    files.put_json(work_key(group_id, run_id, "limit-checks.json"), {
        "checks": [x.to_json() for x in checks],
        "warnings": [{"kind": w.kind, "subject": w.subject, "label": w.label, "severity": w.severity.value,
                      "message": w.message, "figures": w.figures} for w in raised],
    })
    breaches = sum(1 for x in checks if x.status.value == "breach")
    near = sum(1 for x in checks if x.status.value == "near_breach")
    _progress(group, run_id, "check_limits", "succeeded", checks=len(checks), breaches=breaches, near_breaches=near,
              findings=len(raised) - breaches - near)
    return {"run_id": run_id, "group_id": group_id, "as_of": event["as_of"],
            "missing_subsidiaries": work["missing_subsidiaries"]}


# --- persist -------------------------------------------------------------------------------------------------


@_bulk
@observability.traced
def persist(event: dict[str, Any]) -> dict[str, Any]:
    """Write the snapshot into the group's partition and the report datasets into S3."""
    run_id, group_id = event["run_id"], event["group_id"]
    group = group_context(group_id)
    _progress(group, run_id, "persist", "running")
    files, store = wiring.run_files(), wiring.group_store()
    work = files.get_json(work_key(group_id, run_id, "consolidated.json"))
    c = consolidation_from_json(work["consolidation"])
    limit_checks = files.get_json(work_key(group_id, run_id, "limit-checks.json"))
    checks = [LimitCheck.from_json(x) for x in limit_checks["checks"]]
    missing = work["missing_subsidiaries"]
    limits = _limits(group)

    contracts_by_customer: dict[str, list[dict[str, Any]]] = {}
    for x in sorted(c.contracts, key=lambda x: -x.exposure.exposure):
        rows = contracts_by_customer.setdefault(x.exposure.customer_hash, [])
        if len(rows) < 200:
            e = x.exposure
            rows.append({"subsidiary_id": e.subsidiary_id, "contract_id": e.contract_id,
                         "product_kind": e.product_kind.value, "currency": e.currency,
                         "outstanding_principal": format(e.outstanding_principal, "f"),
                         "accrued_interest": format(e.accrued_interest, "f"),
                         "undrawn_commitment": format(e.undrawn_commitment, "f"), "exposure": format(e.exposure, "f"),
                         "days_past_due": e.days_past_due, "classification": x.category.value,
                         "classification_source": x.source, "override_reason": x.override_reason})
    customers = [{**cust.to_json(), "contracts": contracts_by_customer.get(h, []),
                  "contracts_total": cust.total.contracts} for h, cust in c.customers.items()]
    groups = [g.to_json() for g in c.groups.values()]
    written = store.put_customers(group, run_id, customers, groups)

    reports, validation = datasets.build_reports(
        c, run_id, extracts=[_facts_from_json(f) for f in work["extracts"]], missing_subsidiaries=missing,
        large_exposure_threshold=limits.large_exposure_threshold(), net_capital=limits.net_capital)
    for f in reports:
        files.put_bytes(report_key(group_id, run_id, f.name), f.body, f.content_type)

    summary = c.summary_json(run_id)
    summary["limits"] = [x.to_json() for x in checks]
    summary["missing_subsidiaries"] = missing
    summary["validation_status"] = validation["status"]
    body = json.dumps(summary, ensure_ascii=False)
    pointer = None
    if len(body.encode()) > 300_000:
        pointer = work_key(group_id, run_id, "summary.json")
        files.put_json(pointer, summary)
    store.put_summary(group, run_id, summary, pointer)
    headline = {"exposure": summary["totals"]["exposure"], "principal": summary["totals"]["principal"],
                "contracts": summary["totals"]["contracts"], "customers": summary["totals"]["customers"],
                "group_customers": summary["totals"]["group_customers"], "npl_ratio": summary["npl_ratio"],
                "top10_share": summary["concentration"]["top10_share"], "hhi": summary["concentration"]["hhi"]}
    store.update_run(group, run_id, {"headline": headline, "reports": [f.name for f in reports],
                                     "validation_status": validation["status"],
                                     "trend_point": c.trend_point(run_id).to_json()})
    _progress(group, run_id, "persist", "succeeded", records=written, reports=len(reports),
              validation=validation["status"])
    return {"run_id": run_id, "group_id": group_id, "as_of": event["as_of"], "missing_subsidiaries": missing}


# --- finish ---------------------------------------------------------------------------------------------------


def finish(event: dict[str, Any]) -> dict[str, Any]:
    """Raise the run's warnings, then close it: SUCCEEDED, or PARTIAL naming the subsidiaries missing."""
    from chalicelib.risk import reservation
    from chalicelib.risk.service import raise_warnings

    run_id, group_id = event["run_id"], event["group_id"]
    group = group_context(group_id)
    _progress(group, run_id, "raise_warnings", "running")
    files, store = wiring.run_files(), wiring.group_store()
    raw = files.get_json(work_key(group_id, run_id, "limit-checks.json"))["warnings"]
    raised = [RaisedWarning(w["kind"], w["subject"], w["label"], Severity(w["severity"]), w["message"], w["figures"])
              for w in raw]
    missing = list(event.get("missing_subsidiaries") or [])
    status = PARTIAL if missing else SUCCEEDED
    as_of = date.fromisoformat(event["as_of"])
    latest = store.latest(group)
    # Only a complete run of the newest date can say a condition has gone away.
    current = not missing and (latest is None or latest["as_of"] <= as_of.isoformat())
    outcome = raise_warnings(group, run_id, raised, resolve_others=current)
    store.set_latest(group, run_id, as_of)
    rebased = reservation.rebase_accounts(group)
    expired = reservation.void_expired_reservations(group)
    _progress(group, run_id, "raise_warnings", "succeeded", **outcome, limit_accounts_rebased=rebased,
              reservations_expired=len(expired))
    # Last: whoever polls the run sees it complete only once everything above is in place.
    store.update_run(group, run_id, {"status": status, "finished_at": _iso(_now()), "missing_subsidiaries": missing,
                                     "warnings": outcome}, completed=True)
    return {"run_id": run_id, "group_id": group_id, "status": status, "missing_subsidiaries": missing}
