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


class PhaseOut(Schema):
    name: str = Field(description="list_contracts, close_contracts, expire_applications, expire_facilities, gl_roll_up, "
                                 "clearing_netting, customer_grades")
    status: str = Field(description="pending, running, succeeded")
    started_at: datetime | None = None
    finished_at: datetime | None = None


class ParkedOut(Schema):
    contract_id: str
    code: str = Field(description="the error's stable code (or its class) after the contract's last attempt")
    error: str
    attempts: int | None = None
    parked_at: datetime | None = None


class RunError(Schema):
    name: str
    message: str


class EndOfDayOut(Schema):
    business_date: date
    run_id: str | None = None
    status: str = Field(description="running, completed or failed")
    total: int = Field(default=0, description="active contracts the close works through")
    processed: int = Field(default=0, description="contracts done: closed, skipped (closed already) or parked")
    closed: int = 0
    skipped: int = 0
    parked: int = Field(default=0, description="contracts whose close kept failing: shown, not closed for the date")
    batches: int = 0
    batches_done: int = 0
    phases: list[PhaseOut] = Field(default_factory=list)
    contract_steps: dict[str, int] = Field(default_factory=dict,
                                           description="per business step, the contracts it changed")
    parked_contracts: list[ParkedOut] = Field(default_factory=list)
    expired_applications: list[str] = Field(default_factory=list)
    caught_up: list[Date] = Field(default_factory=list, description="earlier dates this call closed first, in order")
    error: RunError | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None


def _wait_seconds() -> float:
    """How long a request waits for a close to end before it answers 202 with the run as it stands (the
    console then follows it on ``GET /v1/servicing/end-of-day/{date}``): 20 s where API Gateway answers
    within 29 s; five minutes on the local server, which has no such limit and whose emulated Step
    Functions takes a few tenths of a second per date."""
    from chalicelib.platform.settings import get_settings

    return 300.0 if get_settings().stage == "local" else 20.0


@api.route("/v1/business-date", roles=ALL_ROLES, response=BusinessDateOut)
def get_business_date(ctx):
    """The tenant's business date and the last date closed."""
    return BusinessDateOut.model_validate(service.calendar(ctx))


@api.route("/v1/business-date", "PUT", roles=(Role.TENANT_ADMIN,), body=BusinessDateIn, response=BusinessDateMoved,
           accepted=True)
def set_business_date(ctx, body: BusinessDateIn):
    """Move the business date forward, closing each date left behind (time-travel stages only; never
    back, never during a close)."""
    return _moved(service.set_business_date(ctx, body.business_date, wait_seconds=_wait_seconds()))


def _moved(calendar: dict) -> Reply:
    """200 once the date has moved; 202 while the close of the dates left behind still runs."""
    return Reply(BusinessDateMoved.model_validate(calendar), 202 if calendar.get("closing_on") else 200)


@api.route("/v1/tenants/{tenant_id}/business-date", roles=(Role.PLATFORM_ADMIN,), response=BusinessDateOut)
def get_tenant_business_date(ctx, tenant_id: str):
    """A tenant's business date (platform admin)."""
    from chalicelib.tenancy.service import acting_in

    return BusinessDateOut.model_validate(service.calendar(acting_in(ctx, tenant_id)))


@api.route("/v1/tenants/{tenant_id}/business-date", "PUT", roles=(Role.PLATFORM_ADMIN,), body=BusinessDateIn,
           response=BusinessDateMoved, accepted=True)
def set_tenant_business_date(ctx, tenant_id: str, body: BusinessDateIn):
    """Move a tenant's business date forward (platform admin; time-travel stages only)."""
    from chalicelib.tenancy.service import acting_in

    return _moved(service.set_business_date(acting_in(ctx, tenant_id), body.business_date,
                                            wait_seconds=_wait_seconds()))


@api.route("/v1/servicing/end-of-day", "POST", roles=(Role.TENANT_ADMIN, Role.FINANCE), body=EndOfDayIn,
           response=EndOfDayOut, accepted=True)
def run_end_of_day(ctx, body: EndOfDayIn):
    """Close of business through a date: every date not yet closed, in order (idempotent per date), on
    the close-of-business state machine. 200 with the run once it has ended; 202 with the run as it
    stands if it is still going after a few seconds (follow it on ``GET …/end-of-day/{date}``)."""
    run = service.close_through(ctx, body.date, wait_seconds=_wait_seconds())
    return Reply(EndOfDayOut.model_validate(run), 202 if run.get("status") == "running" else 200)


@api.route("/v1/servicing/end-of-day/{business_date}", roles=(Role.TENANT_ADMIN, Role.FINANCE),
           response=EndOfDayOut)
def end_of_day_progress(ctx, business_date: str):
    """A close-of-business run's progress: its phases, the contract batches' counts per business step,
    and the contracts parked with their errors."""
    try:
        on = date.fromisoformat(business_date)
    except ValueError:
        raise MalformedRequest("servicing.business_date.invalid", "dates are YYYY-MM-DD") from None
    return EndOfDayOut.model_validate(service.run_of(ctx, on))
