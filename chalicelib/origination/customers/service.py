"""Customer use cases: register (identity validated, hashed, masked, then dropped), read, list."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from chalicelib.origination.customers.domain import (
    Customer,
    CustomerType,
    NewCustomer,
    RelatedParty,
    VerificationLevel,
    birth_date_from_resident_id,
    identify,
)
from chalicelib.shared.errors import Conflict, NotFound, RuleViolation
from chalicelib.shared.identity import IdentityType
from chalicelib.shared.ids import new_id
from chalicelib.shared.tenant import TenantContext

if TYPE_CHECKING:
    from chalicelib.origination.customers.store import Customers


@dataclass(frozen=True)
class Registered:
    customer: Customer
    created: bool


def register_customer(ctx: TenantContext, new: NewCustomer, customers: "Customers", identity_key: str) -> Registered:
    """Register a customer, or find the one this tenant already has with that identity.

    Registration is find-or-create, as at a bank's counter: the officer has the applicant's card in
    hand, and the answer for a known identity is the tenant's own customer record, which its staff
    may read anyway. A 409 "exists" would be no safer — it confirms the identity just the same —
    and would only make every caller look the customer up again. What a guess could learn is bounded
    by what the number's mask leaves open (``shared.identity.masked``), and each wrong guess leaves a
    customer record behind, with its author.
    """
    if new.verification_level not in (None, VerificationLevel.REGISTERED):
        raise RuleViolation("customers.verification.evidence_required",
                            "a verification level above 'registered' is reached only by recorded evidence",
                            {"field": "verification_level", "requested": new.verification_level.value})
    identity_hash, display = identify(identity_key, new)
    existing = customers.find_by_identity(ctx, identity_hash)
    if existing is not None:
        found = customers.find(ctx, existing)
        if found is not None:
            return Registered(found, created=False)
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
        industry=new.industry, region=new.region, verification_level=VerificationLevel.REGISTERED,
        birth_on=birth_date_from_resident_id(new.identity_number) if new.identity_type is IdentityType.RESIDENT_ID else None,
        established_on=new.established_on, annual_income=new.annual_income,
        is_core_enterprise=new.is_core_enterprise, related_parties=tuple(related),
    )
    try:
        return Registered(customers.add(ctx, customer), created=True)
    except Conflict:  # registered by someone else meanwhile: theirs is the customer
        winner = customers.find_by_identity(ctx, identity_hash)
        found = customers.find(ctx, winner) if winner else None
        if found is None:
            raise
        return Registered(found, created=False)


def get_customer(ctx: TenantContext, customer_id: str, customers: "Customers") -> Customer:
    customer = customers.find(ctx, customer_id)
    if customer is None:
        raise NotFound("origination.customer.not_found", "customer not found", {"customer_id": customer_id})
    return customer


def list_customers(ctx: TenantContext, customers: "Customers", cursor: str | None, limit: int,
                   type_: CustomerType | None, core_only: bool) -> tuple[list[Customer], str | None]:
    return customers.list_page(ctx, cursor, limit, type_, core_only)


def set_verification_level(ctx: TenantContext, customer_id: str, level: VerificationLevel,
                           customers: "Customers") -> Customer:
    """The customer's current level, as the verification ladder (``chalicelib.customers``) derived it
    from recorded evidence. No route calls this: the ladder is the only writer."""
    get_customer(ctx, customer_id, customers)
    return customers.set_verification_level(ctx, customer_id, level)


def find_by_identity(ctx: TenantContext, identity_hash: str, customers: "Customers") -> Customer | None:
    """This tenant's customer holding a group identity (keyed hash), if any."""
    found = customers.find_by_identity(ctx, identity_hash)
    return customers.find(ctx, found) if found else None
