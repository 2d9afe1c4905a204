"""Builders for ledger tests: tenants, events and drafts with sensible defaults."""
from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from chalicelib.ledger import domain
from chalicelib.ledger.domain import Component, ContractEvent, EntryDraft, EntryKind, Side
from chalicelib.shared.tenant import Role, TenantContext, TenantKind

D = Decimal
DAY1 = date(2026, 1, 5)
LENDING = domain.standard_template("lending-standard")
LEASING = domain.standard_template("leasing-standard")
FACTORING = domain.standard_template("factoring-standard")


def a_tenant(kind: TenantKind = TenantKind.LENDING, prefix: str = "lt") -> TenantContext:
    """A fresh tenant of its own, so each test's books start empty."""
    return TenantContext(tenant_id=f"{prefix}-{uuid.uuid4().hex[:10]}", kind=kind,
                         user_id=f"user-{uuid.uuid4().hex[:6]}",
                         username="finance@test", roles=frozenset({Role.FINANCE}))


def a_contract() -> str:
    return f"C-{uuid.uuid4().hex[:8]}"


def event(kind: EntryKind, contract_id: str, booked_on: date = DAY1, currency: str = "CNY",
          **amounts: str | Decimal) -> ContractEvent:
    return ContractEvent(kind=kind, contract_id=contract_id, currency=currency, booked_on=booked_on,
                         amounts={Component(k): D(v) for k, v in amounts.items()})


def disbursement(contract_id: str, principal: str = "10000.00", booked_on: date = DAY1, **more: str) -> ContractEvent:
    return event(EntryKind.DISBURSEMENT, contract_id, booked_on, principal=principal, **more)


def repayment(contract_id: str, booked_on: date = DAY1, **parts: str) -> ContractEvent:
    return event(EntryKind.REPAYMENT, contract_id, booked_on, **parts)


def manual(*lines: tuple[str, str, str], booked_on: date = DAY1, key: str | None = None, memo: str = "manual",
           currency: str = "CNY") -> EntryDraft:
    """``manual(("1002", "debit", "100.00"), ("4001", "credit", "100.00"))``"""
    return EntryDraft(kind=EntryKind.MANUAL, booked_on=booked_on,
                      lines=tuple(domain.line(a, Side(s), amt, currency) for a, s, amt in lines),
                      idempotency_key=key or uuid.uuid4().hex, memo=memo)


def capital(amount: str = "1000000.00", booked_on: date = DAY1, key: str | None = None) -> EntryDraft:
    """Paid-in capital into the bank: the money a lender lends from."""
    return manual(("1002", "debit", amount), ("4001", "credit", amount), booked_on=booked_on, key=key,
                  memo="paid-in capital")
