"""Payments' routes on the shared app, a local server that has them, and disbursed demo-leasing leases.

Repayments are booked on demo-leasing contracts this suite disburses itself: servicing's end-of-day
tests move demo-lending's books forward in time, and a ledger account refuses earlier dates.
"""
from __future__ import annotations

import pytest

from tests.integration.servicing.conftest import (  # noqa: F401 — fixtures reused as they are
    demo_products,
    origination,
    origination_routes,
    servicing_routes,
    shared_api,
)


@pytest.fixture(scope="session")
def payments_routes(servicing_routes):
    """Register payments' blueprint unless app.py already does."""
    from chalicelib.payments import api as payments_api

    if "/v1/webhook-subscriptions" not in servicing_routes.routes:
        servicing_routes.register_blueprint(payments_api.api.blueprint)
    return servicing_routes


@pytest.fixture(scope="session")
def payments_server(payments_routes, http_server):
    """The session's real local HTTP server (Chalice can wrap an app in one local server only)."""
    return http_server


@pytest.fixture(scope="session")
def leasing(payments_routes, demo_products, shared_api):
    from tests.integration.origination.flows import Desk

    return Desk(shared_api, "demo-leasing")


@pytest.fixture(scope="module")
def lease(leasing) -> dict:
    from tests.integration.payments.flows import disbursed_lease

    return disbursed_lease(leasing)
