"""POST /v1/quotes through the API: the contract shape, exact sums, auth, and 422 naming the field."""
from __future__ import annotations

from decimal import Decimal

import pytest

LOAN = {"kind": "loan", "principal": "100000.00", "annual_rate": "0.049", "term": 12, "frequency": "monthly",
        "amortization": "annuity", "day_count": None, "start_date": "2026-01-31", "rounding": "HALF_EVEN"}


def test_a_loan_quote_has_the_contract_shape_and_sums_exactly(api):
    r = api.as_("viewer@demo-lending").post("/v1/quotes", LOAN)
    assert r.status == 200, r.body
    rows = r.body["installments"]
    assert len(rows) == 12
    assert set(rows[0]) >= {"seq", "due_date", "principal", "interest", "fee", "payment", "balance"}
    assert all(isinstance(row[k], str) for row in rows for k in ("principal", "interest", "payment", "balance"))
    assert sum(Decimal(row["principal"]) for row in rows) == Decimal("100000.00")
    assert rows[-1]["balance"] == "0.00"
    assert [row["due_date"] for row in rows[:3]] == ["2026-02-28", "2026-03-31", "2026-04-30"]  # end-of-month rule
    totals = r.body["totals"]
    assert Decimal(totals["payment"]) == Decimal(totals["principal"]) + Decimal(totals["interest"]) + Decimal(totals["fees"])
    # No fees: the disclosed APR is the contract's nominal rate (to rounding of the instalments).
    assert abs(Decimal(totals["apr"]) - Decimal("0.049")) <= Decimal("0.000005")


def test_an_upfront_fee_raises_the_apr_above_the_contract_rate(api):
    r = api.as_("viewer@demo-lending").post("/v1/quotes", {**LOAN, "fees": [{"name": "arrangement", "rate": "0.01"}]})
    assert r.status == 200, r.body
    assert Decimal(r.body["totals"]["fees"]) == Decimal("1000.00")
    assert Decimal(r.body["totals"]["apr"]) > Decimal("0.065")  # 1% upfront on a 12-month loan adds ~1.8 points


@pytest.mark.parametrize("user", ["group-risk@demo-group", "admin@platform", "collector@demo-factoring"])
def test_any_signed_in_role_may_quote(api, user):
    assert api.as_(user).post("/v1/quotes", LOAN).status == 200


def test_quoting_needs_a_token(api):
    assert api.post("/v1/quotes", LOAN).status == 401


@pytest.mark.parametrize("change,field", [({"term": 0}, "term"), ({"annual_rate": "-0.01"}, "annual_rate"),
                                          ({"start_date": "2026-02-30"}, "start_date"),
                                          ({"principal": "abc"}, "principal")])
def test_bad_terms_are_422_with_a_code_naming_the_field(api, change, field):
    r = api.as_("viewer@demo-lending").post("/v1/quotes", {**LOAN, **change})
    assert r.status == 422, r.body
    assert r.code == f"quotes.{field}.invalid"
    assert set(r.body) == {"error"}


def test_a_factoring_advance_rate_above_one_is_422(api):
    body = {"kind": "factoring", "principal": "500000.00", "annual_rate": "0.08", "term": 1, "frequency": "monthly",
            "amortization": "bullet", "day_count": "ACT/360", "start_date": "2026-03-01", "rounding": "HALF_EVEN",
            "advance_rate": "1.2", "invoices": [{"number": "INV-1", "debtor": "核心企业", "face_amount": "500000.00",
                                                 "issue_date": "2026-02-01", "due_date": "2026-06-01"}]}
    r = api.as_("viewer@demo-factoring").post("/v1/quotes", body)
    assert (r.status, r.code) == (422, "quotes.advance_rate.invalid")


def test_a_body_that_is_not_json_is_400(api):
    r = api.as_("viewer@demo-lending").post("/v1/quotes", "{nope")
    assert (r.status, r.code) == (400, "request.body.malformed")
