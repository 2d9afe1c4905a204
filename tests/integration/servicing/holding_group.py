"""A holding group of our own whose subsidiaries lend: demo-lending's products, one user per role.

Its books move in time as a test needs (end of day on later dates) without disturbing the demo
tenants, and its group limits are set here, not on the demo group other suites read.
"""
from __future__ import annotations

import shutil
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from tests.support import TEST_BUSINESS_DATE

ROLES = ("tenant-admin", "product-manager", "loan-officer", "first-reviewer", "second-reviewer", "finance",
         "collector", "viewer")


@dataclass
class LendingGroup:
    group_id: str
    subsidiaries: dict[str, str]  # letter → tenant id

    @property
    def risk_user(self) -> str:
        return f"group-risk@{self.group_id}"

    def sub(self, letter: str) -> str:
        return self.subsidiaries[letter]


def make_lending_group(letters: str = "abc") -> LendingGroup:
    from chalicelib import bootstrap
    from chalicelib.local.demo.products import PRODUCTS_DIR, seed_demo_products
    from chalicelib.local.seed import demo_password, open_calendars
    from chalicelib.shared.tenant import Role
    from chalicelib.tenancy.domain import TenantDefinition
    from chalicelib.tenancy.identity import CognitoDirectory

    tag = uuid.uuid4().hex[:6]
    group_id = f"dxgrp-{tag}"
    registry, people = bootstrap.tenant_registry(), CognitoDirectory()
    registry.upsert(TenantDefinition.model_validate({
        "id": group_id, "kind": "group", "name": {"zh-CN": "测试集团", "en-US": "Domain Test Group"}}))
    for role in (Role.GROUP_RISK, Role.GROUP_ADMIN):
        people.create_user(f"{role.value}@{group_id}", group_id, [role], password=demo_password(), permanent=True)
    subs = {}
    products = Path(tempfile.mkdtemp(prefix="jk-products-"))
    try:
        for letter in letters:
            sub = f"dx{letter}-{tag}"
            registry.upsert(TenantDefinition.model_validate({
                "id": sub, "kind": "lending", "group": group_id,
                "name": {"zh-CN": f"测试小贷{letter}", "en-US": f"Domain Test Lending {letter.upper()}"}}))
            for role in ROLES:
                people.create_user(f"{role}@{sub}", sub, [Role(role)], password=demo_password(), permanent=True)
            shutil.copytree(PRODUCTS_DIR / "demo-lending", products / sub)
            subs[letter] = sub
        open_calendars([registry.get(t).definition for t in (group_id, *subs.values())], TEST_BUSINESS_DATE)
        seed_demo_products(products)
    finally:
        shutil.rmtree(products, ignore_errors=True)
    return LendingGroup(group_id, subs)
