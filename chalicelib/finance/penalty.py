"""Penalty interest (罚息) on overdue amounts.

The penalty rate is either a multiple of the contract rate (``multiplier`` 1.5 for "contract
rate plus 50%", the usual clause) or a rate of its own (``penalty_rate``), both annual. It
accrues daily, simple (not compounded day on day), from the due date to the date it is assessed:
``amount * penalty_rate * year_fraction(due_on, as_of)``, the year fraction on ``day_count``
(ACT/360 by default: "daily rate = annual rate / 360", as Chinese loan contracts write it).

It runs on the overdue principal, and on the overdue interest too when the contract says so
(``on_overdue_interest``, 复利 on unpaid interest). Each overdue instalment's penalty is rounded
once, to the currency's scale.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext

from chalicelib.shared.money import DEFAULT_CURRENCY, DEFAULT_ROUNDING, quantize

from . import validation as check
from .context import FINANCE_CONTEXT
from .daycount import DayCount, day_count, parse_day_count, year_fraction_ratio
from .errors import TermsInvalid

ZERO = Decimal(0)


@dataclass(frozen=True)
class OverdueAmount:
    """What an instalment still owes after its due date."""

    due_on: date
    principal: Decimal
    interest: Decimal = ZERO


@dataclass(frozen=True)
class PenaltyTerms:
    """The contract's penalty clause. Exactly one of ``multiplier`` and ``penalty_rate``."""

    contract_rate: Decimal
    multiplier: Decimal | None = None
    penalty_rate: Decimal | None = None
    on_overdue_interest: bool = False
    day_count: DayCount = DayCount.ACT_360
    currency: str = DEFAULT_CURRENCY
    rounding: str = DEFAULT_ROUNDING

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "currency", check.currency(self.currency))
        check.rounding(self.rounding)
        convention = parse_day_count(self.day_count)
        if convention is None:
            raise TermsInvalid("day_count", "penalty interest accrues by the day: name a day count")
        put(self, "day_count", convention)
        put(self, "contract_rate", check.annual_rate(check.exact(self.contract_rate, "contract_rate"), "contract_rate"))
        if (self.multiplier is None) == (self.penalty_rate is None):
            raise TermsInvalid("multiplier", "give a multiplier of the contract rate or a penalty_rate, exactly one")
        if self.multiplier is not None:
            multiplier = check.exact(self.multiplier, "multiplier")
            if multiplier <= 0 or multiplier > 10:
                raise TermsInvalid("multiplier", "must be greater than 0 and at most 10")
            put(self, "multiplier", multiplier)
        else:
            put(self, "penalty_rate", check.annual_rate(check.exact(self.penalty_rate, "penalty_rate"), "penalty_rate"))

    @property
    def annual_penalty_rate(self) -> Decimal:
        """The annual rate penalty interest accrues at."""
        if self.penalty_rate is not None:
            return self.penalty_rate
        return self.contract_rate * self.multiplier  # type: ignore[operator]


@dataclass(frozen=True)
class PenaltyAccrual:
    """Penalty interest accrued on one overdue instalment up to ``as_of``."""

    due_on: date
    as_of: date
    days: int
    on_principal: Decimal
    on_interest: Decimal

    @property
    def total(self) -> Decimal:
        return self.on_principal + self.on_interest


def penalty_interest(overdue: OverdueAmount, as_of: date, terms: PenaltyTerms) -> PenaltyAccrual:
    """Penalty interest on one overdue instalment from its due date to ``as_of`` (zero if not yet due)."""
    with localcontext(FINANCE_CONTEXT):
        if as_of <= overdue.due_on:
            zero = quantize(ZERO, terms.currency)
            return PenaltyAccrual(overdue.due_on, as_of, 0, zero, zero)
        numerator, denominator = year_fraction_ratio(overdue.due_on, as_of, terms.day_count)
        rate = terms.annual_penalty_rate

        def accrue(amount: Decimal) -> Decimal:
            return quantize(amount * rate * numerator / denominator, terms.currency, terms.rounding)

        on_interest = accrue(overdue.interest) if terms.on_overdue_interest else quantize(ZERO, terms.currency)
        return PenaltyAccrual(overdue.due_on, as_of, day_count(overdue.due_on, as_of, terms.day_count),
                              accrue(overdue.principal), on_interest)


def penalties(
    overdue: Sequence[OverdueAmount], as_of: date, terms: PenaltyTerms
) -> tuple[list[PenaltyAccrual], Decimal]:
    """Penalty interest on every overdue instalment up to ``as_of``, and their sum."""
    accruals = [penalty_interest(item, as_of, terms) for item in overdue]
    return accruals, sum((a.total for a in accruals), quantize(ZERO, terms.currency))
