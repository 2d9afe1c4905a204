"""The ledger's pure rules: lines, balance, templates, account rules, holds, trial balance."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from chalicelib.ledger import domain
from chalicelib.ledger.domain import (
    AccountChange,
    AccountType,
    Component,
    EntryKind,
    HoldStatus,
    JournalLine,
    PostingRole,
    Side,
)
from chalicelib.shared.errors import Conflict, NotFound, RuleViolation
from chalicelib.shared.tenant import TenantKind
from tests.unit.ledger.builders import D, DAY1, FACTORING, LEASING, LENDING, disbursement, event, manual, repayment

CHART = domain.chart_index(TenantKind.LENDING)


def account(code: str = "1002", **kw) -> domain.Account:
    return replace(domain.gl_account(CHART[code], "CNY"), version=1, **kw)


def lines_of(draft) -> set[tuple[str, str, Decimal]]:
    return {(ln.account_id, ln.side.value, ln.amount) for ln in draft.lines}


# --- lines -----------------------------------------------------------------------------------------


def test_a_line_amount_is_brought_to_the_currency_scale():
    assert domain.line("1002", "debit", "100", "CNY").amount == D("100.00")
    assert str(domain.line("1002", "debit", "5", "JPY").amount) == "5"


@pytest.mark.parametrize("amount,code", [("0", "ledger.line.amount.invalid"), ("-1.00", "ledger.line.amount.invalid"),
                                         ("1.005", "ledger.line.amount.scale")])
def test_a_line_refuses_non_positive_or_sub_minor_unit_amounts(amount, code):
    with pytest.raises(RuleViolation) as err:
        domain.line("1002", "debit", amount, "CNY")
    assert err.value.code == code


def test_a_line_refuses_float_and_unknown_currencies():
    with pytest.raises(TypeError):
        domain.line("1002", "debit", 0.1, "CNY")  # type: ignore[arg-type]
    with pytest.raises(RuleViolation) as err:
        domain.line("1002", "debit", "1.00", "XXX")
    assert err.value.code == "ledger.line.currency.invalid"


def test_an_account_id_with_the_key_separator_names_no_account():
    with pytest.raises(NotFound):
        domain.line("T#other#x", "debit", "1.00", "CNY")


def test_debits_must_equal_credits_per_currency():
    with pytest.raises(RuleViolation) as err:
        domain.check_balanced([domain.line("1002", "debit", "10.00", "CNY"),
                               domain.line("4001", "credit", "9.99", "CNY")])
    assert err.value.code == "ledger.entry.unbalanced"
    assert err.value.details["totals"] == {"CNY": {"debits": "10.00", "credits": "9.99"}}
    with pytest.raises(RuleViolation):  # balanced in total, not per currency
        domain.check_balanced([domain.line("a", "debit", "10.00", "CNY"), domain.line("b", "credit", "10.00", "USD")])


def test_lines_on_one_account_net_to_a_single_movement():
    netted = domain.net_lines([domain.line("1002", "credit", "1000.00", "CNY"),
                               domain.line("1002", "debit", "30.00", "CNY"),
                               domain.line("x", "debit", "5.00", "CNY"), domain.line("x", "credit", "5.00", "CNY")])
    assert netted == [JournalLine("1002", Side.CREDIT, D("970.00"), "CNY")]


@settings(deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from(list(Side)), st.integers(1, 10**9)), min_size=1))
def test_netting_preserves_each_accounts_net_movement(raw):
    lines = [domain.line(a, s, Decimal(c) / 100, "CNY") for a, s, c in raw]

    def net(ls):
        out: dict[str, Decimal] = {}
        for ln in ls:
            out[ln.account_id] = out.get(ln.account_id, 0) + (ln.amount if ln.side is Side.DEBIT else -ln.amount)
        return {k: v for k, v in out.items() if v}

    assert net(domain.net_lines(lines)) == net(lines)


def test_the_same_draft_has_the_same_fingerprint_and_id():
    a = manual(("1002", "debit", "1"), ("4001", "credit", "1.00"), key="k")
    b = manual(("4001", "credit", "1.00"), ("1002", "debit", "1.00"), key="k")
    assert a.fingerprint() == b.fingerprint() and a.entry_id == b.entry_id
    assert a.fingerprint() != manual(("1002", "debit", "2"), ("4001", "credit", "2"), key="k").fingerprint()


# --- templates -------------------------------------------------------------------------------------


def test_a_lending_disbursement_nets_the_upfront_fee_out_of_the_cash_paid():
    draft = domain.build_contract_entry(LENDING, disbursement("L1", "10000.00", upfront_fee="150.00"),
                                        idempotency_key="d")
    assert lines_of(draft) == {("L1.principal", "debit", D("10000.00")), ("1002", "credit", D("9850.00")),
                               ("6021", "credit", D("150.00"))}
    assert draft.contract_id == "L1" and draft.kind is EntryKind.DISBURSEMENT


def test_a_repayment_credits_each_receivable_and_parks_the_overpayment_in_suspense():
    draft = domain.build_contract_entry(
        LENDING, repayment("L1", penalty="3.00", fee="2.00", interest="40.00", principal="800.00", overpayment="5.00"),
        idempotency_key="r")
    assert lines_of(draft) == {("1002", "debit", D("850.00")), ("L1.penalty", "credit", D("3.00")),
                               ("L1.fee", "credit", D("2.00")), ("L1.interest", "credit", D("40.00")),
                               ("L1.principal", "credit", D("800.00")), ("L1.suspense", "credit", D("5.00"))}


def test_cash_can_move_through_clearing_instead_of_the_bank():
    ev = replace(repayment("L1", principal="10.00"), cash=PostingRole.CLEARING)
    assert ("1003", "debit", D("10.00")) in lines_of(domain.build_contract_entry(LENDING, ev, idempotency_key="r"))


def test_a_lease_books_gross_receivable_and_unearned_income_and_accrues_from_it():
    draft = domain.build_contract_entry(
        LEASING, disbursement("F1", "100000.00", unearned_interest="8000.00", deposit="5000.00"), idempotency_key="d")
    assert lines_of(draft) == {("F1.principal", "debit", D("108000.00")), ("1002", "credit", D("95000.00")),
                               ("F1.unearned", "credit", D("8000.00")), ("F1.deposit", "credit", D("5000.00"))}
    accrual = domain.build_contract_entry(LEASING, event(EntryKind.ACCRUAL, "F1", interest="300.00"),
                                          idempotency_key="a")
    assert lines_of(accrual) == {("F1.unearned", "debit", D("300.00")), ("6011", "credit", D("300.00"))}


def test_factoring_pays_the_advance_and_retains_the_reserve():
    draft = domain.build_contract_entry(FACTORING, disbursement("R1", "50000.00", reserve="10000.00",
                                                               upfront_fee="500.00"), idempotency_key="d")
    assert lines_of(draft) == {("R1.principal", "debit", D("50000.00")), ("1002", "credit", D("39500.00")),
                               ("R1.reserve", "credit", D("10000.00")), ("6021", "credit", D("500.00"))}


@pytest.mark.parametrize("template", [LENDING, LEASING, FACTORING], ids=lambda t: t.id)
@settings(deadline=None)  # the first example pays for building pydantic validators
@given(data=st.data())
def test_every_template_event_balances(template, data):
    kind = data.draw(st.sampled_from(sorted(template.rules, key=lambda k: k.value)))
    components = [leg.component.value for leg in template.rules[kind]]
    amounts = data.draw(st.dictionaries(st.sampled_from(components), st.integers(1, 10**10), min_size=1))
    ev = event(kind, "K1", **{c: str(Decimal(v) / 100) for c, v in amounts.items()})
    try:
        draft = domain.build_contract_entry(template, ev, idempotency_key="k")
    except RuleViolation as err:  # legs that cancel out exactly leave nothing to post
        assert err.code == "ledger.entry.empty"
        return
    domain.check_balanced(draft.lines)


def test_money_the_template_does_not_book_is_refused_not_dropped():
    with pytest.raises(RuleViolation) as err:
        domain.build_contract_entry(LENDING, event(EntryKind.ACCRUAL, "L1", interest="1.00", penalty="1.00"),
                                    idempotency_key="a")
    assert err.value.code == "ledger.event.component.unmapped"
    with pytest.raises(RuleViolation) as err:
        domain.build_contract_entry(LENDING, event(EntryKind.DISBURSEMENT, "L1", reserve="1.00"), idempotency_key="d")
    assert err.value.code == "ledger.event.component.unmapped"


def test_a_template_must_give_every_role_it_books_an_account():
    with pytest.raises(ValidationError):
        domain.AccountingTemplate(id="broken", kind=TenantKind.LENDING,
                                  slots={PostingRole.BANK: domain.Slot(code="1002")},
                                  rules={EntryKind.ACCRUAL: [domain.Leg(component=Component.INTEREST,
                                                                       debit=PostingRole.INTEREST_RECEIVABLE,
                                                                       credit=PostingRole.INTEREST_INCOME)]})


def test_a_template_round_trips_as_json_for_the_product_factory():
    copy = domain.AccountingTemplate.model_validate_json(LENDING.model_dump_json())
    assert copy == LENDING


def test_a_template_booking_to_a_code_outside_the_chart_is_refused():
    odd = LENDING.model_copy(update={"slots": {**LENDING.slots, PostingRole.BANK: domain.Slot(code="9999")}})
    with pytest.raises(RuleViolation) as err:
        odd.check_against(CHART)
    assert err.value.code == "ledger.template.code.unknown"


def test_contract_sub_accounts_inherit_their_control_accounts_rules():
    subs = {a.id: a for a in domain.contract_accounts_for(LENDING, CHART, "L9", "CNY")}
    assert set(subs) == {"L9.principal", "L9.interest", "L9.penalty", "L9.fee", "L9.suspense"}
    assert subs["L9.principal"].code == "1303" and subs["L9.principal"].non_negative
    assert subs["L9.suspense"].normal_side is Side.CREDIT and subs["L9.suspense"].type is AccountType.LIABILITY


def test_every_subsidiary_kind_has_a_chart_and_groups_keep_none():
    for kind in (TenantKind.LENDING, TenantKind.LEASING, TenantKind.FACTORING, TenantKind.GUARANTEE):
        codes = {a.code for a in domain.standard_chart(kind)}
        assert {"1002", "1003", "2203", "6011"} <= codes
    assert domain.chart_index(TenantKind.LEASING)["1532"].normal_side is Side.CREDIT  # contra asset
    with pytest.raises(RuleViolation):
        domain.standard_chart(TenantKind.GROUP)


# --- account rules ---------------------------------------------------------------------------------


def test_a_posting_moves_the_balance_in_the_accounts_normal_direction():
    bank, capital = account("1002"), account("4001")
    m = domain.apply_change(capital, AccountChange("4001", posted_credit=D("5.00")), booked_on=DAY1, entry_id="e",
                            kind=EntryKind.MANUAL)
    assert m.after.balance == D("5.00") and m.row.balance_after == D("5.00") and m.row.seq == 1
    m = domain.apply_change(bank, AccountChange("1002", posted_credit=D("5.00")), booked_on=DAY1, entry_id="e",
                            kind=EntryKind.MANUAL)
    assert m.after.balance == D("-5.00") and m.balance_floor is None  # the bank may go negative


def test_a_non_negative_account_refuses_to_go_below_zero_and_gives_the_store_a_floor():
    principal = account("1303", balance=D("100.00"), debits=D("100.00"))
    ok = domain.apply_change(principal, AccountChange("1303", posted_credit=D("100.00")), booked_on=DAY1,
                             entry_id="e", kind=EntryKind.REPAYMENT)
    assert ok.after.balance == D("0.00") and ok.balance_floor == D("100.00")
    with pytest.raises(RuleViolation) as err:
        domain.apply_change(principal, AccountChange("1303", posted_credit=D("100.01")), booked_on=DAY1,
                            entry_id="e", kind=EntryKind.REPAYMENT)
    assert err.value.code == "ledger.account.insufficient_balance"


def test_pending_holds_count_against_what_a_non_negative_account_may_pay_out():
    suspense = account("2203", balance=D("100.00"), credits=D("100.00"), pending_debits=D("60.00"))
    assert suspense.available == D("40.00")
    with pytest.raises(RuleViolation):
        domain.apply_change(suspense, AccountChange("2203", posted_debit=D("40.01")), booked_on=DAY1, entry_id="e",
                            kind=EntryKind.REFUND)


def test_an_account_takes_no_entry_dated_before_its_last_booked_date():
    bank = account("1002", last_booked_on=date(2026, 2, 1), line_count=3)
    with pytest.raises(RuleViolation) as err:
        domain.apply_change(bank, AccountChange("1002", posted_debit=D("1.00")), booked_on=date(2026, 1, 31),
                            entry_id="e", kind=EntryKind.MANUAL)
    assert err.value.code == "ledger.entry.booked_on.closed"
    same_day = domain.apply_change(bank, AccountChange("1002", posted_debit=D("1.00")), booked_on=date(2026, 2, 1),
                                   entry_id="e", kind=EntryKind.MANUAL)
    assert same_day.row.seq == 4


def test_a_posting_too_large_for_one_transaction_is_refused():
    domain.check_transaction_size(100)
    with pytest.raises(RuleViolation) as err:
        domain.check_transaction_size(101)
    assert err.value.code == "ledger.entry.too_large"


def test_customer_events_group_movements_by_contract():
    accounts = {a.id: replace(a, version=1, balance=D("10.00"))
                for a in domain.contract_accounts_for(LENDING, CHART, "L1", "CNY")}
    accounts["1002"] = account("1002")
    draft = domain.build_contract_entry(LENDING, repayment("L1", principal="5.00", interest="1.00"),
                                        idempotency_key="r")
    movements = domain.plan_entry(draft, accounts)
    [ev] = domain.customer_events(draft.entry_id, draft.kind, draft.booked_on, movements)
    assert ev.contract_id == "L1" and {m["account_id"] for m in ev.payload()["movements"]} == {"L1.principal",
                                                                                             "L1.interest"}


# --- reversals and holds ---------------------------------------------------------------------------


def _posted(draft) -> domain.JournalEntry:
    from datetime import datetime, timezone

    d = draft.normalised()
    return domain.JournalEntry(d.entry_id, d.kind, d.booked_on, d.lines, d.idempotency_key, d.fingerprint(),
                               datetime.now(timezone.utc), d.memo, d.contract_id, d.reverses)


def test_a_reversal_mirrors_every_line_and_cannot_itself_be_reversed():
    original = _posted(manual(("1002", "debit", "7.00"), ("4001", "credit", "7.00")))
    reversal = domain.reversal_of(original, idempotency_key="undo", booked_on=DAY1)
    assert lines_of(reversal) == {("1002", "credit", D("7.00")), ("4001", "debit", D("7.00"))}
    assert reversal.reverses == original.id
    with pytest.raises(Conflict) as err:
        domain.reversal_of(_posted(reversal), idempotency_key="undo-undo", booked_on=DAY1)
    assert err.value.code == "ledger.entry.is_reversal"


def test_a_hold_goes_pending_to_posted_or_voided_once():
    hold = domain.new_hold(debit_account="L1.suspense", credit_account="1003", amount="10", currency="CNY",
                           idempotency_key="h")
    assert hold.amount == D("10.00") and hold.status is HoldStatus.PENDING
    assert hold.moved_to(HoldStatus.POSTED).status is HoldStatus.POSTED
    with pytest.raises(Conflict):
        hold.moved_to(HoldStatus.VOIDED).moved_to(HoldStatus.POSTED)


def test_posting_more_than_a_hold_reserved_is_refused():
    hold = domain.new_hold(debit_account="a", credit_account="b", amount="10.00", currency="CNY", idempotency_key="h")
    with pytest.raises(RuleViolation) as err:
        domain.hold_posting_draft(hold, amount=D("10.01"), booked_on=DAY1, idempotency_key="p")
    assert err.value.code == "ledger.hold.amount.exceeds"


# --- trial balance ---------------------------------------------------------------------------------


def test_the_trial_balance_rolls_sub_accounts_up_into_their_gl_code():
    subs = domain.contract_accounts_for(LENDING, CHART, "L1", "CNY") + domain.contract_accounts_for(
        LENDING, CHART, "L2", "CNY")
    principal = [a for a in subs if a.role == "principal"]
    tb = domain.trial_balance(DAY1, [(principal[0], D("100.00")), (principal[1], D("50.00")),
                                     (account("1002"), D("-150.00"))], CHART)
    assert [(r.code, r.debit, r.credit, r.accounts) for r in tb.rows] == [
        ("1002", D("0.00"), D("150.00"), 1), ("1303", D("150.00"), D("0.00"), 2)]
    assert tb.balanced and tb.totals == {"CNY": (D("150.00"), D("150.00"))}


# --- products ------------------------------------------------------------------------------------


def test_every_demo_products_accounting_section_maps_to_a_valid_template():
    """The product factory's ``accounting`` section (role -> GL code) builds a ledger template."""
    from pathlib import Path

    import yaml

    kinds = {"demo-lending": TenantKind.LENDING, "demo-leasing": TenantKind.LEASING,
             "demo-factoring": TenantKind.FACTORING}
    root = Path(__file__).resolve().parents[3] / "tenants" / "products"
    checked = 0
    for path in sorted(root.glob("*/*.yaml")):
        sections = [v.get("accounting") for v in _walk(yaml.safe_load(path.read_text(encoding="utf-8")))]
        for accounting in filter(None, sections):
            template = domain.template_for_product(accounting, kinds[path.parent.name])
            assert template.slots[PostingRole.PRINCIPAL].per_contract
            checked += 1
    assert checked >= 1 or not root.exists()


def _walk(node):
    if isinstance(node, dict):
        yield node
        for v in node.values():
            yield from _walk(v)
    elif isinstance(node, list):
        for v in node:
            yield from _walk(v)


def test_a_product_may_book_a_role_to_another_chart_account_but_not_outside_the_chart():
    t = domain.template_for_product({"template": "lending-standard", "fee_income": "6051"}, TenantKind.LENDING)
    assert t.slots[PostingRole.FEE_INCOME].code == "6051"
    with pytest.raises(RuleViolation) as err:
        domain.template_for_product({"fee_income": "6999"}, TenantKind.LENDING)
    assert err.value.code == "ledger.template.code.unknown"
