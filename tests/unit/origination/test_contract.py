"""The contract document: parties, terms and the full schedule, escaped, and the same bytes every time."""
from __future__ import annotations

from datetime import date

from chalicelib.origination.applications.contract import Party, render_contract
from chalicelib.origination.applications.domain import CustomerRef
from tests.unit.origination.builders import approved


def an_approved_loan():
    app = approved()
    app.customer = CustomerRef("cus_1", "<script>alert(1)</script>", "individual", "h" * 64, "110************123")
    app.priced_terms = {"principal": "30000.00", "term": 2, "frequency": "monthly", "annual_rate": "0.12"}
    app.quote = {"installments": [
        {"seq": 1, "due_date": "2026-04-02", "principal": "14925.37", "interest": "300.00", "fee": "0.00",
         "payment": "15225.37", "balance": "15074.63"},
        {"seq": 2, "due_date": "2026-05-02", "principal": "15074.63", "interest": "150.75", "fee": "0.00",
         "payment": "15225.38", "balance": "0.00"}],
        "totals": {"principal": "30000.00", "interest": "450.75", "fees": "0.00", "payment": "30450.75"}}
    return app


def render(app):
    return render_contract(app, "ctr_1", date(2026, 3, 2), Party("演示小额贷款有限公司", "91310000MA1FL0002W"), "消费分期")


def test_the_contract_names_the_parties_and_carries_every_instalment():
    html = render(an_approved_loan())
    assert "演示小额贷款有限公司" in html and "91310000MA1FL0002W" in html and "110************123" in html
    assert html.count("<tr><td>1</td>") == 1 and html.count("<tr><td>2</td>") == 1
    assert "30450.75" in html


def test_values_are_html_escaped():
    html = render(an_approved_loan())
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_the_same_application_renders_the_same_bytes():
    assert render(an_approved_loan()) == render(an_approved_loan())
