"""The scope and route matrix, generated from the OpenAPI document: every operation × a machine token
with and without the scopes it declares. Staff-only operations refuse every machine token; a
scoped operation refuses a token lacking its scopes (naming the first) and admits one holding them
(whatever the route then answers for a made-up id or an empty body, it is not 401/403 nor a 500)."""
from __future__ import annotations

import re

import pytest

from chalicelib.platform.resources import PARTNER_API
from tests.partner_support import ALL_SCOPES, access_token, register

pytestmark = pytest.mark.http

FAKE_ID = "pm00000000000000"


def _operations(document: dict) -> list[tuple[str, str, dict]]:
    return [(method.upper(), path, op) for path, ops in sorted(document["paths"].items())
            for method, op in sorted(ops.items()) if op.get("security")]


@pytest.fixture(scope="module")
def matrix(api_module_matrix, http_server):
    api = api_module_matrix
    document = api.get("/v1/openapi.json").body
    operations = _operations(document)
    every = access_token(http_server.url, register(api, "Matrix: every scope", ALL_SCOPES, rate_tier="premium"))
    lacking: dict[tuple[str, ...], str] = {}
    for _, _, op in operations:
        needed = tuple(op.get("x-scopes", ()))
        if needed and needed not in lacking:
            others = [s for s in ALL_SCOPES if s not in needed]
            creds = register(api, f"Matrix: without {'/'.join(needed)}", others, rate_tier="premium")
            lacking[needed] = access_token(http_server.url, creds)
    return operations, every, lacking


@pytest.fixture(scope="module")
def api_module_matrix(chalice_app, logins):
    from chalice.test import Client

    from tests.support import Api

    with Client(chalice_app, stage_name="local") as client:
        yield Api(client, logins)


def _call(api, token: str, method: str, path: str, op: dict):
    concrete = re.sub(r"{\w+}", FAKE_ID, path)
    body = {} if "requestBody" in op else None
    return api.with_token(token).call(method, concrete, body)


def test_the_matrix_covers_every_scope_and_every_secured_operation(matrix):
    operations, _, lacking = matrix
    declared = {s for _, _, op in operations for s in op.get("x-scopes", ())}
    assert declared == set(PARTNER_API.scope_names)
    assert len(operations) > 100 and len(lacking) >= len(PARTNER_API.scope_names) - 1


def test_every_operation_with_and_without_its_scopes(api_module_matrix, matrix):
    operations, every, lacking = matrix
    wrong = []
    for method, path, op in operations:
        needed = op.get("x-scopes")
        with_all = _call(api_module_matrix, every, method, path, op)
        if not needed:
            if (with_all.status, with_all.code) != (403, "auth.client.forbidden"):
                wrong.append((method, path, "staff-only admitted a machine", with_all.status, with_all.code))
            continue
        if with_all.status in (401, 403, 500):
            wrong.append((method, path, "refused its own scope", with_all.status, with_all.code))
        without = _call(api_module_matrix, lacking[tuple(needed)], method, path, op)
        if (without.status, without.code) != (403, "auth.scope.missing") or \
                without.body["error"]["details"]["scope"] != needed[0]:
            wrong.append((method, path, "admitted without its scope", without.status, without.code))
    assert wrong == []
