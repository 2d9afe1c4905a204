"""A stateful property test: random postings, repayments, reversals, holds and retries against the
real store (embedded AWS and DynamoDB Local), checked against an independent model of the books.

After every step: every account's balance (as ``get_account`` reads it: GL accounts with their
contract movements not rolled up yet) equals the model's, and no non-negative account has a negative
available balance. Close-of-business roll-ups of today or of a past day come at random. At the end:
every entry balanced, every account item's figures equal the sum of its statement lines, the trial
balance balances, and balances as of past dates match the model (before and after a final roll-up).
"""
from __future__ import annotations

import os
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from chalicelib.ledger import domain, service
from chalicelib.ledger.domain import EntryKind, HoldStatus, Side
from chalicelib.shared.errors import Conflict, NotFound, RuleViolation
from tests.unit.ledger.builders import LENDING, capital, disbursement, event, manual, repayment

CONTRACTS = ("C0", "C1")
CENTS = st.integers(min_value=1, max_value=50_000)
SMALL_CENTS = st.integers(min_value=0, max_value=20_000)
START = date(2026, 1, 1)
GL = ("1002", "1003", "4001", "6011", "6602")
CREDIT_NORMAL = {"4001", "6011"} | {f"{c}.suspense" for c in CONTRACTS}
NON_NEGATIVE = {f"{c}.{role}" for c in CONTRACTS for role in ("principal", "interest", "suspense")}
ALL_ACCOUNTS = GL + tuple(sorted(NON_NEGATIVE))


def money(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def machine_for(backend):
    store = backend.store

    class LedgerMachine(RuleBasedStateMachine):
        @initialize()
        def open_books(self):
            self.ctx = backend.tenant()
            self.today = START
            self.balance = defaultdict(lambda: Decimal("0.00"))
            self.pending_reduction = defaultdict(lambda: Decimal("0.00"))
            self.snapshots: dict[date, dict[str, Decimal]] = {}
            self.entries: list[dict] = []  # {"id", "lines", "reversible", "reversed", "replay"}
            self.holds: list[dict] = []
            self.opened: set[str] = set()  # contracts whose sub-accounts exist (any event opens them)
            self.seq = 0
            service.open_chart_of_accounts(self.ctx, currency="CNY", store=store)
            self._expect_posted(lambda: service.post_entry(self.ctx, capital("100000.00", START, key="cap"),
                                                           store=store),
                                [("1002", Side.DEBIT, Decimal("100000.00")),
                                 ("4001", Side.CREDIT, Decimal("100000.00"))])

        # --- the model -------------------------------------------------------------------------

        def _delta(self, account: str, side: Side, amount: Decimal) -> Decimal:
            normal = Side.CREDIT if account in CREDIT_NORMAL else Side.DEBIT
            return amount if side is normal else -amount

        def _breaks(self, lines) -> bool:
            after = dict(self.balance)
            for account, side, amount in lines:
                after[account] = after.get(account, Decimal("0.00")) + self._delta(account, side, amount)
            return any(after[a] - self.pending_reduction[a] < 0 and self._delta(a, s, x) < 0
                       for a, s, x in lines if a in NON_NEGATIVE)

        def _apply(self, lines) -> None:
            for account, side, amount in lines:
                self.balance[account] += self._delta(account, side, amount)
            self.snapshots[self.today] = dict(self.balance)

        def _key(self, what: str) -> str:
            self.seq += 1
            return f"{what}-{self.seq}"

        def _expect_posted(self, call, lines, reversible=True):
            """Run ``call``; it must be refused exactly when the model says a non-negative account breaks."""
            if self._breaks(lines):
                with pytest.raises(RuleViolation) as err:
                    call()
                assert err.value.code == "ledger.account.insufficient_balance"
                return None
            result = call()
            assert not result.replayed
            totals = result.entry.totals()
            assert all(d == c for d, c in totals.values()), "an entry that does not balance was posted"
            self._apply(lines)
            record = {"id": result.entry.id, "lines": lines, "reversible": reversible, "reversed": False,
                      "replay": call}
            self.entries.append(record)
            return result

        # --- rules -----------------------------------------------------------------------------

        @rule(contract=st.sampled_from(CONTRACTS), cents=CENTS)
        def disburse(self, contract, cents):
            amount = money(cents)
            self.opened.add(contract)
            ev = disbursement(contract, str(amount), self.today)
            key = self._key("disburse")
            self._expect_posted(
                lambda: service.post_contract_event(self.ctx, ev, template=LENDING, idempotency_key=key, store=store),
                [(f"{contract}.principal", Side.DEBIT, amount), ("1002", Side.CREDIT, amount)])

        @rule(contract=st.sampled_from(CONTRACTS), cents=CENTS)
        def accrue(self, contract, cents):
            amount = money(cents)
            self.opened.add(contract)
            ev = event(EntryKind.ACCRUAL, contract, self.today, interest=str(amount))
            key = self._key("accrue")
            self._expect_posted(
                lambda: service.post_contract_event(self.ctx, ev, template=LENDING, idempotency_key=key, store=store),
                [(f"{contract}.interest", Side.DEBIT, amount), ("6011", Side.CREDIT, amount)])

        @rule(contract=st.sampled_from(CONTRACTS), principal=SMALL_CENTS, interest=SMALL_CENTS, over=SMALL_CENTS)
        def repay(self, contract, principal, interest, over):
            if principal + interest + over == 0:
                return
            p, i, o = money(principal), money(interest), money(over)
            self.opened.add(contract)
            parts = {k: str(v) for k, v in (("principal", p), ("interest", i), ("overpayment", o)) if v}
            ev = repayment(contract, self.today, **parts)
            key = self._key("repay")
            lines = [("1002", Side.DEBIT, p + i + o)]
            lines += [(f"{contract}.{acc}", Side.CREDIT, v)
                      for acc, v in (("principal", p), ("interest", i), ("suspense", o)) if v]
            self._expect_posted(
                lambda: service.post_contract_event(self.ctx, ev, template=LENDING, idempotency_key=key, store=store),
                lines)

        @rule(cents=CENTS)
        def pay_expense(self, cents):
            amount = money(cents)
            draft = manual(("6602", "debit", str(amount)), ("1002", "credit", str(amount)), booked_on=self.today,
                           key=self._key("expense"))
            self._expect_posted(lambda: service.post_entry(self.ctx, draft, store=store),
                                [("6602", Side.DEBIT, amount), ("1002", Side.CREDIT, amount)])

        @precondition(lambda self: self.entries)
        @rule(pick=st.integers(min_value=0, max_value=10_000))
        def reverse(self, pick):
            target = self.entries[pick % len(self.entries)]
            key, today = self._key("reverse"), self.today  # bound now: a retry repeats this very request
            call = lambda: service.reverse_entry(self.ctx, target["id"], idempotency_key=key,  # noqa: E731
                                                 booked_on=today, store=store)
            if not target["reversible"]:
                with pytest.raises(Conflict) as err:
                    call()
                assert err.value.code == "ledger.entry.is_reversal"
            elif target["reversed"]:
                with pytest.raises(Conflict) as err:
                    call()
                assert err.value.code == "ledger.entry.already_reversed"
            else:
                mirror = [(a, s.opposite, x) for a, s, x in target["lines"]]
                if self._expect_posted(call, mirror, reversible=False) is not None:
                    target["reversed"] = True

        @precondition(lambda self: self.entries)
        @rule(pick=st.integers(min_value=0, max_value=10_000))
        def retry_a_posting(self, pick):
            target = self.entries[pick % len(self.entries)]
            before = dict(self.balance)
            again = target["replay"]()
            assert again.replayed and again.entry.id == target["id"]
            assert dict(self.balance) == before

        @rule(contract=st.sampled_from(CONTRACTS), cents=CENTS)
        def hold_a_refund(self, contract, cents):
            amount, suspense = money(cents), f"{contract}.suspense"
            key = self._key("hold")
            call = lambda: service.place_hold(self.ctx, debit_account=suspense, credit_account="1003",  # noqa: E731
                                              amount=amount, currency="CNY", idempotency_key=key, store=store)
            if contract not in self.opened:
                with pytest.raises(NotFound):
                    call()
                return
            if self.balance[suspense] - self.pending_reduction[suspense] < amount:
                with pytest.raises(RuleViolation) as err:
                    call()
                assert err.value.code == "ledger.account.insufficient_balance"
                return
            hold = call()
            assert hold.status is HoldStatus.PENDING
            self.pending_reduction[suspense] += amount  # a pending debit lowers a liability
            self.pending_reduction["1003"] += amount  # a pending credit lowers an asset
            self.holds.append({"id": hold.id, "account": suspense, "amount": amount, "status": HoldStatus.PENDING})

        @precondition(lambda self: any(h["status"] is HoldStatus.PENDING for h in self.holds))
        @rule(pick=st.integers(min_value=0, max_value=10_000), quarters=st.integers(min_value=1, max_value=4),
              post=st.booleans())
        def settle_a_hold(self, pick, quarters, post):
            pending = [h for h in self.holds if h["status"] is HoldStatus.PENDING]
            hold = pending[pick % len(pending)]
            self.pending_reduction[hold["account"]] -= hold["amount"]
            self.pending_reduction["1003"] -= hold["amount"]
            if not post:
                assert service.void_hold(self.ctx, hold["id"], store=store).status is HoldStatus.VOIDED
                hold["status"] = HoldStatus.VOIDED
                return
            amount = max(Decimal("0.01"), (hold["amount"] * quarters / 4).quantize(Decimal("0.01")))
            lines = [(hold["account"], Side.DEBIT, amount), ("1003", Side.CREDIT, amount)]
            today = self.today
            result = self._expect_posted(lambda: service.post_hold(self.ctx, hold["id"], amount=amount,
                                                                   booked_on=today, store=store), lines)
            assert result is not None, "a posted hold can always be settled"
            hold["status"] = HoldStatus.POSTED
            with pytest.raises(Conflict):
                service.void_hold(self.ctx, hold["id"], store=store)

        @rule(days=st.integers(min_value=1, max_value=3))
        def next_day(self, days):
            self.today += timedelta(days=days)

        @rule(back=st.integers(min_value=0, max_value=4))
        def close_a_day(self, back):
            """Roll up today or a past day (later days' statement rows are restated); twice is once."""
            day = max(START, self.today - timedelta(days=back))
            service.roll_up(self.ctx, day, store=store)
            assert service.roll_up(self.ctx, day, store=store)["movements"] == 0

        # --- invariants ------------------------------------------------------------------------

        @invariant()
        def balances_match_the_model_and_nothing_non_negative_is_negative(self):
            if not hasattr(self, "ctx"):
                return
            stored = store.get_accounts(self.ctx, list(ALL_ACCOUNTS))
            for account_id in ALL_ACCOUNTS:
                if account_id in stored:
                    a = service.get_account(self.ctx, account_id, store=store)
                    assert a.balance == self.balance[account_id], account_id
                    assert a.pending_reductions == self.pending_reduction[account_id], account_id
                    if a.non_negative:
                        assert a.available >= 0, account_id
                else:
                    assert self.balance[account_id] == 0, account_id

        def teardown(self):
            if not hasattr(self, "ctx"):
                return
            self._books_are_exact()
            service.roll_up(self.ctx, self.today, store=store)
            stored = store.get_accounts(self.ctx, list(GL))
            for account_id, account in stored.items():  # everything folded: the items alone are exact
                assert account.balance == self.balance[account_id], account_id
            self._books_are_exact()

        def _books_are_exact(self):
            stored = store.get_accounts(self.ctx, list(ALL_ACCOUNTS))
            for account_id, account in stored.items():  # the items' own figures: what their rows say
                rows, _ = store.statement(self.ctx, account_id, from_on=None, to_on=None, cursor=None, limit=200)
                assert sum(r.debit for r in rows) == account.debits, account_id
                assert sum(r.credit for r in rows) == account.credits, account_id
                signed = sum(account.signed(Side.DEBIT, r.debit) + account.signed(Side.CREDIT, r.credit) for r in rows)
                assert signed == account.balance, f"{account_id}: balance is not the sum of its lines"
            tb = service.trial_balance(self.ctx, self.today, store=store)
            assert tb.balanced
            for day in sorted(self.snapshots)[:-1][-2:]:  # two past dates: exact as of then
                as_of = service.trial_balance(self.ctx, day, store=store)
                assert as_of.balanced
                expected = self.snapshots[day]
                for account_id in ("1002", f"{CONTRACTS[0]}.principal", f"{CONTRACTS[1]}.suspense"):
                    if account_id in stored:
                        assert service.balance_as_of(self.ctx, account_id, day, store=store) == \
                            expected.get(account_id, Decimal("0.00")), (account_id, day)

    return LedgerMachine


# Modest by default so the suite stays quick; raise it for a soak (JINKONG_LEDGER_EXAMPLES=200).
EXAMPLES = int(os.environ.get("JINKONG_LEDGER_EXAMPLES", "8"))


def test_random_postings_reversals_and_holds_keep_the_books_exact(backend):
    run_state_machine_as_test(
        machine_for(backend),
        settings=settings(max_examples=EXAMPLES, stateful_step_count=20, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]),
    )


def test_the_model_agrees_with_the_domain_on_normal_sides():
    chart = domain.chart_index(domain.TenantKind.LENDING)
    for code in GL:
        assert (chart[code].normal_side is Side.CREDIT) == (code in CREDIT_NORMAL)
