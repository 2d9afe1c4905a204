"""The HTTP edge's parsing and serialisation rules: exact decimals in, decimal strings out."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from pydantic import BaseModel, Field

from chalicelib.platform.http import _response, parse_model, read_json
from chalicelib.shared.errors import MalformedRequest, RuleViolation


class Terms(BaseModel):
    principal: Decimal = Field(gt=0)
    term: int = Field(gt=0)


def test_json_numbers_are_read_as_exact_decimals_never_floats():
    data = read_json(b'{"principal": 0.1, "term": 12}')
    assert data["principal"] == Decimal("0.1") and isinstance(data["principal"], Decimal)


def test_a_body_that_is_not_json_is_400():
    with pytest.raises(MalformedRequest) as err:
        read_json(b"{oops")
    assert (err.value.status, err.value.code) == (400, "request.body.malformed")


def test_a_body_that_is_not_an_object_is_400():
    with pytest.raises(MalformedRequest):
        parse_model(Terms, [1, 2], "quotes")


def test_every_invalid_field_is_reported_and_the_code_names_the_first():
    with pytest.raises(RuleViolation) as err:
        parse_model(Terms, {"principal": "-5", "term": 0}, "quotes")
    assert err.value.status == 422
    assert err.value.code == "quotes.principal.invalid"
    assert [e["field"] for e in err.value.details["errors"]] == ["principal", "term"]


def test_a_missing_field_is_named_as_required():
    with pytest.raises(RuleViolation) as err:
        parse_model(Terms, {"term": 3}, "quotes")
    assert err.value.code == "quotes.principal.required"


def test_decimals_leave_as_strings_with_their_scale():
    resp = _response({"amount": Decimal("100000.00"), "rate": Decimal("0.0490")}, 200, {})
    assert json.loads(resp.body) == {"amount": "100000.00", "rate": "0.0490"}


def _spec(available):
    from chalicelib.platform.http import RouteSpec

    return RouteSpec(path="/v1/things", method="POST", name="make_thing", tag="things", summary="", description="",
                     roles=None, public=False, body=None, query=None, response=None, status=201,
                     error_scope="things", available=available)


def _request():
    from types import SimpleNamespace

    return SimpleNamespace(headers={}, context={}, raw_body=b"{}", query_params=None)


def test_a_route_that_is_not_available_answers_404_to_anyone_before_authentication():
    from chalicelib.platform.http import handle

    called = []
    resp = handle(_request(), _spec(lambda: False), lambda **kw: called.append(kw), {})

    assert resp.status_code == 404 and called == []
    assert json.loads(resp.body) == {"error": {"code": "request.route.not_found", "message": "no such route",
                                               "details": {}}}


def test_an_available_route_goes_on_to_authentication(monkeypatch):
    from chalicelib.platform import http

    monkeypatch.setattr(http, "_tenant_lookup", lambda tenant_id: None)
    resp = http.handle(_request(), _spec(lambda: True), lambda **kw: None, {})
    assert resp.status_code == 401  # no token: refused by authentication, not hidden
