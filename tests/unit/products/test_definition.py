"""Product definitions: every problem at once, each with its field path; the demo products are valid."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from chalicelib.products.definition import (
    FieldsInvalid,
    ProductKind,
    check_definition,
    definition_json,
    merge_patch,
)
from chalicelib.products.domain import check_new_product
from tests.unit.products.builders import definition, definition_data

DEMO_PRODUCTS = Path(__file__).resolve().parents[3] / "tenants" / "products"


def problems_of(kind, data, prefix="definition") -> dict[str, str]:
    with pytest.raises(FieldsInvalid) as caught:
        check_definition(ProductKind(kind), data, prefix)
    return {p["field"]: p["message"] for p in caught.value.problems}


@pytest.mark.parametrize("kind", list(ProductKind))
def test_a_complete_definition_of_each_kind_is_valid(kind):
    assert definition(kind).terms is not None


def test_amounts_and_rates_are_exact_decimals_and_go_out_as_strings():
    d = definition()
    assert d.terms.amount.max == Decimal("200000.00")
    assert definition_json(d)["terms"]["amount"]["max"] == "200000.00"
    assert definition_json(d)["rate"]["annual_rate"]["default"] == "0.1080"


def test_a_float_is_refused_for_money():
    data = definition_data()
    data["terms"]["amount"]["max"] = 200000.5
    assert problems_of("loan", data) == {"definition.terms.amount.max": "must be a decimal string: a binary float is not exact"}


def test_shape_errors_and_rule_breaches_in_different_sections_are_reported_together():
    data = definition_data()
    data["terms"]["amount"] = {"min": "5000.00", "max": "1000.00"}  # rule: order
    data["terms"]["frequency"]["default"] = "quarterly"  # rule: default among allowed
    data["terms"]["term_months"]["max"] = "many"  # shape
    data["rate"] = {"mode": "floating"}  # rules: floating needs benchmark, spread and repricing
    data["risk"]["company_age_years_min"] = 3  # cross-section: individual segment
    data["workflow"]["second_review_above"] = "500000.00"  # cross-section: above the maximum amount
    data["colour"] = "blue"  # shape: unknown field

    problems = problems_of("loan", data)

    assert set(problems) == {
        "definition.colour",
        "definition.terms.term_months.max",
        "definition.terms.amount.max",
        "definition.terms.frequency.default",
        "definition.rate.benchmark", "definition.rate.spread_bps", "definition.rate.repricing",
        "definition.risk.company_age_years_min",
    }


def test_cross_section_rules_run_when_every_section_is_well_formed():
    data = definition_data(workflow={"second_review_above": "500000.00"}, risk={"max_customer_exposure": "100000.00"})
    problems = problems_of("loan", data)
    assert set(problems) == {"definition.workflow.second_review_above", "definition.risk.max_customer_exposure"}
    assert "never apply" in problems["definition.workflow.second_review_above"]


def test_the_error_code_names_the_first_field_and_details_list_every_problem():
    data = definition_data(terms={"amount": {"default": "1.00"}}, channels=["console", "console"])
    with pytest.raises(FieldsInvalid) as caught:
        check_definition(ProductKind.LOAN, data)
    err = caught.value
    assert err.code == "products.definition.terms.amount.default.invalid"
    assert [e["field"] for e in err.details["errors"]] == ["definition.terms.amount.default", "definition.channels.1"]
    assert err.status == 422


@pytest.mark.parametrize("patch,field", [
    ({"rate": {"mode": "fixed", "annual_rate": None}}, "definition.rate.annual_rate"),
    ({"rate": {"benchmark": "LPR1Y"}}, "definition.rate.benchmark"),
    ({"rate": {"annual_rate": {"max": "1.5"}}}, "definition.rate.annual_rate.max"),
    ({"terms": {"term_months": {"min": 0}}}, "definition.terms.term_months.min"),
    ({"terms": {"amortization": {"allowed": ["annuity", "balloon"]}}}, "definition.terms.balloon_rate"),
    ({"terms": {"frequency": {"allowed": ["quarterly"], "default": "quarterly"}, "term_months": {"default": 13}}},
     "definition.terms.term_months.default"),
    ({"fees": [{"code": "F", "name": {"zh-CN": "费", "en-US": "Fee"}, "timing": "upfront", "basis": "fixed"}]},
     "definition.fees.0.amount"),
    ({"fees": [{"code": "F", "name": {"zh-CN": "费", "en-US": "Fee"}, "timing": "upfront", "basis": "percent",
                "rate": "0.01", "of": "face_amount"}]}, "definition.fees.0.of"),
    ({"penalty": {"basis": "rate"}}, "definition.penalty.rate"),
    ({"prepayment": {"penalty_periods": 2}}, "definition.prepayment.penalty_periods"),
    ({"prepayment": {"after_periods": 48}}, "definition.prepayment.after_periods"),
    ({"workflow": {"second_review_required": True}}, "definition.workflow.second_review_above"),
    ({"risk": {"excluded_industries": ["K70", "K70"]}}, "definition.risk.excluded_industries.1"),
    ({"accounting": {"suspense": "1303"}}, "definition.accounting.suspense"),
    ({"accounting": {"reserve_payable": "2241.02"}}, "definition.accounting.reserve_payable"),
    ({"accounting": {"fee_income": "6021-X"}}, "definition.accounting.fee_income"),
    ({"currency": "XYZ"}, "definition.currency"),
    ({"arrears_tolerance": {"amount": "0.001"}}, "definition.arrears_tolerance.amount"),
])
def test_each_loan_rule_names_its_field(patch, field):
    assert field in problems_of("loan", definition_data(**patch))


@pytest.mark.parametrize("kind,patch,field", [
    ("lease", {"accounting": {"deposit_held": None}}, "definition.accounting.deposit_held"),
    ("lease", {"terms": {"residual_value_rate": {"max": "1"}}}, "definition.terms.residual_value_rate.max"),
    ("lease", {"risk": {"applicant_age": {"min": 20, "max": 60}}}, "definition.risk.applicant_age"),
    ("factoring", {"terms": {"approved_debtors": []}}, "definition.terms.approved_debtors"),
    ("factoring", {"terms": {"debtor_confirmation_required": False}}, "definition.terms.debtor_confirmation_required"),
    ("factoring", {"terms": {"day_count": {"allowed": ["period"], "default": "period"}}},
     "definition.terms.day_count.allowed.0"),
    ("factoring", {"rate": {"repricing": "each_period"}}, "definition.rate.repricing"),
    ("factoring", {"prepayment": {"after_periods": 3}}, "definition.prepayment.after_periods"),
    ("factoring", {"fees": [{"code": "F", "name": {"zh-CN": "费", "en-US": "Fee"}, "timing": "periodic",
                             "basis": "fixed", "amount": "10.00"}]}, "definition.fees.0.basis"),
])
def test_rules_of_the_other_kinds_name_their_fields(kind, patch, field):
    assert field in problems_of(kind, definition_data(kind, **patch))


def test_a_new_products_code_kind_and_definition_problems_come_together():
    with pytest.raises(FieldsInvalid) as caught:
        check_new_product("lower case", "loan", definition_data(terms={"amount": {"default": "1.00"}}))
    assert [p["field"] for p in caught.value.problems] == ["code", "definition.terms.amount.default"]


def test_an_unknown_kind_is_reported_with_the_code():
    with pytest.raises(FieldsInvalid) as caught:
        check_new_product("x", "mortgage", {})
    assert [p["field"] for p in caught.value.problems] == ["code", "kind"]


def test_merge_patch_merges_objects_removes_nulls_and_replaces_lists():
    target = {"a": {"b": 1, "c": 2}, "l": [1, 2], "k": "v"}
    assert merge_patch(target, {"a": {"b": 9, "c": None}, "l": [3], "n": {"x": 1}}) == \
           {"a": {"b": 9}, "l": [3], "k": "v", "n": {"x": 1}}
    assert target == {"a": {"b": 1, "c": 2}, "l": [1, 2], "k": "v"}


@pytest.mark.parametrize("path", sorted(DEMO_PRODUCTS.glob("*/*.yaml")), ids=lambda p: p.stem)
def test_every_version_of_every_demo_product_is_valid(path):
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    kind = ProductKind(spec["kind"])
    current = None
    for step in spec["history"]:
        data = step["definition"] if "definition" in step else merge_patch(definition_json(current), step["changes"])
        current = check_definition(kind, data)
