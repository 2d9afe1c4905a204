"""The OpenAPI document as a product the SDKs are generated from: every response described, every
error with the error model and an example of it, operation ids unique and generator-safe. (That the
served document is valid OpenAPI is tests/integration/test_openapi_and_logging.py's check.)"""
from __future__ import annotations

import re

import jsonschema
import pytest


@pytest.fixture(scope="module")
def document() -> dict:
    import app  # noqa: F401 — registers every route
    from chalicelib.platform.openapi import openapi_document

    return openapi_document()


def _operations(document: dict):
    for path, ops in document["paths"].items():
        for method, op in ops.items():
            yield method.upper(), path, op


def test_operation_ids_are_unique_and_safe_for_generators(document):
    ids = [op["operationId"] for _, _, op in _operations(document)]
    assert len(ids) == len(set(ids))
    assert [i for i in ids if not re.fullmatch(r"[a-z][a-z0-9-]*\.[a-z][a-z0-9_]*", i)] == []


def test_every_response_is_described_and_every_error_carries_the_error_model_with_an_example(document):
    check = jsonschema.Draft202012Validator(document["components"]["schemas"]["Error"])
    undescribed, bad_errors, examples = [], [], {}
    for method, path, op in _operations(document):
        for status, response in op["responses"].items():
            if not response.get("description"):
                undescribed.append((method, path, status))
            if int(status) >= 400:
                content = response.get("content", {}).get("application/json", {})
                if content.get("schema") != {"$ref": "#/components/schemas/Error"} or "example" not in content:
                    bad_errors.append((method, path, status))
                else:
                    examples[repr(content["example"])] = content["example"]
    assert (undescribed, bad_errors) == ([], [])
    for example in examples.values():
        check.validate(example)


def test_scoped_operations_offer_the_partner_flow_and_document_429(document):
    scheme = document["components"]["securitySchemes"]["partnerClientCredentials"]
    token_scopes = set(scheme["flows"]["clientCredentials"]["scopes"])
    scoped = [(m, p, op) for m, p, op in _operations(document) if op.get("x-scopes")]
    assert scoped
    for method, path, op in scoped:
        granted = next(s["partnerClientCredentials"] for s in op["security"] if "partnerClientCredentials" in s)
        assert set(granted) <= token_scopes and "429" in op["responses"], (method, path)
    quotes = document["paths"]["/v1/quotes"]["post"]
    assert (quotes["x-scopes"], quotes["operationId"].split(".")[1]) == (["quotes:write"], "quote_terms")
