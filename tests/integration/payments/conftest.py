"""Payments' routes on the shared app, a local server that has them, and disbursed demo-leasing leases.

Repayments are booked on demo-leasing contracts this suite disburses itself: servicing's end-of-day
tests move demo-lending's books forward in time, and a ledger account refuses earlier dates.
"""
from __future__ import annotations

import threading

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
def payments_server(payments_routes):
    """Chalice's real local HTTP server on loopback, built after payments' routes are registered."""
    from chalice.config import Config
    from chalice.local import create_local_server

    from tests.support import LocalHttpServer

    server = create_local_server(payments_routes, Config.create(chalice_stage="local", app_name="jinkong"),
                                 "127.0.0.1", 0)
    thread = threading.Thread(target=server.server.serve_forever, daemon=True)
    thread.start()
    yield LocalHttpServer(f"http://127.0.0.1:{server.server.server_address[1]}")
    server.server.shutdown()


@pytest.fixture(scope="session")
def leasing(payments_routes, demo_products, shared_api):
    from tests.integration.origination.flows import Desk

    return Desk(shared_api, "demo-leasing")


@pytest.fixture(scope="module")
def lease(leasing) -> dict:
    from tests.integration.payments.flows import disbursed_lease

    return disbursed_lease(leasing)
