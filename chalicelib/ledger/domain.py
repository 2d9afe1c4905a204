"""The double-entry ledger, as pure rules: accounts, journal entries, holds, postings, templates.

Nothing here touches AWS. The store persists what these functions decide; the service strings them
together. The vocabulary:

* An **account** has a type (asset, liability, equity, income, expense), one currency and a normal
  side (debit for assets and expenses, credit for the rest; a *contra* account flips it). Its
  ``balance`` is signed in its normal direction, so a loan receivable of 100 and a deposit held of
  100 both read ``100``. GL accounts are named by their chart code (``1303``); a contract's
  sub-accounts (``<contract>.principal``, ``.interest``, …) roll up into a GL code.
* A **journal entry** is a set of lines (account, side, amount, currency) whose debits equal its
  credits in every currency. Entries are immutable: a correction is a reversing entry.
* A **hold** (two-phase transfer, as TigerBeetle's pending transfers) reserves an amount between a
  debit and a credit account; it is later posted (in full or in part) or voided. Holds reduce an
  account's *available* balance, never its balance.
* An **accounting template** maps posting roles (where principal, interest income, suspense… go) to
  chart codes, and each business event (disbursement, repayment, accrual, …) to legs: which
  component of the event's money moves from which role to which. ``build_contract_entry`` turns a
  template and an event into journal lines; nothing is hand-written per case.

Invariants (checked here, enforced again by the store's conditional writes): debits equal credits
per currency; an account flagged ``non_negative`` never has a negative available balance; lines on
one account are booked in date order (a day an account has moved past is closed for that account),
which is what makes statements' running balances and past trial balances exact.

**Deferred GL legs** (no hot items on the posting path). A contract posting's line on a shared GL
account (bank, clearing, income, impairment, allowance: no contract, no non-negative floor) does not
update that account: it becomes an immutable ``GlMovement`` row, spread over ``GL_SHARDS`` partitions
by the entry id. So postings for different contracts share no item and never race. At close of
business ``plan_fold`` folds a day's movements into the account (one statement row per day,
``EntryKind.ROLLUP``), and reads add what is not folded yet (``unrolled``), so balances, statements
and trial balances stay exact at every date. Lines on non-negative GL accounts, and every manual or
hold posting, update the account directly as before.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Iterable, Mapping, Sequence

from pydantic import Field, field_validator, model_validator

from chalicelib.shared.errors import Conflict, Forbidden, NotFound, RuleViolation
from chalicelib.shared.money import UnknownCurrency, currency_code, is_at_scale, quantize
from chalicelib.shared.schema import Schema
from chalicelib.shared.tenant import TenantKind

ZERO = Decimal(0)

# DynamoDB refuses a transaction of more than 100 items; a posting is one transaction.
MAX_TRANSACTION_ITEMS = 100

# A GL account's deferred movements are spread over this many partitions (by a hash of the entry id).
# One DynamoDB partition takes about 1,000 write units a second, so 16 shards take ~16,000 movement
# rows a second per GL account before any throttling: far above a subsidiary's posting rate, while a
# read of the unrolled movements costs 16 small queries. Changing it strands rows in old shards:
# roll everything up first.
GL_SHARDS = 16

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")


def valid_id(value: str) -> bool:
    """Account, contract and entry ids: letters, digits and ``._:-`` (never the key separator ``#``)."""
    return isinstance(value, str) and bool(_ID.match(value))


# --- vocabulary ------------------------------------------------------------------------------------


class AccountType(str, Enum):
    ASSET = "asset"
    LIABILITY = "liability"
    EQUITY = "equity"
    INCOME = "income"
    EXPENSE = "expense"


class Side(str, Enum):
    DEBIT = "debit"
    CREDIT = "credit"

    @property
    def opposite(self) -> "Side":
        return Side.CREDIT if self is Side.DEBIT else Side.DEBIT


class EntryKind(str, Enum):
    """What a journal entry records. Every kind but ``manual``, ``reversal`` and ``hold_posting`` is
    built from an accounting template; ``gl_rollup`` names a roll-up's statement row, never an entry."""

    MANUAL = "manual"
    DISBURSEMENT = "disbursement"
    REPAYMENT = "repayment"
    SUSPENSE_APPLICATION = "suspense_application"
    ACCRUAL = "accrual"
    FEE = "fee"
    PENALTY = "penalty"
    PROVISION = "provision"
    WRITE_OFF = "write_off"
    RECOVERY = "recovery"
    REFUND = "refund"
    REVERSAL = "reversal"
    HOLD_POSTING = "hold_posting"
    ROLLUP = "gl_rollup"  # a GL account's statement row for a day's folded contract movements (no entry)


class PostingRole(str, Enum):
    """Where money goes, as a product's accounting template names it."""

    CASH = "cash"  # placeholder: the event says which of bank / clearing the cash moves through
    BANK = "bank"
    CLEARING = "clearing"
    PRINCIPAL = "principal"
    INTEREST_RECEIVABLE = "interest_receivable"
    PENALTY_RECEIVABLE = "penalty_receivable"
    FEE_RECEIVABLE = "fee_receivable"
    SUSPENSE = "suspense"
    UNEARNED_INCOME = "unearned_income"
    DEPOSIT_HELD = "deposit_held"
    RESERVE_PAYABLE = "reserve_payable"
    INTEREST_INCOME = "interest_income"
    FEE_INCOME = "fee_income"
    PENALTY_INCOME = "penalty_income"
    LOSS_ALLOWANCE = "loss_allowance"
    IMPAIRMENT_EXPENSE = "impairment_expense"


class Component(str, Enum):
    """A named part of an event's money (a repayment's principal, interest, penalty, …)."""

    PRINCIPAL = "principal"
    INTEREST = "interest"
    FEE = "fee"
    PENALTY = "penalty"
    OVERPAYMENT = "overpayment"
    UPFRONT_FEE = "upfront_fee"
    UNEARNED_INTEREST = "unearned_interest"
    DEPOSIT = "deposit"
    RESERVE = "reserve"
    PROVISION = "provision"
    RECOVERY = "recovery"


class HoldStatus(str, Enum):
    PENDING = "pending"
    POSTED = "posted"
    VOIDED = "voided"


# The one transition table for holds: a hold is placed pending, then posted or voided, once.
HOLD_TRANSITIONS: dict[HoldStatus, frozenset[HoldStatus]] = {
    HoldStatus.PENDING: frozenset({HoldStatus.POSTED, HoldStatus.VOIDED}),
    HoldStatus.POSTED: frozenset(),
    HoldStatus.VOIDED: frozenset(),
}


# --- errors (stable codes) -------------------------------------------------------------------------


def account_not_found(account_id: str) -> NotFound:
    return NotFound("ledger.account.not_found", "no such account", {"account_id": account_id})


def entry_not_found(entry_id: str) -> NotFound:
    return NotFound("ledger.entry.not_found", "no such journal entry", {"entry_id": entry_id})


def hold_not_found(hold_id: str) -> NotFound:
    return NotFound("ledger.hold.not_found", "no such hold", {"hold_id": hold_id})


def idempotency_mismatch(key: str) -> Conflict:
    return Conflict("ledger.idempotency.mismatch",
                    "this idempotency key was already used for a different request", {"idempotency_key": key})


# --- chart of accounts -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartAccount:
    """A GL account of the standard chart (codes follow the PRC enterprise accounting standards)."""

    code: str
    type: AccountType
    name_zh: str
    name_en: str
    contra: bool = False  # a contra account's normal side is the opposite of its type's
    non_negative: bool = False  # the account (and every sub-account under it) may not go negative

    @property
    def normal_side(self) -> Side:
        return normal_side(self.type, self.contra)


def normal_side(account_type: AccountType, contra: bool = False) -> Side:
    debit_normal = account_type in (AccountType.ASSET, AccountType.EXPENSE)
    return Side.DEBIT if debit_normal != contra else Side.CREDIT


A, L, E, I, X = AccountType.ASSET, AccountType.LIABILITY, AccountType.EQUITY, AccountType.INCOME, AccountType.EXPENSE

_COMMON: tuple[ChartAccount, ...] = (
    ChartAccount("1002", A, "银行存款", "Bank deposits"),
    ChartAccount("1003", A, "待清算款项", "Clearing (payments in flight)"),
    ChartAccount("1132", A, "应收利息", "Interest receivable", non_negative=True),
    ChartAccount("1134", A, "应收罚息", "Penalty interest receivable", non_negative=True),
    ChartAccount("1221", A, "其他应收款（应收费用）", "Fees receivable", non_negative=True),
    ChartAccount("1231", A, "坏账准备", "Loss allowance (receivables)", contra=True),
    ChartAccount("2203", L, "预收账款（客户溢缴款）", "Customer suspense / overpayments", non_negative=True),
    ChartAccount("2241", L, "其他应付款", "Other payables"),
    ChartAccount("4001", E, "实收资本", "Paid-in capital"),
    ChartAccount("4104", E, "利润分配（未分配利润）", "Retained earnings"),
    ChartAccount("6011", I, "利息收入", "Interest income"),
    ChartAccount("6013", I, "罚息收入", "Penalty interest income"),
    ChartAccount("6021", I, "手续费及佣金收入", "Fee and commission income"),
    ChartAccount("6051", I, "其他业务收入", "Other operating income"),
    ChartAccount("6411", X, "利息支出", "Interest expense"),
    ChartAccount("6602", X, "业务及管理费", "Operating and administrative expenses"),
    ChartAccount("6701", X, "资产减值损失", "Impairment losses (write-offs, provisions)"),
)

_BY_KIND: dict[TenantKind, tuple[ChartAccount, ...]] = {
    TenantKind.LENDING: (
        ChartAccount("1303", A, "贷款", "Loans receivable", non_negative=True),
        ChartAccount("1304", A, "贷款损失准备", "Loan loss allowance", contra=True),
    ),
    TenantKind.LEASING: (
        ChartAccount("1531", A, "长期应收款（应收融资租赁款）", "Finance lease receivable", non_negative=True),
        ChartAccount("1532", A, "未实现融资收益", "Unearned finance income", contra=True, non_negative=True),
        ChartAccount("2241.01", L, "存入保证金", "Security deposits held", non_negative=True),
    ),
    TenantKind.FACTORING: (
        ChartAccount("1122", A, "应收账款（应收保理款）", "Factored receivables", non_negative=True),
        ChartAccount("2241.02", L, "保理保证金（应付保理余款）", "Factoring reserve payable", non_negative=True),
    ),
    TenantKind.GUARANTEE: (
        ChartAccount("1221.02", A, "应收代偿款", "Guarantee compensation receivable", non_negative=True),
        ChartAccount("2241.01", L, "存入保证金", "Guarantee deposits held", non_negative=True),
        ChartAccount("2802", L, "担保赔偿准备金", "Provision for guarantee losses"),
    ),
}


def standard_chart(kind: TenantKind) -> tuple[ChartAccount, ...]:
    """The standard chart of accounts for a tenant kind (groups and the platform keep no books)."""
    if not kind.is_subsidiary:
        raise RuleViolation("ledger.chart.not_applicable", f"a {kind.value} tenant keeps no ledger",
                            {"kind": kind.value})
    return tuple(sorted(_COMMON + _BY_KIND.get(kind, ()), key=lambda a: a.code))


def chart_index(kind: TenantKind) -> dict[str, ChartAccount]:
    return {a.code: a for a in standard_chart(kind)}


# --- accounts --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Account:
    """An account and its balances. ``version`` is None until the account is stored."""

    id: str
    code: str  # the GL code it rolls up into (its own code for a GL account)
    type: AccountType
    currency: str
    name_zh: str
    name_en: str
    contra: bool = False
    non_negative: bool = False
    contract_id: str | None = None
    role: str | None = None  # a contract sub-account's slot: principal, interest, suspense, …
    balance: Decimal = ZERO  # posted, signed in the normal direction
    debits: Decimal = ZERO  # posted debit total
    credits: Decimal = ZERO  # posted credit total
    pending_debits: Decimal = ZERO  # held, not yet posted
    pending_credits: Decimal = ZERO
    line_count: int = 0
    last_booked_on: date | None = None
    version: int | None = None
    # GL accounts with deferred movements: the last day folded in, and the totals folded for that day
    # (movements booked on it later are folded by the next roll-up; reads add them meanwhile).
    rolled_through: date | None = None
    rolled_debits: Decimal = ZERO
    rolled_credits: Decimal = ZERO

    @property
    def normal_side(self) -> Side:
        return normal_side(self.type, self.contra)

    @property
    def defers_contract_legs(self) -> bool:
        """Whether a contract posting's line on this account is deferred to a GL movement row: a GL
        account (no contract) with no non-negative floor — a floor needs the balance, so it stays direct."""
        return self.contract_id is None and not self.non_negative

    @property
    def closed_before(self) -> date | None:
        """Days before this one are closed to postings on the account."""
        days = [d for d in (self.last_booked_on, self.rolled_through) if d is not None]
        return max(days) if days else None

    @property
    def is_customer_account(self) -> bool:
        return self.contract_id is not None

    def signed(self, side: Side, amount: Decimal) -> Decimal:
        """``amount`` on ``side`` as a change of this account's balance."""
        return amount if side is self.normal_side else -amount

    @property
    def pending_reductions(self) -> Decimal:
        """Held amounts that will lower the balance when posted."""
        return self.pending_credits if self.normal_side is Side.DEBIT else self.pending_debits

    @property
    def available(self) -> Decimal:
        """Balance less what holds will take out of it."""
        return self.balance - self.pending_reductions


def _zero_balances(account: Account) -> Account:
    z = quantize(ZERO, account.currency)
    return replace(account, balance=z, debits=z, credits=z, pending_debits=z, pending_credits=z)


def gl_account(chart_account: ChartAccount, currency: str) -> Account:
    return _zero_balances(Account(id=chart_account.code, code=chart_account.code, type=chart_account.type,
                   currency=currency_code(currency), name_zh=chart_account.name_zh, name_en=chart_account.name_en,
                   contra=chart_account.contra, non_negative=chart_account.non_negative))


def contract_account_id(contract_id: str, role: str) -> str:
    return f"{contract_id}.{role}"


def sub_account(control: ChartAccount, contract_id: str, role: str, currency: str) -> Account:
    """A contract's sub-account under a GL control account; it inherits type and sign rules."""
    if not valid_id(contract_id):
        raise RuleViolation("ledger.contract_id.invalid", "contract ids use letters, digits and ._:-",
                            {"contract_id": contract_id})
    return _zero_balances(Account(id=contract_account_id(contract_id, role), code=control.code, type=control.type,
                   currency=currency_code(currency), name_zh=f"{control.name_zh}-{contract_id}",
                   name_en=f"{control.name_en} - {contract_id}", contra=control.contra,
                   non_negative=control.non_negative, contract_id=contract_id, role=role))


# --- journal lines and entries ---------------------------------------------------------------------


@dataclass(frozen=True)
class JournalLine:
    account_id: str
    side: Side
    amount: Decimal
    currency: str

    def to_json(self) -> dict[str, str]:
        return {"account_id": self.account_id, "side": self.side.value, "amount": format(self.amount, "f"),
                "currency": self.currency}

    @classmethod
    def from_json(cls, data: Mapping[str, str]) -> "JournalLine":
        return cls(data["account_id"], Side(data["side"]), Decimal(data["amount"]), data["currency"])


def line(account_id: str, side: Side | str, amount: Decimal | str | int, currency: str) -> JournalLine:
    """A validated journal line: positive, at the currency's scale (``"100"`` becomes ``100.00``)."""
    if isinstance(amount, float):
        raise TypeError("amounts are Decimal, never float")
    if not valid_id(account_id):
        raise account_not_found(str(account_id))
    try:
        ccy = currency_code(currency)
    except UnknownCurrency:
        raise RuleViolation("ledger.line.currency.invalid", f"unknown currency {currency!r}",
                            {"currency": currency}) from None
    value = Decimal(amount)
    if not value.is_finite() or value <= 0:
        raise RuleViolation("ledger.line.amount.invalid", "a line amount must be positive",
                            {"account_id": account_id, "amount": str(amount)})
    if not is_at_scale(value, ccy):
        raise RuleViolation("ledger.line.amount.scale", f"{ccy} amounts carry at most the currency's minor unit",
                            {"account_id": account_id, "amount": format(value, "f")})
    return JournalLine(account_id, Side(side), quantize(value, ccy), ccy)


def net_lines(lines: Iterable[JournalLine]) -> list[JournalLine]:
    """One line per account: debits and credits on the same account net to one movement.

    (A disbursement's fee deducted from the cash paid out is one credit to the bank, not two lines.)
    Accounts keep the order of their first appearance; an account that nets to zero drops out.
    """
    order: list[tuple[str, str]] = []
    net: dict[tuple[str, str], Decimal] = {}
    for ln in lines:
        key = (ln.account_id, ln.currency)
        if key not in net:
            order.append(key)
            net[key] = ZERO
        net[key] += ln.amount if ln.side is Side.DEBIT else -ln.amount
    result = []
    for account_id, ccy in order:
        amount = net[(account_id, ccy)]
        if amount:
            result.append(JournalLine(account_id, Side.DEBIT if amount > 0 else Side.CREDIT, abs(amount), ccy))
    return result


def check_balanced(lines: Sequence[JournalLine]) -> None:
    """Debits equal credits in every currency, or ``ledger.entry.unbalanced``."""
    if not lines:
        raise RuleViolation("ledger.entry.empty", "a journal entry needs at least one debit and one credit")
    totals: dict[str, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    for ln in lines:
        totals[ln.currency][0 if ln.side is Side.DEBIT else 1] += ln.amount
    off = {ccy: {"debits": format(d, "f"), "credits": format(c, "f")} for ccy, (d, c) in totals.items() if d != c}
    if off:
        raise RuleViolation("ledger.entry.unbalanced", "debits must equal credits in every currency",
                            {"totals": off})


@dataclass(frozen=True)
class EntryDraft:
    """A journal entry not yet posted: what a caller asks the ledger to record.

    ``idempotency_key`` names the request: posting the same draft again under the same key returns
    the entry already posted; a different draft under it is refused (409).
    """

    kind: EntryKind
    booked_on: date
    lines: tuple[JournalLine, ...]
    idempotency_key: str
    memo: str = ""
    contract_id: str | None = None
    reverses: str | None = None  # the entry this one reverses
    hold_id: str | None = None  # the hold this entry posts
    created_by: str = ""
    metadata: Mapping[str, str] = field(default_factory=dict)

    def normalised(self) -> "EntryDraft":
        """Lines netted per account and checked to balance."""
        lines = tuple(net_lines(self.lines))
        check_balanced(lines)
        if len(lines) < 2:
            raise RuleViolation("ledger.entry.empty", "a journal entry needs at least one debit and one credit")
        return replace(self, lines=lines)

    @property
    def entry_id(self) -> str:
        return entry_id_for(self.idempotency_key)

    def fingerprint(self) -> str:
        """A digest of what the entry says (not who asked or when): equal drafts, equal digests."""
        body = {
            "kind": self.kind.value, "booked_on": self.booked_on.isoformat(), "memo": self.memo,
            "contract_id": self.contract_id, "reverses": self.reverses, "hold_id": self.hold_id,
            "lines": sorted((ln.account_id, ln.side.value, format(ln.amount, "f"), ln.currency) for ln in self.lines),
            "metadata": dict(sorted(self.metadata.items())),
        }
        return hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


@dataclass(frozen=True)
class JournalEntry:
    """A posted, immutable journal entry."""

    id: str
    kind: EntryKind
    booked_on: date
    lines: tuple[JournalLine, ...]
    idempotency_key: str
    fingerprint: str
    created_at: datetime
    memo: str = ""
    contract_id: str | None = None
    reverses: str | None = None
    hold_id: str | None = None
    created_by: str = ""
    metadata: Mapping[str, str] = field(default_factory=dict)

    def totals(self) -> dict[str, tuple[Decimal, Decimal]]:
        out: dict[str, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
        for ln in self.lines:
            out[ln.currency][0 if ln.side is Side.DEBIT else 1] += ln.amount
        return {k: (v[0], v[1]) for k, v in out.items()}


def entry_id_for(idempotency_key: str) -> str:
    """The entry id a key will always post under (so the id itself guards against a double post)."""
    if not isinstance(idempotency_key, str) or not 1 <= len(idempotency_key) <= 255:
        raise RuleViolation("ledger.idempotency_key.invalid", "an idempotency key is 1 to 255 characters")
    return "je-" + hashlib.sha256(("entry:" + idempotency_key).encode()).hexdigest()[:32]


def hold_id_for(idempotency_key: str) -> str:
    if not isinstance(idempotency_key, str) or not 1 <= len(idempotency_key) <= 255:
        raise RuleViolation("ledger.idempotency_key.invalid", "an idempotency key is 1 to 255 characters")
    return "hd-" + hashlib.sha256(("hold:" + idempotency_key).encode()).hexdigest()[:32]


def reversal_of(entry: JournalEntry, *, idempotency_key: str, booked_on: date, memo: str = "",
                created_by: str = "") -> EntryDraft:
    """The entry that undoes ``entry``: every line on the opposite side. A reversal is not reversible."""
    if entry.kind is EntryKind.REVERSAL:
        raise Conflict("ledger.entry.is_reversal", "a reversal cannot itself be reversed; post a new entry",
                       {"entry_id": entry.id})
    lines = tuple(JournalLine(ln.account_id, ln.side.opposite, ln.amount, ln.currency) for ln in entry.lines)
    return EntryDraft(kind=EntryKind.REVERSAL, booked_on=booked_on, lines=lines, idempotency_key=idempotency_key,
                      memo=memo or f"reversal of {entry.id}", contract_id=entry.contract_id, reverses=entry.id,
                      created_by=created_by)


# --- movements: what a posting or hold does to each account ----------------------------------------


@dataclass(frozen=True)
class AccountChange:
    """Posted and pending amounts an operation moves on one account (pending deltas may be negative)."""

    account_id: str
    posted_debit: Decimal = ZERO
    posted_credit: Decimal = ZERO
    pending_debit: Decimal = ZERO
    pending_credit: Decimal = ZERO

    @property
    def posts(self) -> bool:
        return bool(self.posted_debit or self.posted_credit)


@dataclass(frozen=True)
class StatementLine:
    """One row of an account's statement: an entry's movement and the balance it left."""

    account_id: str
    seq: int
    booked_on: date
    entry_id: str
    kind: EntryKind
    debit: Decimal
    credit: Decimal
    balance_after: Decimal
    memo: str = ""
    contract_id: str | None = None
    created_at: datetime | None = None
    movements: int | None = None  # a roll-up row: how many GL movements it folded


@dataclass(frozen=True)
class Movement:
    """An account before and after one operation, the row it adds to the statement (if it posts),
    and the least balance the account must still hold for the store's conditional write."""

    before: Account
    after: Account
    change: AccountChange
    row: StatementLine | None
    balance_floor: Decimal | None  # None: no floor (negative allowed, or the change only adds)

    @property
    def balance_delta(self) -> Decimal:
        return self.after.balance - self.before.balance


def apply_change(account: Account, change: AccountChange, *, booked_on: date | None, entry_id: str | None,
                 kind: EntryKind | None, memo: str = "", contract_id: str | None = None) -> Movement:
    """Apply ``change`` to ``account``; refuse what breaks the account's rules.

    * Posting before the last date already booked on the account is refused
      (``ledger.entry.booked_on.closed``): rows stay in date order, so balances as of a date are exact.
    * A ``non_negative`` account may not end with a negative available balance
      (``ledger.account.insufficient_balance``) unless the change only adds to it.
    """
    if change.account_id != account.id:
        raise ValueError("change for another account")
    posted_delta = account.signed(Side.DEBIT, change.posted_debit) + account.signed(Side.CREDIT, change.posted_credit)
    after = replace(
        account,
        balance=account.balance + posted_delta,
        debits=account.debits + change.posted_debit,
        credits=account.credits + change.posted_credit,
        pending_debits=account.pending_debits + change.pending_debit,
        pending_credits=account.pending_credits + change.pending_credit,
    )
    if after.pending_debits < 0 or after.pending_credits < 0:
        raise ValueError("pending amounts cannot go below zero")  # a bug, not a caller's mistake
    row = None
    if change.posts:
        if booked_on is None or entry_id is None or kind is None:
            raise ValueError("a posting change needs its entry")
        if account.last_booked_on is not None and booked_on < account.last_booked_on:
            raise RuleViolation(
                "ledger.entry.booked_on.closed",
                "the account already has entries booked after this date; book the entry on or after it",
                {"account_id": account.id, "booked_on": booked_on.isoformat(),
                 "last_booked_on": account.last_booked_on.isoformat()},
            )
        after = replace(after, line_count=account.line_count + 1,
                        last_booked_on=max(booked_on, account.last_booked_on or booked_on))
        ccy = account.currency
        row = StatementLine(account.id, after.line_count, booked_on, entry_id, kind, quantize(change.posted_debit, ccy),
                            quantize(change.posted_credit, ccy), quantize(after.balance, ccy), memo,
                            contract_id or account.contract_id)
    floor = None
    available_delta = after.available - account.available
    if account.non_negative and available_delta < 0:
        if after.available < 0:
            raise RuleViolation(
                "ledger.account.insufficient_balance",
                "the account may not go negative",
                {"account_id": account.id, "available": format(account.available, "f"),
                 "change": format(available_delta, "f"), "currency": account.currency},
            )
        # Pre-image condition for the store: balance_before >= pending reductions after - posted delta.
        floor = after.pending_reductions - posted_delta
    return Movement(account, after, change, row, floor)


def changes_for_lines(lines: Sequence[JournalLine]) -> list[AccountChange]:
    return [AccountChange(ln.account_id, posted_debit=ln.amount if ln.side is Side.DEBIT else ZERO,
                          posted_credit=ln.amount if ln.side is Side.CREDIT else ZERO) for ln in lines]


def check_currencies(lines: Sequence[JournalLine], accounts: Mapping[str, Account]) -> None:
    for ln in lines:
        account = accounts[ln.account_id]
        if ln.currency != account.currency:
            raise RuleViolation("ledger.line.currency_mismatch", "the line's currency is not the account's",
                                {"account_id": ln.account_id, "line_currency": ln.currency,
                                 "account_currency": account.currency})


def plan_entry(draft: EntryDraft, accounts: Mapping[str, Account],
               pending_release: Sequence[AccountChange] = ()) -> list[Movement]:
    """What posting ``draft`` does to every account it touches (``draft`` already normalised), every
    line applied to its account directly (manual, hold and proposal postings).

    ``pending_release`` adds the pending amounts a hold posting releases on the same accounts.
    """
    return plan_posting(draft, accounts, pending_release).movements


@dataclass(frozen=True)
class GlMovement:
    """A contract posting's line on a shared GL account, written as its own immutable row instead of
    an update of the account; folded into the account by the close-of-business roll-up."""

    account_id: str
    booked_on: date
    entry_id: str
    kind: EntryKind
    debit: Decimal
    credit: Decimal
    currency: str
    contract_id: str | None = None
    created_at: datetime | None = None  # when it was posted (orders a day's movements on a statement)

    @property
    def shard(self) -> int:
        return gl_shard(self.entry_id)


def gl_shard(entry_id: str) -> int:
    """The movement-row partition an entry's GL legs go to: stable across processes and releases."""
    return int(hashlib.sha256(entry_id.encode()).hexdigest()[:8], 16) % GL_SHARDS


@dataclass(frozen=True)
class PostingPlan:
    movements: list[Movement]  # direct account updates (with their statement rows)
    gl_movements: list[GlMovement]  # deferred GL legs (contract postings only)


def plan_posting(draft: EntryDraft, accounts: Mapping[str, Account], pending_release: Sequence[AccountChange] = (),
                 *, defer_gl: bool = False) -> PostingPlan:
    """``plan_entry``, with ``defer_gl`` (a contract posting) turning each line on an account that
    ``defers_contract_legs`` into a ``GlMovement`` instead of an update of the account.

    A deferred leg still obeys the booked-date order against the account as read (no day before the
    account's last booked or rolled-up day, ``ledger.entry.booked_on.closed``); it never needs the
    balance, since the account has no floor.
    """
    missing = [ln.account_id for ln in draft.lines if ln.account_id not in accounts]
    missing += [c.account_id for c in pending_release if c.account_id not in accounts]
    if missing:
        raise account_not_found(missing[0])
    check_currencies(draft.lines, accounts)
    merged: dict[str, AccountChange] = {}
    for change in list(changes_for_lines(draft.lines)) + list(pending_release):
        prior = merged.get(change.account_id, AccountChange(change.account_id))
        merged[change.account_id] = AccountChange(
            change.account_id, prior.posted_debit + change.posted_debit, prior.posted_credit + change.posted_credit,
            prior.pending_debit + change.pending_debit, prior.pending_credit + change.pending_credit)
    movements: list[Movement] = []
    deferred: list[GlMovement] = []
    for aid, ch in merged.items():
        account = accounts[aid]
        if defer_gl and account.defers_contract_legs and not (ch.pending_debit or ch.pending_credit):
            deferred.append(deferred_leg(account, ch, booked_on=draft.booked_on, entry_id=draft.entry_id,
                                         kind=draft.kind, contract_id=draft.contract_id))
        else:
            movements.append(apply_change(account, ch, booked_on=draft.booked_on, entry_id=draft.entry_id,
                                          kind=draft.kind, memo=draft.memo, contract_id=draft.contract_id))
    return PostingPlan(movements, deferred)


def deferred_leg(account: Account, change: AccountChange, *, booked_on: date, entry_id: str, kind: EntryKind,
                 contract_id: str | None) -> GlMovement:
    closed = account.closed_before
    if closed is not None and booked_on < closed:
        raise RuleViolation(
            "ledger.entry.booked_on.closed",
            "the account already has entries booked after this date; book the entry on or after it",
            {"account_id": account.id, "booked_on": booked_on.isoformat(), "last_booked_on": closed.isoformat()},
        )
    ccy = account.currency
    return GlMovement(account.id, booked_on, entry_id, kind, quantize(change.posted_debit, ccy),
                      quantize(change.posted_credit, ccy), ccy, contract_id)


def transaction_items(movements: Sequence[Movement], *, gl_movements: int = 0, extra_items: int = 0) -> int:
    """DynamoDB items a posting writes: the entry, each account updated directly, each statement
    row, each deferred GL movement row, one event per customer contract touched, plus
    ``extra_items`` (a reversal marker, a hold)."""
    rows = sum(1 for m in movements if m.row is not None)
    contracts = {m.after.contract_id for m in movements if m.row is not None and m.after.contract_id}
    return 1 + len(movements) + rows + gl_movements + len(contracts) + extra_items


# --- the close-of-business roll-up of deferred GL movements ----------------------------------------


def unrolled(account: Account, movements: Iterable[GlMovement], as_of: date | None = None) -> tuple[Decimal, Decimal]:
    """(debits, credits) of ``account``'s movements not folded into it yet, booked on or before
    ``as_of`` (any day when None). ``movements`` are those booked on or after ``rolled_through``
    (all of them if it is unset): on that day itself, what the roll-up already folded is taken off.
    """
    rt = account.rolled_through
    if as_of is not None and rt is not None and as_of < rt:
        return ZERO, ZERO  # the statement rows already hold that date exactly
    debit = credit = ZERO
    for m in movements:
        if (rt is None or m.booked_on >= rt) and (as_of is None or m.booked_on <= as_of):
            debit += m.debit
            credit += m.credit
    if rt is not None:
        debit -= account.rolled_debits
        credit -= account.rolled_credits
    return quantize(debit, account.currency), quantize(credit, account.currency)


def with_unrolled(account: Account, debit: Decimal, credit: Decimal) -> Account:
    """The account as it reads once its unrolled movements are added (balance, debits, credits)."""
    if not debit and not credit:
        return account
    delta = account.signed(Side.DEBIT, debit) + account.signed(Side.CREDIT, credit)
    return replace(account, balance=account.balance + delta, debits=account.debits + debit,
                   credits=account.credits + credit)


@dataclass(frozen=True)
class Fold:
    """One day's movements folded into a GL account: its update and roll-up row (``movement``), and
    the statement rows of later days, restated to include the day (``restated``)."""

    on: date
    movement: Movement
    restated: tuple[StatementLine, ...]
    movements: int
    debit: Decimal
    credit: Decimal


def rollup_entry_id(on: date) -> str:
    return f"rollup:{on.isoformat()}"


def plan_fold(account: Account, on: date, movements_on: Sequence[GlMovement], rows_from_on: Sequence[StatementLine],
              balance_end_of_on: Decimal) -> Fold | None:
    """Fold ``account``'s movements booked on ``on`` that earlier roll-ups of the day did not (None if
    there are none: a repeated roll-up is a no-op).

    ``rows_from_on`` are the account's statement rows booked on ``on`` or later (its roll-up rows of
    the day say what is folded already; later days' rows are restated), ``balance_end_of_on`` the
    balance its statement shows at the end of ``on``. The account's ``rolled_through`` moves to ``on``
    when ``on`` is later; a day before it (a movement that raced a roll-up) is folded all the same.
    """
    if any(m.account_id != account.id or m.booked_on != on for m in movements_on):
        raise ValueError("movements of another account or day")
    ccy = account.currency
    done = [r for r in rows_from_on if r.booked_on == on and r.kind is EntryKind.ROLLUP]
    debit = sum((m.debit for m in movements_on), ZERO) - sum((r.debit for r in done), ZERO)
    credit = sum((m.credit for m in movements_on), ZERO) - sum((r.credit for r in done), ZERO)
    count = len(movements_on) - sum(r.movements or 0 for r in done)
    if debit < 0 or credit < 0:
        raise ValueError("a roll-up folded more than the day's movements")  # rows are never deleted
    if not debit and not credit:
        return None
    debit, credit = quantize(debit, ccy), quantize(credit, ccy)
    change = AccountChange(account.id, posted_debit=debit, posted_credit=credit)
    delta = account.signed(Side.DEBIT, debit) + account.signed(Side.CREDIT, credit)
    rt = account.rolled_through
    if rt is None or on > rt:
        rolled = dict(rolled_through=on, rolled_debits=debit, rolled_credits=credit)
    elif on == rt:
        rolled = dict(rolled_through=on, rolled_debits=account.rolled_debits + debit,
                      rolled_credits=account.rolled_credits + credit)
    else:
        rolled = {}
    after = replace(account, balance=account.balance + delta, debits=account.debits + debit,
                    credits=account.credits + credit, line_count=account.line_count + 1,
                    last_booked_on=max(on, account.last_booked_on or on), **rolled)
    row = StatementLine(account.id, after.line_count, on, rollup_entry_id(on), EntryKind.ROLLUP, debit, credit,
                        quantize(balance_end_of_on + delta, ccy),
                        f"{count} contract movement(s) rolled up", None, movements=count)
    restated = tuple(replace(r, balance_after=quantize(r.balance_after + delta, ccy))
                     for r in rows_from_on if r.booked_on > on)
    check_transaction_size(2 + len(restated))
    return Fold(on, Movement(account, after, change, row, None), restated, count, debit, credit)


def check_transaction_size(items: int) -> None:
    if items > MAX_TRANSACTION_ITEMS:
        raise RuleViolation(
            "ledger.entry.too_large",
            f"the posting would write {items} items in one transaction; DynamoDB allows {MAX_TRANSACTION_ITEMS}. "
            "Split it into several entries.",
            {"items": items, "max_items": MAX_TRANSACTION_ITEMS},
        )


# --- customer account events (动账提醒) -------------------------------------------------------------

CUSTOMER_ACCOUNT_MOVED = "ledger.customer_account.moved"


@dataclass(frozen=True)
class CustomerAccountMoved:
    """A contract's accounts moved: one event per contract per entry, for notifications and webhooks."""

    entry_id: str
    entry_kind: EntryKind
    contract_id: str
    booked_on: date
    movements: tuple[StatementLine, ...]

    @property
    def event_id(self) -> str:
        return f"{self.entry_id}.{self.contract_id}"

    def payload(self) -> dict[str, object]:
        return {
            "type": CUSTOMER_ACCOUNT_MOVED, "event_id": self.event_id, "entry_id": self.entry_id,
            "entry_kind": self.entry_kind.value, "contract_id": self.contract_id,
            "booked_on": self.booked_on.isoformat(),
            "movements": [{"account_id": r.account_id, "debit": format(r.debit, "f"), "credit": format(r.credit, "f"),
                           "balance_after": format(r.balance_after, "f"), "seq": r.seq} for r in self.movements],
        }


def customer_events(entry_id: str, kind: EntryKind, booked_on: date,
                    movements: Sequence[Movement]) -> list[CustomerAccountMoved]:
    by_contract: dict[str, list[StatementLine]] = defaultdict(list)
    for m in movements:
        if m.row is not None and m.after.contract_id:
            by_contract[m.after.contract_id].append(m.row)
    return [CustomerAccountMoved(entry_id, kind, cid, booked_on, tuple(rows)) for cid, rows in by_contract.items()]


# --- holds (two-phase transfers) -------------------------------------------------------------------


@dataclass(frozen=True)
class Hold:
    """A pending transfer of ``amount`` from ``debit_account`` to ``credit_account``."""

    id: str
    debit_account: str
    credit_account: str
    amount: Decimal
    currency: str
    status: HoldStatus
    idempotency_key: str
    fingerprint: str
    memo: str = ""
    contract_id: str | None = None
    posted_amount: Decimal = ZERO
    posted_entry_id: str | None = None
    created_by: str = ""
    created_at: datetime | None = None
    version: int | None = None

    def moved_to(self, status: HoldStatus) -> "Hold":
        if status not in HOLD_TRANSITIONS[self.status]:
            raise Conflict("ledger.hold.not_pending", f"the hold is {self.status.value}",
                           {"hold_id": self.id, "status": self.status.value})
        return replace(self, status=status)

    def pending_changes(self, sign: int) -> list[AccountChange]:
        """The pending amounts this hold adds (sign=1) or releases (sign=-1)."""
        amount = self.amount * sign
        return [AccountChange(self.debit_account, pending_debit=amount),
                AccountChange(self.credit_account, pending_credit=amount)]


def hold_fingerprint(debit_account: str, credit_account: str, amount: Decimal, currency: str, memo: str,
                     contract_id: str | None) -> str:
    body = [debit_account, credit_account, format(amount, "f"), currency, memo, contract_id]
    return hashlib.sha256(json.dumps(body, separators=(",", ":")).encode()).hexdigest()


def new_hold(*, debit_account: str, credit_account: str, amount: Decimal | str, currency: str,
             idempotency_key: str, memo: str = "", contract_id: str | None = None, created_by: str = "") -> Hold:
    if debit_account == credit_account:
        raise RuleViolation("ledger.hold.accounts.same", "a hold moves money between two different accounts")
    checked = line(debit_account, Side.DEBIT, amount, currency)
    line(credit_account, Side.CREDIT, amount, currency)
    return Hold(hold_id_for(idempotency_key), debit_account, credit_account, checked.amount, checked.currency,
                HoldStatus.PENDING, idempotency_key,
                hold_fingerprint(debit_account, credit_account, checked.amount, checked.currency, memo, contract_id),
                memo, contract_id, created_by=created_by)


def plan_hold(hold: Hold, accounts: Mapping[str, Account], sign: int) -> list[Movement]:
    """The pending movements of placing (sign=1) or voiding (sign=-1) a hold."""
    for aid in (hold.debit_account, hold.credit_account):
        if aid not in accounts:
            raise account_not_found(aid)
        if accounts[aid].currency != hold.currency:
            raise RuleViolation("ledger.line.currency_mismatch", "the hold's currency is not the account's",
                                {"account_id": aid, "line_currency": hold.currency,
                                 "account_currency": accounts[aid].currency})
    return [apply_change(accounts[c.account_id], c, booked_on=None, entry_id=None, kind=None)
            for c in hold.pending_changes(sign)]


def hold_posting_draft(hold: Hold, *, amount: Decimal | None, booked_on: date, idempotency_key: str,
                       created_by: str = "") -> EntryDraft:
    """The entry that posts ``amount`` (default: all) of a pending hold; the rest is released."""
    amount = hold.amount if amount is None else amount
    posted = line(hold.debit_account, Side.DEBIT, amount, hold.currency)
    if posted.amount > hold.amount:
        raise RuleViolation("ledger.hold.amount.exceeds", "cannot post more than the hold reserved",
                            {"hold_id": hold.id, "held": format(hold.amount, "f"),
                             "amount": format(posted.amount, "f")})
    lines = (posted, JournalLine(hold.credit_account, Side.CREDIT, posted.amount, hold.currency))
    return EntryDraft(kind=EntryKind.HOLD_POSTING, booked_on=booked_on, lines=lines, idempotency_key=idempotency_key,
                      memo=hold.memo or f"posting of hold {hold.id}", contract_id=hold.contract_id, hold_id=hold.id,
                      created_by=created_by)


# --- manual journal proposals (maker-checker) ------------------------------------------------------


class ProposalStatus(str, Enum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


PROPOSAL_TRANSITIONS: dict[ProposalStatus, frozenset[ProposalStatus]] = {
    ProposalStatus.PENDING: frozenset({ProposalStatus.APPROVED, ProposalStatus.REJECTED}),
    ProposalStatus.APPROVED: frozenset(),
    ProposalStatus.REJECTED: frozenset(),
}


@dataclass(frozen=True)
class JournalProposal:
    """A manual journal entry one user proposes and another approves (maker-checker).

    On approval the entry posts under the idempotency key ``proposal:<id>`` in the same transaction
    that marks the proposal approved, so it posts exactly once.
    """

    id: str
    draft: EntryDraft
    maker_id: str
    status: ProposalStatus
    idempotency_key: str  # the maker's key for proposing
    created_at: datetime | None = None
    decided_by: str | None = None
    entry_id: str | None = None
    reason: str = ""
    version: int | None = None

    def decided(self, status: ProposalStatus, actor_id: str, reason: str = "") -> "JournalProposal":
        if status not in PROPOSAL_TRANSITIONS[self.status]:
            raise Conflict("ledger.proposal.not_pending", f"the proposal is {self.status.value}",
                           {"proposal_id": self.id, "status": self.status.value})
        if status is ProposalStatus.APPROVED and actor_id == self.maker_id:
            raise Forbidden("ledger.maker_checker", "whoever proposed a journal entry cannot approve it",
                            {"proposal_id": self.id})
        entry_id = self.draft.entry_id if status is ProposalStatus.APPROVED else None
        return replace(self, status=status, decided_by=actor_id, entry_id=entry_id, reason=reason)


def proposal_id_for(idempotency_key: str) -> str:
    if not isinstance(idempotency_key, str) or not 1 <= len(idempotency_key) <= 255:
        raise RuleViolation("ledger.idempotency_key.invalid", "an idempotency key is 1 to 255 characters")
    return "jp-" + hashlib.sha256(("proposal:" + idempotency_key).encode()).hexdigest()[:32]


def new_proposal(draft: EntryDraft, *, maker_id: str, idempotency_key: str) -> JournalProposal:
    """A pending proposal for ``draft`` (checked to balance now, posted on approval): a manual entry,
    or the reversal of one (``reversal_proposal``)."""
    if draft.kind is EntryKind.REVERSAL:
        if draft.reverses is None:
            raise ValueError("a reversal proposal names the entry it reverses")
    elif draft.kind is not EntryKind.MANUAL:
        raise ValueError("only manual entries and their reversals go through proposals")
    pid = proposal_id_for(idempotency_key)
    checked = replace(draft, idempotency_key=f"proposal:{pid}", created_by=maker_id).normalised()
    return JournalProposal(pid, checked, maker_id, ProposalStatus.PENDING, idempotency_key)


def entry_owned(entry: "JournalEntry") -> Conflict:
    return Conflict("ledger.entry.owned",
                    f"a {entry.kind.value} entry belongs to the context that posted it; reverse it there "
                    "(a repayment reversal, a disbursement cancellation), which keeps both books in step",
                    {"entry_id": entry.id, "kind": entry.kind.value, "contract_id": entry.contract_id})


def reversal_proposal(entry: "JournalEntry", *, maker_id: str, idempotency_key: str, booked_on: date,
                      memo: str = "") -> JournalProposal:
    """A pending proposal to reverse ``entry`` — money moved by hand, so another user approves it.

    Only manual journals are reversed by hand: any other entry is owned by the context that posted
    it (servicing's disbursements, repayments, accruals…; payments'), which reverses it itself so its
    own books follow (409 ``ledger.entry.owned``)."""
    if entry.kind is not EntryKind.MANUAL:
        raise entry_owned(entry)
    draft = reversal_of(entry, idempotency_key=idempotency_key, booked_on=booked_on, memo=memo, created_by=maker_id)
    return new_proposal(draft, maker_id=maker_id, idempotency_key=idempotency_key)


# --- accounting templates --------------------------------------------------------------------------


class Slot(Schema):
    """Where a posting role books: a GL code, per contract (a sub-account under it) or shared."""

    code: str = Field(pattern=r"^[0-9]{4}(\.[0-9]{2})?$")
    per_contract: bool = False
    sub_account: str | None = Field(default=None, pattern=r"^[a-z_]{1,30}$",
                                    description="the sub-account's name under the contract (per_contract only)")

    @model_validator(mode="after")
    def _named_when_per_contract(self) -> "Slot":
        if self.per_contract and not self.sub_account:
            raise ValueError("a per-contract slot names its sub-account")
        return self


class Leg(Schema):
    """One component of an event's money moving from ``credit`` to ``debit``."""

    component: Component
    debit: PostingRole
    credit: PostingRole


class AccountingTemplate(Schema):
    """How a product books its events: roles → accounts, events → legs.

    The product factory stores a template id (or a customised copy) on each product version; the
    servicing context passes it with every event to ``post_contract_event``.
    """

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,62}$")
    kind: TenantKind
    slots: dict[PostingRole, Slot]
    rules: dict[EntryKind, list[Leg]]

    @field_validator("rules")
    @classmethod
    def _only_template_kinds(cls, rules: dict[EntryKind, list[Leg]]) -> dict[EntryKind, list[Leg]]:
        for kind in rules:
            if kind in (EntryKind.MANUAL, EntryKind.REVERSAL, EntryKind.HOLD_POSTING, EntryKind.ROLLUP):
                raise ValueError(f"{kind.value} entries are not built from a template")
        return rules

    @model_validator(mode="after")
    def _roles_have_slots(self) -> "AccountingTemplate":
        for kind, legs in self.rules.items():
            seen = set()
            for leg in legs:
                if leg.component in seen:
                    raise ValueError(f"{kind.value}: component {leg.component.value} appears twice")
                seen.add(leg.component)
                for role in (leg.debit, leg.credit):
                    if role is not PostingRole.CASH and role not in self.slots:
                        raise ValueError(f"{kind.value}: role {role.value} has no slot")
        for cash in (PostingRole.BANK, PostingRole.CLEARING):
            if cash in self.slots and self.slots[cash].per_contract:
                raise ValueError("cash accounts are not per contract")
        return self

    def check_against(self, chart: Mapping[str, ChartAccount]) -> None:
        """Every slot books to an account of the chart, or ``ledger.template.code.unknown``."""
        for role, slot in self.slots.items():
            if slot.code not in chart:
                raise RuleViolation("ledger.template.code.unknown", f"{role.value} books to {slot.code}, "
                                    "which is not in the tenant's chart", {"role": role.value, "code": slot.code})

    def contract_slots(self) -> dict[PostingRole, Slot]:
        return {role: slot for role, slot in self.slots.items() if slot.per_contract}


@dataclass(frozen=True)
class ContractEvent:
    """A business event on a contract, as servicing reports it: its money split into components."""

    kind: EntryKind
    contract_id: str
    currency: str
    booked_on: date
    amounts: Mapping[Component, Decimal]
    memo: str = ""
    cash: PostingRole = PostingRole.BANK  # the account cash moves through: bank, or clearing (in flight)


def resolve_account(template: AccountingTemplate, role: PostingRole, contract_id: str) -> str:
    slot = template.slots[role]
    return contract_account_id(contract_id, slot.sub_account) if slot.per_contract else slot.code


def build_contract_entry(template: AccountingTemplate, event: ContractEvent, *, idempotency_key: str,
                         created_by: str = "") -> EntryDraft:
    """The journal entry for ``event`` under ``template``: each leg moves its component's amount.

    A component the template does not book for this kind of event is refused rather than dropped:
    money must never silently disappear (``ledger.event.component.unmapped``).
    """
    legs = template.rules.get(event.kind)
    if legs is None:
        raise RuleViolation("ledger.event.kind.unmapped", f"the template does not book {event.kind.value} events",
                            {"template": template.id, "kind": event.kind.value})
    if event.cash not in (PostingRole.BANK, PostingRole.CLEARING):
        raise RuleViolation("ledger.event.cash.invalid", "cash moves through bank or clearing")
    by_component = {leg.component: leg for leg in legs}
    lines: list[JournalLine] = []
    for component, amount in event.amounts.items():
        component = Component(component)
        if not amount:
            continue
        leg = by_component.get(component)
        if leg is None:
            raise RuleViolation("ledger.event.component.unmapped",
                                f"{event.kind.value} events do not book {component.value} under this template",
                                {"template": template.id, "kind": event.kind.value, "component": component.value})
        debit_role = event.cash if leg.debit is PostingRole.CASH else leg.debit
        credit_role = event.cash if leg.credit is PostingRole.CASH else leg.credit
        for role in (debit_role, credit_role):
            if role not in template.slots:
                raise RuleViolation("ledger.template.role.unmapped", f"the template has no account for {role.value}",
                                    {"template": template.id, "role": role.value})
        lines.append(line(resolve_account(template, debit_role, event.contract_id), Side.DEBIT, amount, event.currency))
        lines.append(line(resolve_account(template, credit_role, event.contract_id), Side.CREDIT, amount,
                          event.currency))
    draft = EntryDraft(kind=event.kind, booked_on=event.booked_on, lines=tuple(lines), idempotency_key=idempotency_key,
                       memo=event.memo or f"{event.kind.value} {event.contract_id}", contract_id=event.contract_id,
                       created_by=created_by)
    return draft.normalised()


def contract_accounts_for(template: AccountingTemplate, chart: Mapping[str, ChartAccount], contract_id: str,
                          currency: str) -> list[Account]:
    """The sub-accounts a contract needs under ``template`` (one per per-contract slot)."""
    template.check_against(chart)
    seen: dict[str, Account] = {}
    for slot in template.contract_slots().values():
        account = sub_account(chart[slot.code], contract_id, slot.sub_account or "", currency)
        seen.setdefault(account.id, account)
    return list(seen.values())


def _legs(*legs: tuple[Component, PostingRole, PostingRole]) -> list[Leg]:
    return [Leg(component=c, debit=d, credit=cr) for c, d, cr in legs]


R, C = PostingRole, Component


def _shared_slots(allowance_code: str) -> dict[PostingRole, Slot]:
    return {
        R.BANK: Slot(code="1002"), R.CLEARING: Slot(code="1003"),
        R.INTEREST_RECEIVABLE: Slot(code="1132", per_contract=True, sub_account="interest"),
        R.PENALTY_RECEIVABLE: Slot(code="1134", per_contract=True, sub_account="penalty"),
        R.FEE_RECEIVABLE: Slot(code="1221", per_contract=True, sub_account="fee"),
        R.SUSPENSE: Slot(code="2203", per_contract=True, sub_account="suspense"),
        R.INTEREST_INCOME: Slot(code="6011"), R.PENALTY_INCOME: Slot(code="6013"), R.FEE_INCOME: Slot(code="6021"),
        R.LOSS_ALLOWANCE: Slot(code=allowance_code), R.IMPAIRMENT_EXPENSE: Slot(code="6701"),
    }


def _repayment_legs(interest_to: PostingRole) -> list[Leg]:
    # Fineract's default waterfall names the order; the ledger only needs where each part goes.
    return _legs((C.PENALTY, R.CASH, R.PENALTY_RECEIVABLE), (C.FEE, R.CASH, R.FEE_RECEIVABLE),
                 (C.INTEREST, R.CASH, interest_to), (C.PRINCIPAL, R.CASH, R.PRINCIPAL),
                 (C.OVERPAYMENT, R.CASH, R.SUSPENSE))


def _from_suspense(legs: list[Leg]) -> list[Leg]:
    return [Leg(component=leg.component, debit=R.SUSPENSE if leg.debit is R.CASH else leg.debit, credit=leg.credit)
            for leg in legs if leg.component is not C.OVERPAYMENT]


def _common_rules(interest_to: PostingRole) -> dict[EntryKind, list[Leg]]:
    repayment = _repayment_legs(interest_to)
    return {
        EntryKind.REPAYMENT: repayment,
        EntryKind.SUSPENSE_APPLICATION: _from_suspense(repayment),
        EntryKind.FEE: _legs((C.FEE, R.FEE_RECEIVABLE, R.FEE_INCOME)),
        EntryKind.PENALTY: _legs((C.PENALTY, R.PENALTY_RECEIVABLE, R.PENALTY_INCOME)),
        EntryKind.PROVISION: _legs((C.PROVISION, R.IMPAIRMENT_EXPENSE, R.LOSS_ALLOWANCE)),
        EntryKind.RECOVERY: _legs((C.RECOVERY, R.CASH, R.LOSS_ALLOWANCE)),
    }


def _lending_template() -> AccountingTemplate:
    slots = {**_shared_slots("1304"), R.PRINCIPAL: Slot(code="1303", per_contract=True, sub_account="principal")}
    rules = {
        **_common_rules(R.INTEREST_RECEIVABLE),
        EntryKind.DISBURSEMENT: _legs((C.PRINCIPAL, R.PRINCIPAL, R.CASH), (C.UPFRONT_FEE, R.CASH, R.FEE_INCOME)),
        EntryKind.ACCRUAL: _legs((C.INTEREST, R.INTEREST_RECEIVABLE, R.INTEREST_INCOME)),
        EntryKind.WRITE_OFF: _legs((C.PRINCIPAL, R.LOSS_ALLOWANCE, R.PRINCIPAL),
                                   (C.INTEREST, R.IMPAIRMENT_EXPENSE, R.INTEREST_RECEIVABLE),
                                   (C.PENALTY, R.IMPAIRMENT_EXPENSE, R.PENALTY_RECEIVABLE),
                                   (C.FEE, R.IMPAIRMENT_EXPENSE, R.FEE_RECEIVABLE)),
        EntryKind.REFUND: _legs((C.OVERPAYMENT, R.SUSPENSE, R.CASH)),
    }
    return AccountingTemplate(id="lending-standard", kind=TenantKind.LENDING, slots=slots, rules=rules)


def _leasing_template() -> AccountingTemplate:
    # CAS 21: the lease receivable is gross (principal + finance income); unearned finance income
    # is its contra account and is recognised as interest income over the term.
    slots = {**_shared_slots("1231"),
             R.PRINCIPAL: Slot(code="1531", per_contract=True, sub_account="principal"),
             R.UNEARNED_INCOME: Slot(code="1532", per_contract=True, sub_account="unearned"),
             R.DEPOSIT_HELD: Slot(code="2241.01", per_contract=True, sub_account="deposit")}
    rules = {
        **_common_rules(R.PRINCIPAL),
        EntryKind.DISBURSEMENT: _legs((C.PRINCIPAL, R.PRINCIPAL, R.CASH),
                                      (C.UNEARNED_INTEREST, R.PRINCIPAL, R.UNEARNED_INCOME),
                                      (C.UPFRONT_FEE, R.CASH, R.FEE_INCOME), (C.DEPOSIT, R.CASH, R.DEPOSIT_HELD)),
        EntryKind.ACCRUAL: _legs((C.INTEREST, R.UNEARNED_INCOME, R.INTEREST_INCOME)),
        EntryKind.WRITE_OFF: _legs((C.PRINCIPAL, R.LOSS_ALLOWANCE, R.PRINCIPAL),
                                   (C.UNEARNED_INTEREST, R.UNEARNED_INCOME, R.PRINCIPAL),
                                   (C.PENALTY, R.IMPAIRMENT_EXPENSE, R.PENALTY_RECEIVABLE),
                                   (C.FEE, R.IMPAIRMENT_EXPENSE, R.FEE_RECEIVABLE)),
        EntryKind.REFUND: _legs((C.OVERPAYMENT, R.SUSPENSE, R.CASH), (C.DEPOSIT, R.DEPOSIT_HELD, R.CASH)),
    }
    return AccountingTemplate(id="leasing-standard", kind=TenantKind.LEASING, slots=slots, rules=rules)


def _factoring_template() -> AccountingTemplate:
    # The receivable is bought at face value; the reserve (face - advance) is owed back to the seller
    # once the debtor pays, so cash out at purchase is the advance less upfront fees.
    slots = {**_shared_slots("1231"),
             R.PRINCIPAL: Slot(code="1122", per_contract=True, sub_account="principal"),
             R.RESERVE_PAYABLE: Slot(code="2241.02", per_contract=True, sub_account="reserve")}
    rules = {
        **_common_rules(R.INTEREST_RECEIVABLE),
        EntryKind.DISBURSEMENT: _legs((C.PRINCIPAL, R.PRINCIPAL, R.CASH), (C.RESERVE, R.CASH, R.RESERVE_PAYABLE),
                                      (C.UPFRONT_FEE, R.CASH, R.FEE_INCOME)),
        EntryKind.ACCRUAL: _legs((C.INTEREST, R.INTEREST_RECEIVABLE, R.INTEREST_INCOME)),
        EntryKind.WRITE_OFF: _legs((C.PRINCIPAL, R.LOSS_ALLOWANCE, R.PRINCIPAL),
                                   (C.INTEREST, R.IMPAIRMENT_EXPENSE, R.INTEREST_RECEIVABLE),
                                   (C.PENALTY, R.IMPAIRMENT_EXPENSE, R.PENALTY_RECEIVABLE),
                                   (C.FEE, R.IMPAIRMENT_EXPENSE, R.FEE_RECEIVABLE)),
        EntryKind.REFUND: _legs((C.OVERPAYMENT, R.SUSPENSE, R.CASH), (C.RESERVE, R.RESERVE_PAYABLE, R.CASH)),
    }
    return AccountingTemplate(id="factoring-standard", kind=TenantKind.FACTORING, slots=slots, rules=rules)


_STANDARD_TEMPLATES: dict[str, AccountingTemplate] = {}


def standard_templates() -> dict[str, AccountingTemplate]:
    """The built-in templates by id: ``lending-standard``, ``leasing-standard``, ``factoring-standard``."""
    if not _STANDARD_TEMPLATES:
        for t in (_lending_template(), _leasing_template(), _factoring_template()):
            t.check_against(chart_index(t.kind))
            _STANDARD_TEMPLATES[t.id] = t
    return dict(_STANDARD_TEMPLATES)


def standard_template(template_id: str) -> AccountingTemplate:
    try:
        return standard_templates()[template_id]
    except KeyError:
        raise NotFound("ledger.template.not_found", "no such accounting template",
                       {"template_id": template_id}) from None


def default_template_for(kind: TenantKind) -> AccountingTemplate:
    ids = {TenantKind.LENDING: "lending-standard", TenantKind.LEASING: "leasing-standard",
           TenantKind.FACTORING: "factoring-standard"}
    if kind not in ids:
        raise RuleViolation("ledger.template.not_applicable", f"no standard template for {kind.value} tenants")
    return standard_template(ids[kind])


def template_for_product(accounting: Mapping[str, str | None], kind: TenantKind) -> AccountingTemplate:
    """The template a product's ``accounting`` section describes.

    The section (the product factory's) names a ledger template (default: the kind's standard one)
    and, per posting role, the GL code to book to — its keys are ``PostingRole`` values
    (``principal``, ``interest_income``, ``suspense``, …). Codes override the template's; which
    roles are per contract and every event's legs come from the template. Every code must be in the
    tenant's chart (``ledger.template.code.unknown``).
    """
    template_id = accounting.get("template")
    base = standard_template(template_id) if template_id else default_template_for(kind)
    slots = dict(base.slots)
    for name, code in accounting.items():
        if name == "template" or code is None:
            continue
        try:
            role = PostingRole(name)
        except ValueError:
            raise RuleViolation("ledger.template.role.unknown", f"{name} is not a posting role",
                                {"role": name}) from None
        prior = slots.get(role)
        slots[role] = prior.model_copy(update={"code": code}) if prior else Slot(code=code)
    template = base.model_copy(update={"slots": slots})
    template.check_against(chart_index(kind))
    return template


# --- trial balance ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrialBalanceRow:
    code: str
    name_zh: str
    name_en: str
    type: AccountType
    currency: str
    debit: Decimal  # the debit-side balance (zero when the balance is on the credit side)
    credit: Decimal
    accounts: int  # how many accounts (GL + contract sub-accounts) rolled up into the row


@dataclass(frozen=True)
class TrialBalance:
    as_of: date
    rows: tuple[TrialBalanceRow, ...]
    totals: dict[str, tuple[Decimal, Decimal]]  # currency -> (debits, credits)

    @property
    def balanced(self) -> bool:
        return all(d == c for d, c in self.totals.values())


def trial_balance(as_of: date, balances: Iterable[tuple[Account, Decimal]],
                  chart: Mapping[str, ChartAccount]) -> TrialBalance:
    """Roll ``(account, balance as of the date)`` pairs up by GL code and currency."""
    sums: dict[tuple[str, str], list] = {}
    for account, balance in balances:
        key = (account.code, account.currency)
        row = sums.setdefault(key, [ZERO, ZERO, 0, account])
        debit_side = account.normal_side is Side.DEBIT
        signed_debit = balance if debit_side else -balance  # positive: a debit balance
        row[0 if signed_debit >= 0 else 1] += abs(signed_debit)
        row[2] += 1
    rows = []
    totals: dict[str, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    for (code, ccy), (debit, credit, count, sample) in sorted(sums.items()):
        net = debit - credit
        d, c = (net, ZERO) if net >= 0 else (ZERO, -net)
        known = chart.get(code)
        d, c = quantize(d, ccy), quantize(c, ccy)
        rows.append(TrialBalanceRow(code, known.name_zh if known else sample.name_zh,
                                    known.name_en if known else sample.name_en, sample.type, ccy, d, c, count))
        totals[ccy][0] += d
        totals[ccy][1] += c
    return TrialBalance(as_of, tuple(rows), {k: (v[0], v[1]) for k, v in totals.items()})
