"""Finance lease (融资租赁) rent schedules.

The lessor buys the asset for ``principal``; the lessee pays a ``down_payment`` up front, so the
lease finances ``principal - down_payment``. That financed amount is repaid by ``term`` rents and,
at the end of the term, the ``residual_value`` (a guaranteed residual or the purchase-option
price, 留购价 — the lessee pays it to keep the asset).

Timing: rents in ``arrears`` (后付) fall at the end of each period; in ``advance`` (先付) at its
start, the first on the start date. The residual falls at the end of the term either way.

Methods:

``annuity``          等额租金: level rents, solved so that rents and residual repay the financed
                     amount at the lease rate. Rents in advance are the arrears rents discounted by
                     one period (before rounding).
``equal_principal``  等额本金: level principal parts; interest on the falling balance.
``irregular``        rents given one by one; the rate implied by them is solved for (the rate at
                     which the schedule's own interest rule amortises them exactly), and interest is
                     then allocated at that rate, the last rent absorbing rounding in its interest.

Rows: one per rent, then a ``residual`` row when there is one. In arrears the balance after the
last rent is the residual itself (its row has no interest); in advance it is the residual
discounted over the last period, and the residual row carries that period's interest, so the
residual row always collects exactly ``residual_value``. Principal sums to the financed amount.

Security deposit (保证金): collected on the start date and either ``refund``-ed at the end of the
term or ``offset`` against the last rents (from the last one backwards; ``deposit_applied`` on a
row, and ``payment = principal + interest + fee - deposit_applied``). The handling fee (手续费) and
any other up-front fee are paid on the start date.

Rates (annual, nominal: IRR per period × periods per year, as in ``apr``):
``implicit_rate``  the lessor's rate implicit in the lease — the IRR of the financed amount
                   against rents and residual (IFRS 16's rate implicit in the lease, no fees).
``apr``            the lessee's all-in cost — the same flows plus handling and other fees, and the
                   deposit (money the lessee parts with early and gets back late, or never).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Context, Decimal, localcontext
from enum import Enum
from fractions import Fraction
from typing import NamedTuple

from chalicelib.shared.money import DEFAULT_CURRENCY, DEFAULT_ROUNDING, minor_unit, rounding_mode

from . import validation as check
from .apr import irr, nominal_annual_rate, solve_rate
from .context import FINANCE_CONTEXT
from .dates import Frequency, due_dates, parse_frequency
from .daycount import DayCount, parse_day_count
from .errors import NoRateSolution, TermsInvalid
from .loan import AccrualPeriod, level_payment, regular_period

ZERO = Decimal(0)
_ONE = Decimal(1)


class RentTiming(str, Enum):
    ADVANCE = "advance"
    ARREARS = "arrears"


class LeaseMethod(str, Enum):
    ANNUITY = "annuity"
    EQUAL_PRINCIPAL = "equal_principal"
    IRREGULAR = "irregular"


class DepositSettlement(str, Enum):
    REFUND = "refund"
    OFFSET = "offset"


def _enum(kind: type[Enum], value: object, field: str) -> Enum:
    if isinstance(value, kind):
        return value
    try:
        return kind(str(value).strip().lower())
    except ValueError:
        raise TermsInvalid(field, f"must be one of {', '.join(repr(m.value) for m in kind)}") from None


class LeaseRow(NamedTuple):
    """A rent (``kind == "rent"``) or the residual at the end (``"residual"``)."""

    seq: int
    due_on: date
    kind: str
    principal: Decimal
    interest: Decimal
    fee: Decimal
    deposit_applied: Decimal
    payment: Decimal
    balance: Decimal


@dataclass(frozen=True)
class LeaseTerms:
    """What prices a finance lease. Validated on construction; ``TermsInvalid`` names the field.

    ``annual_rate`` is required unless ``rents`` are given (then it is solved for). Fee amounts
    are resolved: ``handling_fee`` and ``upfront_fees`` are paid on the start date,
    ``fee_per_installment`` with every rent, ``fee_first_installment`` with the first.
    """

    principal: Decimal
    term: int
    start_on: date
    annual_rate: Decimal | None = None
    frequency: Frequency = Frequency.MONTHLY
    timing: RentTiming = RentTiming.ARREARS
    method: LeaseMethod = LeaseMethod.ANNUITY
    day_count: DayCount | None = None
    currency: str = DEFAULT_CURRENCY
    rounding: str = DEFAULT_ROUNDING
    residual_value: Decimal = ZERO
    down_payment: Decimal = ZERO
    security_deposit: Decimal = ZERO
    deposit_settlement: DepositSettlement = DepositSettlement.REFUND
    handling_fee: Decimal = ZERO
    upfront_fees: Decimal = ZERO
    fee_per_installment: Decimal = ZERO
    fee_first_installment: Decimal = ZERO
    rents: tuple[Decimal, ...] | None = None
    in_multiples_of: Decimal | None = None

    def __post_init__(self) -> None:
        put = object.__setattr__
        currency = check.currency(self.currency)
        put(self, "currency", currency)
        check.rounding(self.rounding)
        put(self, "frequency", parse_frequency(self.frequency))
        put(self, "day_count", parse_day_count(self.day_count))
        put(self, "timing", _enum(RentTiming, self.timing, "timing"))
        put(self, "method", _enum(LeaseMethod, self.method, "method"))
        put(self, "deposit_settlement", _enum(DepositSettlement, self.deposit_settlement, "deposit_settlement"))
        check.count(self.term, "term", minimum=1)
        if not isinstance(self.start_on, date):
            raise TermsInvalid("start_on", "must be a date")
        principal = check.exact(self.principal, "principal")
        put(self, "principal", check.amount(principal, "principal", currency, positive=True))
        for name in ("residual_value", "down_payment", "security_deposit", "handling_fee", "upfront_fees",
                     "fee_per_installment", "fee_first_installment"):
            put(self, name, check.amount(check.exact(getattr(self, name), name), name, currency))
        if self.down_payment >= self.principal:
            raise TermsInvalid("down_payment", "must be less than the principal")
        if self.residual_value >= self.financed_amount:
            raise TermsInvalid("residual_value", "must be less than the amount financed")
        if self.handling_fee + self.upfront_fees >= self.financed_amount:
            raise TermsInvalid("handling_fee", "up-front fees must be less than the amount financed")
        self._check_rents()
        if self.in_multiples_of is not None:
            if self.method is not LeaseMethod.ANNUITY:
                raise TermsInvalid("in_multiples_of", "only level rents (annuity) can be rounded to a multiple")
            put(self, "in_multiples_of", check.amount(check.exact(self.in_multiples_of, "in_multiples_of"),
                                                      "in_multiples_of", currency, positive=True))

    def _check_rents(self) -> None:
        put = object.__setattr__
        if self.rents is not None and self.method is not LeaseMethod.IRREGULAR:
            if self.method is LeaseMethod.ANNUITY:
                put(self, "method", LeaseMethod.IRREGULAR)  # rents given: they are the schedule
            else:
                raise TermsInvalid("rents", "rents are given one by one only for irregular leases, "
                                   f"not {self.method.value}")
        if self.method is LeaseMethod.IRREGULAR:
            if self.rents is None:
                raise TermsInvalid("rents", "an irregular lease needs its rents")
            if self.annual_rate is not None:
                raise TermsInvalid("annual_rate", "give the rents or the annual rate, not both: "
                                   "the rate is implied by the rents")
            if len(self.rents) != self.term:
                raise TermsInvalid("rents", f"expected {self.term} rents (one per period), got {len(self.rents)}")
            rents = tuple(check.amount(check.exact(rent, f"rents.{i}"), f"rents.{i}", self.currency)
                          for i, rent in enumerate(self.rents))
            put(self, "rents", rents)
            if sum(rents) + self.residual_value < self.financed_amount:
                raise TermsInvalid("rents", "rents and residual do not cover the amount financed")
        else:
            if self.annual_rate is None:
                raise TermsInvalid("annual_rate", "is required")
            put(self, "annual_rate", check.annual_rate(check.exact(self.annual_rate, "annual_rate")))

    @property
    def financed_amount(self) -> Decimal:
        """What the lease finances: the asset's price less the down payment."""
        return self.principal - self.down_payment


@dataclass(frozen=True)
class LeaseSchedule:
    rows: tuple[LeaseRow, ...]
    financed_amount: Decimal
    annual_rate: Decimal
    level_amount: Decimal | None
    ends_on: date
    deposit_refund: Decimal
    implicit_rate: Decimal
    apr: Decimal

    def _total(self, column: str) -> Decimal:
        return sum((getattr(row, column) for row in self.rows), ZERO)

    @property
    def total_principal(self) -> Decimal:
        return self._total("principal")

    @property
    def total_interest(self) -> Decimal:
        return self._total("interest")

    @property
    def total_fees(self) -> Decimal:
        return self._total("fee")

    @property
    def total_payment(self) -> Decimal:
        return self._total("payment")

    @property
    def total_deposit_applied(self) -> Decimal:
        return self._total("deposit_applied")


def lease_periods(terms: LeaseTerms) -> list[AccrualPeriod]:
    """The term's regular periods, ``[start, start + 1 period)`` onwards."""
    boundaries = [terms.start_on, *due_dates(terms.start_on, terms.frequency, terms.term)]
    return [regular_period(a, b, terms.frequency, terms.day_count) for a, b in zip(boundaries, boundaries[1:])]


def _present_value(rate: Decimal, periods: Sequence[AccrualPeriod], rents: Sequence[Decimal],
                   residual: Decimal, in_advance: bool) -> Decimal:
    discount = _ONE
    total = ZERO
    for period, rent in zip(periods, rents):
        if in_advance:
            total += rent * discount
        discount /= _ONE + rate * period.numerator / period.denominator
        if not in_advance:
            total += rent * discount
    return total + residual * discount


def implied_annual_rate(terms: LeaseTerms, periods: Sequence[AccrualPeriod]) -> Decimal:
    """The annual rate at which the given rents and residual repay the financed amount."""
    in_advance = terms.timing is RentTiming.ADVANCE
    financed, residual = terms.financed_amount, terms.residual_value
    rents = terms.rents or ()
    try:
        return solve_rate(lambda rate: financed - _present_value(rate, periods, rents, residual, in_advance),
                          low=ZERO, high=Decimal("0.1"), ceiling=check.MAX_ANNUAL_RATE * 10)
    except NoRateSolution:
        raise TermsInvalid("rents", "no annual rate up to 1000% makes these rents repay the amount financed") from None


def lease_schedule(terms: LeaseTerms) -> LeaseSchedule:
    """Rent schedule, implicit rate and lessee's APR of a finance lease (module docstring)."""
    with localcontext(FINANCE_CONTEXT):
        currency = terms.currency
        quantum = minor_unit(currency)
        to_money = Context(prec=FINANCE_CONTEXT.prec, rounding=rounding_mode(terms.rounding)).quantize
        periods = lease_periods(terms)
        count = terms.term
        in_advance = terms.timing is RentTiming.ADVANCE
        financed = terms.financed_amount
        residual = terms.residual_value
        rate = implied_annual_rate(terms, periods) if terms.method is LeaseMethod.IRREGULAR else terms.annual_rate
        assert rate is not None

        def accrue(balance: Decimal, period: AccrualPeriod) -> Decimal:
            return to_money(balance * rate * period.numerator / period.denominator, quantum)

        # What must be left owing after the last rent for the residual row to collect exactly
        # the residual: the residual itself in arrears, discounted over the last period in advance.
        last = periods[-1]
        if in_advance and residual:
            target = to_money(residual * last.denominator / (last.denominator + rate * last.numerator), quantum)
        else:
            target = residual

        level = None
        if terms.method is LeaseMethod.ANNUITY:
            raw = level_payment(financed, rate, periods, target=residual, in_advance=in_advance)
            level = (to_money(raw / terms.in_multiples_of, _ONE) * terms.in_multiples_of
                     if terms.in_multiples_of is not None else to_money(raw, quantum))
        elif terms.method is LeaseMethod.EQUAL_PRINCIPAL:
            level = to_money((financed - target) / count, quantum)

        rent_dates = [p.start_on for p in periods] if in_advance else [p.end_on for p in periods]
        zero = to_money(ZERO, quantum)
        fee_per = to_money(terms.fee_per_installment, quantum)
        rows: list[LeaseRow] = []
        balance = financed
        for index in range(count):
            # A rent in advance pays the interest of the period just ended (none for the first).
            if in_advance:
                interest = accrue(balance, periods[index - 1]) if index else zero
            else:
                interest = accrue(balance, periods[index])
            if index == count - 1:
                principal = balance - target
                if terms.method is LeaseMethod.IRREGULAR:
                    interest = terms.rents[index] - principal  # type: ignore[index]
            elif terms.method is LeaseMethod.ANNUITY:
                principal = min(level - interest, balance - target)  # type: ignore[operator]
            elif terms.method is LeaseMethod.EQUAL_PRINCIPAL:
                principal = min(level, balance - target)  # type: ignore[type-var]
            else:
                principal = terms.rents[index] - interest  # type: ignore[index]
            fee = fee_per + terms.fee_first_installment if index == 0 else fee_per
            balance -= principal
            rows.append(LeaseRow(index + 1, rent_dates[index], "rent", principal, interest, fee, zero,
                                 principal + interest + fee, balance))
        ends_on = periods[-1].end_on
        if residual:
            interest = residual - balance
            rows.append(LeaseRow(count + 1, ends_on, "residual", balance, interest, zero, zero, residual, zero))

        deposit = terms.security_deposit
        refund = deposit
        if terms.deposit_settlement is DepositSettlement.OFFSET and deposit:
            rows, refund = _offset_deposit(rows, deposit, zero)

        flow_times = [Fraction(i) if in_advance else Fraction(i + 1) for i in range(count)]
        guess = rate / terms.frequency.periods_per_year
        lessor = [-financed] + [row.principal + row.interest for row in rows]
        lessor_times = [Fraction(0)] + flow_times + ([Fraction(count)] if residual else [])
        implicit = nominal_annual_rate(irr(lessor, lessor_times, guess=guess), terms.frequency.periods_per_year)
        lessee = ([financed - terms.handling_fee - terms.upfront_fees - deposit]
                  + [-row.payment for row in rows] + ([refund] if refund else []))
        lessee_times = lessor_times + ([Fraction(count)] if refund else [])
        apr = nominal_annual_rate(irr(lessee, lessee_times, guess=guess), terms.frequency.periods_per_year)
        return LeaseSchedule(tuple(rows), financed, rate, level, ends_on, refund, implicit, apr)


def _offset_deposit(rows: list[LeaseRow], deposit: Decimal, zero: Decimal) -> tuple[list[LeaseRow], Decimal]:
    """Apply the deposit to the last rents, last first; what no rent absorbs is refunded."""
    left = deposit
    result = list(rows)
    for position in range(len(result) - 1, -1, -1):
        row = result[position]
        if row.kind != "rent" or not left:
            continue
        applied = min(left, row.payment)
        left -= applied
        result[position] = row._replace(deposit_applied=applied, payment=row.payment - applied)
    return result, left if left else zero


def advance_equivalent(arrears_rent: Decimal, annual_rate: Decimal, frequency: Frequency) -> Decimal:
    """An arrears rent expressed in advance: discounted by one period at the period rate."""
    with localcontext(FINANCE_CONTEXT):
        return arrears_rent / (_ONE + annual_rate / frequency.periods_per_year)

