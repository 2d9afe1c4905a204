"""Customer use cases: register (identity validated, hashed, masked, then dropped), read, list."""
from __future__ import annotations

from typing import TYPE_CHECKING

from chalicelib.origination.customers.domain import (
    Customer,
    CustomerType,
    NewCustomer,
    RelatedParty,
    birth_date_from_resident_id,
    identify,
)
from chalicelib.shared.errors import NotFound, RuleViolation
from chalicelib.shared.identity import IdentityType
from chalicelib.shared.ids import new_id
from chalicelib.shared.tenant import TenantContext

if TYPE_CHECKING:
    from chalicelib.origination.customers.store import Customers


def register_customer(ctx: TenantContext, new: NewCustomer, customers: "Customers", identity_key: str) -> Customer:
    """Register a customer. 409 if the identity is already a customer of this tenant."""
    identity_hash, display = identify(identity_key, new)
    related = []
    for i, party in enumerate(new.related_parties):
        other = customers.find(ctx, party.customer_id)
        if other is None:
            raise RuleViolation("origination.customer.related_party_not_found", "related party is not a customer here",
                                {"field": f"related_parties.{i}.customer_id", "customer_id": party.customer_id})
        related.append(RelatedParty(party.relation, other.customer_id, other.identity_hash))
    customer = Customer(
        customer_id=new_id("cus"), type=new.type, name=new.name, identity_type=new.identity_type,
        identity_hash=identity_hash, identity_masked=display, contact=new.contact.model_dump(exclude_none=True),
        industry=new.industry, region=new.region, verification_level=new.verification_level,
        birth_on=birth_date_from_resident_id(new.identity_number) if new.identity_type is IdentityType.RESIDENT_ID else None,
        established_on=new.established_on, annual_income=new.annual_income,
        is_core_enterprise=new.is_core_enterprise, related_parties=tuple(related),
    )
    return customers.add(ctx, customer)


def get_customer(ctx: TenantContext, customer_id: str, customers: "Customers") -> Customer:
    customer = customers.find(ctx, customer_id)
    if customer is None:
        raise NotFound("origination.customer.not_found", "customer not found", {"customer_id": customer_id})
    return customer


def list_customers(ctx: TenantContext, customers: "Customers", cursor: str | None, limit: int,
                   type_: CustomerType | None, core_only: bool) -> tuple[list[Customer], str | None]:
    return customers.list_page(ctx, cursor, limit, type_, core_only)
