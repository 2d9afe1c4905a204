"""Servicing's routes on the shared app, on top of origination's (signed applications to disburse)."""
from __future__ import annotations

import pytest

from tests.integration.origination.conftest import (  # noqa: F401 — fixtures reused as they are
    demo_products,
    origination,
    origination_routes,
    shared_api,
)


@pytest.fixture(scope="session")
def servicing_routes(origination_routes):
    """Register servicing's blueprint unless app.py already does."""
    from chalicelib.servicing import api as servicing_api

    if "/v1/contracts" not in origination_routes.routes:
        origination_routes.register_blueprint(servicing_api.api.blueprint)
    return origination_routes


@pytest.fixture()
def desk(servicing_routes, demo_products, api):
    from tests.integration.origination.flows import Desk

    return Desk(api, "demo-lending")
