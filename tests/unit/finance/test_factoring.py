"""Factoring: advances, reserve, discount interest and settlements."""
from datetime import date
from decimal import Decimal

import pytest

from chalicelib.finance.errors import TermsInvalid
from chalicelib.finance.factoring import factoring_quote

from .builders import factoring_terms, invoice

D = Decimal


def test_given_an_invoice_when_advancing_80_percent_then_the_reserve_is_the_rest_of_the_face():
    (row,) = factoring_quote(factoring_terms(invoices=(invoice(face="1000000.00"),))).settlements
    assert (row.advance, row.reserve, row.principal) == (D("800000.00"), D("200000.00"), D("800000.00"))


def test_given_90_days_on_act_360_when_discounting_then_interest_is_advance_times_rate_times_90_over_360():
    (row,) = factoring_quote(factoring_terms(invoices=(invoice(face="1000000.00"),))).settlements
    assert (row.interest_days, row.interest) == (90, D("12000.00"))  # 800,000 × 6% × 90/360


def test_given_grace_days_when_discounting_then_interest_runs_to_the_due_date_plus_grace():
    (row,) = factoring_quote(factoring_terms(invoices=(invoice(face="1000000.00"),), grace_days=10)).settlements
    assert (row.due_on, row.interest_days, row.interest) == (date(2026, 4, 25), 100, D("13333.33"))


def test_given_act_365_when_discounting_then_the_chosen_day_count_is_used():
    (row,) = factoring_quote(factoring_terms(invoices=(invoice(face="1000000.00"),), day_count="ACT/365F")).settlements
    assert row.interest == D("11835.62")  # 800,000 × 6% × 90/365


def test_given_interest_upfront_when_quoting_then_it_is_withheld_from_the_advance():
    quote = factoring_quote(factoring_terms(invoices=(invoice(face="1000000.00"),), service_fee_rate=D("0.005")))
    (row,) = quote.settlements
    assert (row.fee, row.deducted_upfront, row.payment) == (D("5000.00"), D("17000.00"), D("800000.00"))
    assert quote.net_proceeds == D("783000.00")


def test_given_interest_at_maturity_when_quoting_then_it_is_repaid_with_the_advance():
    quote = factoring_quote(factoring_terms(invoices=(invoice(face="1000000.00"),), interest_collection="maturity",
                                            service_fee_rate=D("0.005")))
    (row,) = quote.settlements
    assert (row.deducted_upfront, row.payment) == (D("5000.00"), D("812000.00"))
    assert quote.net_proceeds == D("795000.00")


def test_given_upfront_interest_when_computing_the_apr_then_the_discount_costs_more_than_the_nominal_rate():
    quote = factoring_quote(factoring_terms())
    assert quote.apr > D("0.06")


def test_given_several_invoices_when_quoting_then_they_settle_in_due_date_order_and_the_balance_runs_down():
    quote = factoring_quote(factoring_terms(invoices=(
        invoice("A", "100000.00", due_on=date(2026, 6, 1)),
        invoice("B", "50000.00", due_on=date(2026, 3, 1)),
    )))
    assert [(row.invoice_number, row.balance) for row in quote.settlements] == [("B", D("80000.00")), ("A", D("0.00"))]
    assert (quote.total_face, quote.total_advance, quote.total_reserve) == (
        D("150000.00"), D("120000.00"), D("30000.00"))


def test_given_a_non_recourse_deal_when_quoting_then_the_flag_is_carried_through():
    assert factoring_quote(factoring_terms(recourse=False)).recourse is False


@pytest.mark.parametrize("overrides, field", [
    ({"advance_rate": D("1.2")}, "advance_rate"),
    ({"advance_rate": D("0")}, "advance_rate"),
    ({"annual_rate": D("-0.01")}, "annual_rate"),
    ({"invoices": ()}, "invoices"),
    ({"invoices": (invoice(), invoice())}, "invoices.1.number"),
    ({"invoices": (invoice(due_on=date(2026, 1, 15)),)}, "invoices.0.due_on"),
    ({"invoices": (invoice(issued_on=date(2026, 5, 1), due_on=date(2026, 4, 1)),)}, "invoices.0.due_on"),
    ({"invoices": (invoice(face="-1.00"),)}, "invoices.0.face_amount"),
    ({"day_count": "period"}, "day_count"),
    ({"interest_collection": "whenever"}, "interest_collection"),
    ({"grace_days": -1}, "grace_days"),
])
def test_given_bad_factoring_terms_when_building_then_the_field_is_named(overrides, field):
    with pytest.raises(TermsInvalid) as raised:
        factoring_terms(**overrides)
    assert raised.value.field == field


def test_given_a_facility_smaller_than_the_advance_when_quoting_then_it_is_refused():
    with pytest.raises(TermsInvalid) as raised:
        factoring_quote(factoring_terms(facility_limit=D("50000.00")))
    assert raised.value.field == "facility_limit"
