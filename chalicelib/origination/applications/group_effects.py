"""What an application's decisions do outside origination: the hold on the group limit (group risk's
``reservation``) and the merchant webhook events (payments' ``webhooks_out``).

Both are imported on first use (they load PynamoDB and the AWS clients; ``import app`` must not).

The hold is keyed by the application, so placing it again for the same application (a retried or a
racing approval) returns the same hold instead of a second one. Who places it and who releases it:

* the final approval places it *before* committing the application; a decline leaves the
  application untouched (409 ``origination.application.group_limit_declined``);
* if that commit then fails, the hold is released unless the application is approved (a racing
  approval won: the hold is its) or still awaiting its decision (the next decision reuses it, or
  releases it: rejection, return and withdrawal release it);
* expiry releases it; servicing's disbursement posts it.

A subsidiary with no holding group places no hold. Holds carry an expiry past the signing window,
so one a crashed process left behind is voided by the group's daily run.
"""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Iterable

from chalicelib.platform import effects, observability
from chalicelib.shared import clock
from chalicelib.shared.errors import Conflict, NotFound, RuleViolation
from chalicelib.shared.tenant import TenantContext
from chalicelib.platform.observability import log

if TYPE_CHECKING:
    from chalicelib.origination.applications.domain import Application


DECLINED = "origination.application.group_limit_declined"
HOLD_DAYS_AFTER_SIGNING_WINDOW = 30


def in_a_group(ctx: TenantContext) -> bool:
    return bool(ctx.kind.is_subsidiary and ctx.group_id)


def hold(ctx: TenantContext, app: "Application", related_parties: Iterable[str] = ()) -> dict[str, Any] | None:
    """Hold the approved amount on the customer's group limits, or 409 ``group_limit_declined``.

    The subsidiary learns approved or declined and nothing numeric about the group: not the headroom,
    the limit or the exposure. Any figure would tell it what its sister companies lend the customer
    (limit minus headroom, across two asks), so the figures stay in HQ's views.
    Returns the decision (None when the subsidiary has no group)."""
    if not in_a_group(ctx) or app.amount is None:
        return None
    from chalicelib.risk.reservation import reserve_group_limit

    window = app.pin.signing_window_days if app.pin else 0
    expires_at = clock.now() + timedelta(days=window + HOLD_DAYS_AFTER_SIGNING_WINDOW)
    try:
        decision = reserve_group_limit(ctx, app.customer.identity_hash, app.amount, app.application_id,
                                       currency=app.currency, related_parties=tuple(related_parties),
                                       expires_at=expires_at)
    except RuleViolation as exc:
        if exc.code == "risk.reservation.currency":  # group limits are kept in the group's currency only
            log.warning("no group limit hold for %s: %s", app.application_id, exc.message)
            return None
        raise
    if not decision.approved:
        observability.count("GroupLimitDeclines", ctx.tenant_id)
        raise Conflict(DECLINED, "the holding group declined this amount for this customer",
                       {"application_id": app.application_id, "amount": format(app.amount, "f"),
                        "currency": app.currency})
    return decision.subsidiary_view()


def release(ctx: TenantContext, application_id: str, reason: str) -> str | None:
    """Void the application's pending hold, if it has one. Returns the hold's status after, or None."""
    if not in_a_group(ctx):
        return None
    from chalicelib.risk.reservation import void_reservation

    try:
        return void_reservation(ctx, application_id, reason=reason).status
    except NotFound:
        return None  # never held (no group limit decision was needed, or it was declined)
    except Conflict as exc:
        log.warning("hold of %s not released: %s", application_id, exc.code)
        return None


def publish(ctx: TenantContext, event_type: str, data: dict[str, Any], source_id: str) -> None:
    """A merchant webhook event, once per ``source_id``. The business change is committed already: a
    failure to queue is logged, not raised (a retried command publishes under the same id)."""
    try:
        effects.merchant_events().publish(ctx, event_type, data, source_id=source_id)
    except Exception:  # noqa: BLE001 — the decision stands; the event is best effort here
        log.exception("%s for %s was not published", event_type, source_id)


def money(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")
