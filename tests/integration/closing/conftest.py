"""A subsidiary of its own per test module, so moving its business date disturbs no other suite."""
from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest

from chalicelib.shared.tenant import Role
from tests.support import TEST_BUSINESS_DATE


@dataclass(frozen=True)
class FreshTenant:
    tenant_id: str
    admin: str  # tenant-admin and finance: one person with two roles
    viewer: str


@pytest.fixture(scope="module")
def fresh_tenant(local_env) -> FreshTenant:
    from chalicelib import bootstrap
    from chalicelib.local.seed import demo_password, open_calendars
    from chalicelib.tenancy.domain import TenantDefinition
    from chalicelib.tenancy.identity import CognitoDirectory

    tenant_id = f"cal-{uuid.uuid4().hex[:8]}"
    d = TenantDefinition.model_validate({"id": tenant_id, "kind": "lending", "group": "demo-group",
                                         "name": {"zh-CN": "日历测试小贷", "en-US": "Calendar test lender"}})
    bootstrap.tenant_registry().upsert(d)
    people = CognitoDirectory()
    admin, viewer = f"admin@{tenant_id}", f"viewer@{tenant_id}"
    people.create_user(admin, tenant_id, [Role.TENANT_ADMIN, Role.FINANCE], password=demo_password(), permanent=True)
    people.create_user(viewer, tenant_id, [Role.VIEWER], password=demo_password(), permanent=True)
    open_calendars([d], TEST_BUSINESS_DATE)
    return FreshTenant(tenant_id, admin, viewer)
