"""The OpenAPI document is generated from the routes' models and is valid; logs carry request context."""
from __future__ import annotations

import io
import json
import logging

from openapi_spec_validator import validate


def test_the_openapi_document_is_valid_and_lists_every_route(api, chalice_app):
    r = api.get("/v1/openapi.json")
    assert r.status == 200
    validate(r.body)
    documented = {(path, method.upper()) for path, ops in r.body["paths"].items() for method in ops}
    routed = {(path, method) for path, methods in chalice_app.routes.items() for method in methods}
    assert routed == documented
    me = r.body["paths"]["/v1/tenants/me"]["get"]
    assert me["responses"]["200"]["content"]["application/json"]["schema"]["$ref"] == "#/components/schemas/MeView"
    assert "401" in me["responses"]
    onboard = r.body["paths"]["/v1/tenants"]["post"]
    assert onboard["x-roles"] == ["platform-admin", "group-admin"]
    assert "OnboardRequest" in r.body["components"]["schemas"]


def test_every_log_line_of_a_request_carries_tenant_and_correlation_id(api):
    from chalicelib.platform.observability import logger

    log = logger()
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(log.registered_formatter)
    log._logger.addHandler(handler)
    try:
        api.as_("viewer@demo-leasing").get("/v1/tenants/me", headers={"X-Correlation-Id": "corr-123"})
    finally:
        log._logger.removeHandler(handler)
    lines = [json.loads(line) for line in buffer.getvalue().splitlines() if line.startswith("{")]
    request_lines = [line for line in lines if line.get("correlation_id") == "corr-123"]
    assert request_lines, lines
    assert all(line.get("tenant_id") == "demo-leasing" for line in request_lines if line["message"] == "request")
    assert any(line["message"] == "request" and line["status"] == 200 for line in request_lines)


def test_after_a_request_no_tenant_context_lingers_in_the_logger(api):
    from chalicelib.platform.observability import logger

    api.as_("viewer@demo-leasing").get("/v1/tenants/me")
    keys = logger().get_current_keys() if hasattr(logger(), "get_current_keys") else {}
    assert "tenant_id" not in keys
