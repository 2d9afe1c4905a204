from __future__ import annotations

import pytest
from pydantic import ValidationError

from chalicelib.local.seed import demo_users, load_definitions
from chalicelib.shared.errors import Forbidden
from chalicelib.shared.tenant import Role, TenantContext, TenantKind
from chalicelib.tenancy.domain import TenantDefinition, can_see_tenant, onboarding_definition

NAME = {"zh-CN": "测试", "en-US": "Test"}


def actor(tenant_id: str, kind: TenantKind, *roles: Role) -> TenantContext:
    return TenantContext(tenant_id, kind, "u", "u", frozenset(roles))


def test_a_subsidiary_must_name_its_group():
    with pytest.raises(ValidationError):
        TenantDefinition(id="x-lending", kind="lending", name=NAME)


def test_a_group_admin_onboards_into_its_own_group_only():
    requested = TenantDefinition(id="x-lending", kind="lending", name=NAME, group="elsewhere")
    result = onboarding_definition(actor("demo-group", TenantKind.GROUP, Role.GROUP_ADMIN), requested)
    assert result.group == "demo-group"


def test_group_risk_cannot_onboard():
    requested = TenantDefinition(id="x-lending", kind="lending", name=NAME, group="demo-group")
    with pytest.raises(Forbidden):
        onboarding_definition(actor("demo-group", TenantKind.GROUP, Role.GROUP_RISK), requested)


def test_visibility_of_tenants():
    group_admin = actor("demo-group", TenantKind.GROUP, Role.GROUP_ADMIN)
    assert can_see_tenant(group_admin, "demo-lending", "demo-group")
    assert not can_see_tenant(group_admin, "other-lending", "other-group")
    assert not can_see_tenant(actor("demo-lending", TenantKind.LENDING, Role.TENANT_ADMIN), "demo-leasing", "demo-group")


def test_the_demo_group_ships_with_one_user_per_role():
    users = {u.username for u in demo_users(load_definitions())}
    assert "admin@platform" in users
    assert {"group-admin@demo-group", "group-risk@demo-group"} <= users
    for tenant in ("demo-lending", "demo-leasing", "demo-factoring"):
        for role in ("tenant-admin", "product-manager", "loan-officer", "first-reviewer", "second-reviewer",
                     "finance", "collector", "viewer"):
            assert f"{role}@{tenant}" in users
    assert len(users) == 1 + 2 + 3 * 8


def test_every_demo_subsidiary_has_a_stripe_webhook_secret():
    for d in load_definitions():
        if d.kind.is_subsidiary:
            assert d.stripe.webhook_secret and d.stripe.webhook_secret.startswith("whsec_")


def test_four_eyes_limits_default_to_always_two_people_and_read_yaml_numbers_exactly():
    import yaml
    from decimal import Decimal

    from chalicelib.tenancy.domain import TenantDefinition

    base = {"id": "t-one", "kind": "lending", "group": "g-one", "name": {"zh-CN": "甲", "en-US": "A"}}
    assert TenantDefinition.model_validate(base).four_eyes_below.write_off == Decimal("0")
    limits = yaml.safe_load("four_eyes_below: {write_off: 1000.10, recovery: 500}")
    d = TenantDefinition.model_validate({**base, **limits})
    assert (d.four_eyes_below.write_off, d.four_eyes_below.recovery) == (Decimal("1000.10"), Decimal("500"))
    assert d.four_eyes_below.repayment_reversal == Decimal("0")
    with pytest.raises(ValueError):
        TenantDefinition.model_validate({**base, "four_eyes_below": {"write_off": "-1"}})
    with pytest.raises(ValueError):
        TenantDefinition.model_validate({**base, "four_eyes_below": {"waiver": "1"}})
