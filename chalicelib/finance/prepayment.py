"""Prepayment (提前还款) quotes: what is due to prepay on a date, and the schedule left afterwards.

Conventions:

- Every instalment due on or before the prepayment date is taken as paid; the prepayment is
  quoted on the balance left after them. It cannot fall inside a grace period (the deferred or
  capitalised interest would have to be settled first) nor on or after the final due date.
- Interest accrued since the last due date is due with the prepayment, on the whole outstanding
  balance: under a day count on the real dates, at the period rate as the period's interest
  times elapsed days over the period's days. What is left of the period then accrues on the
  reduced balance from the prepayment date to the next due date, so the two parts always add up
  to the period's accrual.
- ``amount`` is the principal prepaid (``None`` prepays everything). Accrued interest and the
  penalty come on top.
- Penalty: ``penalty_rate`` × principal prepaid, or ``penalty_periods`` periods of interest on the
  principal prepaid at the contract's period rate (annual rate / periods per year), rounded once.
- Partial prepayment recalculates what is left on the same due dates, either
  ``keep_term`` — same number of instalments, a lower one (a balloon stays as agreed); or
  ``keep_installment`` — the same level amount (the instalment of an annuity, the principal part
  of equal principal), ending earlier; the last instalment takes what is left.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext
from enum import Enum
from fractions import Fraction

from chalicelib.shared.money import quantize

from . import validation as check
from .context import FINANCE_CONTEXT
from .daycount import year_fraction_ratio
from .errors import TermsInvalid
from .loan import AccrualPeriod, Amortization, LoanSchedule, LoanTerms, amortize, loan_schedule

ZERO = Decimal(0)


class PrepaymentStrategy(str, Enum):
    KEEP_TERM = "keep_term"
    KEEP_INSTALLMENT = "keep_installment"


_KEEP_TERM_SUPPORTED = (Amortization.ANNUITY, Amortization.EQUAL_PRINCIPAL, Amortization.INTEREST_ONLY,
                        Amortization.BULLET, Amortization.BALLOON)
_KEEP_INSTALLMENT_SUPPORTED = (Amortization.ANNUITY, Amortization.EQUAL_PRINCIPAL)


@dataclass(frozen=True)
class PrepaymentTerms:
    """A prepayment request. ``amount`` is principal; ``None`` prepays the whole loan."""

    prepaid_on: date
    amount: Decimal | None = None
    strategy: PrepaymentStrategy = PrepaymentStrategy.KEEP_TERM
    penalty_rate: Decimal | None = None
    penalty_periods: int | None = None

    def __post_init__(self) -> None:
        put = object.__setattr__
        try:
            put(self, "strategy", PrepaymentStrategy(self.strategy))
        except ValueError:
            raise TermsInvalid("strategy", "must be 'keep_term' or 'keep_installment'") from None
        if not isinstance(self.prepaid_on, date):
            raise TermsInvalid("prepaid_on", "must be a date")
        put(self, "amount", check.optional_exact(self.amount, "amount"))
        if self.penalty_rate is not None and self.penalty_periods is not None:
            raise TermsInvalid("penalty_rate", "give penalty_rate or penalty_periods, not both")
        if self.penalty_rate is not None:
            put(self, "penalty_rate", check.fraction(check.exact(self.penalty_rate, "penalty_rate"), "penalty_rate"))
        if self.penalty_periods is not None:
            check.count(self.penalty_periods, "penalty_periods", maximum=24)


@dataclass(frozen=True)
class PrepaymentQuote:
    """What prepaying costs on ``prepaid_on`` and, after a partial one, the schedule left."""

    prepaid_on: date
    outstanding_principal: Decimal
    prepaid_principal: Decimal
    accrued_interest: Decimal
    penalty: Decimal
    remaining: LoanSchedule | None
    interest_saved: Decimal

    @property
    def total_due(self) -> Decimal:
        return self.prepaid_principal + self.accrued_interest + self.penalty

    @property
    def is_full(self) -> bool:
        return self.remaining is None


def _split_period(period: AccrualPeriod, on: date, terms: LoanTerms) -> tuple[tuple[int, int], AccrualPeriod]:
    """The accrual up to ``on`` and the period left from ``on`` to the period's end."""
    total_days = (period.end_on - period.start_on).days
    elapsed = (on - period.start_on).days
    if terms.day_count is not None:
        accrued = year_fraction_ratio(period.start_on, on, terms.day_count)
        rest = year_fraction_ratio(on, period.end_on, terms.day_count)
    else:
        whole = Fraction(period.numerator, period.denominator)
        accrued_share = whole * elapsed / total_days
        rest_share = whole - accrued_share
        accrued = (accrued_share.numerator, accrued_share.denominator)
        rest = (rest_share.numerator, rest_share.denominator)
    length = period.length * (total_days - elapsed) / total_days
    return accrued, AccrualPeriod(on, period.end_on, rest[0], rest[1], length)


def quote_prepayment(
    terms: LoanTerms, prepayment: PrepaymentTerms, schedule: LoanSchedule | None = None
) -> PrepaymentQuote:
    """Quote a full or partial prepayment of the loan priced by ``terms`` (see module docstring)."""
    with localcontext(FINANCE_CONTEXT):
        schedule = schedule or loan_schedule(terms)
        rows, periods = schedule.installments, schedule.periods
        on = prepayment.prepaid_on
        if on <= terms.start_on:
            raise TermsInvalid("prepaid_on", "must be after the start date")
        if on >= rows[-1].due_on:
            raise TermsInvalid("prepaid_on", "must be before the final due date")
        paid = sum(1 for row in rows if row.due_on <= on)
        if paid < max(terms.grace_on_principal, terms.grace_on_interest):
            raise TermsInvalid("prepaid_on", "falls within the grace period; prepay once amortisation has started")
        outstanding = rows[paid - 1].balance if paid else terms.principal

        if prepayment.amount is None or prepayment.amount == outstanding:
            prepaid = outstanding
        else:
            prepaid = check.amount(prepayment.amount, "amount", terms.currency, positive=True)
            if prepaid > outstanding:
                raise TermsInvalid("amount", f"exceeds the outstanding principal {outstanding}")
        full = prepaid == outstanding
        if not full:
            supported = (_KEEP_TERM_SUPPORTED if prepayment.strategy is PrepaymentStrategy.KEEP_TERM
                         else _KEEP_INSTALLMENT_SUPPORTED)
            if terms.amortization not in supported:
                raise TermsInvalid("strategy", f"a partial prepayment of a {terms.amortization.value} loan cannot "
                                   f"{prepayment.strategy.value.replace('_', ' ')}")

        current = periods[paid]
        (numerator, denominator), rest = _split_period(current, on, terms)
        basis = terms.principal if terms.amortization is Amortization.FLAT else outstanding
        accrued = quantize(basis * terms.annual_rate * numerator / denominator, terms.currency, terms.rounding)

        if prepayment.penalty_rate is not None:
            penalty = quantize(prepaid * prepayment.penalty_rate, terms.currency, terms.rounding)
        elif prepayment.penalty_periods:
            penalty = quantize(prepaid * terms.annual_rate * prepayment.penalty_periods
                               / terms.frequency.periods_per_year, terms.currency, terms.rounding)
        else:
            penalty = quantize(ZERO, terms.currency)

        interest_ahead = sum((row.interest for row in rows[paid:]), ZERO)
        remaining = None
        if not full:
            balance = outstanding - prepaid
            balloon = terms.balloon_amount
            if terms.amortization is Amortization.BALLOON and balance <= balloon:
                raise TermsInvalid("amount", "would leave less than the balloon owed; prepay in full instead")
            left = (rest, *periods[paid + 1:]) if rest.start_on < rest.end_on else periods[paid + 1:]
            keep_level = prepayment.strategy is PrepaymentStrategy.KEEP_INSTALLMENT
            remaining = amortize(
                balance, terms.annual_rate, left,
                amortization=terms.amortization, currency=terms.currency, rounding=terms.rounding,
                balloon=balloon, in_multiples_of=terms.in_multiples_of,
                level_amount=schedule.level_amount if keep_level else None,
                fee_per_installment=terms.fee_per_installment,
            )
            remaining = _renumber(remaining, paid)
            interest_after = remaining.total_interest
        else:
            interest_after = ZERO
        return PrepaymentQuote(on, outstanding, prepaid, accrued, penalty, remaining,
                               interest_ahead - accrued - interest_after)


def _renumber(schedule: LoanSchedule, already_paid: int) -> LoanSchedule:
    # The remaining instalments keep their place in the original schedule (seq 7 stays seq 7).
    rows = tuple(row._replace(seq=row.seq + already_paid) for row in schedule.installments)
    return LoanSchedule(rows, schedule.periods, schedule.currency, schedule.level_amount)
