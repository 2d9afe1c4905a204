"""Who may give which role, and the rules that keep a tenant administrable (pure, no AWS)."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from chalicelib.shared.errors import Conflict, Forbidden, RuleViolation
from chalicelib.shared.tenant import Role, TenantContext, TenantKind
from chalicelib.tenancy.staff import domain
from chalicelib.tenancy.staff.domain import ActorRef, StaffUser

AT = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def ctx(kind: TenantKind, *roles: Role, user_id: str = "admin-1") -> TenantContext:
    return TenantContext(tenant_id="t-1", kind=kind, user_id=user_id, username=user_id, roles=frozenset(roles))


def user(user_id: str, *roles: str, enabled: bool = True) -> StaffUser:
    return StaffUser(user_id, f"{user_id}@t-1", None, user_id, tuple(sorted(roles)), enabled, AT,
                     ActorRef("system", "system"))


TENANT_ADMIN = ctx(TenantKind.LENDING, Role.TENANT_ADMIN)
GROUP_ADMIN = ctx(TenantKind.GROUP, Role.GROUP_ADMIN)
PLATFORM_IN_SUBSIDIARY = ctx(TenantKind.LEASING, Role.PLATFORM_ADMIN)


def test_a_tenant_admin_gives_any_subsidiary_role_sorted_and_once():
    assert domain.parse_roles(TENANT_ADMIN, ["loan-officer", "first-reviewer", "loan-officer"]) == (
        "first-reviewer", "loan-officer")


@pytest.mark.parametrize("actor,role", [(TENANT_ADMIN, "platform-admin"), (TENANT_ADMIN, "group-admin"),
                                        (TENANT_ADMIN, "group-risk"), (GROUP_ADMIN, "tenant-admin"),
                                        (GROUP_ADMIN, "platform-admin")])
def test_nobody_gives_a_role_it_does_not_administer(actor, role):
    with pytest.raises(Forbidden) as err:
        domain.parse_roles(actor, [role])
    assert err.value.code == "tenancy.user.role_forbidden"


@pytest.mark.parametrize("role", ["group-risk", "platform-admin", "debtor", "root"])
def test_the_platform_admin_gives_only_the_tenant_kinds_roles(role):
    with pytest.raises(RuleViolation) as err:
        domain.parse_roles(PLATFORM_IN_SUBSIDIARY, [role])
    assert err.value.code == "tenancy.user.role_invalid"


def test_staff_without_the_admin_role_administer_nobody():
    assert not domain.may_administer(ctx(TenantKind.LENDING, Role.LOAN_OFFICER, Role.FINANCE))
    assert not domain.may_administer(ctx(TenantKind.GROUP, Role.GROUP_RISK))
    assert domain.may_administer(PLATFORM_IN_SUBSIDIARY)


def test_an_admin_cannot_take_away_its_own_admin_role_or_disable_itself():
    me = user("admin-1", "tenant-admin")
    other = user("admin-2", "tenant-admin")
    with pytest.raises(Conflict) as err:
        domain.change_roles(TENANT_ADMIN, me, ("finance",), AT, "c1", [me, other])
    assert err.value.code == "tenancy.user.self_lockout"
    with pytest.raises(Conflict) as err:
        domain.set_enabled(TENANT_ADMIN, me, False, AT, "c1", [me, other])
    assert err.value.code == "tenancy.user.self_lockout"


def test_the_last_enabled_admin_stays():
    only = user("admin-9", "tenant-admin")
    for change in (lambda: domain.set_enabled(PLATFORM_IN_SUBSIDIARY, only, False, AT, "c", [only]),
                   lambda: domain.change_roles(PLATFORM_IN_SUBSIDIARY, only, ("viewer",), AT, "c", [only])):
        with pytest.raises(Conflict) as err:
            change()
        assert err.value.code == "tenancy.user.last_admin"


def test_a_change_records_before_and_after_and_the_same_roles_record_nothing():
    officer = user("u-1", "loan-officer")
    done = domain.change_roles(TENANT_ADMIN, officer, ("collector", "finance"), AT, "c1", [])
    assert (done.added, done.removed) == (("collector", "finance"), ("loan-officer",))
    assert done.change.before == {"roles": ["loan-officer"], "enabled": True}
    assert done.change.after == {"roles": ["collector", "finance"], "enabled": True}
    assert done.change.actor == ActorRef("admin-1", "admin-1")
    assert domain.change_roles(TENANT_ADMIN, officer, ("loan-officer",), AT, "c2", []).change is None


def test_a_role_the_admin_cannot_touch_stays_only_if_kept():
    debtor_too = user("u-2", "debtor", "viewer")
    with pytest.raises(Forbidden):
        domain.change_roles(TENANT_ADMIN, debtor_too, ("viewer",), AT, "c", [])
