"""What this context reads and changes in other contexts, gathered in one seam, through their services.

Origination (the registry, applications) and servicing (contracts, repayments, collection actions) are
read only through their service functions; nothing here touches their records.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Iterator

from chalicelib.origination.customers.domain import Customer, VerificationLevel
from chalicelib.shared.errors import NotFound
from chalicelib.shared.tenant import TenantContext

ZERO = Decimal(0)


def customer(ctx: TenantContext, customer_id: str) -> Customer:
    from chalicelib.origination import wiring
    from chalicelib.origination.customers import service

    return service.get_customer(ctx, customer_id, wiring.customers())


def customer_by_identity(ctx: TenantContext, identity_hash: str) -> Customer | None:
    from chalicelib.origination import wiring
    from chalicelib.origination.customers import service

    return service.find_by_identity(ctx, identity_hash, wiring.customers())


def all_customers(ctx: TenantContext) -> Iterator[Customer]:
    from chalicelib.origination import wiring
    from chalicelib.origination.customers import service

    cursor = None
    while True:
        items, cursor = service.list_customers(ctx, wiring.customers(), cursor, 200, None, False)
        yield from items
        if not cursor:
            return


def set_level(ctx: TenantContext, customer_id: str, level: VerificationLevel) -> Customer:
    from chalicelib.origination import wiring
    from chalicelib.origination.customers import service

    return service.set_verification_level(ctx, customer_id, level, wiring.customers())


def applications_of(ctx: TenantContext, customer_id: str) -> list[Any]:
    from chalicelib.origination.applications import service

    out, cursor = [], None
    while True:
        items, cursor = service.list_applications(ctx, cursor, 200, customer_id=customer_id)
        out.extend(items)
        if not cursor:
            return out


def application_in_full(ctx: TenantContext, application_id: str) -> Any:
    """One application with its documents and timeline (a listing's rows carry neither)."""
    from chalicelib.origination.applications import service

    return service.get_application(ctx, application_id)


def contracts_of(ctx: TenantContext, applications: list[Any]) -> list[Any]:
    """The contracts in servicing of the customer's disbursed applications."""
    from chalicelib.servicing import service

    out = []
    for app in applications:
        if app.contract_id and app.disbursement:
            try:
                out.append(service.get_contract(ctx, app.contract_id))
            except NotFound:
                continue
    return out


def all_contracts_by_customer(ctx: TenantContext) -> dict[str, list[Any]]:
    """Every contract of the tenant, by customer (the monthly batch reads the book once)."""
    from chalicelib.servicing import service

    out: dict[str, list[Any]] = {}
    cursor = None
    while True:
        items, cursor = service.list_contracts(ctx, cursor, 200)
        for c in items:
            out.setdefault(c.customer_id, []).append(c)
        if not cursor:
            return out


def repayments(ctx: TenantContext, contract_id: str) -> list[dict[str, Any]]:
    """The contract's repayments received (from its history: amount, date, channel)."""
    from chalicelib.servicing import service

    rows = []
    for h in service.contract_history(ctx, contract_id):
        if h.get("action") == "repayment_received":
            d = h.get("details") or {}
            rows.append({"contract_id": contract_id, "repayment_id": d.get("repayment_id"),
                         "amount": str(d.get("amount")), "received_on": str(d.get("received_on")),
                         "channel": d.get("channel") or "api", "at": str(h.get("at"))})
    return rows


def facilities_of(ctx: TenantContext, customer_id: str) -> list[dict[str, Any]]:
    """The customer's credit facilities, each with its balances and history, through credit's service."""
    from chalicelib.credit import service

    out, cursor = [], None
    while True:
        items, cursor = service.list_facilities(ctx, cursor, 200, customer_id=customer_id)
        out.extend(items)
        if not cursor:
            return out


def collection_actions(ctx: TenantContext, contract_id: str) -> list[dict[str, Any]]:
    from chalicelib.servicing import service

    return service.collection_actions(ctx, contract_id)


@dataclass(frozen=True)
class ContractFigures:
    contract_id: str
    product_code: str
    kind: str
    status: str
    currency: str
    principal: Decimal
    outstanding_principal: Decimal
    outstanding: Decimal
    paid_interest_and_fees: Decimal
    days_past_due: int
    bucket: str
    disbursed_on: date


def figures(c: Any) -> ContractFigures:
    from chalicelib.servicing.domain import Part

    paid = c.part_total(Part.INTEREST, paid=True) + c.part_total(Part.FEE, paid=True)
    return ContractFigures(c.contract_id, c.product_code, c.kind, c.status.value, c.currency, c.principal,
                           c.outstanding_principal, c.outstanding, paid, c.days_past_due, c.bucket, c.disbursed_on)
