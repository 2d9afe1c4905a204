"""Tenancy use cases: who am I, onboard a subsidiary, list tenants, resolve a tenant for auth."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from chalicelib.platform.auth import TenantInfo
from chalicelib.platform.settings import get_settings
from chalicelib.shared.errors import Conflict, NotFound
from chalicelib.shared.tenant import Role, TenantContext, TenantKind
from chalicelib.tenancy import domain
from chalicelib.tenancy.domain import RegisteredTenant

if TYPE_CHECKING:
    from chalicelib.tenancy.identity import CognitoDirectory, NewUser
    from chalicelib.tenancy.store import TenantRegistry


@dataclass(frozen=True)
class Onboarded:
    tenant: RegisteredTenant
    admin: "NewUser"


def describe_caller(ctx: TenantContext, registry: "TenantRegistry") -> RegisteredTenant:
    tenant = registry.get(ctx.tenant_id)
    if tenant is None:  # auth resolved it moments ago; absent now means it was removed
        raise NotFound("tenancy.tenant.not_found", "tenant not found")
    return tenant


def get_tenant(ctx: TenantContext, tenant_id: str, registry: "TenantRegistry") -> RegisteredTenant:
    tenant = registry.get(tenant_id)
    if tenant is None or not domain.can_see_tenant(ctx, tenant_id, tenant.definition.group_id):
        raise NotFound("tenancy.tenant.not_found", "tenant not found", {"tenant_id": tenant_id})
    return tenant


def list_tenants(ctx: TenantContext, cursor: str | None, registry: "TenantRegistry") -> tuple[list[RegisteredTenant], str | None]:
    """A platform admin sees every tenant; a group admin its group's subsidiaries (and itself)."""
    if Role.PLATFORM_ADMIN in ctx.roles:
        return registry.page_all(cursor, ctx)
    # The group's own record is indexed under its SUBSIDIARIES key too, so one query lists all.
    return registry.page_group(ctx.tenant_id, cursor, ctx)


def onboard_tenant(
    ctx: TenantContext,
    requested: domain.TenantDefinition,
    admin_username: str,
    admin_email: str | None,
    registry: "TenantRegistry",
    directory: "CognitoDirectory",
    provision_silo_table: Callable[[str], object] | None = None,
) -> Onboarded:
    """Register a tenant and create its first admin (tenant-admin, or group-admin for a group).

    The user is checked before the record is written, so a clash leaves nothing behind.
    """
    definition = domain.onboarding_definition(ctx, requested)
    if definition.kind.is_subsidiary:
        group = registry.get(definition.group or "")
        if group is None or group.definition.kind is not TenantKind.GROUP:
            raise NotFound("tenancy.group.not_found", "holding group not found", {"group": definition.group})
    if directory.user_exists(admin_username):
        raise Conflict("tenancy.user.exists", f"user {admin_username} already exists", {"username": admin_username})
    tenant = registry.add(definition)
    if definition.isolation == "silo" and provision_silo_table is not None:
        provision_silo_table(definition.id)
    role = Role.GROUP_ADMIN if definition.kind is TenantKind.GROUP else Role.TENANT_ADMIN
    admin = directory.create_user(admin_username, definition.id, [role], email=admin_email)
    from chalicelib.tenancy.staff.service import register

    in_new_tenant = TenantContext(tenant_id=definition.id, kind=definition.kind, user_id=ctx.user_id,
                                  username=ctx.username, roles=ctx.roles, group_id=definition.group_id,
                                  isolation=definition.isolation)
    register(in_new_tenant, admin.user_id or "", admin_username, admin_username, [role.value], admin_email)
    forget_tenant(definition.id)
    return Onboarded(tenant, admin)


# --- tenant resolution for auth, cached in a warm process ----------------------------------------

_cache: dict[str, tuple[float, TenantInfo | None]] = {}
_cache_lock = threading.Lock()


def lookup_tenant(tenant_id: str) -> TenantInfo | None:
    now = time.monotonic()
    with _cache_lock:
        hit = _cache.get(tenant_id)
    if hit and hit[0] > now:
        return hit[1]
    from chalicelib import bootstrap

    tenant = bootstrap.tenant_registry().get(tenant_id)
    info = None
    if tenant is not None:
        d = tenant.definition
        info = TenantInfo(d.id, d.kind, d.group_id, d.isolation, tenant.status == "active")
    with _cache_lock:
        _cache[tenant_id] = (now + get_settings().tenant_cache_seconds, info)
    return info


def forget_tenant(tenant_id: str | None = None) -> None:
    with _cache_lock:
        if tenant_id is None:
            _cache.clear()
        else:
            _cache.pop(tenant_id, None)


def system_context(tenant_id: str, user_id: str, username: str | None = None,
                   roles: frozenset[Role] = frozenset()) -> TenantContext | None:
    """The platform itself acting in a registered tenant (close of business, a webhook, HQ's extract),
    under a named system user; None for an unknown tenant. The one way to build such a context."""
    info = lookup_tenant(tenant_id)
    if info is None:
        return None
    return TenantContext(tenant_id=info.tenant_id, kind=info.kind, user_id=user_id, username=username or user_id,
                         roles=roles, group_id=info.group_id, isolation=info.isolation)


def note_sign_in(ctx: TenantContext, claims: dict) -> None:
    """The verified caller's last sign-in (its token's ``auth_time``), kept for the users page."""
    from chalicelib.tenancy.staff.service import note_sign_in as note

    note(ctx, claims.get("auth_time"))


def acting_in(ctx: TenantContext, tenant_id: str) -> TenantContext:
    """The platform admin acting on one tenant's operational settings (its business date, say):
    the same caller, scoped to that tenant. Any other caller, or an unknown tenant: 404."""
    info = lookup_tenant(tenant_id) if Role.PLATFORM_ADMIN in ctx.roles else None
    if info is None:
        raise NotFound("tenancy.tenant.not_found", "tenant not found", {"tenant_id": tenant_id})
    return TenantContext(tenant_id=info.tenant_id, kind=info.kind, user_id=ctx.user_id, username=ctx.username,
                         roles=ctx.roles, group_id=info.group_id, isolation=info.isolation)
