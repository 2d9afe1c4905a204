"""Money: ISO 4217 currency scales, named rounding modes, exact ``Decimal`` amounts.

Amounts are ``Decimal`` everywhere. A ``float`` cannot hold most decimal fractions exactly
(``0.1 + 0.2 != 0.3``), so every entry point here refuses one instead of converting it.

Rounding modes are product parameters and travel as names (``"HALF_EVEN"``, the default, is
banker's rounding); ``rounding_mode`` maps a name onto the ``decimal`` module's constant.
"""
from __future__ import annotations

from decimal import (
    ROUND_CEILING,
    ROUND_DOWN,
    ROUND_FLOOR,
    ROUND_HALF_DOWN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    ROUND_UP,
    Decimal,
    InvalidOperation,
)
from typing import Union

DEFAULT_CURRENCY = "CNY"
DEFAULT_ROUNDING = "HALF_EVEN"

# ISO 4217 minor units (the number of decimal places of the currency's smallest unit).
# Only active currency codes; the list follows the ISO table, not cash practice (HUF, IDR and TWD
# have 2 decimals in ISO although cash rarely uses them).
_ZERO_DECIMAL = ("BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX",
                 "UYI", "VND", "VUV", "XAF", "XOF", "XPF")
_THREE_DECIMAL = ("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND")
_FOUR_DECIMAL = ("CLF", "UYW")
_TWO_DECIMAL = (
    "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN",
    "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CNY",
    "COP", "CRC", "CUP", "CVE", "CZK", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD",
    "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR",
    "ILS", "INR", "IRR", "JMD", "KES", "KGS", "KHR", "KPW", "KYD", "KZT", "LAK", "LBP", "LKR",
    "LRD", "LSL", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK",
    "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "PAB", "PEN", "PGK", "PHP",
    "PKR", "PLN", "QAR", "RON", "RSD", "RUB", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP",
    "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TOP", "TRY",
    "TTD", "TWD", "TZS", "UAH", "USD", "UYU", "UZS", "VES", "WST", "XCD", "YER", "ZAR", "ZMW",
    "ZWG",
)

CURRENCY_SCALES: dict[str, int] = {
    **{code: 2 for code in _TWO_DECIMAL},
    **{code: 0 for code in _ZERO_DECIMAL},
    **{code: 3 for code in _THREE_DECIMAL},
    **{code: 4 for code in _FOUR_DECIMAL},
}

ROUNDING_MODES: dict[str, str] = {
    "HALF_EVEN": ROUND_HALF_EVEN,
    "HALF_UP": ROUND_HALF_UP,
    "HALF_DOWN": ROUND_HALF_DOWN,
    "DOWN": ROUND_DOWN,
    "UP": ROUND_UP,
    "CEILING": ROUND_CEILING,
    "FLOOR": ROUND_FLOOR,
}

# One quantum per currency, built once: quantize() is called once per amount on hot paths.
_MINOR_UNITS: dict[str, Decimal] = {code: Decimal(1).scaleb(-scale) for code, scale in CURRENCY_SCALES.items()}

Number = Union[Decimal, int, str]


class UnknownCurrency(ValueError):
    """The code is not an active ISO 4217 currency this platform prices in."""


class UnknownRounding(ValueError):
    """The name is not one of ``ROUNDING_MODES``."""


def currency_code(currency: str) -> str:
    """The canonical (upper-case) ISO 4217 code, or ``UnknownCurrency``."""
    code = currency.strip().upper() if isinstance(currency, str) else currency
    if code not in CURRENCY_SCALES:
        raise UnknownCurrency(f"unknown currency {currency!r}")
    return code


def currency_scale(currency: str) -> int:
    """Decimal places of the currency's minor unit: CNY 2, JPY 0, KWD 3."""
    return CURRENCY_SCALES[currency_code(currency)]


def minor_unit(currency: str) -> Decimal:
    """The smallest amount of the currency as a quantum: ``Decimal('0.01')`` for CNY, ``1`` for JPY."""
    return _MINOR_UNITS[currency_code(currency)]


def rounding_mode(name: str) -> str:
    """The ``decimal`` rounding constant for a mode name (``"HALF_EVEN"`` or ``"ROUND_HALF_EVEN"``)."""
    key = name.strip().upper() if isinstance(name, str) else name
    if isinstance(key, str) and key.startswith("ROUND_"):
        key = key[len("ROUND_"):]
    if key not in ROUNDING_MODES:
        raise UnknownRounding(f"unknown rounding mode {name!r}; use one of {', '.join(ROUNDING_MODES)}")
    return ROUNDING_MODES[key]


def decimal_from(value: Number) -> Decimal:
    """An exact ``Decimal`` from a Decimal, an int or a decimal string; floats and bools are refused.

    A float is refused even when it looks harmless (``0.1``): by the time it arrives it is already
    the nearest binary fraction, and silently rounding it back would hide where money was lost.
    """
    if isinstance(value, bool) or isinstance(value, float):
        raise TypeError(f"{type(value).__name__} is not an exact amount; pass a Decimal, int or decimal string")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"{value!r} is not a decimal number") from None
    else:
        raise TypeError(f"{type(value).__name__} is not an amount")
    if not result.is_finite():
        raise ValueError(f"{value!r} is not a finite amount")
    return result


def _no_negative_zero(amount: Decimal) -> Decimal:
    # -0.00 is a legal Decimal but reads as a debt on a statement.
    return amount.copy_abs() if amount.is_zero() else amount


def quantize(amount: Decimal, currency: str = DEFAULT_CURRENCY, rounding: str = DEFAULT_ROUNDING) -> Decimal:
    """``amount`` rounded to the currency's minor unit with the named rounding mode."""
    return _no_negative_zero(decimal_from(amount).quantize(minor_unit(currency), rounding=rounding_mode(rounding)))


def round_to_multiple(amount: Decimal, multiple: Decimal, rounding: str = DEFAULT_ROUNDING) -> Decimal:
    """``amount`` rounded to a whole number of ``multiple`` (e.g. instalments in multiples of 10)."""
    multiple = decimal_from(multiple)
    if multiple <= 0:
        raise ValueError("multiple must be positive")
    units = (decimal_from(amount) / multiple).quantize(Decimal(1), rounding=rounding_mode(rounding))
    return _no_negative_zero(units * multiple)


def is_at_scale(amount: Decimal, currency: str) -> bool:
    """True when ``amount`` has no more decimal places than the currency's minor unit."""
    amount = decimal_from(amount)
    return amount == amount.quantize(minor_unit(currency), rounding=ROUND_DOWN)
