"""Tenancy routes: the caller's tenant, onboarding, the registry as group and platform admins see it."""
from __future__ import annotations

from pydantic import ConfigDict, Field

from chalicelib.shared.schema import Schema
from chalicelib import bootstrap
from chalicelib.platform.http import ApiBlueprint, Reply
from chalicelib.shared.tenant import Role, TenantContext
from chalicelib.tenancy import service
from chalicelib.tenancy.domain import LocalizedName, TenantDefinition
from chalicelib.tenancy.service import RegisteredTenant

api = ApiBlueprint(__name__, tag="tenancy")

ADMINS = (Role.PLATFORM_ADMIN, Role.GROUP_ADMIN)
# HQ's risk team reads its group's tenants (names on the dashboards); only admins onboard
READERS = ADMINS + (Role.GROUP_RISK,)


class TenantView(Schema):
    model_config = ConfigDict(populate_by_name=True)

    id: str
    kind: str
    name: LocalizedName
    group: str | None
    isolation: str
    currency: str
    timezone: str
    status: str

    @classmethod
    def of(cls, t: RegisteredTenant) -> "TenantView":
        d = t.definition
        return cls(id=d.id, kind=d.kind.value, name=d.name, group=d.group_id, isolation=d.isolation,
                   currency=d.currency, timezone=d.timezone, status=t.status)


class MeView(Schema):
    tenant_id: str
    tenant: TenantView
    kind: str
    roles: list[str]
    username: str
    user_id: str


class TenantPage(Schema):
    items: list[TenantView]
    next: str | None = None


class ListQuery(Schema):
    next: str | None = Field(default=None, description="Cursor from the previous page")


class AdminUser(Schema):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=3, max_length=128, pattern=r"^[\w.+@-]+$")
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class OnboardRequest(TenantDefinition):
    admin: AdminUser


class OnboardedView(Schema):
    tenant: TenantView
    admin_username: str
    admin_temporary_password: str | None = Field(description="Shown once; the admin must change it at first sign-in")


@api.route("/v1/tenants/me", "GET", response=MeView)
def get_my_tenant(ctx: TenantContext) -> MeView:
    """The caller's tenant, roles and kind, from the verified token."""
    tenant = service.describe_caller(ctx, bootstrap.tenant_registry())
    return MeView(tenant_id=ctx.tenant_id, tenant=TenantView.of(tenant), kind=ctx.kind.value,
                  roles=sorted(r.value for r in ctx.roles), username=ctx.username, user_id=ctx.user_id)


@api.route("/v1/tenants", "GET", roles=READERS, query=ListQuery, response=TenantPage)
def list_tenants(ctx: TenantContext, query: ListQuery) -> TenantPage:
    """Tenants the caller oversees: all for a platform admin, its group's for a group's HQ roles."""
    items, nxt = service.list_tenants(ctx, query.next, bootstrap.tenant_registry())
    return TenantPage(items=[TenantView.of(t) for t in items], next=nxt)


@api.route("/v1/tenants/{tenant_id}", "GET", roles=READERS, response=TenantView)
def get_tenant(ctx: TenantContext, tenant_id: str) -> TenantView:
    """One tenant the caller oversees (404 for any other)."""
    return TenantView.of(service.get_tenant(ctx, tenant_id, bootstrap.tenant_registry()))


@api.route("/v1/tenants", "POST", roles=ADMINS, body=OnboardRequest, response=OnboardedView, status=201,
           error_scope="tenancy")
def onboard_tenant(ctx: TenantContext, body: OnboardRequest) -> Reply:
    """Onboard a subsidiary (group admin: into its own group) or a group (platform admin)."""
    definition = TenantDefinition.model_validate(body.model_dump(exclude={"admin"}, by_alias=True))
    done = service.onboard_tenant(
        ctx, definition, body.admin.username, body.admin.email, bootstrap.tenant_registry(),
        bootstrap.user_directory(), provision_silo_table=bootstrap.silo_table_provisioner(),
    )
    view = OnboardedView(tenant=TenantView.of(done.tenant), admin_username=done.admin.username,
                         admin_temporary_password=done.admin.temporary_password)
    return Reply(view, 201)
