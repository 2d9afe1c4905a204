"""Facilities on the embedded AWS: service-level contexts (distinct users by ``sub``) and helpers that
take a facility through its real workflow."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from tests.support import TEST_BUSINESS_DATE


def staff(tenant_id: str, *roles: str, user: str | None = None):
    """A context as a demo user's verified token would give, with its own ``sub``."""
    from chalicelib import bootstrap
    from chalicelib.shared.tenant import Role, TenantContext, TenantKind

    d = bootstrap.tenant_registry().get(tenant_id).definition
    name = user or f"{'+'.join(roles)}@{tenant_id}"
    return TenantContext(tenant_id=tenant_id, kind=TenantKind(d.kind), user_id=f"sub-{name}", username=name,
                         roles=frozenset(Role(r) for r in roles), group_id=d.group_id, isolation=d.isolation)


def new_customer(tenant_id: str, identity_number: str | None = None, *, individual: bool = False) -> Any:
    """A customer registered through origination's service (the same identity at two subsidiaries of a
    group gets the same keyed hash)."""
    from chalicelib.origination import wiring
    from chalicelib.origination.customers.domain import NewCustomer
    from chalicelib.origination.customers.service import register_customer
    from tests.builders import adult_individual, enterprise

    ctx = staff(tenant_id, "loan-officer")
    body = (adult_individual() if individual else
            enterprise(**({"identity_number": identity_number} if identity_number else {})))
    new = NewCustomer.model_validate(body)
    return register_customer(ctx, new, wiring.customers(), wiring.identity_key(ctx)).customer


def active_facility(tenant_id: str, customer_id: str, amount: str = "1000.00", *, revolving: bool = False,
                    sub_limits: tuple = (), valid_to: date | None = None) -> str:
    """A facility applied for, reviewed by two other people where needed, and activated."""
    from chalicelib.credit import service

    officer = staff(tenant_id, "loan-officer")
    f = service.apply_facility(officer, service.ApplyFacility(
        customer_id, Decimal(amount), "CNY", revolving, TEST_BUSINESS_DATE,
        valid_to or TEST_BUSINESS_DATE + timedelta(days=365), sub_limits))
    fid = f["facility_id"]
    first = staff(tenant_id, "first-reviewer")
    service.transition(first, fid, "claim")
    after = service.transition(first, fid, "approve")
    if after["status"] == "second_review":
        service.transition(staff(tenant_id, "second-reviewer"), fid, "approve")
    assert service.transition(officer, fid, "activate")["status"] == "active"
    return fid


@pytest.fixture(scope="session")
def facilities_ready(local_env, chalice_app):
    from chalicelib.origination.customers.domain import NewCustomer  # noqa: F401 — fail early if it moved

    return True
