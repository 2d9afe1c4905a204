"""Staff of a tenant: who may give which role, and the rules that keep a tenant administrable. Pure.

A tenant's users are Cognito users bound to it by an immutable tenant claim; their roles are Cognito
groups. The tenant's administrator (``tenant-admin`` in a subsidiary, ``group-admin`` at HQ,
``platform-admin`` on the platform tenant) invites users, gives and takes away roles, disables and
enables them; the platform admin may do so in any tenant. Every change is recorded with its actor
and the user's state before and after.

Rules, each refused with nothing changed:

* a role must be one of the tenant kind's staff roles (422 ``tenancy.user.role_invalid``);
* nobody gives or takes away a role they may not administer — a tenant admin never touches
  ``platform-admin`` or HQ's roles (403 ``tenancy.user.role_forbidden``);
* an admin neither disables themself nor takes away their own admin role
  (409 ``tenancy.user.self_lockout``), and no change leaves the tenant without an enabled admin
  (409 ``tenancy.user.last_admin``).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum
from typing import Any

from chalicelib.shared.errors import Conflict, Forbidden, RuleViolation
from chalicelib.shared.tenant import (GROUP_ROLES, PLATFORM_ROLES, SUBSIDIARY_ROLES, Role, TenantContext,
                                      TenantKind, roles_for_kind)


class ChangeAction(str, Enum):
    INVITE = "invite"
    ROLES = "roles"
    DISABLE = "disable"
    ENABLE = "enable"


def admin_role(kind: TenantKind) -> Role:
    """The role that administers a tenant of this kind's staff."""
    if kind is TenantKind.PLATFORM:
        return Role.PLATFORM_ADMIN
    if kind is TenantKind.GROUP:
        return Role.GROUP_ADMIN
    return Role.TENANT_ADMIN


def administrable_roles(actor: TenantContext) -> frozenset[Role]:
    """The roles ``actor`` may give or take away: the platform admin any staff role; a group admin
    HQ's roles; a tenant admin its subsidiary's. Nobody administers debtor users here (they belong
    to a customer and are made by the debtor flow)."""
    roles: set[Role] = set()
    if Role.PLATFORM_ADMIN in actor.roles:
        roles |= set(PLATFORM_ROLES) | set(GROUP_ROLES) | set(SUBSIDIARY_ROLES)
    if Role.GROUP_ADMIN in actor.roles and actor.kind is TenantKind.GROUP:
        roles |= set(GROUP_ROLES)
    if Role.TENANT_ADMIN in actor.roles and actor.kind.is_subsidiary:
        roles |= set(SUBSIDIARY_ROLES)
    return frozenset(roles)


def may_administer(actor: TenantContext) -> bool:
    """Whether ``actor`` administers the staff of the tenant it acts in."""
    return Role.PLATFORM_ADMIN in actor.roles or admin_role(actor.kind) in actor.roles


def parse_roles(actor: TenantContext, requested: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """``requested`` as a sorted, de-duplicated tuple of role names, each one ``actor`` may give
    in its tenant. Every bad role is listed in the error's details."""
    valid_here = {r.value for r in roles_for_kind(actor.kind)}
    mine = {r.value for r in administrable_roles(actor)}
    unknown = [r for r in requested if r not in Role._value2member_map_ or r == Role.DEBTOR.value]
    forbidden = [r for r in requested if r not in unknown and r not in mine]
    invalid = [r for r in requested if r not in unknown and r not in forbidden and r not in valid_here]
    if forbidden:
        raise Forbidden("tenancy.user.role_forbidden", f"you may not give or take away {forbidden[0]}",
                        {"roles": forbidden, "administrable": sorted(mine & valid_here)})
    if unknown or invalid:
        bad = unknown + invalid
        raise RuleViolation("tenancy.user.role_invalid", f"{bad[0]} is not a staff role of a {actor.kind.value} tenant",
                            {"roles": bad, "valid": sorted(valid_here)})
    return tuple(sorted(set(requested)))


@dataclass(frozen=True)
class ActorRef:
    user_id: str
    username: str

    def as_json(self) -> dict[str, str]:
        return {"user_id": self.user_id, "username": self.username}


def actor_of(ctx: TenantContext) -> ActorRef:
    return ActorRef(ctx.user_id, ctx.username)


@dataclass(frozen=True)
class StaffUser:
    """A tenant's user as its admin sees it. ``user_id`` is the Cognito ``sub``."""

    user_id: str
    username: str
    email: str | None
    display_name: str
    roles: tuple[str, ...]
    enabled: bool
    created_at: datetime
    created_by: ActorRef
    last_sign_in_at: datetime | None = None
    revision: int | None = None

    def state(self) -> dict[str, Any]:
        """What a change record keeps before and after."""
        return {"roles": list(self.roles), "enabled": self.enabled}

    def is_enabled_admin(self, kind: TenantKind) -> bool:
        return self.enabled and admin_role(kind).value in self.roles


@dataclass(frozen=True)
class UserChange:
    """One recorded change: who did what to whom, when, and the user's state before and after."""

    change_id: str
    user_id: str
    username: str
    action: ChangeAction
    actor: ActorRef
    at: datetime
    before: dict[str, Any] | None
    after: dict[str, Any]


@dataclass
class Changed:
    user: StaffUser
    change: UserChange | None  # None: nothing to do (the same roles, already disabled, …)
    removed: tuple[str, ...] = field(default=())
    added: tuple[str, ...] = field(default=())


def change_roles(actor: TenantContext, user: StaffUser, requested: tuple[str, ...], at: datetime,
                 change_id: str, enabled_admins: list[StaffUser]) -> Changed:
    """Give the roles in ``requested`` that ``user`` lacks and take away those it has beyond them.
    Each given or taken role must be one ``actor`` administers (a role it cannot touch stays as is
    only if requested again)."""
    mine = {r.value for r in administrable_roles(actor)}
    added = tuple(r for r in requested if r not in user.roles)
    removed = tuple(r for r in user.roles if r not in requested)
    untouchable = [r for r in (*added, *removed) if r not in mine]
    if untouchable:
        raise Forbidden("tenancy.user.role_forbidden", f"you may not give or take away {untouchable[0]}",
                        {"roles": untouchable})
    if not added and not removed:
        return Changed(user, None)
    after = replace(user, roles=tuple(sorted(requested)))
    admin = admin_role(actor.kind).value
    if admin in removed:
        if user.user_id == actor.user_id:
            raise Conflict("tenancy.user.self_lockout", "you cannot take away your own admin role",
                           {"role": admin})
        _keep_an_admin(actor, user, enabled_admins)
    return Changed(after, _change(change_id, user, after, ChangeAction.ROLES, actor, at), removed, added)


def set_enabled(actor: TenantContext, user: StaffUser, enabled: bool, at: datetime, change_id: str,
                enabled_admins: list[StaffUser]) -> Changed:
    """Enable or disable ``user``. Disabling oneself, or the tenant's last enabled admin, is refused."""
    if user.enabled is enabled:
        return Changed(user, None)
    if not enabled:
        if user.user_id == actor.user_id:
            raise Conflict("tenancy.user.self_lockout", "you cannot disable yourself", {})
        if user.is_enabled_admin(actor.kind):
            _keep_an_admin(actor, user, enabled_admins)
    after = replace(user, enabled=enabled)
    action = ChangeAction.ENABLE if enabled else ChangeAction.DISABLE
    return Changed(after, _change(change_id, user, after, action, actor, at))


def _keep_an_admin(actor: TenantContext, losing: StaffUser, enabled_admins: list[StaffUser]) -> None:
    others = [u for u in enabled_admins if u.user_id != losing.user_id]
    if not others:
        raise Conflict("tenancy.user.last_admin", "the tenant must keep an enabled admin",
                       {"role": admin_role(actor.kind).value})


def invited(actor: TenantContext, user: StaffUser, change_id: str) -> UserChange:
    return UserChange(change_id, user.user_id, user.username, ChangeAction.INVITE, actor_of(actor), user.created_at,
                      None, user.state())


def _change(change_id: str, before: StaffUser, after: StaffUser, action: ChangeAction, actor: TenantContext,
            at: datetime) -> UserChange:
    return UserChange(change_id, before.user_id, before.username, action, actor_of(actor), at, before.state(),
                      after.state())
