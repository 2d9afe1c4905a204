"""Customer 360 tests: origination's and servicing's routes and the demo products, as servicing's tests use them."""
from __future__ import annotations

import uuid
from datetime import date

import pytest

from tests.integration.origination.conftest import (  # noqa: F401 — fixtures reused as they are
    demo_products,
    origination,
    origination_routes,
    shared_api,
    staff_context,
)
from tests.integration.servicing.conftest import desk, servicing_routes  # noqa: F401


class TenantCalendar:
    """One tenant's business date set for a test (the time-travel stages' per-tenant date); every other
    tenant keeps the wired calendar's."""

    def __init__(self, inner, tenant_id: str, on: date):
        self.inner, self.tenant_id, self.on = inner, tenant_id, on

    def business_date(self, ctx) -> date:
        return self.on if ctx.tenant_id == self.tenant_id else self.inner.business_date(ctx)


@pytest.fixture()
def business_date_of():
    """``business_date_of("demo-lending", date(...))`` for the rest of the test."""
    from chalicelib.shared import clock

    original = clock._calendar

    def set_(tenant_id: str, on: date) -> None:
        clock.use(calendar=TenantCalendar(original, tenant_id, on))

    yield set_
    clock.use(calendar=original)


def key() -> dict[str, str]:
    return {"Idempotency-Key": uuid.uuid4().hex}
