"""Concrete adapters for the ledger (to be merged into ``chalicelib/bootstrap.py``).

Routes and other contexts ask here for the ledger's store and for the tenant facts the ledger needs
(its currency and timezone; the business date is ``shared.clock.business_date``). Adapters are imported on first use.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from chalicelib.shared.money import DEFAULT_CURRENCY
from chalicelib.shared.tenant import TenantContext

if TYPE_CHECKING:
    from chalicelib.ledger.store import LedgerStore

DEFAULT_TIMEZONE = "Asia/Shanghai"


@lru_cache(maxsize=1)
def ledger_store() -> "LedgerStore":
    from chalicelib.ledger.store import LedgerStore

    return LedgerStore()


@dataclass(frozen=True)
class TenantBooks:
    currency: str
    timezone: str


_books_lock = threading.Lock()
_books: dict[str, TenantBooks] = {}
_charts_opened: set[tuple[str, str]] = set()


def tenant_books(ctx: TenantContext) -> TenantBooks:
    """The tenant's book currency and timezone, from the tenant registry (cached per process)."""
    cached = _books.get(ctx.tenant_id)
    if cached is not None:
        return cached
    from chalicelib import bootstrap

    registered = bootstrap.tenant_registry().get(ctx.tenant_id)
    books = (TenantBooks(registered.definition.currency, registered.definition.timezone) if registered
             else TenantBooks(DEFAULT_CURRENCY, DEFAULT_TIMEZONE))
    with _books_lock:
        _books[ctx.tenant_id] = books
    return books


def ensure_books(ctx: TenantContext) -> None:
    """Open the tenant's standard chart of accounts on first use (once per process and table)."""
    from chalicelib.ledger import service
    from chalicelib.platform.dynamo import table_name_for

    key = (ctx.tenant_id, table_name_for(ctx.isolation, ctx.tenant_id))
    if key in _charts_opened:
        return
    service.open_chart_of_accounts(ctx, currency=tenant_books(ctx).currency, store=ledger_store())
    with _books_lock:
        _charts_opened.add(key)


def forget() -> None:
    """Drop per-process caches (tests that swap stacks)."""
    with _books_lock:
        _books.clear()
        _charts_opened.clear()
    ledger_store.cache_clear()
