"""Postings against real DynamoDB semantics, once on the embedded AWS and once on DynamoDB Local."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from chalicelib.ledger import domain, service
from chalicelib.ledger.domain import EntryKind, JournalEntry
from chalicelib.ledger.ports import Commit, EntryExists, StaleWrite
from chalicelib.shared.errors import Conflict, NotFound, RuleViolation
from tests.unit.ledger.builders import D, DAY1, LENDING, a_contract, capital, disbursement, event, manual, repayment

DAY2, DAY3 = date(2026, 2, 5), date(2026, 3, 5)


@pytest.fixture()
def books(backend):
    """A fresh lending tenant with its chart open and 1,000,000.00 of capital in the bank."""
    ctx = backend.tenant()
    service.open_chart_of_accounts(ctx, currency="CNY", store=backend.store)
    service.post_entry(ctx, capital(), store=backend.store)
    return ctx, backend.store


def balances(ctx, store, *ids):
    """Balances as the ledger reports them (GL accounts with their contract movements not rolled up yet)."""
    return {i: service.get_account(ctx, i, store=store).balance for i in ids}


def test_a_disbursement_and_repayment_move_every_account_exactly(books):
    ctx, store = books
    loan = a_contract()
    service.post_contract_event(ctx, disbursement(loan, "10000.00", upfront_fee="150.00"), template=LENDING,
                                idempotency_key=f"disburse:{loan}", store=store)
    service.post_contract_event(ctx, event(EntryKind.ACCRUAL, loan, DAY2, interest="40.27"), template=LENDING,
                                idempotency_key=f"accrue:{loan}", store=store)
    service.post_contract_event(ctx, repayment(loan, DAY2, principal="800.00", interest="40.27", overpayment="9.73"),
                                template=LENDING, idempotency_key=f"repay:{loan}:1", store=store)

    moved = balances(ctx, store, "1002", f"{loan}.principal", f"{loan}.interest", f"{loan}.suspense", "6021", "6011")
    assert moved == {
        "1002": D("1000000.00") - D("9850.00") + D("850.00"),
        f"{loan}.principal": D("9200.00"),
        f"{loan}.interest": D("0.00"),
        f"{loan}.suspense": D("9.73"),
        "6021": D("150.00"),
        "6011": D("40.27"),
    }


def test_the_statement_carries_a_running_balance_in_booked_order(books):
    ctx, store = books
    loan = a_contract()
    service.post_contract_event(ctx, disbursement(loan, "5000.00"), template=LENDING, idempotency_key=f"d:{loan}",
                                store=store)
    for i, day in enumerate((DAY2, DAY3)):
        service.post_contract_event(ctx, repayment(loan, day, principal="1000.00"), template=LENDING,
                                    idempotency_key=f"r:{loan}:{i}", store=store)

    page = service.statement(ctx, f"{loan}.principal", store=store)

    assert [(r.seq, r.booked_on, r.debit, r.credit, r.balance_after) for r in page.lines] == [
        (1, DAY1, D("5000.00"), D("0.00"), D("5000.00")),
        (2, DAY2, D("0.00"), D("1000.00"), D("4000.00")),
        (3, DAY3, D("0.00"), D("1000.00"), D("3000.00")),
    ]
    assert (page.opening_balance, page.closing_balance) == (D("0.00"), D("3000.00"))


def test_a_statement_pages_with_an_opaque_cursor_and_filters_by_date(books):
    ctx, store = books
    for i in range(5):
        service.post_entry(ctx, manual(("6602", "debit", f"{i + 1}.00"), ("1002", "credit", f"{i + 1}.00"),
                                       booked_on=date(2026, 1, 10 + i)), store=store)
    first = service.statement(ctx, "6602", store=store, limit=2)
    second = service.statement(ctx, "6602", store=store, limit=2, cursor=first.next)
    third = service.statement(ctx, "6602", store=store, limit=2, cursor=second.next)
    assert [r.seq for r in first.lines + second.lines + third.lines] == [1, 2, 3, 4, 5]
    assert third.next is None or not service.statement(ctx, "6602", store=store, cursor=third.next).lines
    window = service.statement(ctx, "6602", store=store, from_on=date(2026, 1, 11), to_on=date(2026, 1, 12))
    assert [r.credit or r.debit for r in window.lines] == [D("2.00"), D("3.00")]
    assert window.opening_balance == D("1.00")


def test_a_statement_cursor_works_only_for_its_own_account(books):
    from chalicelib.shared.errors import MalformedRequest

    ctx, store = books
    for i in range(3):
        service.post_entry(ctx, manual(("6602", "debit", "1.00"), ("1002", "credit", "1.00")), store=store)
    cursor = service.statement(ctx, "6602", store=store, limit=1).next
    with pytest.raises(MalformedRequest):
        service.statement(ctx, "1002", store=store, cursor=cursor)


def test_a_retried_posting_returns_the_original_entry_and_moves_nothing(books):
    ctx, store = books
    draft = manual(("6602", "debit", "12.34"), ("1002", "credit", "12.34"), key="pay-office-rent")
    first = service.post_entry(ctx, draft, store=store)
    again = service.post_entry(ctx, draft, store=store)
    assert again.replayed and again.entry.id == first.entry.id
    assert store.get_accounts(ctx, ["6602"])["6602"].balance == D("12.34")


def test_the_same_key_with_different_content_is_409(books):
    ctx, store = books
    service.post_entry(ctx, manual(("6602", "debit", "1.00"), ("1002", "credit", "1.00"), key="k1"), store=store)
    with pytest.raises(Conflict) as err:
        service.post_entry(ctx, manual(("6602", "debit", "2.00"), ("1002", "credit", "2.00"), key="k1"), store=store)
    assert err.value.code == "ledger.idempotency.mismatch"


def test_a_non_negative_account_refuses_to_go_negative_and_nothing_changes(books):
    ctx, store = books
    loan = a_contract()
    service.post_contract_event(ctx, disbursement(loan, "1000.00"), template=LENDING, idempotency_key=f"d:{loan}",
                                store=store)
    before = balances(ctx, store, "1002", f"{loan}.principal")
    with pytest.raises(RuleViolation) as err:
        service.post_contract_event(ctx, repayment(loan, principal="1000.01"), template=LENDING,
                                    idempotency_key=f"r:{loan}", store=store)
    assert err.value.code == "ledger.account.insufficient_balance"
    assert balances(ctx, store, "1002", f"{loan}.principal") == before


def test_dynamodb_itself_enforces_the_non_negative_floor(books):
    """A plan that skipped the domain check is still refused by the transaction's condition."""
    ctx, store = books
    loan = a_contract()
    service.post_contract_event(ctx, disbursement(loan, "100.00"), template=LENDING, idempotency_key=f"d:{loan}",
                                store=store)
    accounts = store.get_accounts(ctx, [f"{loan}.principal", "1002"])
    draft = manual((f"{loan}.principal", "credit", "50.00"), ("1002", "debit", "50.00"), key="sneaky")
    movements = domain.plan_entry(draft, accounts)
    forged = [replace(m, balance_floor=D("100.01")) if m.before.id == f"{loan}.principal" else m for m in movements]
    with pytest.raises(StaleWrite):
        store.commit(ctx, Commit(movements=forged, entry=_entry(draft)))
    assert store.get_entry(ctx, draft.entry_id) is None
    assert balances(ctx, store, f"{loan}.principal")[f"{loan}.principal"] == D("100.00")


def test_a_commit_from_a_stale_read_writes_nothing(books):
    ctx, store = books
    stale = store.get_accounts(ctx, ["6602", "1002"])
    service.post_entry(ctx, manual(("6602", "debit", "5.00"), ("1002", "credit", "5.00")), store=store)
    draft = manual(("6602", "debit", "7.00"), ("1002", "credit", "7.00"), key="late")
    with pytest.raises(StaleWrite):
        store.commit(ctx, Commit(movements=domain.plan_entry(draft, stale), entry=_entry(draft)))
    assert store.get_entry(ctx, draft.entry_id) is None
    assert store.get_accounts(ctx, ["6602"])["6602"].balance == D("5.00")


def test_a_second_commit_of_the_same_entry_id_is_refused_by_dynamodb(books):
    ctx, store = books
    draft = manual(("6602", "debit", "3.00"), ("1002", "credit", "3.00"), key="twice")
    service.post_entry(ctx, draft, store=store)
    fresh = store.get_accounts(ctx, ["6602", "1002"])
    with pytest.raises(EntryExists):
        store.commit(ctx, Commit(movements=domain.plan_entry(draft.normalised(), fresh), entry=_entry(draft)))
    assert store.get_accounts(ctx, ["6602"])["6602"].balance == D("3.00")


def test_a_reversal_restores_balances_once_and_only_once(books):
    ctx, store = books
    loan = a_contract()
    posted = service.post_contract_event(ctx, disbursement(loan, "2500.00"), template=LENDING,
                                         idempotency_key=f"d:{loan}", store=store).entry
    reversal = service.reverse_entry(ctx, posted.id, idempotency_key="undo-1", booked_on=DAY2, store=store)
    assert reversal.entry.reverses == posted.id and reversal.entry.kind is EntryKind.REVERSAL
    assert balances(ctx, store, f"{loan}.principal", "1002") == {f"{loan}.principal": D("0.00"),
                                                                 "1002": D("1000000.00")}
    assert service.reverse_entry(ctx, posted.id, idempotency_key="undo-1", booked_on=DAY2, store=store).replayed
    with pytest.raises(Conflict) as twice:
        service.reverse_entry(ctx, posted.id, idempotency_key="undo-2", booked_on=DAY2, store=store)
    assert twice.value.code == "ledger.entry.already_reversed"
    with pytest.raises(Conflict) as of_reversal:
        service.reverse_entry(ctx, reversal.entry.id, idempotency_key="undo-3", booked_on=DAY2, store=store)
    assert of_reversal.value.code == "ledger.entry.is_reversal"
    assert service.get_entry(ctx, posted.id, store=store)[1] == reversal.entry.id


def test_an_entry_cannot_be_booked_before_an_accounts_last_booked_date(books):
    ctx, store = books
    service.post_entry(ctx, manual(("6602", "debit", "1.00"), ("1002", "credit", "1.00"), booked_on=DAY2), store=store)
    with pytest.raises(RuleViolation) as err:
        service.post_entry(ctx, manual(("6602", "debit", "1.00"), ("1002", "credit", "1.00"), booked_on=DAY1),
                           store=store)
    assert err.value.code == "ledger.entry.booked_on.closed"


def test_the_trial_balance_is_exact_for_past_dates(books):
    ctx, store = books
    loan = a_contract()
    service.post_contract_event(ctx, disbursement(loan, "3000.00"), template=LENDING, idempotency_key=f"d:{loan}",
                                store=store)
    service.post_contract_event(ctx, repayment(loan, DAY2, principal="1000.00"), template=LENDING,
                                idempotency_key=f"r:{loan}", store=store)
    service.post_contract_event(ctx, event(EntryKind.ACCRUAL, loan, DAY3, interest="12.00"), template=LENDING,
                                idempotency_key=f"a:{loan}", store=store)

    def rows(day):
        tb = service.trial_balance(ctx, day, store=store)
        assert tb.balanced
        return {r.code: (r.debit, r.credit) for r in tb.rows if r.debit or r.credit}

    assert rows(date(2026, 1, 4)) == {}
    assert rows(DAY1) == {"1002": (D("997000.00"), D("0.00")), "1303": (D("3000.00"), D("0.00")),
                          "4001": (D("0.00"), D("1000000.00"))}
    assert rows(DAY2)["1303"] == (D("2000.00"), D("0.00"))
    assert "1132" not in rows(DAY2)
    assert rows(DAY3)["1132"] == (D("12.00"), D("0.00")) and rows(DAY3)["6011"] == (D("0.00"), D("12.00"))


def test_a_posting_of_99_items_commits_and_one_of_101_is_refused_before_dynamodb(books):
    ctx, store = books
    expense = domain.chart_index(ctx.kind)["6602"]
    sub_ledgers = [replace(domain.gl_account(expense, "CNY"), id=f"6602.{i:02d}") for i in range(49)]
    store.open_accounts(ctx, sub_ledgers)
    # 1 entry + 49 accounts + 49 statement rows = 99 items (GL accounts raise no customer events)
    lines = [("1002", "credit", "48.00")] + [(a.id, "debit", "1.00") for a in sub_ledgers[:48]]
    assert service.post_entry(ctx, manual(*lines), store=store).receipt.items == 99
    assert store.get_accounts(ctx, ["6602.47"])["6602.47"].balance == D("1.00")

    lines = [("1002", "credit", "49.00")] + [(a.id, "debit", "1.00") for a in sub_ledgers]
    with pytest.raises(RuleViolation) as err:
        service.post_entry(ctx, manual(*lines), store=store)
    assert err.value.code == "ledger.entry.too_large" and err.value.details["items"] == 101


def test_another_tenants_accounts_and_entries_read_as_absent(backend):
    a, b = backend.tenant(), backend.tenant()
    store = backend.store
    service.open_chart_of_accounts(a, currency="CNY", store=store)
    loan = a_contract()
    posted = service.post_contract_event(a, disbursement(loan, "100.00"), template=LENDING,
                                         idempotency_key=f"d:{loan}", store=store).entry
    with pytest.raises(NotFound):
        service.get_account(b, f"{loan}.principal", store=store)
    with pytest.raises(NotFound):
        service.get_entry(b, posted.id, store=store)
    with pytest.raises(NotFound):
        service.reverse_entry(b, posted.id, idempotency_key="x", booked_on=DAY2, store=store)
    with pytest.raises(NotFound) as posting:  # B posting "to" A's sub-account names nothing of B's
        service.post_entry(b, manual((f"{loan}.principal", "credit", "1.00"), ("1002", "debit", "1.00")), store=store)
    assert posting.value.code == "ledger.account.not_found"
    assert service.list_accounts(b, store=store, contract_id=loan)[0] == []
    assert service.get_account(a, f"{loan}.principal", store=store).balance == D("100.00")


def test_a_cursor_from_tenant_a_is_refused_for_tenant_b(backend):
    from chalicelib.shared.errors import MalformedRequest

    a, b = backend.tenant(), backend.tenant()
    service.open_chart_of_accounts(a, currency="CNY", store=backend.store)
    _, cursor = service.list_accounts(a, store=backend.store, limit=2)
    assert cursor
    with pytest.raises(MalformedRequest):
        service.list_accounts(b, store=backend.store, cursor=cursor)


def test_every_movement_of_a_customer_account_writes_one_event_per_contract(books):
    ctx, store = books
    loan = a_contract()
    posted = service.post_contract_event(ctx, disbursement(loan, "700.00", upfront_fee="7.00"), template=LENDING,
                                         idempotency_key=f"d:{loan}", store=store).entry
    events = service.customer_events(ctx, posted.id, store=store)
    assert len(events) == 1
    assert events[0]["type"] == "ledger.customer_account.moved" and events[0]["contract_id"] == loan
    assert events[0]["movements"] == [{"account_id": f"{loan}.principal", "debit": "700.00", "credit": "0.00",
                                       "balance_after": "700.00", "seq": 1}]
    gl_only = service.post_entry(ctx, manual(("6602", "debit", "1.00"), ("1002", "credit", "1.00")), store=store)
    assert service.customer_events(ctx, gl_only.entry.id, store=store) == []


def test_holds_reserve_then_post_or_void(books):
    ctx, store = books
    loan = a_contract()
    service.post_contract_event(ctx, repayment(loan, overpayment="300.00"), template=LENDING,
                                idempotency_key=f"over:{loan}", store=store)
    suspense = f"{loan}.suspense"
    hold = service.place_hold(ctx, debit_account=suspense, credit_account="1003", amount="200.00", currency="CNY",
                              idempotency_key="refund-1", contract_id=loan, store=store)
    account = service.get_account(ctx, suspense, store=store)
    assert (account.balance, account.available) == (D("300.00"), D("100.00"))
    with pytest.raises(RuleViolation) as too_much:
        service.place_hold(ctx, debit_account=suspense, credit_account="1003", amount="100.01", currency="CNY",
                           idempotency_key="refund-2", store=store)
    assert too_much.value.code == "ledger.account.insufficient_balance"

    posted = service.post_hold(ctx, hold.id, amount="150.00", booked_on=DAY2, store=store)
    account = service.get_account(ctx, suspense, store=store)
    assert (account.balance, account.available, account.pending_debits) == (D("150.00"), D("150.00"), D("0.00"))
    assert service.post_hold(ctx, hold.id, amount="150.00", booked_on=DAY2, store=store).entry.id == posted.entry.id
    assert store.get_hold(ctx, hold.id).status is domain.HoldStatus.POSTED

    second = service.place_hold(ctx, debit_account=suspense, credit_account="1003", amount="150.00", currency="CNY",
                                idempotency_key="refund-3", store=store)
    voided = service.void_hold(ctx, second.id, store=store)
    assert voided.status is domain.HoldStatus.VOIDED
    assert service.get_account(ctx, suspense, store=store).available == D("150.00")
    with pytest.raises(Conflict) as late:
        service.post_hold(ctx, second.id, booked_on=DAY2, store=store)
    assert late.value.code == "ledger.hold.not_pending"


def _entry(draft) -> JournalEntry:
    from datetime import datetime, timezone

    d = draft.normalised()
    return JournalEntry(id=d.entry_id, kind=d.kind, booked_on=d.booked_on, lines=d.lines,
                        idempotency_key=d.idempotency_key, fingerprint=d.fingerprint(),
                        created_at=datetime.now(timezone.utc), memo=d.memo)
