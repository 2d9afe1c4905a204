"""Close of business and the business date over HTTP."""
from __future__ import annotations

from datetime import date, datetime

from pydantic import Field

from chalicelib.closing import service
from chalicelib.platform.http import ApiBlueprint, Reply
from chalicelib.shared.errors import MalformedRequest
from chalicelib.shared.schema import Schema
from chalicelib.shared.tenant import ALL_ROLES, Role

api = ApiBlueprint(__name__, "closing")

Date = date  # a field named ``date`` shadows the type inside a model


class BusinessDateOut(Schema):
    tenant_id: str
    business_date: date = Field(description="the day the tenant's books act on")
    timezone: str
    time_travel: bool = Field(description="true where the stage lets the business date be set explicitly")
    last_closed_on: date | None = None
    closing_on: date | None = Field(default=None, description="the date a close of business is closing now")


class BusinessDateMoved(BusinessDateOut):
    closed: list[date] = Field(default_factory=list, description="the dates closed on the way, in order")


class BusinessDateIn(Schema):
    business_date: date


class EndOfDayIn(Schema):
    date: Date


class EndOfDayOut(Schema):
    business_date: date
    status: str
    total: int
    processed: int
    skipped: int = 0
    expired_applications: list[str] = Field(default_factory=list)
    caught_up: list[Date] = Field(default_factory=list, description="earlier dates this call closed first, in order")
    started_at: datetime | None = None
    finished_at: datetime | None = None


@api.route("/v1/business-date", roles=ALL_ROLES, response=BusinessDateOut)
def get_business_date(ctx):
    """The tenant's business date and the last date closed."""
    return BusinessDateOut.model_validate(service.calendar(ctx))


@api.route("/v1/business-date", "PUT", roles=(Role.TENANT_ADMIN,), body=BusinessDateIn, response=BusinessDateMoved)
def set_business_date(ctx, body: BusinessDateIn):
    """Move the business date forward, closing each date left behind (time-travel stages only; never
    back, never during a close)."""
    return BusinessDateMoved.model_validate(service.set_business_date(ctx, body.business_date))


@api.route("/v1/tenants/{tenant_id}/business-date", roles=(Role.PLATFORM_ADMIN,), response=BusinessDateOut)
def get_tenant_business_date(ctx, tenant_id: str):
    """A tenant's business date (platform admin)."""
    from chalicelib.tenancy.service import acting_in

    return BusinessDateOut.model_validate(service.calendar(acting_in(ctx, tenant_id)))


@api.route("/v1/tenants/{tenant_id}/business-date", "PUT", roles=(Role.PLATFORM_ADMIN,), body=BusinessDateIn,
           response=BusinessDateMoved)
def set_tenant_business_date(ctx, tenant_id: str, body: BusinessDateIn):
    """Move a tenant's business date forward (platform admin; time-travel stages only)."""
    from chalicelib.tenancy.service import acting_in

    return BusinessDateMoved.model_validate(service.set_business_date(acting_in(ctx, tenant_id), body.business_date))


@api.route("/v1/servicing/end-of-day", "POST", roles=(Role.TENANT_ADMIN, Role.FINANCE), body=EndOfDayIn,
           response=EndOfDayOut)
def run_end_of_day(ctx, body: EndOfDayIn):
    """Close of business through a date: every date not yet closed, in order (idempotent per date)."""
    return Reply(EndOfDayOut.model_validate(service.close_through(ctx, body.date)), 200)


@api.route("/v1/servicing/end-of-day/{business_date}", roles=(Role.TENANT_ADMIN, Role.FINANCE),
           response=EndOfDayOut)
def end_of_day_progress(ctx, business_date: str):
    """A close-of-business run's progress."""
    try:
        on = date.fromisoformat(business_date)
    except ValueError:
        raise MalformedRequest("servicing.business_date.invalid", "dates are YYYY-MM-DD") from None
    return EndOfDayOut.model_validate(service.run_of(ctx, on))
