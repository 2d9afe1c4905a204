"""Effects a context asks for without importing the context that performs them.

Origination and servicing announce merchant webhook events, and servicing registers the money it
moves with the day's clearing. Payments performs both, but payments also applies repayments through
servicing: if servicing imported payments the two would form a cycle. So they call these two ports,
which ``chalicelib.bootstrap`` wires once to payments' implementations (tests may swap them).
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from chalicelib.shared.tenant import TenantContext


class MerchantEvents(Protocol):
    def publish(self, ctx: TenantContext, event_type: str, data: dict[str, Any], *, source_id: str) -> None:
        """Queue one merchant webhook event, once per ``source_id``."""


class Clearing(Protocol):
    def register(self, ctx: TenantContext, *, channel: str, counterparty: str, direction: str, amount: Decimal,
                 currency: str, source: str, contract_id: str | None = None, ledger_entry_id: str | None = None,
                 business_date: date | None = None) -> dict[str, Any]:
        """Record one external money movement (``direction`` ``in`` or ``out``) against the day's
        clearing, idempotent by ``source``."""


_events: MerchantEvents | None = None
_clearing: Clearing | None = None


def use(*, events: MerchantEvents | None = None, clearing: Clearing | None = None) -> None:
    global _events, _clearing
    if events is not None:
        _events = events
    if clearing is not None:
        _clearing = clearing


def merchant_events() -> MerchantEvents:
    if _events is None:
        raise RuntimeError("no merchant events port is wired: import chalicelib.bootstrap first")
    return _events


def clearing() -> Clearing:
    if _clearing is None:
        raise RuntimeError("no clearing port is wired: import chalicelib.bootstrap first")
    return _clearing
