"""Builders for finance terms: sensible defaults, override only what a test is about."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from chalicelib.finance.factoring import FactoringTerms, Invoice
from chalicelib.finance.lease import LeaseTerms
from chalicelib.finance.loan import LoanTerms

D = Decimal


def loan_terms(**overrides: Any) -> LoanTerms:
    fields: dict[str, Any] = dict(principal=D("100000.00"), annual_rate=D("0.06"), term=12, start_on=date(2026, 1, 15))
    fields.update(overrides)
    return LoanTerms(**fields)


def lease_terms(**overrides: Any) -> LeaseTerms:
    fields: dict[str, Any] = dict(principal=D("1000000.00"), annual_rate=D("0.08"), term=12, start_on=date(2026, 1, 15),
                                  frequency="quarterly")
    fields.update(overrides)
    return LeaseTerms(**fields)


def invoice(number: str = "INV-001", face: str = "100000.00", issued_on: date = date(2026, 1, 5),
            due_on: date = date(2026, 4, 15), debtor: str = "Core Enterprise Co.") -> Invoice:
    return Invoice(number, debtor, D(face), issued_on, due_on)


def factoring_terms(**overrides: Any) -> FactoringTerms:
    fields: dict[str, Any] = dict(invoices=(invoice(),), funded_on=date(2026, 1, 15), annual_rate=D("0.06"),
                                  advance_rate=D("0.8"))
    fields.update(overrides)
    return FactoringTerms(**fields)


def loan_request(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {"kind": "loan", "principal": "100000.00", "annual_rate": "0.049", "term": 12,
                               "frequency": "monthly", "amortization": "annuity", "day_count": None,
                               "start_date": "2026-01-31", "rounding": "HALF_EVEN"}
    payload.update(overrides)
    return payload


def lease_request(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {"kind": "lease", "principal": "1000000.00", "annual_rate": "0.06", "term": 12,
                               "frequency": "quarterly", "amortization": "annuity", "day_count": None,
                               "start_date": "2026-01-15", "rounding": "HALF_EVEN", "timing": "arrears",
                               "residual_value": "0"}
    payload.update(overrides)
    return payload


def factoring_request(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "kind": "factoring", "annual_rate": "0.06", "advance_rate": "0.8", "start_date": "2026-01-15",
        "day_count": "ACT/360", "rounding": "HALF_EVEN",
        "invoices": [{"number": "INV-001", "debtor": "Core Enterprise Co.", "face_amount": "1000000.00",
                      "issue_date": "2026-01-05", "due_date": "2026-04-15"}],
    }
    payload.update(overrides)
    return payload
