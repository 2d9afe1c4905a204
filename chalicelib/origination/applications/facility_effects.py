"""What an application does to the credit facility it names (``facilities/``): one seam for origination
and servicing, like ``group_effects`` for group limits.

* opening an application with ``facility_id`` links it (the facility must be drawable on the business date);
* submission **blocks** the priced amount on the facility and its sub-limit *before* the application is
  committed (422 ``facilities.drawdown.*``, the application unchanged, when the facility says no); a
  failed commit, a risk decline, a rejection, a return, a withdrawal or an expiry **releases** it;
* disbursement **utilizes** it; principal repaid **restores** it (revolving facilities only).

Each call is keyed by the application (and the repayment), so a retry repeats nothing. An application
that names no facility is untouched by all of them.
"""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from chalicelib.platform.observability import log
from chalicelib.shared.errors import Conflict, NotFound, RuleViolation
from chalicelib.shared.tenant import TenantContext

if TYPE_CHECKING:
    from chalicelib.origination.applications.domain import Application


def link(ctx: TenantContext, application_id: str, facility_id: str | None) -> None:
    """422 ``origination.application.facility_not_found`` for a facility this tenant does not have."""
    if facility_id:
        from chalicelib.credit import service

        try:
            service.link_application(ctx, facility_id, application_id)
        except NotFound:
            raise RuleViolation("origination.application.facility_not_found", "facility not found",
                                {"field": "facility_id", "facility_id": facility_id}) from None


def block(ctx: TenantContext, app: "Application") -> dict[str, Any] | None:
    if app.amount is None:
        return None
    from chalicelib.credit import service

    return service.block(ctx, app.application_id, app.amount, product_code=app.product_code, kind=app.kind.value,
                         currency=app.currency)


def release(ctx: TenantContext, application_id: str, reason: str) -> None:
    """Free the application's block; a business change already committed is never undone by a failure here."""
    from chalicelib.credit import service

    try:
        service.release(ctx, application_id, reason)
    except Conflict as exc:
        log.warning("facility block of %s not released: %s", application_id, exc.code)


def utilize(ctx: TenantContext, application_id: str, amount: Decimal) -> None:
    from chalicelib.credit import service

    service.utilize(ctx, application_id, amount)


def restore(ctx: TenantContext, application_id: str, principal: Decimal, repayment_id: str) -> None:
    from chalicelib.credit import service

    service.restore(ctx, application_id, principal, repayment_id)


def drawdown(ctx: TenantContext, application_id: str) -> dict[str, Any] | None:
    from chalicelib.credit import service

    return service.drawdown_of(ctx, application_id)
