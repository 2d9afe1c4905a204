"""Effects a context asks for without importing the context that performs them.

Origination and servicing announce merchant webhook events, and servicing registers the money it
moves with the day's clearing. Payments performs both, but payments also applies repayments through
servicing: if servicing imported payments the two would form a cycle. So they call these two ports,
which ``chalicelib.bootstrap`` wires once to payments' implementations (tests may swap them).

Two reads go the same way. Credit looks a customer up in origination's registry, while origination
draws on credit's facilities; and the ledger's trial balance carries credit's unused commitments on
memorandum rows, while nothing in the ledger may know credit. (When the registry moves into its own
``customers`` context, credit will import it directly.)

And one notice: servicing tells the customers context that a customer's relationship changed (a
disbursement, a repayment) so HQ's group customer view stays current; customers reads servicing, so
servicing may not import it.
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


class CustomerRef(Protocol):
    customer_id: str
    name: str
    identity_hash: str


class CustomerRegistry(Protocol):
    def get(self, ctx: TenantContext, customer_id: str) -> CustomerRef:
        """The tenant's customer, or ``NotFound``."""


class OffBalance(Protocol):
    def commitments(self, ctx: TenantContext, as_of: date) -> dict[str, dict[str, Any]]:
        """Unused committed facilities on ``as_of`` per currency: ``{"unused": Decimal, "facilities": int}``."""


class PreApprovals(Protocol):
    def fast_path(self, ctx: TenantContext, customer_id: str, product_code: str, amount: Decimal,
                  currency: str | None) -> dict[str, Any] | None:
        """The unexpired whitelist pre-approval covering this application, or None (``customers.whitelists``)."""


class Relationships(Protocol):
    def changed(self, ctx: TenantContext, customer_id: str) -> None:
        """Refresh what HQ's group customer view shows of the tenant's customer (products, exposure)."""


_events: MerchantEvents | None = None
_clearing: Clearing | None = None
_customers: CustomerRegistry | None = None
_off_balance: OffBalance | None = None
_pre_approvals: PreApprovals | None = None
_relationships: Relationships | None = None


def use(*, events: MerchantEvents | None = None, clearing: Clearing | None = None,
        customers: CustomerRegistry | None = None, off_balance: OffBalance | None = None,
        pre_approvals: PreApprovals | None = None, relationships: Relationships | None = None) -> None:
    global _events, _clearing, _customers, _off_balance, _pre_approvals, _relationships
    _events = events or _events
    _clearing = clearing or _clearing
    _customers = customers or _customers
    _off_balance = off_balance or _off_balance
    _pre_approvals = pre_approvals or _pre_approvals
    _relationships = relationships or _relationships


def merchant_events() -> MerchantEvents:
    if _events is None:
        raise RuntimeError("no merchant events port is wired: import chalicelib.bootstrap first")
    return _events


def clearing() -> Clearing:
    if _clearing is None:
        raise RuntimeError("no clearing port is wired: import chalicelib.bootstrap first")
    return _clearing


def customers() -> CustomerRegistry:
    if _customers is None:
        raise RuntimeError("no customer registry port is wired: import chalicelib.bootstrap first")
    return _customers


def off_balance() -> OffBalance:
    if _off_balance is None:
        raise RuntimeError("no off-balance port is wired: import chalicelib.bootstrap first")
    return _off_balance


def pre_approvals() -> PreApprovals:
    if _pre_approvals is None:
        raise RuntimeError("no pre-approvals port is wired: import chalicelib.bootstrap first")
    return _pre_approvals


def relationships() -> Relationships:
    if _relationships is None:
        raise RuntimeError("no relationships port is wired: import chalicelib.bootstrap first")
    return _relationships
