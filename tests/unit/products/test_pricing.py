"""Product quotes: terms checked against the version's bounds, defaults filled, rates fixed from the benchmark."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from chalicelib.finance.quote import price_quote
from chalicelib.products.benchmarks import BenchmarkTable
from chalicelib.products.definition import FieldsInvalid, ProductKind
from chalicelib.products.pricing import QuoteTerms, resolve_terms
from tests.unit.products.builders import definition

TODAY = date(2026, 1, 15)
BENCHMARKS = BenchmarkTable.from_data({"benchmarks": {
    "LPR1Y": {"rates": [{"effective_on": "2024-10-21", "rate": "0.0310"}, {"effective_on": "2025-05-20", "rate": "0.0300"}]},
    "LPR5Y": {"rates": [{"effective_on": "2025-05-20", "rate": "0.0350"}]},
}})
INVOICE = {"number": "INV-1", "debtor": "Core Enterprise Co.", "face_amount": "100000.00",
           "issue_date": "2026-01-05", "due_date": "2026-04-15"}


def resolve(kind="loan", asked=None, **patch):
    """Resolve the applicant's ``asked`` terms on a ``kind`` product built with ``patch``."""
    return resolve_terms(ProductKind(kind), definition(kind, **patch), QuoteTerms.model_validate(asked or {}), TODAY,
                         BENCHMARKS)


def problems(kind="loan", asked=None, **patch) -> dict[str, str]:
    with pytest.raises(FieldsInvalid) as caught:
        resolve(kind, asked, **patch)
    return {p["field"]: p["message"] for p in caught.value.problems}


def test_terms_left_out_take_the_products_defaults():
    request = resolve().request
    assert request == {
        "kind": "loan", "start_date": "2026-01-15", "currency": "CNY", "rounding": "HALF_EVEN",
        "annual_rate": "0.1080", "principal": "50000.00", "term": 12, "frequency": "monthly",
        "amortization": "annuity", "day_count": "period", "fees": [], "grace_on_principal": 0,
        "grace_on_interest": 0, "interest_grace_mode": "deferred",
    }
    assert price_quote(request)["totals"]["principal"] == "50000.00"


def test_every_term_outside_the_bounds_is_reported_at_once_naming_it():
    found = problems(asked={"principal": "999.99", "term": 48, "annual_rate": "0.25", "amortization": "bullet"})
    assert set(found) == {"principal", "term", "annual_rate", "amortization"}
    assert found["principal"] == "must be between 1000.00 and 200000.00 CNY for this product"
    assert found["annual_rate"] == "must be between 0.0720 and 0.2400 for this product"
    assert problems(asked={"frequency": "quarterly"}) == {"frequency": "must be one of monthly for this product"}


def test_a_term_is_bounded_in_months_whatever_the_frequency():
    both = {"frequency": {"allowed": ["monthly", "quarterly"]}}
    request = resolve("loan", {"term": 8, "frequency": "quarterly"}, terms=both).request
    assert (request["term"], request["frequency"]) == (8, "quarterly")
    assert problems("loan", {"term": 13, "frequency": "quarterly"}, terms=both) == {
        "term": "13 quarterly periods is 39 months; this product lends for 3 to 36 months"}


def test_terms_of_another_kind_are_refused():
    assert problems(asked={"residual_value": "100.00", "invoices": [INVOICE]}) == {
        "invoices": "is not a term of a loan product", "residual_value": "is not a term of a loan product"}


def test_a_floating_rate_is_the_benchmark_on_the_start_date_plus_the_spread():
    floating = {"mode": "floating", "annual_rate": None, "benchmark": "LPR1Y",
                "spread_bps": {"min": 100, "max": 800, "default": 350}, "repricing": "annually_on_anniversary"}
    now = resolve(rate=floating)
    assert (now.rate.annual_rate, now.rate.benchmark_rate, now.rate.spread_bps) == (Decimal("0.0650"), Decimal("0.0300"), 350)
    before_the_cut = resolve(asked={"start_date": "2025-03-01", "spread_bps": 200}, rate=floating)
    assert before_the_cut.request["annual_rate"] == "0.0510"
    assert set(problems(asked={"spread_bps": 900, "annual_rate": "0.05"}, rate=floating)) == {"spread_bps", "annual_rate"}


def test_a_floor_and_a_cap_bound_the_floating_rate():
    floating = {"mode": "floating", "annual_rate": None, "benchmark": "LPR1Y", "repricing": "each_period",
                "spread_bps": {"min": -200, "max": 2000, "default": 0}, "floor": "0.0400", "cap": "0.1500"}
    assert resolve(asked={"spread_bps": -150}, rate=floating).request["annual_rate"] == "0.0400"
    assert resolve(asked={"spread_bps": 1500}, rate=floating).request["annual_rate"] == "0.1500"


def test_a_fixed_rate_product_refuses_a_spread():
    assert problems(asked={"spread_bps": 100}) == {"spread_bps": "applies to floating-rate products; this one is fixed"}


def test_prepayment_follows_the_products_rule():
    quote = resolve(asked={"prepayment": {"date": "2026-05-20"}}).request["prepayment"]
    assert quote == {"date": "2026-05-20", "amount": None, "strategy": "keep_term", "penalty_rate": "0.01",
                     "penalty_periods": None}
    assert set(problems(asked={"prepayment": {"date": "2026-02-20", "strategy": "keep_installment"}})) == {
        "prepayment.date", "prepayment.strategy"}
    assert problems(asked={"prepayment": {"date": "2026-05-20"}}, prepayment={"allowed": False}) == {
        "prepayment": "this product does not allow prepayment"}


def test_a_lease_takes_its_residual_and_deposit_as_shares_of_the_financed_amount():
    request = resolve("lease", {"principal": "2000000.00"}).request
    assert (request["residual_value"], request["security_deposit"], request["down_payment"]) == \
           ("0.00", "200000.00", "0.00")
    assert request["term"] == 12 and request["frequency"] == "quarterly"
    found = problems("lease", {"principal": "2000000.00", "residual_value": "200000.00", "timing": "both"})
    assert set(found) == {"residual_value", "timing"}
    assert "0.00 and 100000.00 CNY (0% to 5% of the principal)" in found["residual_value"]


def test_factoring_checks_debtors_tenor_advance_rate_and_the_advance():
    request = resolve("factoring", {"invoices": [INVOICE]}).request
    assert (request["advance_rate"], request["recourse"], request["service_fee_rate"], request["annual_rate"]) == \
           ("0.90", False, "0.001", "0.0420")
    stranger = {**INVOICE, "debtor": "Somebody Else Ltd", "due_date": "2026-12-31", "face_amount": "1000.00"}
    found = problems("factoring", {"invoices": [stranger], "advance_rate": "0.5"})
    assert set(found) == {"advance_rate", "invoices.0.debtor", "invoices.0.due_date", "invoices"}


def test_fees_are_handed_to_the_engine_by_timing():
    fees = [{"code": "ARRANGEMENT", "name": {"zh-CN": "安排费", "en-US": "Arrangement"}, "timing": "on_disbursement",
             "basis": "percent", "rate": "0.005"},
            {"code": "ACCOUNT", "name": {"zh-CN": "账户管理费", "en-US": "Account"}, "timing": "periodic",
             "basis": "fixed", "amount": "10.00"}]
    request = resolve(fees=fees).request
    assert request["fees"] == [{"name": "ARRANGEMENT", "timing": "upfront", "rate": "0.005"},
                               {"name": "ACCOUNT", "timing": "each_installment", "amount": "10.00"}]
    totals = price_quote(request)["totals"]
    assert totals["fees"] == "370.00"  # 250.00 up front + 12 × 10.00
