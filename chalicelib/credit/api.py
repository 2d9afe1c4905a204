"""Facility routes (subsidiaries) and group facility routes (HQ): each validates, calls one use case."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import Field

from chalicelib.credit import service
from chalicelib.platform.http import ApiBlueprint
from chalicelib.shared.ids import ResourceId
from chalicelib.shared.schema import Schema, decimal_string
from chalicelib.shared.tenant import GROUP_ROLES, SUBSIDIARY_ROLES, Role

api = ApiBlueprint(__name__, tag="facilities")

Money = decimal_string(example="1000000.00", signed=False, whole_digits=15, places=6)
Ratio = decimal_string(example="0.80", signed=False, whole_digits=1, places=4)


class SubLimitIn(Schema):
    product_code: ResourceId | None = None
    product_kind: str | None = Field(default=None, description="loan, lease or factoring")
    amount: Money


class FacilityIn(Schema):
    customer_id: ResourceId
    amount: Money
    currency: str = "CNY"
    revolving: bool = False
    valid_from: date
    valid_to: date
    sub_limits: list[SubLimitIn] = Field(default_factory=list, max_length=50)


class TransitionIn(Schema):
    action: str = Field(description="claim, approve, reject, withdraw, activate, freeze, unfreeze, expire, close")
    reason: str | None = Field(default=None, max_length=500)


class FacilityQuery(Schema):
    cursor: str | None = None
    limit: int = Field(default=50, ge=1, le=200)
    customer_id: ResourceId | None = None


class PolicyIn(Schema):
    second_review_above: Money


class GroupFacilityIn(Schema):
    label: str = Field(min_length=1, max_length=200)
    subjects: list[str] = Field(min_length=1, max_length=50, description="customers' keyed identity hashes")
    amount: Money
    currency: str = "CNY"
    valid_to: date | None = None
    allocations: dict[ResourceId, Money] = Field(default_factory=dict)


class ReallocationIn(Schema):
    from_subsidiary: ResourceId | None = Field(default=None, description="null: the unallocated pool")
    to_subsidiary: ResourceId | None = Field(default=None, description="null: back to the unallocated pool")
    amount: Money
    reason: str | None = Field(default=None, max_length=500)


class ReallocationDecisionIn(Schema):
    decision: str = Field(pattern="^(approve|reject)$")


class WarningIn(Schema):
    warning_ratio: Ratio


def _sub_limits(body: FacilityIn) -> tuple:
    return tuple((s.product_code, s.product_kind, Decimal(s.amount)) for s in body.sub_limits)


@api.route("/v1/facilities", "POST", roles=service.OFFICERS, body=FacilityIn, status=201)
def apply_facility(ctx, body: FacilityIn):
    """Apply for a customer facility (授信): amount, currency, revolving, validity, sub-limits."""
    return service.apply_facility(ctx, service.ApplyFacility(
        body.customer_id, Decimal(body.amount), body.currency, body.revolving, body.valid_from, body.valid_to,
        _sub_limits(body)))


@api.route("/v1/facilities", "GET", roles=SUBSIDIARY_ROLES, query=FacilityQuery)
def list_facilities(ctx, query: FacilityQuery):
    """This tenant's facilities with their availability, newest first."""
    items, nxt = service.list_facilities(ctx, query.cursor, query.limit, query.customer_id)
    return {"items": items, "next": nxt}


@api.route("/v1/facilities/{facility_id}", "GET", roles=SUBSIDIARY_ROLES)
def get_facility(ctx, facility_id: str):
    """A facility: balances, sub-limits, allocation, drawdowns, history and the actions allowed now."""
    return service.get_facility(ctx, facility_id)


@api.route("/v1/facilities/{facility_id}/transitions", "POST", roles=SUBSIDIARY_ROLES, body=TransitionIn)
def transition_facility(ctx, facility_id: str, body: TransitionIn):
    """One step of the facility's workflow (409 listing the allowed actions when illegal)."""
    return service.transition(ctx, facility_id, body.action, body.reason)


@api.route("/v1/facility-policy", "GET", roles=SUBSIDIARY_ROLES)
def get_policy(ctx):
    """The tenant's facility policy: the amount above which a second review is required."""
    return service.policy(ctx)


@api.route("/v1/facility-policy", "PUT", roles=(Role.TENANT_ADMIN,), body=PolicyIn)
def put_policy(ctx, body: PolicyIn):
    """Set the second-review threshold for facilities applied for from now on."""
    return service.set_policy(ctx, Decimal(body.second_review_above))


@api.route("/v1/facility-allocations", "GET", roles=SUBSIDIARY_ROLES)
def my_allocations(ctx):
    """This subsidiary's own allocations of group facilities (never the grant or its sisters' shares)."""
    from chalicelib.credit import group

    return {"items": group.my_allocations(ctx)}


# --- HQ ---------------------------------------------------------------------------------------------------------


@api.route("/v1/group/facilities", "POST", roles=(Role.GROUP_RISK,), body=GroupFacilityIn, status=201)
def grant_group_facility(ctx, body: GroupFacilityIn):
    """Grant a customer (or a connected group's members) a group facility and allocate it to subsidiaries."""
    from chalicelib.credit import group

    return group.grant(ctx, label=body.label, subjects=body.subjects, amount=Decimal(body.amount),
                       currency=body.currency, valid_to=body.valid_to.isoformat() if body.valid_to else None,
                       allocations={k: Decimal(v) for k, v in body.allocations.items()})


@api.route("/v1/group/facilities", "GET", roles=GROUP_ROLES)
def list_group_facilities(ctx):
    """Per group customer: granted, allocated, utilized, available, and a warning over the policy's ratio."""
    from chalicelib.credit import group

    return {"items": group.list_group_facilities(ctx), "warning_ratio": group.warning_ratio(ctx)}


@api.route("/v1/group/facilities/{group_facility_id}", "GET", roles=GROUP_ROLES)
def get_group_facility(ctx, group_facility_id: str):
    """One group facility with its allocations and reallocations."""
    from chalicelib.credit import group

    return group.get_group_facility(ctx, group_facility_id)


@api.route("/v1/group/facilities/{group_facility_id}/reallocations", "POST", roles=(Role.GROUP_RISK,),
           body=ReallocationIn, status=201)
def propose_reallocation(ctx, group_facility_id: str, body: ReallocationIn):
    """Propose moving allocation between subsidiaries (or from/to the pool); another HQ user decides."""
    from chalicelib.credit import group

    return group.propose_reallocation(ctx, group_facility_id, from_subsidiary=body.from_subsidiary,
                                      to_subsidiary=body.to_subsidiary, amount=Decimal(body.amount),
                                      reason=body.reason)


@api.route("/v1/group/facilities/{group_facility_id}/reallocations/{reallocation_id}/decision", "POST",
           roles=GROUP_ROLES, body=ReallocationDecisionIn)
def decide_reallocation(ctx, group_facility_id: str, reallocation_id: str, body: ReallocationDecisionIn):
    """Approve (the move happens, never below utilized + blocked) or reject a proposed reallocation."""
    from chalicelib.credit import group

    return group.decide_reallocation(ctx, group_facility_id, reallocation_id, body.decision)


@api.route("/v1/group/facility-policy", "PUT", roles=(Role.GROUP_RISK, Role.GROUP_ADMIN), body=WarningIn)
def put_group_policy(ctx, body: WarningIn):
    """The utilization ratio above which HQ's view warns."""
    from chalicelib.credit import group

    return {"warning_ratio": group.set_warning_ratio(ctx, Decimal(body.warning_ratio))}
