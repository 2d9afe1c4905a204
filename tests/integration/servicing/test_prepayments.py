"""Prepayment through the API: quoted by the finance engine under the pinned product's rule (after 3
periods, 1% of the principal prepaid), then applied: penalty charged, principal reduced, the bills
ahead recalculated. Loans on demo-lending, booked on the session's business date (this module sorts
before the time-travel one)."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from tests.integration.origination.flows import ok
from tests.integration.servicing.flows import contract, disbursed_loan, key, total
from tests.support import TEST_BUSINESS_DATE

D = Decimal


def seasoned_loan(desk) -> tuple[str, dict]:
    """A 12,000 loan whose schedule started ~4 months ago (4 instalments due), disbursed on the session's business date."""
    start = TEST_BUSINESS_DATE - timedelta(days=125)
    made = disbursed_loan(desk, principal="12000.00", start_date=start.isoformat())
    return made["id"], contract(desk, made["id"])


def pay_what_is_due(desk, contract_id: str, detail: dict) -> None:
    due = sum((D(i["outstanding"]) for i in detail["schedule"] if i["due_on"] <= detail["disbursed_on"]), D(0))
    paid = ok(desk.as_("finance").post(f"/v1/contracts/{contract_id}/repayments", {"amount": str(due)},
                                       headers=key()), 201)
    assert paid["overpayment"] == "0.00"


def assert_books_agree(detail: dict) -> None:
    s, b = detail["schedule"], detail["balances"]
    owed = lambda part: total(s, "scheduled", part) - total(s, "paid", part)  # noqa: E731
    assert D(b["principal"]) == owed("principal") == D(detail["outstanding_principal"])
    assert D(b["interest"]) == D(detail["interest_accrued"]) - total(s, "paid", "interest")
    assert D(b["penalty"]) == owed("penalty") == 0


def test_a_partial_prepayment_is_quoted_then_applied_and_the_bills_ahead_recalculated(desk):
    contract_id, detail = seasoned_loan(desk)
    quote_path, viewer = f"/v1/contracts/{contract_id}/prepayment-quote", desk.as_("viewer")
    on = detail["disbursed_on"]
    # Instalments due by the date must be paid first; the product allows keep_term and keep_installment only
    early = viewer.post(quote_path, {"date": on, "amount": "2000.00"})
    assert (early.status, early.code) == (409, "servicing.prepayment.arrears")
    pay_what_is_due(desk, contract_id, detail)
    too_soon = viewer.post(quote_path, {"date": detail["schedule"][1]["due_on"]})
    assert (too_soon.status, too_soon.code) == (422, "servicing.prepayment.too_early")

    q = ok(viewer.post(quote_path, {"date": on, "amount": "2000.00", "strategy": "keep_term"}))
    assert q["strategy"] == "keep_term" and not q["full"]
    assert D(q["outstanding_principal"]) == D(detail["outstanding_principal"]) - total(
        detail["schedule"][:4], "scheduled", "principal")
    assert D(q["prepaid_principal"]) == D("2000.00") and D(q["penalty"]) == D("20.00")  # 1% of the principal
    assert D(q["total_due"]) == D("2000.00") + D(q["accrued_interest"]) + D("20.00")
    assert len(q["installments"]) == 8 and q["installments"][0]["seq"] == 5
    assert sum(D(r["principal"]) for r in q["installments"]) == D(q["outstanding_principal"]) - D("2000.00")

    finance, headers = desk.as_("finance"), key()
    path = f"/v1/contracts/{contract_id}/prepayments"
    body = {"date": on, "amount": "2000.00", "strategy": "keep_term", "reference": "PP-1"}
    for role in ("viewer", "collector"):
        assert desk.as_(role).post(path, body, headers=key()).status == 403
    assert finance.post(path, body).code == "servicing.idempotency_key.required"
    future = finance.post(path, {**body, "date": detail["schedule"][5]["due_on"]}, headers=key())
    assert (future.status, future.code) == (422, "servicing.prepayment.date.future")
    applied = ok(finance.post(path, body, headers=headers), 201)
    again = ok(finance.post(path, body, headers=headers), 201)
    assert applied["id"] == again["id"] and applied["entry_id"] == again["entry_id"]
    assert D(applied["amount"]) == D(q["total_due"]) and applied["status"] == "posted"
    assert applied["totals"] == {"penalty": "20.00", "interest": q["accrued_interest"], "principal": "2000.00"}
    clash = finance.post(path, {**body, "amount": "2500.00"}, headers=headers)
    assert (clash.status, clash.code) == (409, "servicing.idempotency.mismatch")

    after = contract(desk, contract_id)
    assert after["status"] == "active"
    assert total(after["schedule"], "scheduled", "principal") == D("12000.00")  # still what was disbursed
    assert D(after["outstanding_principal"]) == D(q["outstanding_principal"]) - D("2000.00")
    for inst, row in zip(after["schedule"][5:], q["installments"][1:]):
        assert (inst["seq"], D(inst["scheduled"]["principal"]), D(inst["scheduled"]["interest"])) == (
            row["seq"], D(row["principal"]), D(row["interest"]))
    current = after["schedule"][4]
    assert D(current["paid"]["principal"]) == D("2000.00") and D(current["paid"]["penalty"]) == D("20.00")
    assert D(current["due"]["principal"]) == D(q["installments"][0]["principal"])
    assert_books_agree(after)
    assert "prepayment" in [h["action"] for h in after["history"]]
    not_reversible = finance.post(f"/v1/repayments/{applied['id']}/reverse", {"reason": "no"}, headers=key())
    assert (not_reversible.status, not_reversible.code) == (409, "servicing.repayment.prepayment_not_reversible")


def test_a_full_prepayment_settles_the_contract(desk):
    contract_id, detail = seasoned_loan(desk)
    pay_what_is_due(desk, contract_id, detail)
    on = detail["disbursed_on"]
    q = ok(desk.as_("viewer").post(f"/v1/contracts/{contract_id}/prepayment-quote", {"date": on}))
    assert q["full"] and q["installments"] == []
    assert D(q["penalty"]) == (D(q["prepaid_principal"]) * D("0.01")).quantize(D("0.01"))
    applied = ok(desk.as_("finance").post(f"/v1/contracts/{contract_id}/prepayments", {"date": on},
                                          headers=key()), 201)
    assert D(applied["amount"]) == D(q["total_due"])
    after = contract(desk, contract_id)
    assert after["status"] == "closed" and D(after["outstanding"]) == 0
    assert total(after["schedule"], "scheduled", "principal") == D("12000.00")
    assert_books_agree(after)
    assert D(after["balances"]["principal"]) == 0
    gone = desk.as_("viewer").post(f"/v1/contracts/{contract_id}/prepayment-quote", {"date": on})
    assert (gone.status, gone.code) == (409, "servicing.contract.not_active")
