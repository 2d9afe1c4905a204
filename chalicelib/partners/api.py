"""Partner application routes (a subsidiary's tenant admin): register, list, read, rotate, revoke,
and each application's change history. The client secret appears in exactly two answers — the
registration's and the rotation's — and nowhere else, ever."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import ConfigDict, Field

from chalicelib.partners import service
from chalicelib.partners.domain import PartnerApplication, PartnerChange
from chalicelib.platform.http import ApiBlueprint, Reply
from chalicelib.platform.resources import PARTNER_API, RATE_TIERS
from chalicelib.shared.schema import Schema
from chalicelib.shared.tenant import Role, TenantContext

api = ApiBlueprint(__name__, tag="partners")

ADMIN = (Role.TENANT_ADMIN,)


class PartnerActorView(Schema):
    user_id: str
    username: str


class PartnerApplicationView(Schema):
    id: str
    name: str
    client_id: str
    scopes: list[str]
    ip_allowlist: list[str]
    rate_tier: str
    status: str = Field(description="active | revoked")
    created_at: datetime
    created_by: PartnerActorView
    rotated_at: datetime | None
    revoked_at: datetime | None
    calls_last_24h: int | None = Field(default=None, description="Admitted calls in the last 24 hours")

    @classmethod
    def of(cls, a: PartnerApplication, calls: int | None = None) -> "PartnerApplicationView":
        return cls(id=a.application_id, name=a.name, client_id=a.client_id, scopes=list(a.scopes),
                   ip_allowlist=list(a.ip_allowlist), rate_tier=a.rate_tier, status=a.status.value,
                   created_at=a.created_at, created_by=PartnerActorView(**a.created_by.as_json()),
                   rotated_at=a.rotated_at, revoked_at=a.revoked_at, calls_last_24h=calls)


class PartnerApplicationPage(Schema):
    items: list[PartnerApplicationView]
    next: str | None = None


class IssuedCredentials(Schema):
    application: PartnerApplicationView
    client_id: str
    client_secret: str = Field(description="Shown once: Jinkong keeps no copy")
    token_scopes: list[str] = Field(description="The scopes to ask the token endpoint for, as Cognito names them")


class RegisterRequest(Schema):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100)
    scopes: list[str] = Field(min_length=1, max_length=len(PARTNER_API.scopes),
                              description=f"Any of {', '.join(PARTNER_API.scope_names)}")
    ip_allowlist: list[str] = Field(default_factory=list, max_length=20,
                                    description="IP addresses or CIDR networks; empty: any address")
    rate_tier: str = Field(default="sandbox", description=f"One of {', '.join(t.name for t in RATE_TIERS)}")


class PageQuery(Schema):
    next: str | None = Field(default=None, description="Cursor from the previous page")
    limit: int = Field(default=50, ge=1, le=100)


class PartnerChangeView(Schema):
    id: str
    action: str = Field(description="register | rotate | revoke")
    actor: PartnerActorView
    at: datetime
    before: dict[str, Any] | None
    after: dict[str, Any]

    @classmethod
    def of(cls, c: PartnerChange) -> "PartnerChangeView":
        return cls(id=c.change_id, action=c.action.value, actor=PartnerActorView(**c.actor.as_json()), at=c.at,
                   before=c.before, after=c.after)


class PartnerChangeList(Schema):
    items: list[PartnerChangeView]


def _issued(app: PartnerApplication, issued: Any) -> IssuedCredentials:
    return IssuedCredentials(application=PartnerApplicationView.of(app), client_id=issued.client_id,
                             client_secret=issued.client_secret,
                             token_scopes=[f"{PARTNER_API.identifier}/{s}" for s in app.scopes])


@api.route("/v1/partner-applications", "POST", roles=ADMIN, body=RegisterRequest, response=IssuedCredentials,
           status=201, error_scope="partners.application")
def register_partner_application(ctx: TenantContext, body: RegisterRequest) -> Reply:
    """Register a partner application; its client secret is in this answer only."""
    app, issued = service.register(ctx, body.name, body.scopes, body.ip_allowlist, body.rate_tier)
    return Reply(_issued(app, issued), 201)


@api.route("/v1/partner-applications", roles=ADMIN, query=PageQuery, response=PartnerApplicationPage)
def list_partner_applications(ctx: TenantContext, query: PageQuery) -> PartnerApplicationPage:
    """List the tenant's partner applications by name, each with its calls in the last 24 hours."""
    items, nxt = service.list_applications(ctx, query.next, query.limit)
    return PartnerApplicationPage(items=[PartnerApplicationView.of(a, service.calls_last_day(ctx, a.application_id))
                                         for a in items], next=nxt)


@api.route("/v1/partner-applications/{application_id}", roles=ADMIN, response=PartnerApplicationView)
def get_partner_application(ctx: TenantContext, application_id: str) -> PartnerApplicationView:
    """One partner application, with its calls in the last 24 hours."""
    app = service.get_application(ctx, application_id)
    return PartnerApplicationView.of(app, service.calls_last_day(ctx, application_id))


@api.route("/v1/partner-applications/{application_id}/rotate", "POST", roles=ADMIN, response=IssuedCredentials)
def rotate_partner_application(ctx: TenantContext, application_id: str) -> IssuedCredentials:
    """Issue a new client id and secret; the old pair is refused from now on."""
    return _issued(*service.rotate(ctx, application_id))


@api.route("/v1/partner-applications/{application_id}/revoke", "POST", roles=ADMIN, response=PartnerApplicationView)
def revoke_partner_application(ctx: TenantContext, application_id: str) -> PartnerApplicationView:
    """Revoke the application: its tokens are refused at once, before they expire."""
    return PartnerApplicationView.of(service.revoke(ctx, application_id))


@api.route("/v1/partner-applications/{application_id}/changes", roles=ADMIN, response=PartnerChangeList)
def partner_application_changes(ctx: TenantContext, application_id: str) -> PartnerChangeList:
    """The application's changes, newest first: who, when, before and after."""
    return PartnerChangeList(items=[PartnerChangeView.of(c) for c in service.history(ctx, application_id)])
