"""Product routes on the shared app, and the demo products, for this package's tests."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def products_routes(chalice_app):
    """Register the products blueprint unless app.py already does (it will, once wired)."""
    from chalicelib.products import api as products_api

    if "/v1/products" not in chalice_app.routes:
        chalice_app.register_blueprint(products_api.api.blueprint)
    return chalice_app


@pytest.fixture(scope="session")
def demo_products(local_env):
    from chalicelib.local.demo.products import seed_demo_products

    return seed_demo_products()
