"""Contracts in force, as pure rules: instalments (bills), the repayment waterfall, accruals, arrears.

Nothing here touches AWS. ``service`` reads a ``Contract``, asks these functions what happens, posts
the money to the ledger and stores the result.

Vocabulary:

* A **contract** carries its schedule as **instalments**. Each instalment has what is scheduled per
  component (principal, interest, fee; penalty as it accrues) and what has been paid of each.
  An instalment is **billed** once its due date has passed through an end of day.
* **Allocation** (``repayment_allocation``) splits a payment over the payable instalments, oldest
  first, component by component in the order of the product's **strategy** (Fineract's repayment
  strategies). What is left over goes to the customer's suspense account.
* **Arrears**: an instalment short by more than the product's tolerance amount, more than the
  tolerance days after its due date, is overdue; days past due run from the oldest overdue due
  date and give the delinquency **bucket** (current, M1 1–30, M2 31–60, M3 61–90, M4+ >90).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Iterable, Mapping, Sequence

from chalicelib.shared.errors import Conflict, RuleViolation
from chalicelib.shared.money import quantize

ZERO = Decimal(0)


class Part(str, Enum):
    """The components of an instalment a payment can settle (same names as the ledger's components)."""

    PENALTY = "penalty"
    FEE = "fee"
    INTEREST = "interest"
    PRINCIPAL = "principal"


# The one strategy table: the order components of an instalment are settled in, oldest instalment
# first. Names follow Apache Fineract's transaction-processing strategies.
STRATEGIES: dict[str, tuple[Part, ...]] = {
    "penalty_fee_interest_principal": (Part.PENALTY, Part.FEE, Part.INTEREST, Part.PRINCIPAL),  # mifos standard
    "principal_interest_penalty_fee": (Part.PRINCIPAL, Part.INTEREST, Part.PENALTY, Part.FEE),  # heavensfamily
    "interest_principal_penalty_fee": (Part.INTEREST, Part.PRINCIPAL, Part.PENALTY, Part.FEE),  # creocore
    "fee_penalty_interest_principal": (Part.FEE, Part.PENALTY, Part.INTEREST, Part.PRINCIPAL),
}
DEFAULT_STRATEGY = "penalty_fee_interest_principal"


class ContractStatus(str, Enum):
    ACTIVE = "active"
    CLOSED = "closed"  # paid off
    WRITTEN_OFF = "written_off"


class ContractEvent(str, Enum):
    PAY_OFF = "pay_off"
    REOPEN = "reopen"  # a reversed repayment leaves money owed again
    WRITE_OFF = "write_off"
    RECOVER = "recover"


# The one transition table for a contract's lifecycle.
TRANSITIONS: dict[tuple[ContractStatus, ContractEvent], ContractStatus] = {
    (ContractStatus.ACTIVE, ContractEvent.PAY_OFF): ContractStatus.CLOSED,
    (ContractStatus.CLOSED, ContractEvent.REOPEN): ContractStatus.ACTIVE,
    (ContractStatus.ACTIVE, ContractEvent.WRITE_OFF): ContractStatus.WRITTEN_OFF,
    (ContractStatus.WRITTEN_OFF, ContractEvent.RECOVER): ContractStatus.WRITTEN_OFF,
}


def transition(status: ContractStatus, event: ContractEvent) -> ContractStatus:
    target = TRANSITIONS.get((status, event))
    if target is None:
        raise Conflict("servicing.contract.illegal_transition", f"a {status.value} contract cannot {event.value}",
                       {"status": status.value, "event": event.value})
    return target


BUCKETS = (("current", 0), ("M1", 30), ("M2", 60), ("M3", 90))


def bucket_for(days_past_due: int) -> str:
    """current (0), M1 (1–30), M2 (31–60), M3 (61–90), M4+ (>90)."""
    for name, upto in BUCKETS:
        if days_past_due <= upto:
            return name
    return "M4+"


def classification_for(days_past_due: int) -> str:
    """五级分类 by days past due (the usual regulatory mapping), for the group's exposure projection."""
    if days_past_due <= 0:
        return "normal"
    if days_past_due <= 90:
        return "special_mention"
    if days_past_due <= 180:
        return "substandard"
    if days_past_due <= 360:
        return "doubtful"
    return "loss"


@dataclass(frozen=True)
class Instalment:
    seq: int
    due_on: date
    starts_on: date  # the accrual period's first day (the previous due date, or the disbursement)
    principal: Decimal
    interest: Decimal
    fee: Decimal = ZERO
    penalty: Decimal = ZERO  # accrued so far
    paid: Mapping[Part, Decimal] = field(default_factory=dict)
    billed: bool = False
    penalty_through: date | None = None  # penalty accrued up to this date

    def scheduled(self, part: Part) -> Decimal:
        return {Part.PRINCIPAL: self.principal, Part.INTEREST: self.interest, Part.FEE: self.fee,
                Part.PENALTY: self.penalty}[part]

    def paid_of(self, part: Part) -> Decimal:
        return self.paid.get(part, ZERO)

    def due(self, part: Part) -> Decimal:
        return self.scheduled(part) - self.paid_of(part)

    @property
    def outstanding(self) -> Decimal:
        return sum((self.due(p) for p in Part), ZERO)

    @property
    def settled(self) -> bool:
        return self.outstanding <= 0

    def with_paid(self, amounts: Mapping[Part, Decimal], sign: int = 1) -> "Instalment":
        paid = dict(self.paid)
        for part, amount in amounts.items():
            paid[part] = paid.get(part, ZERO) + sign * amount
        return replace(self, paid=paid)


@dataclass(frozen=True)
class Allocation:
    """How one payment splits: per instalment and component, and what is left for suspense."""

    lines: tuple[tuple[int, Part, Decimal], ...]  # (instalment seq, component, amount)
    overpayment: Decimal

    def totals(self) -> dict[Part, Decimal]:
        out: dict[Part, Decimal] = {}
        for _, part, amount in self.lines:
            out[part] = out.get(part, ZERO) + amount
        return out

    def by_instalment(self) -> dict[int, dict[Part, Decimal]]:
        out: dict[int, dict[Part, Decimal]] = {}
        for seq, part, amount in self.lines:
            out.setdefault(seq, {})[part] = out.setdefault(seq, {}).get(part, ZERO) + amount
        return out

    @property
    def allocated(self) -> Decimal:
        return sum((a for _, _, a in self.lines), ZERO)


def repayment_allocation(instalments: Sequence[Instalment], amount: Decimal, received_on: date,
                         strategy: str = DEFAULT_STRATEGY, *, include_future: bool = False) -> Allocation:
    """Split ``amount`` over what is payable on ``received_on``: instalments due by then (or billed),
    oldest first, each component in the strategy's order. The rest is overpayment (to suspense).
    ``include_future`` also settles instalments not yet due (a prepayment of whole instalments)."""
    if amount <= 0:
        raise RuleViolation("servicing.repayment.amount.invalid", "a repayment amount must be positive")
    order = strategy_order(strategy)
    left = amount
    lines: list[tuple[int, Part, Decimal]] = []
    for inst in sorted(instalments, key=lambda i: (i.due_on, i.seq)):
        if left <= 0:
            break
        if not (include_future or inst.billed or inst.due_on <= received_on):
            continue
        for part in order:
            take = min(left, inst.due(part))
            if take > 0:
                lines.append((inst.seq, part, take))
                left -= take
    return Allocation(tuple(lines), left)


def strategy_order(strategy: str) -> tuple[Part, ...]:
    try:
        return STRATEGIES[strategy]
    except KeyError:
        raise RuleViolation("servicing.strategy.unknown", f"unknown repayment strategy {strategy!r}",
                            {"strategies": sorted(STRATEGIES)}) from None


def apply_allocation(instalments: Sequence[Instalment], allocation: Allocation,
                     sign: int = 1) -> tuple[Instalment, ...]:
    """The instalments after ``allocation`` is paid (``sign=-1``: after it is reversed)."""
    per = allocation.by_instalment()
    return tuple(inst.with_paid(per[inst.seq], sign) if inst.seq in per else inst for inst in instalments)


# --- accrual ----------------------------------------------------------------------------------------


def interest_earned(instalments: Iterable[Instalment], as_of: date, currency: str, rounding: str) -> Decimal:
    """Interest earned by the end of ``as_of``: each period's interest spread evenly over its days
    (a period is fully earned on its due date), rounded once. Over the whole term this is exactly
    the scheduled interest, so daily accruals add up to it to the cent."""
    total = ZERO
    for inst in instalments:
        days = (inst.due_on - inst.starts_on).days
        if as_of >= inst.due_on or days <= 0:
            total += inst.interest
        elif as_of > inst.starts_on:
            total += inst.interest * Decimal((as_of - inst.starts_on).days) / Decimal(days)
    return quantize(total, currency, rounding)


# --- arrears ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tolerance:
    amount: Decimal = ZERO
    days: int = 0


def is_overdue(inst: Instalment, on: date, tolerance: Tolerance) -> bool:
    """Short by more than the tolerance amount, more than the tolerance days after the due date."""
    return on > inst.due_on + _days(tolerance.days) and inst.outstanding > tolerance.amount


def days_past_due(instalments: Iterable[Instalment], on: date, tolerance: Tolerance) -> int:
    overdue = [i.due_on for i in instalments if is_overdue(i, on, tolerance)]
    return (on - min(overdue)).days if overdue else 0


def _days(n: int):
    from datetime import timedelta

    return timedelta(days=n)


# --- the contract -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CustomerProfile:
    """The borrower as group risk sees it (from origination at disbursement): no raw identity number."""

    type: str  # individual | enterprise
    label: str  # a company's name, a person's masked name
    industry: str | None = None
    region: str | None = None
    related_parties: tuple[tuple[str, str], ...] = ()  # (relation, identity hash)


@dataclass(frozen=True)
class Contract:
    """A contract in force and what servicing knows of it (the ledger holds the money)."""

    contract_id: str
    application_id: str
    kind: str  # loan | lease | factoring
    product_code: str
    product_version: int
    customer_id: str
    customer_hash: str
    currency: str
    rounding: str
    principal: Decimal  # the receivable booked at disbursement (face amount for factoring)
    disbursed_on: date
    instalments: tuple[Instalment, ...]
    annual_rate: Decimal
    strategy: str = DEFAULT_STRATEGY
    status: ContractStatus = ContractStatus.ACTIVE
    interest_accrued: Decimal = ZERO  # recognised to date
    fees_booked: Decimal = ZERO  # instalment fees moved to the fee receivable to date
    suspense: Decimal = ZERO  # the customer's unapplied money
    days_past_due: int = 0
    bucket: str = "current"
    non_accrual: bool = False
    last_eod_on: date | None = None
    written_off: Decimal = ZERO
    recovered: Decimal = ZERO
    customer: CustomerProfile | None = None  # None on contracts disbursed before it was kept
    version: int | None = None

    def part_total(self, part: Part, paid: bool = False) -> Decimal:
        return sum(((i.paid_of(part) if paid else i.scheduled(part)) for i in self.instalments), ZERO)

    @property
    def outstanding_principal(self) -> Decimal:
        return self.part_total(Part.PRINCIPAL) - self.part_total(Part.PRINCIPAL, paid=True)

    @property
    def outstanding(self) -> Decimal:
        return sum((i.outstanding for i in self.instalments), ZERO)

    def instalment(self, seq: int) -> Instalment:
        return next(i for i in self.instalments if i.seq == seq)

    def moved(self, event: ContractEvent) -> "Contract":
        return replace(self, status=transition(self.status, event))

    def settle_status(self) -> "Contract":
        """Closed when nothing is owed any more; active again if a reversal left money owed."""
        if self.status is ContractStatus.ACTIVE and self.outstanding <= 0:
            return self.moved(ContractEvent.PAY_OFF)
        if self.status is ContractStatus.CLOSED and self.outstanding > 0:
            return self.moved(ContractEvent.REOPEN)
        return self


def schedule_from_quote(quote: Mapping, kind: str, disbursed_on: date) -> tuple[Instalment, ...]:
    """The quote's instalments as bills. For factoring the receivable is the invoice's face amount
    (advance + reserve): that is what the debtor owes at maturity."""
    out = []
    start = disbursed_on
    for row in quote["installments"]:
        due = date.fromisoformat(row["due_date"])
        principal = Decimal(row["principal"])
        if kind == "factoring":
            principal += Decimal(row.get("reserve") or "0")
        out.append(Instalment(seq=int(row["seq"]), due_on=due, starts_on=min(start, due), principal=principal,
                              interest=Decimal(row.get("interest") or "0"), fee=Decimal(row.get("fee") or "0")))
        start = due
    return tuple(out)


def upfront_interest(quote: Mapping) -> Decimal:
    """Interest deducted from the cash paid out (factoring with interest collected upfront)."""
    if quote.get("interest_collection") == "upfront":
        return Decimal((quote.get("upfront") or {}).get("interest") or "0")
    return ZERO


def interest_paid_upfront(instalments: Sequence[Instalment], amount: Decimal) -> tuple[Instalment, ...]:
    """The instalments with ``amount`` of interest already paid (oldest first)."""
    left, out = amount, []
    for inst in instalments:
        take = min(left, inst.due(Part.INTEREST))
        left -= take
        out.append(inst.with_paid({Part.INTEREST: take}) if take > 0 else inst)
    return tuple(out)


class StaleContract(Exception):
    """The contract (or a record created with it) changed since it was read: re-read, retry."""


# --- prepayment ---------------------------------------------------------------------------------------


def prepaid_instalments(instalments: Sequence[Instalment], on: date, *, prepaid: Decimal, accrued: Decimal,
                        penalty: Decimal, remaining: Sequence[Mapping]) -> tuple[tuple[Instalment, ...], Allocation]:
    """The bills after a prepayment on ``on`` priced by the finance engine, and what it pays.

    Instalments due by ``on`` stay as they are (they must be settled). The first one not yet due
    carries the prepayment: its principal is the principal prepaid plus the recalculated row's, its
    interest the interest accrued to ``on`` plus the row's, the prepayment penalty as its penalty —
    and the prepaid principal, accrued interest and penalty are paid on it. Later instalments take
    the recalculated rows (same ``seq``); those without one (paid off, or ended earlier) go. So the
    scheduled principal still adds up to the principal disbursed."""
    rows = {int(r["seq"]): r for r in remaining}
    out: list[Instalment] = []
    lines: list[tuple[int, Part, Decimal]] = []
    current: int | None = None

    def amounts(row: Mapping | None) -> tuple[Decimal, Decimal, Decimal]:
        if row is None:
            return ZERO, ZERO, ZERO
        return Decimal(str(row["principal"])), Decimal(str(row["interest"])), Decimal(str(row.get("fee") or "0"))

    for inst in sorted(instalments, key=lambda i: (i.due_on, i.seq)):
        if inst.due_on <= on:
            out.append(inst)
            continue
        principal, interest, fee = amounts(rows.get(inst.seq))
        if current is None:
            current = inst.seq
            paid_now = {Part.PENALTY: penalty, Part.INTEREST: accrued, Part.PRINCIPAL: prepaid}
            moved = replace(inst, principal=prepaid + principal, interest=accrued + interest, fee=fee,
                            penalty=inst.penalty + penalty)
            out.append(moved.with_paid({p: a for p, a in paid_now.items() if a}))
            lines.extend((inst.seq, p, a) for p, a in paid_now.items() if a)
        elif inst.seq in rows:
            out.append(replace(inst, principal=principal, interest=interest, fee=fee))
    if current is None:
        raise RuleViolation("servicing.prepayment.nothing_ahead", "nothing falls due after that date to prepay")
    return tuple(out), Allocation(tuple(lines), ZERO)
