"""Partner application use cases: register, rotate, revoke, list, history; and the auth layer's
two hooks (resolve a client id, count an admitted call).

Each use case checks everything before it changes anything. The tenant always comes from the
caller's verified context; another tenant's application answers 404, as if absent.
"""
from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from chalicelib.partners import domain
from chalicelib.partners.domain import PartnerApplication, PartnerChange, Status
from chalicelib.platform.auth import MachineClient
from chalicelib.shared import clock
from chalicelib.shared.errors import NotFound
from chalicelib.shared.tenant import TenantContext

if TYPE_CHECKING:
    from chalicelib.partners.credentials import CognitoAppClients, IssuedClient
    from chalicelib.partners.store import ClientDirectory, PartnerApplications


def _applications() -> "PartnerApplications":
    from chalicelib.partners.store import PartnerApplications

    return PartnerApplications()


def _directory() -> "ClientDirectory":
    from chalicelib.partners.store import ClientDirectory

    return ClientDirectory()


def _clients() -> "CognitoAppClients":
    from chalicelib.partners.credentials import CognitoAppClients

    return CognitoAppClients()


def _new_id() -> str:
    return uuid.uuid4().hex[:16]


def get_application(ctx: TenantContext, application_id: str) -> PartnerApplication:
    app = _applications().get(ctx, application_id)
    if app is None:
        raise NotFound("partners.application.not_found", "partner application not found",
                       {"application_id": application_id})
    return app


def list_applications(ctx: TenantContext, cursor: str | None = None,
                      limit: int = 50) -> tuple[list[PartnerApplication], str | None]:
    return _applications().page(ctx, cursor, limit)


def history(ctx: TenantContext, application_id: str) -> list[PartnerChange]:
    get_application(ctx, application_id)
    return _applications().history(ctx, application_id)


def calls_last_day(ctx: TenantContext, application_id: str) -> int:
    from chalicelib.partners.store import last_day

    return _applications().calls_since(ctx, application_id, last_day(clock.now()))


def register(ctx: TenantContext, name: str, scopes: list[str], ip_allowlist: list[str] | None = None,
             rate_tier: str = "sandbox") -> tuple[PartnerApplication, "IssuedClient"]:
    """A new partner application with its own app client; the secret is returned once."""
    granted = domain.parse_scopes(scopes)
    tier = domain.parse_tier(rate_tier)
    allowlist = domain.parse_allowlist(ip_allowlist or [])
    application_id = f"pa-{_new_id()}"
    issued = _clients().create(ctx.tenant_id, application_id, granted)
    app = PartnerApplication(application_id=application_id, name=name.strip(), client_id=issued.client_id,
                             scopes=granted, ip_allowlist=allowlist, rate_tier=tier, status=Status.ACTIVE,
                             created_at=clock.now(), created_by=domain.actor_of(ctx))
    _directory().put(ctx, app, issued.client_id, Status.ACTIVE)
    saved = _applications().commit(ctx, app, domain.registered(ctx, app, _new_id()))
    return saved, issued


def rotate(ctx: TenantContext, application_id: str) -> tuple[PartnerApplication, "IssuedClient"]:
    """A new client id and secret for the application; the old pair is refused from now on."""
    app = get_application(ctx, application_id)
    domain.transition(app.status, domain.Action.ROTATE)
    clients, directory = _clients(), _directory()
    issued = clients.create(ctx.tenant_id, app.application_id, app.scopes)
    after, change = domain.rotated(ctx, app, issued.client_id, clock.now(), _new_id())
    directory.put(ctx, after, issued.client_id, Status.ACTIVE)
    saved = _applications().commit(ctx, after, change)
    directory.set_status(app.client_id, Status.REVOKED)
    clients.delete(app.client_id)
    return saved, issued


def revoke(ctx: TenantContext, application_id: str) -> PartnerApplication:
    """The application's client is refused from now on (its unexpired tokens too) and deleted."""
    app = get_application(ctx, application_id)
    after, change = domain.revoked(ctx, app, clock.now(), _new_id())
    _directory().set_status(app.client_id, Status.REVOKED)
    saved = _applications().commit(ctx, after, change)
    _clients().delete(app.client_id)
    return saved


# --- the auth layer's hooks ----------------------------------------------------------------------


def resolve_client(client_id: str) -> MachineClient | None:
    """The registry's record of an app client id (read consistently: a revocation holds at once)."""
    return _directory().get(client_id)


def count_call(ctx: TenantContext) -> None:
    """Count an admitted machine call for the "calls in the last 24 h" figure. Never fails the call."""
    try:
        _applications().count_call(ctx, ctx.user_id, clock.now())
    except Exception:  # noqa: BLE001 — bookkeeping must never refuse a request
        from chalicelib.platform import observability

        observability.logger().warning("partner call not counted", exc_info=True)
