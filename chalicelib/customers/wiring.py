"""This context's adapters, built on first use."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chalicelib.customers.ports import FaceMatcher
    from chalicelib.customers.store import CustomerFacts


@lru_cache(maxsize=1)
def facts() -> "CustomerFacts":
    from chalicelib.customers.store import CustomerFacts

    return CustomerFacts()


@lru_cache(maxsize=1)
def face_matcher() -> "FaceMatcher":
    """The verification provider. A licensed one replaces this line (see ``customers.ports``)."""
    from chalicelib.customers.ports import LocalFaceMatcher

    return LocalFaceMatcher()
