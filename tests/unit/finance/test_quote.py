"""The quote use case behind POST /v1/quotes: the wire contract and its errors."""
import json
import re
from decimal import Decimal

import pytest
from pydantic import BaseModel, ValidationError

from chalicelib.finance.quote import (
    QuoteRequest,
    QuoteResponse,
    field_errors_from_pydantic,
    parse_quote_request,
    price_quote,
    quote,
)
from chalicelib.shared.errors import FieldInvalid, MalformedRequest

from .builders import factoring_request, lease_request, loan_request

D = Decimal
DECIMAL_TEXT = re.compile(r"^-?\d+(\.\d+)?$")
MONEY_FIELDS = ("principal", "interest", "fee", "payment", "balance")


def _refused(payload) -> FieldInvalid:
    with pytest.raises(FieldInvalid) as raised:
        price_quote(payload)
    return raised.value


# --- the contract -------------------------------------------------------------------------------


@pytest.mark.parametrize("payload", [loan_request(), lease_request(), factoring_request()],
                         ids=["loan", "lease", "factoring"])
def test_given_each_kind_when_quoting_then_the_response_has_the_contract_shape_with_decimal_strings(payload):
    response = price_quote(payload)
    assert json.loads(json.dumps(response)) == response
    for row in response["installments"]:
        assert {"seq", "due_date", "principal", "interest", "fee", "payment", "balance"} <= row.keys()
        assert all(isinstance(row[name], str) and DECIMAL_TEXT.match(row[name]) for name in MONEY_FIELDS)
        assert re.match(r"^\d{4}-\d{2}-\d{2}$", row["due_date"])
    totals = response["totals"]
    assert {"principal", "interest", "fees", "payment", "apr"} <= totals.keys()
    assert all(isinstance(value, str) and DECIMAL_TEXT.match(value) for value in totals.values())


def test_given_the_design_example_when_quoting_a_loan_then_totals_add_up_and_apr_is_the_rate():
    response = price_quote(loan_request())
    totals = response["totals"]
    assert totals["principal"] == "100000.00"
    assert D(totals["payment"]) == D(totals["principal"]) + D(totals["interest"]) + D(totals["fees"])
    assert D(totals["payment"]) == sum(D(row["payment"]) for row in response["installments"])
    assert totals["apr"] == "0.049000"
    assert response["installments"][0]["due_date"] == "2026-02-28"  # 31 Jan start: month ends
    assert response["installments"][-1]["balance"] == "0.00"


def test_given_a_loan_quote_when_summing_principal_then_it_is_exactly_the_principal():
    response = price_quote(loan_request(principal="987654.32", term=37, amortization="equal_principal",
                                        day_count="ACT/365F"))
    assert sum(D(row["principal"]) for row in response["installments"]) == D("987654.32")


def test_given_yen_when_quoting_then_amounts_carry_no_decimals():
    response = price_quote(loan_request(principal="1000000", currency="JPY"))
    assert response["installments"][0]["payment"].isdigit()


def test_given_an_upfront_fee_when_quoting_then_it_counts_in_fees_and_payment_and_raises_the_apr():
    response = price_quote(loan_request(fees=[{"name": "arrangement", "rate": "0.01", "timing": "upfront"}]))
    assert response["upfront"] == {"fees": "1000.00", "total": "1000.00"}
    assert response["totals"]["fees"] == "1000.00"
    assert response["net_disbursement"] == "99000.00"
    assert D(response["totals"]["apr"]) > D("0.049")


def test_given_a_monthly_fee_when_quoting_then_each_instalment_carries_it():
    response = price_quote(loan_request(fees=[{"amount": "30.00", "timing": "each_installment"}]))
    assert {row["fee"] for row in response["installments"]} == {"30.00"}
    assert response["totals"]["fees"] == "360.00"


def test_given_a_prepayment_when_quoting_a_loan_then_the_quote_and_remaining_schedule_come_back():
    response = price_quote(loan_request(prepayment={"date": "2026-05-15", "amount": "30000.00",
                                                    "strategy": "keep_installment", "penalty_rate": "0.01"}))
    prepayment = response["prepayment"]
    assert prepayment["penalty"] == "300.00"
    assert prepayment["strategy"] == "keep_installment"
    assert prepayment["installments"][0]["seq"] == 4  # Feb, Mar and Apr month ends are paid
    assert D(prepayment["total_due"]) == (
        D(prepayment["prepaid_principal"]) + D(prepayment["accrued_interest"]) + D("300.00"))


def test_given_a_lease_in_advance_with_residual_when_quoting_then_rows_are_rents_then_the_residual():
    response = price_quote(lease_request(timing="advance", residual_value="100000.00"))
    kinds = [row["kind"] for row in response["installments"]]
    assert kinds == ["rent"] * 12 + ["residual"]
    assert response["installments"][0]["due_date"] == "2026-01-15"
    assert response["totals"]["implicit_rate"] == "0.060000"
    assert response["financed_amount"] == "1000000.00"


def test_given_irregular_lease_rents_when_quoting_then_the_implied_rate_is_returned():
    response = price_quote(lease_request(annual_rate=None, rents=["90000.00"] * 12))
    assert "implied_annual_rate" in response
    assert [row["payment"] for row in response["installments"]] == ["90000.00"] * 12


def test_given_factoring_when_quoting_then_advance_reserve_and_recourse_come_back():
    response = price_quote(factoring_request(recourse=False))
    assert (response["advance"], response["reserve"], response["recourse"]) == ("800000.00", "200000.00", False)
    assert response["installments"][0]["interest"] == "12000.00"
    assert response["net_disbursement"] == "788000.00"


def test_given_factoring_with_calculator_fields_when_quoting_then_they_are_accepted():
    assert price_quote(factoring_request(term=3, frequency="monthly", amortization="annuity", principal="800000.00"))


def test_given_integers_for_amounts_when_quoting_then_they_are_exact_and_accepted():
    assert price_quote(loan_request(principal=100000, annual_rate=0))["totals"]["interest"] == "0.00"


def test_given_a_typed_request_when_quoting_then_the_response_model_is_returned():
    request = QuoteRequest.model_validate(loan_request())
    response = quote(request)
    assert isinstance(response, QuoteResponse)
    assert response.totals.principal == D("100000.00")


def test_given_the_models_when_generating_json_schema_then_amounts_are_strings():
    request_schema = json.dumps(QuoteRequest.model_json_schema())
    response_schema = QuoteResponse.model_json_schema(mode="serialization")
    assert '"principal"' in request_schema
    installment = response_schema["$defs"]["InstallmentOut"]["properties"]
    assert installment["payment"]["type"] == "string"


def test_given_a_stub_and_a_day_count_when_quoting_then_the_first_interest_covers_the_real_days():
    response = price_quote(loan_request(start_date="2026-01-10", first_due_date="2026-03-01", day_count="ACT/365F",
                                        amortization="interest_only", annual_rate="0.0365"))
    assert response["installments"][0]["interest"] == "500.00"  # 100000 × 3.65% × 50/365
    assert response["installments"][1]["due_date"] == "2026-04-01"


def test_given_grace_terms_when_quoting_then_the_first_rows_follow_them():
    response = price_quote(loan_request(grace_on_interest=1, grace_on_principal=2, interest_grace_mode="capitalized"))
    first, second = response["installments"][:2]
    assert (first["principal"], first["payment"], second["principal"]) == ("-408.33", "0.00", "0.00")
    assert sum(D(row["principal"]) for row in response["installments"]) == D("100000.00")


def test_given_instalments_in_multiples_when_quoting_then_the_level_amount_is_a_multiple():
    response = price_quote(loan_request(in_multiples_of="100", rounding="UP"))
    assert response["level_amount"] == "8600.00"
    assert {row["payment"] for row in response["installments"][:-1]} == {"8600.00"}


def test_given_a_balloon_share_when_quoting_then_the_last_instalment_carries_it():
    response = price_quote(loan_request(amortization="balloon", balloon_rate="0.4"))
    assert D(response["installments"][-1]["principal"]) > D("40000.00")


def test_given_a_lease_deposit_offset_when_quoting_then_rows_show_what_it_paid():
    response = price_quote(lease_request(security_deposit="100000.00", deposit_settlement="offset",
                                         handling_fee="5000.00"))
    assert D(response["installments"][-1]["deposit_applied"]) > 0
    assert response["upfront"]["total"] == "105000.00"
    assert response["deposit_refund"] == "0.00"
    assert D(response["totals"]["apr"]) > D(response["totals"]["implicit_rate"])


# --- refusals -----------------------------------------------------------------------------------


@pytest.mark.parametrize("payload, code", [
    (loan_request(term=0), "quotes.term.invalid"),
    (loan_request(term=-1), "quotes.term.invalid"),
    (loan_request(annual_rate="-0.01"), "quotes.annual_rate.invalid"),
    (loan_request(start_date="2026-02-30"), "quotes.start_date.invalid"),
    (loan_request(start_date="31/01/2026"), "quotes.start_date.invalid"),
    (loan_request(first_due_date="tomorrow"), "quotes.first_due_date.invalid"),
    (loan_request(frequency="daily"), "quotes.frequency.invalid"),
    (loan_request(day_count="ACT/366"), "quotes.day_count.invalid"),
    (loan_request(rounding="NEAREST"), "quotes.rounding.invalid"),
    (loan_request(currency="XXX"), "quotes.currency.invalid"),
    (loan_request(amortization="balloon"), "quotes.balloon.invalid"),
    (loan_request(grace_on_principal=12), "quotes.grace_on_principal.invalid"),
    (loan_request(principal="100.001"), "quotes.principal.invalid"),
    (loan_request(fees=[{"amount": "200000.00"}]), "quotes.fees.invalid"),
    (loan_request(prepayment={"date": "2030-01-01"}), "quotes.prepayment.date.invalid"),
    (lease_request(balloon="1000.00"), "quotes.balloon.invalid"),
    (lease_request(amortization="balloon"), "quotes.amortization.invalid"),
    (lease_request(residual_value="2000000.00"), "quotes.residual_value.invalid"),
    (lease_request(timing="sometimes"), "quotes.timing.invalid"),
    (factoring_request(advance_rate="1.2"), "quotes.advance_rate.invalid"),
    (factoring_request(invoices=[]), "quotes.invoices.invalid"),
    (factoring_request(invoices=[{"number": "X", "debtor": "Y", "face_amount": "100.00", "issue_date": "2026-01-01",
                                  "due_date": "2026-01-10"}]), "quotes.invoices.0.due_date.invalid"),
    (factoring_request(principal="100.00"), "quotes.principal.invalid"),
    ({"principal": "1.00"}, "quotes.kind.invalid"),
    (loan_request(kind="mortgage"), "quotes.kind.invalid"),
])
def test_given_bad_terms_when_quoting_then_a_422_names_the_field(payload, code):
    error = _refused(payload)
    assert (error.code, error.status) == (code, 422)
    assert error.details["errors"][0]["field"] == error.field


@pytest.mark.parametrize("field", ["principal", "annual_rate"])
def test_given_a_json_float_for_money_when_quoting_then_it_is_refused(field):
    error = _refused(loan_request(**{field: 0.049 if field == "annual_rate" else 100000.5}))
    assert error.code == f"quotes.{field}.invalid"
    assert "decimal string" in error.message


def test_given_a_json_number_parsed_as_decimal_when_quoting_then_it_is_refused_like_a_float():
    payload = json.loads(json.dumps(loan_request(annual_rate=0.049)), parse_float=Decimal)
    assert _refused(payload).code == "quotes.annual_rate.invalid"


def test_given_a_term_sent_as_a_fractional_number_when_quoting_then_it_is_refused():
    assert _refused(loan_request(term=12.0)).code == "quotes.term.invalid"


def test_given_a_float_face_amount_when_quoting_factoring_then_the_dotted_path_names_the_invoice():
    payload = factoring_request()
    payload["invoices"][0]["face_amount"] = 1000.5
    error = _refused(payload)
    assert error.code == "quotes.invoices.0.face_amount.invalid"


def test_given_several_problems_when_quoting_then_every_one_is_listed_in_details():
    error = _refused(loan_request(principal=1.5, term="twelve", start_date="soon"))
    assert [e["field"] for e in error.details["errors"]] == ["start_date", "principal", "term"]


def test_given_an_unknown_field_when_quoting_then_it_is_named_rather_than_ignored():
    assert _refused(loan_request(anual_rate="0.05")).code == "quotes.anual_rate.invalid"


def test_given_a_body_that_is_not_an_object_when_quoting_then_it_is_malformed():
    with pytest.raises(MalformedRequest):
        price_quote(["kind", "loan"])  # type: ignore[arg-type]


def test_given_a_validation_error_when_converting_then_the_first_field_names_the_code():
    class Example(BaseModel):
        items: list[int]

    with pytest.raises(ValidationError) as raised:
        Example.model_validate({"items": [1, "x"]})
    error = field_errors_from_pydantic("examples", raised.value)
    assert (error.code, error.status, error.details["errors"]) == (
        "examples.items.1.invalid", 422, [{"field": "items.1", "message": error.message}])


def test_given_a_valid_request_when_parsing_then_the_kind_model_is_returned():
    assert type(parse_quote_request(lease_request())).__name__ == "LeaseQuoteRequest"
