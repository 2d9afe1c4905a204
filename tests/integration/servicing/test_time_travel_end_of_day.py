"""Close of business moving the demo-lending books forward in time: bills, accruals, arrears, penalties.

The loans are disbursed on the session's business date (``TEST_BUSINESS_DATE``, 2026-11-23), then
the tenant's business date is moved forward and the dates closed. A ledger account refuses entries
dated before its last one, so this module runs after every test that books on the session's
business date (its name sorts last in servicing).
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from tests.integration.origination.flows import Desk, ok
from tests.integration.servicing.flows import contract, disbursed_loan, key
from tests.support import TEST_BUSINESS_DATE
from datetime import date, timedelta

FIRST_DUE, SECOND_DUE = "2026-12-23", "2027-01-23"


@pytest.fixture(scope="module")
def loans(servicing_routes, demo_products, shared_api):
    desk = Desk(shared_api, "demo-lending")
    a, b = disbursed_loan(desk), disbursed_loan(desk)
    assert a["disbursed_on"] == b["disbursed_on"] == TEST_BUSINESS_DATE.isoformat()
    return desk, a["id"], b["id"]


def move_to(desk, on: str) -> dict:
    """The tenant admin moves demo-lending's business date forward to ``on`` (if it is not there yet)."""
    admin = desk.as_("tenant-admin")
    now = ok(admin.get("/v1/business-date"))
    if now["business_date"] >= on:
        return now
    return ok(admin.put("/v1/business-date", {"business_date": on}))


def eod(desk, on: str, role: str = "finance"):
    return desk.as_(role).post("/v1/servicing/end-of-day", {"date": on})


def settled(desk, on: str, seconds: float = 60) -> dict:
    """The date's run once its close has ended (the console polls the same route)."""
    import time

    deadline = time.monotonic() + seconds
    while True:
        found = desk.as_("finance").get(f"/v1/servicing/end-of-day/{on}")  # 404 until the machine opens it
        if found.status != 404 and ok(found)["status"] != "running" or time.monotonic() > deadline:
            return ok(found)
        time.sleep(0.1)


def assert_books_agree(detail: dict) -> None:
    """Servicing's view of the contract equals the ledger's balances, to the cent."""
    s, b = detail["schedule"], detail["balances"]

    def owed(part: str) -> Decimal:
        return sum((Decimal(i["scheduled"][part]) - Decimal(i["paid"][part]) for i in s), Decimal(0))

    paid_interest = sum((Decimal(i["paid"]["interest"]) for i in s), Decimal(0))
    assert Decimal(b["principal"]) == owed("principal") == Decimal(detail["outstanding_principal"])
    assert Decimal(b["interest"]) == Decimal(detail["interest_accrued"]) - paid_interest
    assert Decimal(b["penalty"]) == owed("penalty")
    assert Decimal(b["suspense"]) == Decimal(detail["suspense"])


def test_the_first_due_date_bills_and_accrues_exactly_and_rerunning_it_changes_nothing(loans):
    desk, a, b = loans
    refused = eod(desk, FIRST_DUE)  # still on 2026-11-23: the due date lies in the tenant's future
    assert (refused.status, refused.code) == (422, "servicing.eod.future_date")
    # Moving the date forward closes every date it leaves behind, in order, from the books' first day
    before = ok(desk.as_("viewer").get("/v1/business-date"))
    first = (date.fromisoformat(before["last_closed_on"]) + timedelta(days=1) if before["last_closed_on"]
             else TEST_BUSINESS_DATE)
    moved = move_to(desk, FIRST_DUE)
    assert moved["business_date"] == FIRST_DUE and moved["last_closed_on"] == "2026-12-22"
    assert moved["closed"] == [(first + timedelta(days=n)).isoformat() for n in range((date(2026, 12, 22) - first).days + 1)]
    run = ok(eod(desk, FIRST_DUE))
    assert run["status"] == "completed" and run["processed"] >= 2 and run["caught_up"] == []
    assert ok(desk.as_("viewer").get("/v1/business-date"))["last_closed_on"] == FIRST_DUE
    before = contract(desk, a)
    assert before["interest_accrued"] == "320.00" and before["schedule"][0]["status"] == "due"
    assert_books_agree(before)
    # Re-running the date is a no-op; an earlier date is refused
    assert ok(eod(desk, FIRST_DUE, "tenant-admin"))["started_at"] == run["started_at"]
    assert contract(desk, a)["balances"] == before["balances"]
    assert ok(eod(desk, "2026-12-20"))["business_date"] == "2026-12-20"  # caught up: its run, unchanged
    never = eod(desk, "2026-11-20")  # before the tenant's books started: never closed, never will be
    assert (never.status, never.code) == (422, "servicing.eod.before_opening")
    assert eod(desk, "2026-12-24", "loan-officer").status == 403


def test_an_exact_instalment_pays_interest_then_principal_and_a_late_one_goes_to_m1_with_penalty(loans):
    desk, a, b = loans
    finance = desk.as_("finance")
    # Closing 2026-12-23 moved the books to 2026-12-24: a payment received after that is refused
    assert ok(desk.as_("viewer").get("/v1/business-date"))["business_date"] == "2026-12-24"
    early = finance.post(f"/v1/contracts/{a}/repayments", {"amount": "2676.70", "received_on": "2026-12-25"},
                         headers=key())
    assert (early.status, early.code) == (422, "servicing.repayment.future_date")
    paid = ok(finance.post(f"/v1/contracts/{a}/repayments", {"amount": "2676.70", "received_on": "2026-12-24"},
                           headers=key()), 201)
    assert paid["totals"] == {"interest": "320.00", "principal": "2356.70"} and paid["overpayment"] == "0.00"
    move_to(desk, "2026-12-31")
    ok(eod(desk, "2026-12-31"))
    on_time, late = contract(desk, a), contract(desk, b)
    assert on_time["bucket"] == "current" and on_time["schedule"][0]["status"] == "paid"
    assert (late["bucket"], late["days_past_due"]) == ("M1", 8)
    assert late["schedule"][0]["status"] == "overdue" and Decimal(late["schedule"][0]["due"]["penalty"]) > 0
    assert [c["id"] for c in ok(desk.as_("viewer").get("/v1/contracts?bucket=M1&limit=200"))["items"]].count(b) == 1
    for detail in (on_time, late):
        assert_books_agree(detail)


def test_a_payment_settles_penalty_first_every_cent_is_allocated_and_suspense_pays_the_next_bill(loans):
    desk, a, b = loans
    move_to(desk, "2027-01-02")  # closes 2027-01-01: a day's more penalty
    penalty = Decimal(contract(desk, b)["schedule"][0]["due"]["penalty"])
    paid = ok(desk.as_("finance").post(f"/v1/contracts/{b}/repayments",
                                       {"amount": "3000.00", "received_on": "2027-01-02"}, headers=key()), 201)
    assert paid["allocation"][0] == {"seq": 1, "component": "penalty", "amount": format(penalty, "f")}
    assert sum((Decimal(x["amount"]) for x in paid["allocation"]), Decimal(paid["overpayment"])) == Decimal("3000.00")
    assert Decimal(paid["overpayment"]) == Decimal("3000.00") - penalty - Decimal("2676.70")
    after = contract(desk, b)
    assert after["bucket"] == "current" and after["schedule"][0]["status"] == "paid"
    assert_books_agree(after)
    move_to(desk, SECOND_DUE)
    ok(eod(desk, SECOND_DUE))
    billed = contract(desk, b)
    assert Decimal(billed["suspense"]) == 0 and Decimal(billed["schedule"][1]["paid"]["interest"]) > 0
    assert_books_agree(billed)
    assert_books_agree(contract(desk, a))


def test_the_scheduler_handler_closes_a_date_for_a_tenant(loans):
    from chalicelib.closing.tasks import end_of_day_batch

    desk, a, _ = loans
    move_to(desk, "2027-01-25")
    started = end_of_day_batch({"tenant_id": "demo-lending", "date": "2027-01-24"}, None)
    assert started["tenant_id"] == "demo-lending" and started["business_date"] == "2027-01-24"
    assert settled(desk, "2027-01-24")["status"] == "completed"  # the schedule starts the close, not waits
    assert contract(desk, a)["last_eod_on"] == "2027-01-24"


def test_the_daily_schedule_closes_the_tenants_business_date(loans):
    """EventBridge Scheduler fires at 23:30 local time: the tenant's business date closes (its local
    day in production; here the date time travel set), whatever instant the event carries."""
    from chalicelib.closing.tasks import end_of_day_batch

    desk, a, _ = loans
    started = end_of_day_batch({"tenant_id": "demo-lending", "trigger": "schedule",
                                "scheduled_at": "2031-06-01T15:30:00Z"}, None)
    assert started["business_date"] == "2027-01-25"
    assert settled(desk, "2027-01-25")["status"] == "completed"
    assert contract(desk, a)["last_eod_on"] == "2027-01-25"
