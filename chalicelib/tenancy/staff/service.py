"""Staff administration use cases: invite, roles, disable and enable, list, history, last sign-in.

Each use case checks everything before it changes anything: the caller administers the tenant it
acts in, the user is this tenant's (else 404, as if absent), the roles are ones the caller may give.
Cognito decides who can sign in and with which groups, so it is changed first; then the user's
record and its change record are written in one transaction.
"""
from __future__ import annotations

import threading
import uuid
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from chalicelib.shared import clock
from chalicelib.shared.errors import Conflict, Forbidden, NotFound
from chalicelib.shared.tenant import Role, TenantContext
from chalicelib.tenancy.staff import domain
from chalicelib.tenancy.staff.domain import Changed, StaffUser, UserChange

if TYPE_CHECKING:
    from chalicelib.tenancy.identity import CognitoDirectory, NewUser
    from chalicelib.tenancy.staff.store import StaffDirectory


def _staff() -> "StaffDirectory":
    from chalicelib.tenancy.staff.store import StaffDirectory

    return StaffDirectory()


def _directory() -> "CognitoDirectory":
    from chalicelib import bootstrap

    return bootstrap.user_directory()


def _change_id() -> str:
    return uuid.uuid4().hex[:16]


def _ensure_admin(ctx: TenantContext) -> None:
    if not domain.may_administer(ctx):
        raise Forbidden("auth.role.forbidden", "only the tenant's admin administers its users",
                        {"allowed_roles": [domain.admin_role(ctx.kind).value, Role.PLATFORM_ADMIN.value]})


def _not_found(user_id: str) -> NotFound:
    return NotFound("tenancy.user.not_found", "user not found", {"user_id": user_id})


def get_user(ctx: TenantContext, user_id: str, *, staff: "StaffDirectory | None" = None) -> StaffUser:
    _ensure_admin(ctx)
    user = (staff or _staff()).get(ctx, user_id)
    if user is None:
        raise _not_found(user_id)
    return user


def list_users(ctx: TenantContext, cursor: str | None = None, limit: int = 50, *,
               staff: "StaffDirectory | None" = None) -> tuple[list[StaffUser], str | None]:
    _ensure_admin(ctx)
    return (staff or _staff()).page(ctx, cursor, limit)


def history(ctx: TenantContext, user_id: str | None, cursor: str | None = None, limit: int = 50, *,
            staff: "StaffDirectory | None" = None) -> tuple[list[UserChange], str | None]:
    """One user's changes (404 if not this tenant's user), or every change in the tenant; newest first."""
    staff = staff or _staff()
    if user_id is not None:
        get_user(ctx, user_id, staff=staff)
    else:
        _ensure_admin(ctx)
    return staff.history(ctx, user_id, cursor, limit)


def invite_user(ctx: TenantContext, username: str, display_name: str, roles: list[str], email: str | None = None, *,
                staff: "StaffDirectory | None" = None,
                directory: "CognitoDirectory | None" = None) -> tuple[StaffUser, "NewUser"]:
    """Create a user of the caller's tenant with a temporary password (shown once; the user sets its
    own at first sign-in) and the given roles. 409 ``tenancy.user.exists`` if the username is taken
    anywhere in the pool."""
    _ensure_admin(ctx)
    granted = domain.parse_roles(ctx, roles)
    staff, directory = staff or _staff(), directory or _directory()
    if directory.user_exists(username):
        raise Conflict("tenancy.user.exists", f"user {username} already exists", {"username": username})
    created = directory.create_user(username, ctx.tenant_id, [Role(r) for r in granted], email=email,
                                    display_name=display_name)
    user = register(ctx, created.user_id or "", username, display_name, granted, email, staff=staff)
    return user, created


def register(ctx: TenantContext, user_id: str, username: str, display_name: str, roles: tuple[str, ...] | list[str],
             email: str | None = None, *, enabled: bool = True, staff: "StaffDirectory | None" = None) -> StaffUser:
    """Record a user Cognito already holds (its invitation, onboarding's first admin, a demo user)."""
    user = StaffUser(user_id=user_id, username=username, email=email, display_name=display_name,
                     roles=tuple(sorted(roles)), enabled=enabled, created_at=clock.now(),
                     created_by=domain.actor_of(ctx))
    return (staff or _staff()).commit(ctx, user, domain.invited(ctx, user, _change_id()))


def _pooled(ctx: TenantContext, user: StaffUser, directory: "CognitoDirectory") -> None:
    """The user must still be this tenant's in Cognito (defence in depth; the claim is immutable)."""
    held = directory.get_user(user.username)
    if held is None or held.tenant_id != ctx.tenant_id or held.user_id != user.user_id:
        raise _not_found(user.user_id)


def set_roles(ctx: TenantContext, user_id: str, roles: list[str], *, staff: "StaffDirectory | None" = None,
              directory: "CognitoDirectory | None" = None) -> StaffUser:
    """Give and take away roles so that the user holds exactly ``roles``. The same roles again: no change."""
    staff, directory = staff or _staff(), directory or _directory()
    user = get_user(ctx, user_id, staff=staff)
    requested = domain.parse_roles(ctx, roles)
    admins = staff.enabled_admins(ctx, domain.admin_role(ctx.kind).value)
    done = domain.change_roles(ctx, user, requested, clock.now(), _change_id(), admins)
    if done.change is None:
        return user
    _pooled(ctx, user, directory)
    directory.change_roles(user.username, done.added, done.removed)
    return _commit(ctx, staff, done)


def set_enabled(ctx: TenantContext, user_id: str, enabled: bool, *, staff: "StaffDirectory | None" = None,
                directory: "CognitoDirectory | None" = None) -> StaffUser:
    """Disable (no sign-in; sessions ended) or enable a user. Doing it twice changes nothing more."""
    staff, directory = staff or _staff(), directory or _directory()
    user = get_user(ctx, user_id, staff=staff)
    admins = staff.enabled_admins(ctx, domain.admin_role(ctx.kind).value)
    done = domain.set_enabled(ctx, user, enabled, clock.now(), _change_id(), admins)
    if done.change is None:
        return user
    _pooled(ctx, user, directory)
    directory.set_enabled(user.username, enabled)
    return _commit(ctx, staff, done)


def _commit(ctx: TenantContext, staff: "StaffDirectory", done: Changed) -> StaffUser:
    assert done.change is not None
    return staff.commit(ctx, done.user, done.change)


# --- last sign-in -----------------------------------------------------------------------------------------
#
# Cognito's ID token carries ``auth_time``, the moment the user signed in (a refreshed token keeps it).
# Each warm process writes it once per sign-in: a new ``auth_time`` is written with a condition that
# keeps the latest; requests with an ``auth_time`` already written cost a dictionary lookup.

_signed_in: dict[tuple[str, str], int] = {}
_signed_in_lock = threading.Lock()
_SIGNED_IN_MAX = 10_000


def note_sign_in(ctx: TenantContext, auth_time: int | None, *, staff: "StaffDirectory | None" = None) -> bool:
    """Record the caller's last sign-in from its token's ``auth_time`` (epoch seconds), at most once
    per sign-in per process. Returns whether it was written. Never fails the request."""
    if not auth_time or ctx.user_id.startswith("system"):
        return False
    key = (ctx.tenant_id, ctx.user_id)
    with _signed_in_lock:
        if _signed_in.get(key, 0) >= auth_time:
            return False
        if len(_signed_in) >= _SIGNED_IN_MAX:
            _signed_in.clear()
        _signed_in[key] = auth_time
    try:
        at = datetime.fromtimestamp(int(auth_time), tz=timezone.utc)
        return (staff or _staff()).record_sign_in(ctx, ctx.user_id, at)
    except Exception:  # noqa: BLE001 — bookkeeping must never refuse a request
        from chalicelib.platform import observability

        observability.logger().warning("last sign-in not recorded", exc_info=True)
        with _signed_in_lock:
            _signed_in.pop(key, None)
        return False
