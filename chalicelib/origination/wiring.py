"""Origination's adapters, imported on first use (short cold starts)."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chalicelib.origination.customers.store import Customers


@lru_cache(maxsize=1)
def customers() -> "Customers":
    from chalicelib.origination.customers.store import Customers

    return Customers()
