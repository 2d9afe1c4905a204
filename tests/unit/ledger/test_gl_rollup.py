"""Deferred GL legs and the close-of-business roll-up (issue 15: no hot items on the posting path).

Contract postings write their lines on shared GL accounts as movement rows instead of updating the
account; ``roll_up`` folds them in at close of business; reads stay exact throughout.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from chalicelib.ledger import domain, service
from chalicelib.ledger.domain import EntryKind, PostingRole, Side, Slot
from chalicelib.ledger.memory import InMemoryLedger
from chalicelib.shared.errors import RuleViolation
from tests.unit.ledger.builders import D, DAY1, LENDING, a_contract, a_tenant, capital, disbursement, event, manual, \
    repayment

DAY2, DAY3 = DAY1 + timedelta(days=1), DAY1 + timedelta(days=2)


@pytest.fixture()
def books():
    ctx, store = a_tenant(), InMemoryLedger()
    service.open_chart_of_accounts(ctx, currency="CNY", store=store)
    service.post_entry(ctx, capital("1000.00"), store=store)
    return ctx, store


def _accrue(ctx, store, loan, amount, on=DAY1, key=None):
    return service.post_contract_event(ctx, event(EntryKind.ACCRUAL, loan, on, interest=amount), template=LENDING,
                                       idempotency_key=key or f"a:{loan}:{on}:{amount}", store=store)


def _raw(ctx, store, account_id):
    return store.get_accounts(ctx, [account_id])[account_id]


def _stored(ctx, store, account_id):
    """The account's stored statement rows (a roll-up writes one per folded day)."""
    rows, _ = store.statement(ctx, account_id, from_on=None, to_on=None, cursor=None, limit=200)
    return rows


def _tb(ctx, store, on):
    tb = service.trial_balance(ctx, on, store=store)
    assert tb.balanced
    return {r.code: r.debit - r.credit for r in tb.rows}


# --- which legs defer (domain) ---------------------------------------------------------------------


def _accounts(*accounts):
    return {a.id: a for a in accounts}


def test_a_contract_posting_defers_its_shared_gl_legs_and_keeps_its_own_accounts_direct():
    chart = domain.chart_index(domain.TenantKind.LENDING)
    loan = a_contract()
    draft = domain.build_contract_entry(LENDING, repayment(loan, principal="8.00", interest="2.00"),
                                        idempotency_key="r")
    accounts = _accounts(domain.gl_account(chart["1002"], "CNY"),
                         *domain.contract_accounts_for(LENDING, chart, loan, "CNY"))
    accounts = {k: replace(a, balance=D("50.00")) for k, a in accounts.items()}

    plan = domain.plan_posting(draft, accounts, defer_gl=True)

    assert sorted(m.before.id for m in plan.movements) == [f"{loan}.interest", f"{loan}.principal"]
    (bank,) = plan.gl_movements
    assert (bank.account_id, bank.debit, bank.credit, bank.entry_id, bank.contract_id, bank.booked_on) == \
        ("1002", D("10.00"), D("0.00"), draft.entry_id, loan, DAY1)
    assert 0 <= bank.shard < domain.GL_SHARDS and bank.shard == domain.gl_shard(draft.entry_id)
    # the entry, two accounts, their two rows, one movement row, one customer event
    assert domain.transaction_items(plan.movements, gl_movements=len(plan.gl_movements)) == 7
    # the same draft posted directly (a manual posting) updates the bank account instead
    assert sorted(m.before.id for m in domain.plan_posting(draft, accounts).movements) == \
        ["1002", f"{loan}.interest", f"{loan}.principal"]


def test_a_non_negative_gl_account_is_never_deferred_and_keeps_its_floor():
    chart = domain.chart_index(domain.TenantKind.LENDING)
    receivable = replace(domain.gl_account(chart["1132"], "CNY"), balance=D("5.00"), version=3)
    income = domain.gl_account(chart["6011"], "CNY")
    draft = domain.EntryDraft(kind=EntryKind.REPAYMENT, booked_on=DAY1, idempotency_key="x", contract_id="c-1",
                              lines=(domain.line("6011", "debit", "4.00", "CNY"),
                                     domain.line("1132", "credit", "4.00", "CNY")))
    plan = domain.plan_posting(draft, _accounts(receivable, income), defer_gl=True)
    (direct,) = plan.movements
    assert direct.before.id == "1132" and direct.balance_floor == D("4.00")
    assert [g.account_id for g in plan.gl_movements] == ["6011"]


def test_a_deferred_leg_may_not_be_booked_before_the_accounts_last_booked_or_rolled_day():
    chart = domain.chart_index(domain.TenantKind.LENDING)
    bank = replace(domain.gl_account(chart["1002"], "CNY"), last_booked_on=DAY1, rolled_through=DAY2)
    change = domain.AccountChange("1002", posted_debit=D("1.00"))
    with pytest.raises(RuleViolation) as err:
        domain.deferred_leg(bank, change, booked_on=DAY1, entry_id="je-1", kind=EntryKind.REPAYMENT, contract_id="c")
    assert err.value.code == "ledger.entry.booked_on.closed"
    # the rolled day itself stays open: the next roll-up folds what lands on it later
    assert domain.deferred_leg(bank, change, booked_on=DAY2, entry_id="je-1", kind=EntryKind.REPAYMENT,
                               contract_id="c").debit == D("1.00")


# --- posting (service over the in-memory twin) -----------------------------------------------------


def test_a_contract_posting_leaves_the_shared_gl_items_alone_but_reads_include_it(books):
    ctx, store = books
    loan = a_contract()
    service.post_contract_event(ctx, disbursement(loan, "300.00"), template=LENDING, idempotency_key="d",
                                store=store)
    _accrue(ctx, store, loan, "7.00")

    assert (_raw(ctx, store, "1002").balance, _raw(ctx, store, "6011").balance) == (D("1000.00"), D("0.00"))
    assert store.get_accounts(ctx, [f"{loan}.principal"])[f"{loan}.principal"].balance == D("300.00")
    bank = service.get_account(ctx, "1002", store=store)
    assert (bank.balance, bank.debits, bank.credits) == (D("700.00"), D("1000.00"), D("300.00"))
    listed = {a.id: a.balance for a in service.list_accounts(ctx, gl_only=True, store=store, limit=100)[0]}
    assert (listed["1002"], listed["6011"]) == (D("700.00"), D("7.00"))
    assert service.balance_as_of(ctx, "6011", DAY1, store=store) == D("7.00")


def test_manual_postings_still_update_the_gl_account_itself(books):
    ctx, store = books
    service.post_entry(ctx, manual(("6602", "debit", "5.00"), ("1002", "credit", "5.00")), store=store)
    assert _raw(ctx, store, "1002").balance == D("995.00")
    assert store.gl_movements(ctx, "1002", from_on=None, to_on=None) == []


def test_the_reversal_of_a_contract_entry_defers_too(books):
    ctx, store = books
    loan = a_contract()
    posted = _accrue(ctx, store, loan, "3.00")
    service.reverse_entry(ctx, posted.entry.id, idempotency_key="rev", booked_on=DAY1, store=store)
    moves = store.gl_movements(ctx, "6011", from_on=None, to_on=None)
    assert sorted((m.debit, m.credit) for m in moves) == [(D("0.00"), D("3.00")), (D("3.00"), D("0.00"))]
    assert _raw(ctx, store, "6011").version == 1 and service.get_account(ctx, "6011", store=store).balance == 0


def test_a_contract_posting_on_a_non_negative_gl_account_stays_direct_and_guarded(books):
    """A product booking interest receivable to the GL account itself (not per contract)."""
    ctx, store = books
    shared = LENDING.model_copy(update={"slots": {**LENDING.slots, PostingRole.INTEREST_RECEIVABLE: Slot(code="1132")}})
    loan = a_contract()
    service.post_contract_event(ctx, event(EntryKind.ACCRUAL, loan, interest="4.00"), template=shared,
                                idempotency_key="a", store=store)
    assert _raw(ctx, store, "1132").balance == D("4.00")  # updated directly
    with pytest.raises(RuleViolation) as err:
        service.post_contract_event(ctx, repayment(loan, interest="5.00"), template=shared, idempotency_key="r",
                                    store=store)
    assert err.value.code == "ledger.account.insufficient_balance"


# --- roll-up ---------------------------------------------------------------------------------------


def test_the_trial_balance_is_exact_before_and_after_the_roll_up_and_rolling_twice_is_a_no_op(books):
    ctx, store = books
    loan = a_contract()
    service.post_contract_event(ctx, disbursement(loan, "300.00"), template=LENDING, idempotency_key="d",
                                store=store)
    _accrue(ctx, store, loan, "7.00")
    _accrue(ctx, store, loan, "1.50", on=DAY2)
    expected_day1 = {"1002": D("700.00"), "6011": D("-7.00")}
    before = (_tb(ctx, store, DAY1), _tb(ctx, store, DAY2))
    assert {k: before[0][k] for k in expected_day1} == expected_day1 and before[1]["6011"] == D("-8.50")

    summary = service.roll_up(ctx, DAY1, store=store)

    assert summary["movements"] == 2
    assert {f["account_id"]: (f["movements"], f["debit"], f["credit"]) for f in summary["accounts"]} == {
        "1002": (1, D("0.00"), D("300.00")), "6011": (1, D("0.00"), D("7.00"))}
    assert (_tb(ctx, store, DAY1), _tb(ctx, store, DAY2)) == before
    assert (_raw(ctx, store, "1002").balance, _raw(ctx, store, "6011").balance) == (D("700.00"), D("7.00"))
    assert _raw(ctx, store, "6011").rolled_through == DAY1
    commits = store.commits
    assert service.roll_up(ctx, DAY1, store=store)["movements"] == 0 and store.commits == commits
    stored, _ = store.statement(ctx, "6011", from_on=None, to_on=None, cursor=None, limit=50)
    assert [(r.kind, r.entry_id, r.credit, r.balance_after) for r in stored] == [
        (EntryKind.ROLLUP, "rollup:2026-01-05", D("7.00"), D("7.00"))]  # one stored row for the folded day
    shown = service.statement(ctx, "6011", store=store).lines  # the statement names the entries themselves
    assert [(r.kind, r.credit, r.balance_after) for r in shown] == [
        (EntryKind.ACCRUAL, D("7.00"), D("7.00")), (EntryKind.ACCRUAL, D("1.50"), D("8.50"))]


def test_rolling_up_a_date_catches_up_skipped_days_in_order(books):
    ctx, store = books
    loan = a_contract()
    for on, amount in ((DAY1, "1.00"), (DAY1, "2.00"), (DAY2, "4.00"), (DAY3, "8.00")):
        _accrue(ctx, store, loan, amount, on=on)

    summary = service.roll_up(ctx, DAY2, store=store)

    assert summary["movements"] == 3
    rows = _stored(ctx, store, "6011")  # one stored row per folded day
    assert [(r.booked_on, r.credit, r.balance_after, r.movements) for r in rows] == [
        (DAY1, D("3.00"), D("3.00"), 2), (DAY2, D("4.00"), D("7.00"), 1)]
    assert service.balance_as_of(ctx, "6011", DAY1, store=store) == D("3.00")
    assert service.get_account(ctx, "6011", store=store).balance == D("15.00")  # DAY3 still unrolled
    assert _tb(ctx, store, DAY3)["6011"] == D("-15.00")


def test_a_movement_booked_on_a_rolled_day_is_read_at_once_and_folded_by_the_next_roll_up(books):
    ctx, store = books
    loan = a_contract()
    _accrue(ctx, store, loan, "1.00")
    service.roll_up(ctx, DAY1, store=store)
    _accrue(ctx, store, loan, "2.00")  # still DAY1: the business day goes on after its close ran

    assert _tb(ctx, store, DAY1)["6011"] == D("-3.00")
    assert service.roll_up(ctx, DAY1, store=store)["movements"] == 1
    assert _raw(ctx, store, "6011").balance == D("3.00") and _tb(ctx, store, DAY1)["6011"] == D("-3.00")
    rows = service.statement(ctx, "6011", store=store).lines
    assert [(r.credit, r.balance_after) for r in rows] == [(D("1.00"), D("1.00")), (D("2.00"), D("3.00"))]


def test_rolling_up_a_day_restates_later_manual_rows_so_past_balances_stay_exact(books):
    ctx, store = books
    loan = a_contract()
    service.post_contract_event(ctx, repayment(loan, overpayment="40.00"), template=LENDING, idempotency_key="r",
                                store=store)
    service.post_entry(ctx, manual(("6602", "debit", "5.00"), ("1002", "credit", "5.00"), booked_on=DAY2),
                       store=store)
    assert [service.balance_as_of(ctx, "1002", d, store=store) for d in (DAY1, DAY2)] == [D("1040.00"), D("1035.00")]

    service.roll_up(ctx, DAY1, store=store)

    assert [service.balance_as_of(ctx, "1002", d, store=store) for d in (DAY1, DAY2)] == [D("1040.00"), D("1035.00")]
    rows = _stored(ctx, store, "1002")
    assert [(r.booked_on, r.kind, r.balance_after) for r in rows] == [
        (DAY1, EntryKind.MANUAL, D("1000.00")), (DAY1, EntryKind.ROLLUP, D("1040.00")),
        (DAY2, EntryKind.MANUAL, D("1035.00"))]
    assert _raw(ctx, store, "1002").balance == D("1035.00")


class RollsUpMidPosting(InMemoryLedger):
    """A close that commits between a contract posting's read of the GL accounts and its own commit."""

    def __init__(self, close_on):
        super().__init__()
        self.close_on, self.ctx = close_on, None

    def commit(self, ctx, commit):
        if self.close_on and commit.gl_movements:
            close_on, self.close_on = self.close_on, None
            service.roll_up(ctx, close_on, store=self)
        return super().commit(ctx, commit)


def test_a_posting_that_raced_a_roll_up_past_its_day_is_folded_by_the_posting_itself():
    ctx, store = a_tenant(), RollsUpMidPosting(close_on=None)
    service.open_chart_of_accounts(ctx, currency="CNY", store=store)
    _accrue(ctx, store, a_contract(), "4.00", on=DAY2)  # something to roll up on DAY2
    store.close_on = DAY2
    _accrue(ctx, store, a_contract(), "1.00", on=DAY1)  # read 6011 before DAY2 was rolled, committed after

    assert _raw(ctx, store, "6011").rolled_through == DAY2
    assert _raw(ctx, store, "6011").balance == D("5.00")  # the DAY1 movement was folded, not stranded
    assert service.balance_as_of(ctx, "6011", DAY1, store=store) == D("1.00")
    assert _tb(ctx, store, DAY2)["6011"] == D("-5.00")


def test_a_roll_up_dated_after_the_business_date_is_refused(books):
    from chalicelib.shared import clock

    ctx, store = books
    with pytest.raises(RuleViolation) as err:
        service.roll_up(ctx, clock.business_date(ctx) + timedelta(days=1), store=store)
    assert err.value.code == "ledger.rollup.future_date"


def test_a_tenant_cannot_see_another_tenants_movements(books):
    ctx, store = books
    _accrue(ctx, store, a_contract(), "1.00")
    assert store.gl_movements(a_tenant(), "6011", from_on=None, to_on=None) == []
    assert len(store.gl_movements(ctx, "6011", from_on=None, to_on=None)) == 1


def test_a_control_account_statement_names_every_entry_rolled_or_not_with_its_running_balance(books):
    ctx, store = books
    loan = a_contract()
    paid_out = service.post_contract_event(ctx, disbursement(loan, principal="300.00"), template=LENDING,
                                           idempotency_key=f"d:{loan}", store=store)
    service.roll_up(ctx, DAY1, store=store)  # the day's movements folded: the statement still names them
    paid_in = service.post_contract_event(ctx, repayment(loan, DAY2, principal="50.00"), template=LENDING,
                                          idempotency_key=f"r:{loan}", store=store)
    page = service.statement(ctx, "1002", store=store)
    assert [(r.entry_id, r.debit, r.credit, r.balance_after) for r in page.lines][1:] == [
        (paid_out.entry.id, D("0.00"), D("300.00"), D("700.00")),
        (paid_in.entry.id, D("50.00"), D("0.00"), D("750.00"))]
    assert page.lines[0].kind is EntryKind.MANUAL and page.lines[0].balance_after == D("1000.00")
    assert all(r.kind is not EntryKind.ROLLUP for r in page.lines)
    assert page.closing_balance == service.get_account(ctx, "1002", store=store).balance == D("750.00")
    second_day = service.statement(ctx, "1002", store=store, from_on=DAY2)
    assert (second_day.opening_balance, [r.entry_id for r in second_day.lines]) == (D("700.00"), [paid_in.entry.id])
    first = service.statement(ctx, "1002", store=store, limit=2)
    rest = service.statement(ctx, "1002", store=store, limit=2, cursor=first.next)
    assert [r.entry_id for r in first.lines + rest.lines] == [r.entry_id for r in page.lines] and rest.next is None
