"""Ledger use cases over the in-memory twin: idempotency, retries under contention, holds, reversals."""
from __future__ import annotations

import pytest

from chalicelib.ledger import service
from chalicelib.ledger.domain import EntryKind, HoldStatus
from chalicelib.ledger.memory import InMemoryLedger
from chalicelib.ledger.ports import StaleWrite
from chalicelib.shared.errors import Conflict, NotFound, RuleViolation
from tests.unit.ledger.builders import D, DAY1, LENDING, a_contract, a_tenant, capital, disbursement, manual, repayment


class LosesRaces(InMemoryLedger):
    """A store where the first ``losses`` commits find an account changed under them."""

    def __init__(self, losses: int):
        super().__init__()
        self.losses = losses

    def commit(self, ctx, commit):
        if self.losses and commit.entry is not None and commit.entry.kind is not EntryKind.MANUAL:
            self.losses -= 1
            raise StaleWrite("someone else posted first")
        return super().commit(ctx, commit)


@pytest.fixture()
def books():
    ctx, store = a_tenant(), InMemoryLedger()
    service.open_chart_of_accounts(ctx, currency="CNY", store=store)
    service.post_entry(ctx, capital(), store=store)
    return ctx, store


def test_opening_the_chart_twice_changes_nothing(books):
    ctx, store = books
    again = service.open_chart_of_accounts(ctx, currency="CNY", store=store)
    assert {a.id: a.balance for a in again}["1002"] == D("1000000.00")


def test_a_posting_that_loses_a_race_is_re_planned_and_lands_once():
    ctx, store = a_tenant(), LosesRaces(losses=3)
    loan = a_contract()
    result = service.post_contract_event(ctx, disbursement(loan, "100.00"), template=LENDING,
                                         idempotency_key=f"d:{loan}", store=store)
    assert result.attempts == 4 and not result.replayed
    assert store.get_accounts(ctx, [f"{loan}.principal"])[f"{loan}.principal"].balance == D("100.00")
    assert store.commits == 1


def test_a_posting_that_keeps_losing_gives_up_with_a_retryable_409():
    ctx, store = a_tenant(), LosesRaces(losses=100)
    with pytest.raises(Conflict) as err:
        service.post_contract_event(ctx, disbursement(a_contract(), "1.00"), template=LENDING,
                                    idempotency_key="d", store=store, max_attempts=3)
    assert err.value.code == "ledger.posting.contention" and err.value.details == {"attempts": 3}


def test_a_retry_after_the_balances_moved_on_still_returns_the_original(books):
    """The original repayment emptied the principal: replanning would refuse, the key must not."""
    ctx, store = books
    loan = a_contract()
    service.post_contract_event(ctx, disbursement(loan, "50.00"), template=LENDING, idempotency_key="d", store=store)
    first = service.post_contract_event(ctx, repayment(loan, principal="50.00"), template=LENDING,
                                        idempotency_key="r", store=store)
    again = service.post_contract_event(ctx, repayment(loan, principal="50.00"), template=LENDING,
                                        idempotency_key="r", store=store)
    assert again.replayed and again.entry == first.entry


def test_an_unknown_account_is_404_but_a_standard_chart_account_opens_on_first_use():
    ctx, store = a_tenant(), InMemoryLedger()
    with pytest.raises(NotFound):
        service.post_entry(ctx, manual(("9999", "debit", "1.00"), ("1002", "credit", "1.00")), store=store)
    service.post_entry(ctx, manual(("6602", "debit", "1.00"), ("1002", "credit", "1.00")), store=store)
    assert store.get_accounts(ctx, ["6602"])["6602"].balance == D("1.00")


def test_a_line_in_another_currency_than_its_account_is_refused(books):
    ctx, store = books
    with pytest.raises(RuleViolation) as err:
        service.post_entry(ctx, manual(("6602", "debit", "1.00"), ("1002", "credit", "1.00"), currency="USD"),
                           store=store)
    assert err.value.code == "ledger.line.currency_mismatch"


def test_placing_a_hold_again_under_its_key_returns_it_and_a_different_one_is_409(books):
    ctx, store = books
    loan = a_contract()
    service.post_contract_event(ctx, repayment(loan, overpayment="80.00"), template=LENDING, idempotency_key="o",
                                store=store)
    args = dict(debit_account=f"{loan}.suspense", credit_account="1003", currency="CNY", idempotency_key="h1",
                store=store)
    hold = service.place_hold(ctx, amount="30.00", **args)
    assert service.place_hold(ctx, amount="30.00", **args) == hold
    with pytest.raises(Conflict) as err:
        service.place_hold(ctx, amount="31.00", **args)
    assert err.value.code == "ledger.idempotency.mismatch"
    assert service.get_account(ctx, f"{loan}.suspense", store=store).available == D("50.00")


def test_posting_a_hold_releases_what_it_did_not_use(books):
    ctx, store = books
    loan = a_contract()
    service.post_contract_event(ctx, repayment(loan, overpayment="80.00"), template=LENDING, idempotency_key="o",
                                store=store)
    hold = service.place_hold(ctx, debit_account=f"{loan}.suspense", credit_account="1003", amount="30.00",
                              currency="CNY", idempotency_key="h", store=store)
    posted = service.post_hold(ctx, hold.id, amount="20.00", booked_on=DAY1, store=store)
    suspense = service.get_account(ctx, f"{loan}.suspense", store=store)
    assert (suspense.balance, suspense.available) == (D("60.00"), D("60.00"))
    assert store.get_hold(ctx, hold.id).status is HoldStatus.POSTED
    assert posted.entry.kind is EntryKind.HOLD_POSTING and posted.entry.hold_id == hold.id
    with pytest.raises(Conflict):
        service.void_hold(ctx, hold.id, store=store)


def test_a_voided_hold_voids_again_as_a_no_op_and_an_unknown_one_is_404(books):
    ctx, store = books
    hold = service.place_hold(ctx, debit_account="1002", credit_account="1003", amount="1.00", currency="CNY",
                              idempotency_key="h", store=store)
    assert service.void_hold(ctx, hold.id, store=store).status is HoldStatus.VOIDED
    assert service.void_hold(ctx, hold.id, store=store).status is HoldStatus.VOIDED
    with pytest.raises(NotFound):
        service.void_hold(ctx, "hd-nope", store=store)


def test_the_statement_of_another_tenants_account_is_404(books):
    ctx, store = books
    with pytest.raises(NotFound):
        service.statement(a_tenant(), "1002", store=store)
    assert service.statement(ctx, "1002", store=store).closing_balance == D("1000000.00")


# --- maker-checker ---------------------------------------------------------------------------------


def _checker(maker):
    from dataclasses import replace

    return replace(maker, user_id="checker-" + maker.user_id)


def test_a_proposed_entry_posts_only_when_someone_else_approves_it(books):
    maker, store = books
    proposal = service.propose_entry(maker, manual(("6602", "debit", "8.00"), ("1002", "credit", "8.00")),
                                     idempotency_key="p1", store=store)
    assert store.get_accounts(maker, ["6602"])["6602"].balance == D("0.00")
    with pytest.raises(Exception) as own:
        service.approve_proposal(maker, proposal.id, store=store)
    assert getattr(own.value, "code", None) == "ledger.maker_checker" and own.value.status == 403
    posted = service.approve_proposal(_checker(maker), proposal.id, store=store)
    assert posted.entry.kind is EntryKind.MANUAL and posted.entry.created_by == maker.user_id
    assert store.get_accounts(maker, ["6602"])["6602"].balance == D("8.00")
    again = service.approve_proposal(_checker(maker), proposal.id, store=store)
    assert again.replayed and again.entry.id == posted.entry.id
    decided = service.get_proposal(maker, proposal.id, store=store)
    assert decided.entry_id == posted.entry.id and decided.decided_by == _checker(maker).user_id


def test_a_rejected_proposal_can_no_longer_be_approved(books):
    maker, store = books
    proposal = service.propose_entry(maker, manual(("6602", "debit", "1.00"), ("1002", "credit", "1.00")),
                                     idempotency_key="p2", store=store)
    assert service.reject_proposal(maker, proposal.id, reason="typo", store=store).status.value == "rejected"
    with pytest.raises(Conflict) as err:
        service.approve_proposal(_checker(maker), proposal.id, store=store)
    assert err.value.code == "ledger.proposal.not_pending"


def test_proposing_again_under_a_key_returns_the_proposal_and_other_content_is_409(books):
    maker, store = books
    draft = manual(("6602", "debit", "1.00"), ("1002", "credit", "1.00"))
    first = service.propose_entry(maker, draft, idempotency_key="p3", store=store)
    assert service.propose_entry(maker, draft, idempotency_key="p3", store=store).id == first.id
    with pytest.raises(Conflict) as err:
        service.propose_entry(maker, manual(("6602", "debit", "2.00"), ("1002", "credit", "2.00")),
                              idempotency_key="p3", store=store)
    assert err.value.code == "ledger.idempotency.mismatch"


def test_a_proposal_naming_an_unknown_account_is_refused_at_once(books):
    maker, store = books
    with pytest.raises(NotFound):
        service.propose_entry(maker, manual(("9999", "debit", "1.00"), ("1002", "credit", "1.00")),
                              idempotency_key="p4", store=store)


def test_reversing_a_manual_entry_is_a_proposal_that_posts_once_when_someone_else_approves(books):
    maker, store = books
    posted = service.post_entry(maker, manual(("6602", "debit", "8.00"), ("1002", "credit", "8.00")), store=store)
    proposal = service.propose_reversal(maker, posted.entry.id, idempotency_key="r1", booked_on=DAY1, memo="typo",
                                        store=store)
    assert proposal.draft.kind is EntryKind.REVERSAL and proposal.draft.reverses == posted.entry.id
    assert store.get_accounts(maker, ["6602"])["6602"].balance == D("8.00")
    assert service.propose_reversal(maker, posted.entry.id, idempotency_key="r1", booked_on=DAY1, memo="typo",
                                    store=store) == proposal
    other = service.propose_reversal(maker, posted.entry.id, idempotency_key="r2", booked_on=DAY1, memo="again",
                                     store=store)
    with pytest.raises(Exception) as own:
        service.approve_proposal(maker, proposal.id, store=store)
    assert getattr(own.value, "code", None) == "ledger.maker_checker"
    reversal = service.approve_proposal(_checker(maker), proposal.id, store=store)
    assert reversal.entry.reverses == posted.entry.id
    assert store.get_accounts(maker, ["6602"])["6602"].balance == D("0.00")
    with pytest.raises(Conflict) as twice:
        service.approve_proposal(_checker(maker), other.id, store=store)
    assert twice.value.code == "ledger.entry.already_reversed"
    assert store.get_accounts(maker, ["6602"])["6602"].balance == D("0.00")


def test_an_entry_another_context_posted_is_not_proposed_for_reversal(books):
    maker, store = books
    service.open_contract_accounts(maker, "c-1", template=LENDING, currency="CNY", store=store)
    paid_out = service.post_contract_event(maker, disbursement("c-1"), template=LENDING, idempotency_key="d1",
                                           store=store)
    with pytest.raises(Conflict) as owned:
        service.propose_reversal(maker, paid_out.entry.id, idempotency_key="r3", booked_on=DAY1, memo="undo",
                                 store=store)
    assert (owned.value.code, owned.value.details["kind"]) == ("ledger.entry.owned", "disbursement")
    assert service.list_proposals(maker, store=store)[0] == []
