"""Loan repayment schedules.

Amortization methods:

``annuity``          等额本息: a level instalment (principal + interest).
``equal_principal``  等额本金: a level principal part; interest on the falling balance.
``interest_only``    先息后本: interest each period, all principal with the last instalment.
``bullet``           到期一次还本付息: one instalment at maturity, principal plus simple interest
                     for the whole term (``term`` periods after the start date).
``flat``             a level principal part; interest every period on the *original* principal.
``balloon``          an annuity that amortises the principal down to the balloon (an amount, or a
                     share of principal), the balloon falling due with the last instalment.

Interest of a period is ``balance * annual_rate * accrual`` where the accrual is either the
period's year fraction under a day count on the real dates, or — day count ``None``, "period
rate" — ``1 / periods_per_year``. The two give different numbers on the same dates.

Stub first period (a ``first_due_on`` off the regular cycle): under a day count its interest is
simply the year fraction of its real dates. At the period rate it carries the period rate scaled
by actual days over the days of the regular period that would end on the first due date
(40 days against a 31-day reference period is 40/31 of a period's interest).

Level amounts are solved on the schedule's own accruals, so the instalment pays the balance off
exactly before rounding whatever the day count or stub: for accrual factors ``g_k = 1 + rate *
accrual_k`` and discount factors ``D_k = 1 / (g_1 ... g_k)``, the instalment is
``(balance - balloon * D_m) / sum(D_1 .. D_m)``. At the period rate with no stub this is the
textbook annuity ``P r / (1 - (1 + r) ** -n)``.

Rounding: the level amount (instalment, or principal part) is rounded once — to the currency's
minor unit, or to ``in_multiples_of`` — with the schedule's rounding mode; interest is rounded
every period; the last instalment takes whatever principal is left, so the principal column
sums exactly to the principal. An instalment rounded up to a multiple may retire the loan before
the term; the schedule then ends there. Should a period's interest exceed the level instalment (a
long stub at a high rate over a long term), the shortfall is capitalised — that row's principal
is negative — so the instalment stays level.

Grace periods:

``grace_on_principal`` N   the first N instalments pay interest only.
``grace_on_interest`` N    the first N instalments pay nothing; their interest is either
    ``capitalised`` — added to the balance, so later interest accrues on it. The row shows the
        interest charged and an equal *negative* principal (the balance grows by it) and a payment
        of zero (fees aside): principal still sums to the amount lent, payment = principal +
        interest + fee holds on every row; or
    ``deferred`` — accrued but bearing no interest itself, and due in full with the first
        instalment after the interest grace (that row's interest includes it).
    Interest-grace periods pay no principal either, so the principal grace is effectively
    ``max(grace_on_principal, grace_on_interest)``. The level amount is solved on the balance
    and periods left when amortisation starts.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Context, Decimal, localcontext
from enum import Enum
from fractions import Fraction
from typing import NamedTuple

from chalicelib.shared.money import (
    DEFAULT_CURRENCY,
    DEFAULT_ROUNDING,
    minor_unit,
    quantize,
    round_to_multiple,
    rounding_mode,
)

from . import validation as check
from .apr import irr, nominal_annual_rate
from .context import FINANCE_CONTEXT
from .dates import Frequency, add_periods, due_dates, parse_frequency
from .daycount import DayCount, parse_day_count, year_fraction_ratio
from .errors import TermsInvalid

ZERO = Decimal(0)
_ONE = Decimal(1)


class Amortization(str, Enum):
    ANNUITY = "annuity"
    EQUAL_PRINCIPAL = "equal_principal"
    INTEREST_ONLY = "interest_only"
    BULLET = "bullet"
    FLAT = "flat"
    BALLOON = "balloon"


class InterestGrace(str, Enum):
    CAPITALISED = "capitalised"
    DEFERRED = "deferred"


def parse_amortization(name: str | Amortization) -> Amortization:
    try:
        return Amortization(str(name).strip().lower().replace("-", "_") if not isinstance(name, Amortization) else name)
    except ValueError:
        raise TermsInvalid("amortization", f"unknown amortization {name!r}; use one of "
                           f"{', '.join(a.value for a in Amortization)}") from None


def parse_interest_grace(name: str | InterestGrace) -> InterestGrace:
    if isinstance(name, InterestGrace):
        return name
    key = str(name).strip().lower().replace("capitalized", "capitalised")
    try:
        return InterestGrace(key)
    except ValueError:
        raise TermsInvalid("interest_grace", "must be 'capitalised' or 'deferred'") from None


class AccrualPeriod(NamedTuple):
    """One interest period: ``[start_on, end_on)``, its accrual and its length.

    ``numerator / denominator`` is the fraction of the annual rate the period carries (a year
    fraction, or ``1 / periods_per_year`` at the period rate). ``length`` is the period measured
    in regular periods (1, or a stub's share) and times the cash flows for the APR.
    (A NamedTuple because schedules build hundreds of these.)
    """

    start_on: date
    end_on: date
    numerator: int
    denominator: int
    length: Fraction


class Installment(NamedTuple):
    """One row of a schedule. ``payment = principal + interest + fee``; ``balance`` is the
    principal still owed after it is paid."""

    seq: int
    due_on: date
    principal: Decimal
    interest: Decimal
    fee: Decimal
    payment: Decimal
    balance: Decimal


# Rows are built with tuple.__new__(Installment, (...)): it skips the NamedTuple's Python-level
# __new__ (half the cost on a 360-row schedule) and yields the same object.
_tuple_new = tuple.__new__


_REGULAR = Fraction(1)


def regular_period(start_on: date, end_on: date, frequency: Frequency, day_count: DayCount | None) -> AccrualPeriod:
    """A full period of the schedule's frequency."""
    if day_count is None:
        return AccrualPeriod(start_on, end_on, 1, frequency.periods_per_year, _REGULAR)
    numerator, denominator = year_fraction_ratio(start_on, end_on, day_count)
    return AccrualPeriod(start_on, end_on, numerator, denominator, _REGULAR)


def broken_period(start_on: date, end_on: date, frequency: Frequency, day_count: DayCount | None) -> AccrualPeriod:
    """A period off the regular cycle, ending on ``end_on`` (a stub, or what is left of a period
    after a prepayment). Its reference is the regular period that ends on ``end_on``."""
    reference_days = (end_on - add_periods(end_on, frequency, -1)).days
    days = (end_on - start_on).days
    length = Fraction(days, reference_days)
    if day_count is None:
        share = length / frequency.periods_per_year
        return AccrualPeriod(start_on, end_on, share.numerator, share.denominator, length)
    numerator, denominator = year_fraction_ratio(start_on, end_on, day_count)
    return AccrualPeriod(start_on, end_on, numerator, denominator, length)


@dataclass(frozen=True)
class LoanTerms:
    """What prices a loan schedule. Validated on construction; ``TermsInvalid`` names the field.

    Fees here are amounts already resolved (the quote turns "0.5% of principal" into one);
    up-front fees do not touch the schedule and enter only the APR.
    """

    principal: Decimal
    annual_rate: Decimal
    term: int
    start_on: date
    frequency: Frequency = Frequency.MONTHLY
    amortization: Amortization = Amortization.ANNUITY
    day_count: DayCount | None = None
    currency: str = DEFAULT_CURRENCY
    rounding: str = DEFAULT_ROUNDING
    first_due_on: date | None = None
    grace_on_principal: int = 0
    grace_on_interest: int = 0
    interest_grace: InterestGrace = InterestGrace.DEFERRED
    balloon: Decimal | None = None
    balloon_rate: Decimal | None = None
    in_multiples_of: Decimal | None = None
    fee_per_installment: Decimal = ZERO
    fee_first_installment: Decimal = ZERO

    def __post_init__(self) -> None:
        put = object.__setattr__
        currency = check.currency(self.currency)
        put(self, "currency", currency)
        check.rounding(self.rounding)
        put(self, "frequency", parse_frequency(self.frequency))
        put(self, "amortization", parse_amortization(self.amortization))
        put(self, "day_count", parse_day_count(self.day_count))
        put(self, "interest_grace", parse_interest_grace(self.interest_grace))
        principal = check.exact(self.principal, "principal")
        put(self, "principal", check.amount(principal, "principal", currency, positive=True))
        put(self, "annual_rate", check.annual_rate(check.exact(self.annual_rate, "annual_rate")))
        check.count(self.term, "term", minimum=1)
        check.count(self.grace_on_principal, "grace_on_principal")
        check.count(self.grace_on_interest, "grace_on_interest")
        for name in ("fee_per_installment", "fee_first_installment"):
            put(self, name, check.amount(check.exact(getattr(self, name), name), name, currency))
        if not isinstance(self.start_on, date):
            raise TermsInvalid("start_on", "must be a date")
        self._check_combinations()

    def _check_combinations(self) -> None:
        amortization = self.amortization
        grace = max(self.grace_on_principal, self.grace_on_interest)
        if amortization is Amortization.BULLET:
            for name in ("first_due_on", "in_multiples_of"):
                if getattr(self, name) is not None:
                    raise TermsInvalid(name, "is not supported for a bullet loan")
            if grace:
                raise TermsInvalid("grace_on_principal" if self.grace_on_principal else "grace_on_interest",
                                   "is not supported for a bullet loan")
        if grace and grace >= self.term:
            raise TermsInvalid("grace_on_principal" if self.grace_on_principal >= self.grace_on_interest
                               else "grace_on_interest", "must leave at least one instalment after the grace")
        if amortization is Amortization.INTEREST_ONLY and self.grace_on_principal:
            raise TermsInvalid("grace_on_principal", "an interest-only loan repays no principal before the end anyway")
        if amortization is Amortization.FLAT and self.grace_on_interest:
            raise TermsInvalid("grace_on_interest", "is not supported for flat interest")
        if self.in_multiples_of is not None:
            if amortization in (Amortization.INTEREST_ONLY, Amortization.BULLET):
                raise TermsInvalid("in_multiples_of", f"{amortization.value} has no level amount to round")
            multiple = check.amount(check.exact(self.in_multiples_of, "in_multiples_of"), "in_multiples_of",
                                    self.currency, positive=True)
            object.__setattr__(self, "in_multiples_of", multiple)
        if amortization is Amortization.BALLOON:
            if (self.balloon is None) == (self.balloon_rate is None):
                raise TermsInvalid("balloon", "give the balloon as an amount or as balloon_rate, exactly one")
            if self.balloon is not None:
                balloon = check.amount(check.exact(self.balloon, "balloon"), "balloon", self.currency, positive=True)
                object.__setattr__(self, "balloon", balloon)
                if balloon >= self.principal:
                    raise TermsInvalid("balloon", "must be less than the principal")
            else:
                share = check.fraction(check.exact(self.balloon_rate, "balloon_rate"), "balloon_rate",
                                       allow_zero=False, allow_one=False)
                object.__setattr__(self, "balloon_rate", share)
        else:
            for name in ("balloon", "balloon_rate"):
                if getattr(self, name) is not None:
                    raise TermsInvalid(name, f"only a balloon loan has a balloon, not {amortization.value}")
        if self.first_due_on is not None and not isinstance(self.first_due_on, date):
            raise TermsInvalid("first_due_on", "must be a date")

    @property
    def balloon_amount(self) -> Decimal:
        """The balloon in money (a ``balloon_rate`` is applied to the principal and rounded)."""
        if self.balloon is not None:
            return self.balloon
        if self.balloon_rate is not None:
            return quantize(self.principal * self.balloon_rate, self.currency, self.rounding)
        return ZERO


@dataclass(frozen=True)
class LoanSchedule:
    """A priced schedule: its rows, the periods they accrue over, and the level amount used."""

    installments: tuple[Installment, ...]
    periods: tuple[AccrualPeriod, ...]
    currency: str
    level_amount: Decimal | None

    @property
    def total_principal(self) -> Decimal:
        return sum((row.principal for row in self.installments), ZERO)

    @property
    def total_interest(self) -> Decimal:
        return sum((row.interest for row in self.installments), ZERO)

    @property
    def total_fees(self) -> Decimal:
        return sum((row.fee for row in self.installments), ZERO)

    @property
    def total_payment(self) -> Decimal:
        return sum((row.payment for row in self.installments), ZERO)


def loan_periods(terms: LoanTerms) -> list[AccrualPeriod]:
    """The accrual periods of a loan: one per instalment (a single one for a bullet loan)."""
    frequency, day_count, start_on = terms.frequency, terms.day_count, terms.start_on
    if terms.amortization is Amortization.BULLET:
        maturity = add_periods(start_on, frequency, terms.term)
        if day_count is None:
            share = Fraction(terms.term, frequency.periods_per_year)
            return [AccrualPeriod(start_on, maturity, share.numerator, share.denominator, Fraction(terms.term))]
        numerator, denominator = year_fraction_ratio(start_on, maturity, day_count)
        return [AccrualPeriod(start_on, maturity, numerator, denominator, Fraction(terms.term))]
    dates = due_dates(start_on, frequency, terms.term, terms.first_due_on)
    periods = []
    previous = start_on
    if terms.first_due_on is not None:
        periods.append(broken_period(start_on, dates[0], frequency, day_count))
        previous = dates[0]
        dates = dates[1:]
    starts = [previous, *dates[:-1]]
    if day_count is None:
        per_year = frequency.periods_per_year
        periods += [_tuple_new(AccrualPeriod, (start, end, 1, per_year, _REGULAR)) for start, end in zip(starts, dates)]
    else:
        periods += [regular_period(start, end, frequency, day_count) for start, end in zip(starts, dates)]
    return periods


def level_payment(
    balance: Decimal,
    annual_rate: Decimal,
    periods: Sequence[AccrualPeriod],
    *,
    target: Decimal = ZERO,
    in_advance: bool = False,
) -> Decimal:
    """The unrounded level payment that brings ``balance`` down to ``target`` over ``periods``.

    In arrears a payment falls at the end of each period; in advance at the start (the first one
    on the first period's start date). ``target`` is what remains owed at the end of the last
    period (a balloon or a lease's residual value).
    """
    with localcontext(FINANCE_CONTEXT):
        return _level_payment(balance, annual_rate, periods, target, in_advance)


def _level_payment(balance: Decimal, annual_rate: Decimal, periods: Sequence[AccrualPeriod], target: Decimal,
                   in_advance: bool, uniform: bool | None = None) -> Decimal:
    count = len(periods)
    if annual_rate == 0:
        return (balance - target) / count
    first = periods[0]
    if uniform is None:
        uniform = len({(p.numerator, p.denominator) for p in periods}) == 1
    if uniform:
        growth = _ONE + annual_rate * first.numerator / first.denominator
        if growth == _ONE:  # periods that accrue nothing (a one-day 30/360 stub from the 30th)
            return (balance - target) / count
        discount_all = _ONE / growth ** count
        # sum of v^1..v^m = (1 - v^m) / r, with r = growth - 1
        annuity_factor = (_ONE - discount_all) / (growth - _ONE)
        if in_advance:
            annuity_factor *= growth
        return (balance - target * discount_all) / annuity_factor
    discount = _ONE
    annuity_factor = ZERO
    for period in periods:
        if in_advance:
            annuity_factor += discount
        discount /= _ONE + annual_rate * period.numerator / period.denominator
        if not in_advance:
            annuity_factor += discount
    return (balance - target * discount) / annuity_factor


def _round_level(amount: Decimal, currency: str, rounding: str, multiple: Decimal | None) -> Decimal:
    if multiple is not None:
        return round_to_multiple(amount, multiple, rounding)
    return quantize(amount, currency, rounding)


def amortize(
    principal: Decimal,
    annual_rate: Decimal,
    periods: Sequence[AccrualPeriod],
    *,
    amortization: Amortization,
    currency: str = DEFAULT_CURRENCY,
    rounding: str = DEFAULT_ROUNDING,
    grace_on_principal: int = 0,
    grace_on_interest: int = 0,
    interest_grace: InterestGrace = InterestGrace.DEFERRED,
    balloon: Decimal = ZERO,
    in_multiples_of: Decimal | None = None,
    level_amount: Decimal | None = None,
    fee_per_installment: Decimal = ZERO,
    fee_first_installment: Decimal = ZERO,
    flat_basis: Decimal | None = None,
) -> LoanSchedule:
    """Rows for ``principal`` repaid over ``periods`` (one instalment at the end of each).

    The engine under ``loan_schedule`` and prepayment recalculation. ``level_amount`` imposes the
    level amount instead of solving it (a prepayment that keeps the instalment); ``flat_basis``
    is the principal flat interest is charged on (the original one, after a prepayment).
    Conventions are in the module docstring.
    """
    with localcontext(FINANCE_CONTEXT):
        quantum = minor_unit(currency)
        # A bound Context.quantize carries the rounding mode: several times cheaper than passing
        # rounding= on every call, and it leaves intermediate arithmetic at HALF_EVEN.
        to_money = Context(prec=FINANCE_CONTEXT.prec, rounding=rounding_mode(rounding)).quantize
        count = len(periods)
        last_index = count - 1
        amortise_from = min(max(grace_on_principal, grace_on_interest), last_index)
        floor = balloon if amortization is Amortization.BALLOON else ZERO
        is_flat = amortization is Amortization.FLAT
        interest_basis = principal if flat_basis is None else flat_basis
        # Interest of a period is balance * factor / divisor, exactly one rounding; at the period
        # rate every period shares one (factor, divisor).
        cache: dict[tuple[int, int], tuple[Decimal, Decimal]] = {}
        rates = []
        for period in periods:
            key = (period.numerator, period.denominator)
            rate = cache.get(key)
            if rate is None:
                rate = cache[key] = (annual_rate * period.numerator, Decimal(period.denominator))
            rates.append(rate)

        zero = to_money(ZERO, quantum)
        rows: list[Installment] = []
        append = rows.append
        new = _tuple_new
        balance = principal
        deferred = zero

        # Grace: interest-grace rows pay nothing, principal-grace rows pay interest only.
        # (Fees are left out of every row until the end: they never change the amortisation.)
        for index in range(amortise_from):
            factor, divisor = rates[index]
            accrued = to_money((interest_basis if is_flat else balance) * factor / divisor, quantum)
            if index < grace_on_interest:
                if interest_grace is InterestGrace.CAPITALISED:
                    principal_part, interest = -accrued, accrued
                else:
                    deferred += accrued
                    principal_part = interest = zero
            else:
                principal_part, interest, deferred = zero, accrued + deferred, zero
            balance -= principal_part
            append(new(Installment, (index + 1, periods[index].end_on, principal_part, interest, zero,
                                     principal_part + interest, balance)))

        level = level_amount
        if level is None and amortization not in (Amortization.INTEREST_ONLY, Amortization.BULLET):
            remaining = periods[amortise_from:]
            if amortization in (Amortization.ANNUITY, Amortization.BALLOON):
                raw = _level_payment(balance, annual_rate, remaining, floor, False, uniform=len(cache) == 1)
            else:
                raw = balance / len(remaining)
            level = _round_level(raw, currency, rounding, in_multiples_of)

        # Amortisation, all rows but the last. A negative principal part (interest above the
        # instalment: a long stub at a high rate) capitalises the shortfall and keeps the
        # instalment level; a principal part reaching the floor retires the loan early.
        pays_level_instalment = amortization in (Amortization.ANNUITY, Amortization.BALLOON)
        interest_only = amortization is Amortization.INTEREST_ONLY
        has_floor = bool(floor)
        for index in range(amortise_from, last_index):
            factor, divisor = rates[index]
            accrued = to_money((interest_basis if is_flat else balance) * factor / divisor, quantum)
            if pays_level_instalment:
                principal_part, payment = level - accrued, level
            elif interest_only:
                principal_part, payment = zero, accrued
            else:
                principal_part, payment = level, level + accrued
            above_floor = balance - floor if has_floor else balance
            if principal_part >= above_floor:
                principal_part, payment = above_floor, above_floor + accrued
                balance -= principal_part
                append(new(Installment, (index + 1, periods[index].end_on, principal_part, accrued, zero,
                                         payment, balance)))
                if not has_floor:
                    break
                continue
            balance -= principal_part
            append(new(Installment, (index + 1, periods[index].end_on, principal_part, accrued, zero, payment, balance)))
        else:
            # The last instalment takes whatever principal is left.
            factor, divisor = rates[last_index]
            accrued = to_money((interest_basis if is_flat else balance) * factor / divisor, quantum)
            append(new(Installment, (count, periods[last_index].end_on, balance, accrued, zero,
                                     balance + accrued, zero)))

        if deferred and len(rows) > amortise_from:
            # Deferred interest falls due with the first instalment after the interest grace.
            row = rows[amortise_from]
            rows[amortise_from] = row._replace(interest=row.interest + deferred, payment=row.payment + deferred)
        if fee_per_installment or fee_first_installment:
            rows = _with_fees(rows, to_money(fee_per_installment, quantum),
                              to_money(fee_per_installment + fee_first_installment, quantum))
        return LoanSchedule(tuple(rows), tuple(periods[:len(rows)]), currency, level)


def _with_fees(rows: list[Installment], each: Decimal, first: Decimal) -> list[Installment]:
    return [row._replace(fee=fee, payment=row.payment + fee)
            for row, fee in zip(rows, [first] + [each] * (len(rows) - 1))]


def loan_schedule(terms: LoanTerms) -> LoanSchedule:
    """The repayment schedule of a loan: see the module docstring for every convention."""
    with localcontext(FINANCE_CONTEXT):
        return amortize(
            terms.principal,
            terms.annual_rate,
            loan_periods(terms),
            amortization=terms.amortization,
            currency=terms.currency,
            rounding=terms.rounding,
            grace_on_principal=terms.grace_on_principal,
            grace_on_interest=terms.grace_on_interest,
            interest_grace=terms.interest_grace,
            balloon=terms.balloon_amount,
            in_multiples_of=terms.in_multiples_of,
            fee_per_installment=terms.fee_per_installment,
            fee_first_installment=terms.fee_first_installment,
        )


def flow_times(periods: Sequence[AccrualPeriod]) -> list[Fraction]:
    """When each instalment falls, in regular periods from the start (a stub counts its share)."""
    elapsed = Fraction(0)
    times = []
    for period in periods:
        elapsed += period.length
        times.append(elapsed)
    return times


def loan_apr(schedule: LoanSchedule, principal: Decimal, frequency: Frequency, upfront_fees: Decimal = ZERO) -> Decimal:
    """The borrower's annualised rate: the IRR of receiving ``principal - upfront_fees`` at the
    start and paying every instalment (fees included), times the periods per year (nominal,
    see ``apr``). Unrounded."""
    flows = [principal - upfront_fees] + [-row.payment for row in schedule.installments]
    times = [Fraction(0)] + flow_times(schedule.periods)
    per_period = irr(flows, times, guess=Decimal("0.005"))
    return nominal_annual_rate(per_period, frequency.periods_per_year)
