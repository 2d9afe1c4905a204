"""Checks shared by the loan, lease and factoring terms. Each raises ``TermsInvalid`` naming the field."""
from __future__ import annotations

from decimal import Decimal

from chalicelib.shared.money import (
    UnknownCurrency,
    UnknownRounding,
    currency_code,
    currency_scale,
    decimal_from,
    is_at_scale,
    minor_unit,
    rounding_mode,
)

from .errors import TermsInvalid

# Sanity bounds: beyond them the input is a typo (a rate of "4.9" meant as 4.9%), not a product.
MAX_TERM = 1200
MAX_AMOUNT = Decimal("1e15")
MAX_ANNUAL_RATE = Decimal(1)


def exact(value: object, field: str) -> Decimal:
    """``value`` as an exact Decimal, or ``TermsInvalid`` (floats are refused: they are not exact)."""
    try:
        return decimal_from(value)  # type: ignore[arg-type]
    except (TypeError, ValueError) as error:
        raise TermsInvalid(field, str(error)) from None


def optional_exact(value: object, field: str) -> Decimal | None:
    return None if value is None else exact(value, field)


def currency(value: str) -> str:
    try:
        return currency_code(value)
    except UnknownCurrency as error:
        raise TermsInvalid("currency", str(error)) from None


def rounding(value: str) -> str:
    try:
        rounding_mode(value)
    except UnknownRounding as error:
        raise TermsInvalid("rounding", str(error)) from None
    return value


def amount(value: Decimal, field: str, currency_: str, *, positive: bool = False) -> Decimal:
    """A money amount: not negative (or positive), within bounds, no finer than the minor unit."""
    if positive and value <= 0:
        raise TermsInvalid(field, "must be greater than zero")
    if value < 0:
        raise TermsInvalid(field, "must not be negative")
    if value >= MAX_AMOUNT:
        raise TermsInvalid(field, f"must be less than {MAX_AMOUNT:,.0f}")
    if not is_at_scale(value, currency_):
        raise TermsInvalid(field, f"has more decimal places than {currency_} allows ({currency_scale(currency_)})")
    # Lossless (the scale was just checked); it makes "100" read "100.00" wherever it is echoed.
    return value.quantize(minor_unit(currency_))


def annual_rate(value: Decimal, field: str = "annual_rate") -> Decimal:
    if value < 0:
        raise TermsInvalid(field, "must not be negative")
    if value > MAX_ANNUAL_RATE:
        raise TermsInvalid(field, 'is a decimal fraction ("0.049" is 4.9% a year); above 1 (100%) is refused')
    return value


def fraction(value: Decimal, field: str, *, allow_zero: bool = True, allow_one: bool = True) -> Decimal:
    """A share of something, between 0 and 1."""
    if value < 0 or (value == 0 and not allow_zero):
        raise TermsInvalid(field, "must be greater than zero" if not allow_zero else "must not be negative")
    if value > 1 or (value == 1 and not allow_one):
        raise TermsInvalid(field, "must be less than 1" if not allow_one else "must not exceed 1")
    return value


def count(value: int, field: str, *, minimum: int = 0, maximum: int = MAX_TERM) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TermsInvalid(field, "must be a whole number")
    if value < minimum:
        raise TermsInvalid(field, f"must be at least {minimum}")
    if value > maximum:
        raise TermsInvalid(field, f"must be at most {maximum}")
    return value
