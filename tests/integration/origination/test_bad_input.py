"""Bad input never reaches a 500: malformed ids, dates out of range, deep JSON, foreign cursors."""
from __future__ import annotations

import pytest

from tests.builders import individual

OFFICER = "loan-officer@demo-lending"
LOAN = {"kind": "loan", "principal": "100000.00", "annual_rate": "0.049", "term": 12, "frequency": "monthly",
        "amortization": "annuity", "day_count": None, "start_date": "2026-01-31", "rounding": "HALF_EVEN"}


@pytest.mark.parametrize("path", [
    "/v1/applications?customer_id=a%23b",
    "/v1/ledger/accounts?contract_id=a%23b",
])
def test_an_id_with_a_key_separator_in_a_list_filter_is_422(origination, path):
    # Given an id no Jinkong object can have, when it filters a list, then the request is refused
    r = origination.as_("tenant-admin@demo-lending").get(path)
    assert r.status == 422, r.body
    assert r.code == "request.id.invalid"
    assert r.body["error"]["details"]["errors"][0]["field"] in {"customer_id", "contract_id"}


def test_a_well_formed_unknown_id_in_a_list_filter_is_an_empty_list(origination):
    r = origination.as_(OFFICER).get("/v1/applications?customer_id=cus_NOSUCHCUSTOMER")
    assert r.status == 200, r.body
    assert r.body["items"] == []


@pytest.mark.parametrize("path", ["/v1/customers/a%23b", "/v1/applications/x%23ROOT"])
def test_an_id_with_a_key_separator_in_a_path_is_refused_not_a_500(origination, path):
    r = origination.as_(OFFICER).get(path)
    assert r.status == 422, r.body
    assert r.code == "request.id.invalid"


@pytest.mark.parametrize("field,value", [("start_date", "9000-01-01"), ("start_date", "9999-06-01"), ("start_date", "0001-01-01"),
                                         ("first_due_date", "9999-12-01")])
def test_a_quote_dated_outside_the_supported_range_is_422(api, field, value):
    r = api.as_("viewer@demo-lending").post("/v1/quotes", {**LOAN, field: value})
    assert r.status == 422, r.body
    assert r.code == f"quotes.{field}.invalid"


def test_a_deeply_nested_json_body_is_400(api):
    body = "[" * 10_000 + "]" * 10_000
    r = api.as_("viewer@demo-lending").post("/v1/quotes", body)
    assert (r.status, r.code) == (400, "request.body.too_deep")
    nested_object = '{"a":' * 5_000 + "1" + "}" * 5_000
    r = api.as_(OFFICER).post("/v1/customers", nested_object)
    assert (r.status, r.code) == (400, "request.body.too_deep")


def test_a_cursor_from_one_list_is_refused_by_another(origination):
    officer = origination.as_(OFFICER)
    for _ in range(2):
        assert officer.post("/v1/customers", individual()).status == 201
    customers_cursor = officer.get("/v1/customers?limit=1").body["next"]
    assert customers_cursor
    # The same list takes its own cursor back
    assert officer.get(f"/v1/customers?limit=1&next={customers_cursor}").status == 200
    # Another list refuses it, whichever way round
    r = officer.get(f"/v1/applications?limit=1&next={customers_cursor}")
    assert (r.status, r.code) == (400, "request.cursor.invalid")
    r = officer.get(f"/v1/blacklist?limit=1&next={customers_cursor}")
    assert (r.status, r.code) == (400, "request.cursor.invalid")


def test_a_cursor_from_another_tenant_is_refused(origination):
    for _ in range(2):
        origination.as_(OFFICER).post("/v1/customers", individual())
    cursor = origination.as_(OFFICER).get("/v1/customers?limit=1").body["next"]
    r = origination.as_("loan-officer@demo-leasing").get(f"/v1/customers?limit=1&next={cursor}")
    assert (r.status, r.code) == (400, "request.cursor.invalid")
