"""Staff administration routes: a tenant's users, their roles, enabled state and change history.

``/v1/users…`` acts in the caller's tenant (its tenant admin; group admin at HQ; platform admin on
the platform tenant). ``/v1/tenants/{tenant_id}/users…`` is the same for the platform admin in any
tenant (404 for anyone else, or an unknown tenant).
"""
from __future__ import annotations

from datetime import datetime

from pydantic import ConfigDict, Field

from chalicelib.platform.http import ApiBlueprint, Reply
from chalicelib.shared.schema import Schema
from chalicelib.shared.tenant import Role, TenantContext
from chalicelib.tenancy.staff import service
from chalicelib.tenancy.staff.domain import StaffUser, UserChange

api = ApiBlueprint(__name__, tag="tenancy")

ADMINS = (Role.TENANT_ADMIN, Role.GROUP_ADMIN, Role.PLATFORM_ADMIN)
ROLE_NAME = r"^[a-z][a-z-]{1,40}$"


class ActorView(Schema):
    user_id: str
    username: str


class UserView(Schema):
    id: str = Field(description="The user's Cognito sub: stable, never reused")
    username: str
    email: str | None
    display_name: str
    roles: list[str]
    status: str = Field(description="enabled | disabled")
    created_at: datetime
    created_by: ActorView
    last_sign_in_at: datetime | None

    @classmethod
    def of(cls, u: StaffUser) -> "UserView":
        return cls(id=u.user_id, username=u.username, email=u.email, display_name=u.display_name,
                   roles=list(u.roles), status="enabled" if u.enabled else "disabled", created_at=u.created_at,
                   created_by=ActorView(**u.created_by.as_json()), last_sign_in_at=u.last_sign_in_at)


class UserPage(Schema):
    items: list[UserView]
    next: str | None = None


class UserState(Schema):
    roles: list[str]
    enabled: bool


class ChangeView(Schema):
    id: str
    user_id: str
    username: str
    action: str = Field(description="invite | roles | disable | enable")
    actor: ActorView
    at: datetime
    before: UserState | None
    after: UserState

    @classmethod
    def of(cls, c: UserChange) -> "ChangeView":
        return cls(id=c.change_id, user_id=c.user_id, username=c.username, action=c.action.value,
                   actor=ActorView(**c.actor.as_json()), at=c.at,
                   before=UserState(**c.before) if c.before else None, after=UserState(**c.after))


class ChangePage(Schema):
    items: list[ChangeView]
    next: str | None = None


class PageQuery(Schema):
    next: str | None = Field(default=None, description="Cursor from the previous page")
    limit: int = Field(default=50, ge=1, le=100)


class InviteRequest(Schema):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=3, max_length=128, pattern=r"^[\w.+@-]+$")
    display_name: str = Field(min_length=1, max_length=100)
    email: str | None = Field(default=None, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    roles: list[str] = Field(min_length=1, max_length=12)


class InvitedView(Schema):
    user: UserView
    temporary_password: str | None = Field(description="Shown once; the user sets its own at first sign-in")


class RolesRequest(Schema):
    model_config = ConfigDict(extra="forbid")

    roles: list[str] = Field(min_length=1, max_length=12, description="The roles the user holds afterwards")


def _in(ctx: TenantContext, tenant_id: str | None) -> TenantContext:
    if tenant_id is None:
        return ctx
    from chalicelib.tenancy.service import acting_in

    return acting_in(ctx, tenant_id)


def _list(ctx: TenantContext, query: PageQuery) -> UserPage:
    items, nxt = service.list_users(ctx, query.next, query.limit)
    return UserPage(items=[UserView.of(u) for u in items], next=nxt)


def _invite(ctx: TenantContext, body: InviteRequest) -> Reply:
    user, created = service.invite_user(ctx, body.username, body.display_name, body.roles, body.email)
    return Reply(InvitedView(user=UserView.of(user), temporary_password=created.temporary_password), 201)


def _history(ctx: TenantContext, user_id: str | None, query: PageQuery) -> ChangePage:
    items, nxt = service.history(ctx, user_id, query.next, query.limit)
    return ChangePage(items=[ChangeView.of(c) for c in items], next=nxt)


# --- in the caller's tenant -------------------------------------------------------------------------

@api.route("/v1/users", "GET", roles=ADMINS, query=PageQuery, response=UserPage)
def list_users(ctx: TenantContext, query: PageQuery) -> UserPage:
    """The tenant's users with their roles, status and last sign-in, by username."""
    return _list(ctx, query)


@api.route("/v1/users", "POST", roles=ADMINS, body=InviteRequest, response=InvitedView, status=201,
           error_scope="tenancy.user")
def invite_user(ctx: TenantContext, body: InviteRequest) -> Reply:
    """Invite a user with a temporary password (shown once) and one or more roles."""
    return _invite(ctx, body)


@api.route("/v1/user-changes", "GET", roles=ADMINS, query=PageQuery, response=ChangePage)
def list_user_changes(ctx: TenantContext, query: PageQuery) -> ChangePage:
    """Every change to the tenant's users (who, when, before and after), newest first."""
    return _history(ctx, None, query)


@api.route("/v1/users/{user_id}", "GET", roles=ADMINS, response=UserView)
def get_user(ctx: TenantContext, user_id: str) -> UserView:
    """One of the tenant's users (404 for anyone else's)."""
    return UserView.of(service.get_user(ctx, user_id))


@api.route("/v1/users/{user_id}/roles", "PUT", roles=ADMINS, body=RolesRequest, response=UserView,
           error_scope="tenancy.user")
def set_user_roles(ctx: TenantContext, user_id: str, body: RolesRequest) -> UserView:
    """Give and take away roles: the user holds exactly ``roles`` afterwards."""
    return UserView.of(service.set_roles(ctx, user_id, body.roles))


@api.route("/v1/users/{user_id}/disable", "POST", roles=ADMINS, response=UserView)
def disable_user(ctx: TenantContext, user_id: str) -> UserView:
    """Stop the user signing in (its sessions end). Never oneself, nor the tenant's last admin."""
    return UserView.of(service.set_enabled(ctx, user_id, False))


@api.route("/v1/users/{user_id}/enable", "POST", roles=ADMINS, response=UserView)
def enable_user(ctx: TenantContext, user_id: str) -> UserView:
    """Let a disabled user sign in again."""
    return UserView.of(service.set_enabled(ctx, user_id, True))


@api.route("/v1/users/{user_id}/history", "GET", roles=ADMINS, query=PageQuery, response=ChangePage)
def user_history(ctx: TenantContext, user_id: str, query: PageQuery) -> ChangePage:
    """The user's changes (who, when, before and after), newest first."""
    return _history(ctx, user_id, query)


# --- the platform admin in any tenant ---------------------------------------------------------------

PLATFORM = (Role.PLATFORM_ADMIN,)


@api.route("/v1/tenants/{tenant_id}/users", "GET", roles=PLATFORM, query=PageQuery, response=UserPage)
def list_tenant_users(ctx: TenantContext, tenant_id: str, query: PageQuery) -> UserPage:
    """A tenant's users (platform admin)."""
    return _list(_in(ctx, tenant_id), query)


@api.route("/v1/tenants/{tenant_id}/users", "POST", roles=PLATFORM, body=InviteRequest, response=InvitedView,
           status=201, error_scope="tenancy.user")
def invite_tenant_user(ctx: TenantContext, tenant_id: str, body: InviteRequest) -> Reply:
    """Invite a user into a tenant (platform admin)."""
    return _invite(_in(ctx, tenant_id), body)


@api.route("/v1/tenants/{tenant_id}/user-changes", "GET", roles=PLATFORM, query=PageQuery, response=ChangePage)
def list_tenant_user_changes(ctx: TenantContext, tenant_id: str, query: PageQuery) -> ChangePage:
    """Every change to a tenant's users (platform admin)."""
    return _history(_in(ctx, tenant_id), None, query)


@api.route("/v1/tenants/{tenant_id}/users/{user_id}", "GET", roles=PLATFORM, response=UserView)
def get_tenant_user(ctx: TenantContext, tenant_id: str, user_id: str) -> UserView:
    """One user of a tenant (platform admin)."""
    return UserView.of(service.get_user(_in(ctx, tenant_id), user_id))


@api.route("/v1/tenants/{tenant_id}/users/{user_id}/roles", "PUT", roles=PLATFORM, body=RolesRequest,
           response=UserView, error_scope="tenancy.user")
def set_tenant_user_roles(ctx: TenantContext, tenant_id: str, user_id: str, body: RolesRequest) -> UserView:
    """Set a tenant's user's roles (platform admin)."""
    return UserView.of(service.set_roles(_in(ctx, tenant_id), user_id, body.roles))


@api.route("/v1/tenants/{tenant_id}/users/{user_id}/disable", "POST", roles=PLATFORM, response=UserView)
def disable_tenant_user(ctx: TenantContext, tenant_id: str, user_id: str) -> UserView:
    """Disable a tenant's user (platform admin)."""
    return UserView.of(service.set_enabled(_in(ctx, tenant_id), user_id, False))


@api.route("/v1/tenants/{tenant_id}/users/{user_id}/enable", "POST", roles=PLATFORM, response=UserView)
def enable_tenant_user(ctx: TenantContext, tenant_id: str, user_id: str) -> UserView:
    """Enable a tenant's user (platform admin)."""
    return UserView.of(service.set_enabled(_in(ctx, tenant_id), user_id, True))


@api.route("/v1/tenants/{tenant_id}/users/{user_id}/history", "GET", roles=PLATFORM, query=PageQuery,
           response=ChangePage)
def tenant_user_history(ctx: TenantContext, tenant_id: str, user_id: str, query: PageQuery) -> ChangePage:
    """A tenant's user's changes (platform admin)."""
    return _history(_in(ctx, tenant_id), user_id, query)
