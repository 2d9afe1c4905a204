"""Servicing's adapters, created on first use and cached (to be merged into ``chalicelib/bootstrap.py``)."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chalicelib.servicing.store import ServicingStore


@lru_cache(maxsize=1)
def servicing_store() -> "ServicingStore":
    from chalicelib.servicing.store import ServicingStore

    return ServicingStore()
