"""HQ's group-risk routes: consolidation runs, the consolidated snapshot, limits, warnings, reports.

Only ``group-risk`` and ``group-admin`` of a group tenant; every subsidiary role gets 403. Limits and
classification policy are set by ``group-risk`` alone. HQ never reads a subsidiary's rows here: all of
it comes from the consolidation's snapshot in the group's own partition and its files in S3.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import ConfigDict, Field

from chalicelib.platform.http import ApiBlueprint, Reply
from chalicelib.risk import service
from chalicelib.risk.exposures import FiveCategory, ProductKind
from chalicelib.risk.limits import LimitsConfig
from chalicelib.shared.schema import Schema
from chalicelib.shared.tenant import GROUP_ROLES, Role, TenantContext

api = ApiBlueprint(__name__, tag="group-risk")

READERS = GROUP_ROLES
RISK = (Role.GROUP_RISK,)
RUN_ID = r"^[A-Za-z0-9_-]{1,80}$"


# --- requests -------------------------------------------------------------------------------------------


class StartRun(Schema):
    model_config = ConfigDict(extra="forbid")

    as_of: date = Field(description="the business date to consolidate (today or earlier, group timezone)")


class PageQuery(Schema):
    limit: int = Field(default=50, ge=1, le=200)
    next: str | None = Field(default=None, description="cursor from the previous page")


class ExposuresQuery(PageQuery):
    run: str | None = Field(default=None, pattern=RUN_ID, description="a complete run; default the latest")
    subsidiary: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9-]{1,62}$")
    product_kind: ProductKind | None = None
    classification: FiveCategory | None = Field(default=None, description="the customer's worst class")
    industry: str | None = Field(default=None, pattern=r"^[A-T](\d{1,4})?$", description="GB/T 4754 prefix")
    region: str | None = Field(default=None, pattern=r"^\d{2,6}$", description="division code prefix")
    min_exposure: Decimal | None = Field(default=None, ge=0)
    group_customer_id: str | None = Field(default=None, pattern=r"^grp_[0-9a-f]{20}$")
    related_party: bool | None = Field(default=None, description="only the group's related parties (or only others)")


class CustomerQuery(Schema):
    run: str | None = Field(default=None, pattern=RUN_ID)


class DashboardQuery(Schema):
    as_of: date | None = Field(default=None, description="the latest complete run of this date; default the latest")


class LimitsUpdate(LimitsConfig):
    version: int | None = Field(default=None, description="the version read; 409 if it has changed since")


class WarningsQuery(PageQuery):
    status: str | None = Field(default=None, pattern=r"^(open|acknowledged|resolved)$")
    kind: str | None = Field(default=None, max_length=60)


class Acknowledge(Schema):
    model_config = ConfigDict(extra="forbid")

    note: str = Field(min_length=2, max_length=2000, description="what HQ decided (kept with the warning)")


class ReportQuery(Schema):
    inline: bool = Field(default=False, description="also return the file's text (files up to 1 MB)")


# --- responses (documented shapes; figures are decimal strings) -------------------------------------------


class Run(Schema):
    model_config = ConfigDict(extra="allow")

    run_id: str
    group_id: str
    as_of: date
    status: str = Field(description="QUEUED, RUNNING, SUCCEEDED, PARTIAL (missing_subsidiaries names who) or FAILED")
    trigger: str
    requested_by: str | None = None
    missing_subsidiaries: list[str] = Field(default_factory=list)
    headline: dict[str, Any] | None = None
    reports: list[str] = Field(default_factory=list)


class RunDetail(Run):
    steps: list[dict[str, Any]] = Field(default_factory=list, description="per step: status, times, counts")
    subsidiary_progress: list[dict[str, Any]] = Field(default_factory=list,
                                                      description="per subsidiary: status, attempts, exposures, error")


class RunPage(Schema):
    items: list[Run]
    next: str | None = None


class ExposurePage(Schema):
    run: dict[str, Any]
    items: list[dict[str, Any]]
    next: str | None = None


class WarningPage(Schema):
    items: list[dict[str, Any]]
    next: str | None = None


# --- routes -------------------------------------------------------------------------------------------------


@api.route("/v1/group/consolidations", "POST", roles=READERS, body=StartRun, response=Run, status=202)
def start_consolidation(ctx: TenantContext, body: StartRun) -> Reply:
    """Start a consolidation run for a date; returns the run id to follow."""
    return Reply(service.start_consolidation(ctx, body.as_of), 202)


@api.route("/v1/group/consolidations", "GET", roles=READERS, query=PageQuery, response=RunPage)
def list_consolidations(ctx: TenantContext, query: PageQuery) -> dict[str, Any]:
    """Consolidation runs, newest first."""
    items, nxt = service.list_runs(ctx, query.next, query.limit)
    return {"items": items, "next": nxt}


@api.route("/v1/group/consolidations/{run_id}", "GET", roles=READERS, response=RunDetail)
def get_consolidation(ctx: TenantContext, run_id: str) -> dict[str, Any]:
    """A run with its per-step and per-subsidiary progress."""
    return service.get_run(ctx, run_id)


@api.route("/v1/group/exposures", "GET", roles=READERS, query=ExposuresQuery, response=ExposurePage)
def list_exposures(ctx: TenantContext, query: ExposuresQuery) -> dict[str, Any]:
    """Consolidated exposure per customer (largest first), with the per-subsidiary breakdown."""
    filters = query.model_dump(exclude={"run", "limit", "next"}, exclude_none=True, mode="python")
    if "product_kind" in filters:
        filters["product_kind"] = query.product_kind.value  # type: ignore[union-attr]
    if "classification" in filters:
        filters["classification"] = query.classification.value  # type: ignore[union-attr]
    run, items, nxt = service.list_exposures(ctx, run_id=query.run, filters=filters, cursor=query.next,
                                             limit=query.limit)
    return {"run": run, "items": items, "next": nxt}


@api.route("/v1/group/customers/{key}", "GET", roles=READERS, query=CustomerQuery)
def get_customer(ctx: TenantContext, key: str, query: CustomerQuery) -> dict[str, Any]:
    """One customer (identity hash) or group customer (``grp_…``): exposure, breakdown, contracts."""
    return service.get_customer(ctx, key, query.run)


@api.route("/v1/group/dashboard", "GET", roles=READERS, query=DashboardQuery)
def dashboard(ctx: TenantContext, query: DashboardQuery) -> dict[str, Any]:
    """What the HQ dashboard charts: by subsidiary, kind, industry, class, bucket; NPL and trend; top 10."""
    return service.dashboard(ctx, query.as_of)


@api.route("/v1/group/limits", "GET", roles=READERS)
def get_limits(ctx: TenantContext) -> dict[str, Any]:
    """The group's limits and the amounts they come to."""
    return service.get_limits(ctx)


@api.route("/v1/group/limits", "PUT", roles=RISK, body=LimitsUpdate)
def put_limits(ctx: TenantContext, body: LimitsUpdate) -> dict[str, Any]:
    """Set the group's limits (group-risk only)."""
    config = LimitsConfig.model_validate(body.model_dump(exclude={"version"}))
    return service.put_limits(ctx, config, body.version)


@api.route("/v1/group/classification", "GET", roles=READERS)
def get_classification(ctx: TenantContext) -> dict[str, Any]:
    """Five-category thresholds (days past due) and HQ's overrides with their reasons."""
    return service.get_classification(ctx)


@api.route("/v1/group/classification", "PUT", roles=RISK, body=service.ClassificationConfig)
def put_classification(ctx: TenantContext, body: service.ClassificationConfig) -> dict[str, Any]:
    """Set the thresholds and overrides (group-risk only); applies from the next run."""
    return service.put_classification(ctx, body)


@api.route("/v1/group/warnings", "GET", roles=READERS, query=WarningsQuery, response=WarningPage)
def list_warnings(ctx: TenantContext, query: WarningsQuery) -> dict[str, Any]:
    """Warnings, most recently raised first."""
    items, nxt = service.list_warnings(ctx, status=query.status, kind=query.kind, cursor=query.next, limit=query.limit)
    return {"items": items, "next": nxt}


@api.route("/v1/group/warnings/{warning_id}/acknowledge", "POST", roles=READERS, body=Acknowledge)
def acknowledge_warning(ctx: TenantContext, warning_id: str, body: Acknowledge) -> dict[str, Any]:
    """Acknowledge an open warning with a note."""
    return service.acknowledge_warning(ctx, warning_id, body.note)


@api.route("/v1/group/reports/{run_id}/{name}", "GET", roles=READERS, query=ReportQuery)
def get_report(ctx: TenantContext, run_id: str, name: str, query: ReportQuery) -> dict[str, Any]:
    """Download one of a run's datasets: a short-lived link (and the text, with ``inline=true``)."""
    return service.report_download(ctx, run_id, name, inline=query.inline)
