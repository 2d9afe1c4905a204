"""Pre-approval whitelist routes (subsidiaries): rules, runs, a run's list and its CSV."""
from __future__ import annotations

from typing import Any, Literal

from chalicelib.customers import whitelists
from chalicelib.customers.whitelists import WhitelistIn
from chalicelib.platform.http import ApiBlueprint
from chalicelib.shared.schema import Schema
from chalicelib.shared.tenant import SUBSIDIARY_ROLES, Role, TenantContext

api = ApiBlueprint(__name__, tag="whitelists")

OWNERS = (Role.PRODUCT_MANAGER, Role.TENANT_ADMIN)


class RunQuery(Schema):
    format: Literal["json", "csv"] = "json"


@api.route("/v1/whitelists", "POST", roles=OWNERS, body=WhitelistIn, status=201)
def create_whitelist(ctx: TenantContext, body: WhitelistIn) -> dict[str, Any]:
    """Define a pre-approval whitelist rule: products, eligibility, the amount and the validity."""
    whitelists.check_not_group(ctx)
    return whitelists.create(ctx, body)


@api.route("/v1/whitelists", "GET", roles=SUBSIDIARY_ROLES)
def list_whitelists(ctx: TenantContext) -> dict[str, Any]:
    """This subsidiary's whitelist rules."""
    return {"items": whitelists.list_rules(ctx)}


@api.route("/v1/whitelists/{whitelist_id}", "GET", roles=SUBSIDIARY_ROLES)
def get_whitelist(ctx: TenantContext, whitelist_id: str) -> dict[str, Any]:
    """A whitelist rule and its runs, newest first."""
    return whitelists.get(ctx, whitelist_id)


@api.route("/v1/whitelists/{whitelist_id}", "PUT", roles=OWNERS, body=WhitelistIn)
def update_whitelist(ctx: TenantContext, whitelist_id: str, body: WhitelistIn) -> dict[str, Any]:
    """Change the rule for runs from now on; runs already made keep their lists."""
    return whitelists.update(ctx, whitelist_id, body)


@api.route("/v1/whitelists/{whitelist_id}/runs", "POST", roles=OWNERS, status=201)
def run_whitelist(ctx: TenantContext, whitelist_id: str) -> dict[str, Any]:
    """Run the rule now: every customer as of the business date; the list is kept as it is."""
    return whitelists.run(ctx, whitelist_id)


@api.route("/v1/whitelists/{whitelist_id}/runs", "GET", roles=SUBSIDIARY_ROLES)
def list_whitelist_runs(ctx: TenantContext, whitelist_id: str) -> dict[str, Any]:
    """The rule's runs, newest first."""
    whitelists.get(ctx, whitelist_id)
    return {"items": whitelists.list_runs(ctx, whitelist_id)}


@api.route("/v1/whitelists/{whitelist_id}/runs/{run_id}", "GET", roles=SUBSIDIARY_ROLES, query=RunQuery)
def get_whitelist_run(ctx: TenantContext, whitelist_id: str, run_id: str, query: RunQuery) -> dict[str, Any]:
    """A run's list with each customer's amount and reasons; ``?format=csv``: the list as a CSV file
    (``name``, ``content_type``, ``content``) for marketing."""
    if query.format == "csv":
        return whitelists.run_csv(ctx, whitelist_id, run_id)
    return whitelists.get_run(ctx, whitelist_id, run_id)
