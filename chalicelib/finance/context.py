"""The decimal arithmetic context every finance calculation runs in."""
from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Context, DivisionByZero, InvalidOperation, Overflow

# 40 significant digits: a 1e15 balance times a rate with a 20-digit expansion still keeps more
# than 20 digits below the minor unit, so quantizing to the currency's scale is the only rounding
# that can change a cent. Traps turn silent NaN/Infinity into exceptions.
FINANCE_CONTEXT = Context(
    prec=40,
    rounding=ROUND_HALF_EVEN,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)
