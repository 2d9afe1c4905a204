"""Origination's routes on the shared app, and the demo products they are written on."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def origination_routes(chalice_app):
    """Register origination's blueprints unless app.py already does (it will, once wired)."""
    from chalicelib.origination.applications import api as applications_api
    from chalicelib.origination.blacklist import api as blacklist_api
    from chalicelib.origination.debtors import api as debtors_api

    if "/v1/applications" not in chalice_app.routes:
        for module in (applications_api, blacklist_api, debtors_api):
            chalice_app.register_blueprint(module.api.blueprint)
    return chalice_app


@pytest.fixture(scope="session")
def demo_products(local_env):
    from chalicelib.local.demo.products import seed_demo_products

    return seed_demo_products()


@pytest.fixture()
def origination(origination_routes, demo_products, api):
    """The API client, with origination's routes and the demo products in place."""
    return api


@pytest.fixture(scope="session")
def shared_api(origination_routes, demo_products, logins):
    """One API client for module-scoped fixtures (the ``api`` fixture is per test)."""
    from chalice.test import Client

    from tests.support import Api

    with Client(origination_routes, stage_name="local") as client:
        yield Api(client, logins)


def staff_context(tenant_id: str, role: str, username: str | None = None):
    """A context as a token of a demo user of ``tenant_id`` would give (for calling services directly)."""
    from chalicelib import bootstrap
    from chalicelib.shared.tenant import Role, TenantContext, TenantKind

    d = bootstrap.tenant_registry().get(tenant_id).definition
    return TenantContext(tenant_id=tenant_id, kind=TenantKind(d.kind), user_id=f"svc-{role}",
                         username=username or f"{role}@{tenant_id}", roles=frozenset({Role(role)}),
                         group_id=d.group_id, isolation=d.isolation)
