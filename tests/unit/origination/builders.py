"""Builders for origination's pure model: actors, customers, priced terms, applications in a status."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from chalicelib.origination.applications.domain import (
    Actor,
    Application,
    AssignedInvoice,
    CustomerRef,
    Decision,
    Document,
    DocumentStatus,
    Kind,
    Priced,
    ProductPin,
)

OFFICER = Actor("u-officer", "loan-officer@t")
FIRST = Actor("u-first", "first-reviewer@t")
SECOND = Actor("u-second", "second-reviewer@t")
OTHER_FIRST = Actor("u-first-2", "first-reviewer-2@t")
T0 = datetime(2026, 3, 2, 2, 0, tzinfo=timezone.utc)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def customer() -> CustomerRef:
    return CustomerRef("cus_1", "张三", "individual", "h" * 64, "110************123")


def pin(second_review_required: bool = False, above: str | None = "50000.00", window: int = 7,
        documents: tuple[str, ...] = ("ID_CARD",)) -> ProductPin:
    return ProductPin(3, second_review_required, Decimal(above) if above else None, window, documents)


def priced(amount: str = "30000.00", **pin_over) -> Priced:
    return Priced(pin(**pin_over), {"principal": amount, "term": 12}, {"installments": [], "totals": {}},
                  Decimal(amount), "CNY", {"mode": "fixed", "annual_rate": "0.12"})


def draft(kind: Kind = Kind.LOAN, invoices: tuple[AssignedInvoice, ...] = ()) -> Application:
    app = Application.open("app_1", kind, "P", customer(), OFFICER, at(0), {"principal": "30000.00"}, None, (),
                           invoices, Decimal("30000.00"), "CNY")
    app.documents = (Document("doc_1", "ID_CARD", "id.pdf", "application/pdf", 10, "a" * 64, "k",
                              DocumentStatus.UPLOADED, OFFICER, at(1), at(2)),)
    return app


def risk_checked(decision: str = "pass", **priced_over) -> Application:
    app = draft()
    app.submit(OFFICER, at(3), priced(**priced_over))
    app.record_risk(decision, ({"rule": "blacklist", "outcome": decision, "reason": "r"},), at(3))
    return app


def in_second_review() -> Application:
    app = risk_checked(second_review_required=True, above=None)
    app.first_review(Decision.APPROVE, "fine", FIRST, at(5))
    return app


def approved() -> Application:
    app = risk_checked()
    app.first_review(Decision.APPROVE, "fine", FIRST, at(5))
    return app


def invoice(state: str = "pending") -> AssignedInvoice:
    from chalicelib.origination.applications.domain import ConfirmationState, InvoiceConfirmation

    return AssignedInvoice("inv_1", "INV-1", "cus_debtor", "华东重工", "d" * 64, Decimal("100000.00"),
                           date(2026, 2, 20), date(2026, 5, 1), InvoiceConfirmation(ConfirmationState(state)))
