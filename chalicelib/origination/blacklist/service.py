"""Blacklist use cases. An entry names a customer of this tenant, or an identity number that is
hashed on arrival (the number itself is never stored), so a person can be refused before they apply."""
from __future__ import annotations

from chalicelib.shared import clock

from typing import TYPE_CHECKING

from chalicelib.origination import wiring
from chalicelib.origination.blacklist.domain import BlacklistEntry
from chalicelib.shared.errors import NotFound, RuleViolation
from chalicelib.shared.ids import new_id
from chalicelib.shared.identity import IdentityType, keyed_hash, masked, normalise, validation_problem
from chalicelib.shared.tenant import TenantContext

if TYPE_CHECKING:
    from chalicelib.origination.blacklist.store import Blacklist
    from chalicelib.origination.customers.store import Customers


def add_to_blacklist(ctx: TenantContext, reason: str, customer_id: str | None = None,
                     identity_type: IdentityType | None = None, identity_number: str | None = None, *,
                     blacklist: "Blacklist | None" = None, customers: "Customers | None" = None) -> BlacklistEntry:
    blacklist = blacklist or wiring.blacklist()
    customers = customers or wiring.customers()
    if customer_id:
        customer = customers.find(ctx, customer_id)
        if customer is None:
            raise RuleViolation("origination.blacklist.customer_not_found", "customer not found",
                                {"field": "customer_id", "customer_id": customer_id})
        identity_hash, display, name = customer.identity_hash, customer.identity_masked, customer.name
    elif identity_type and identity_number:
        problem = validation_problem(identity_type, identity_number)
        if problem:
            raise RuleViolation("origination.blacklist.identity_number.invalid", problem, {"field": "identity_number"})
        identity_hash = keyed_hash(wiring.identity_key(ctx), identity_type, identity_number)
        display, name = masked(normalise(identity_type, identity_number), identity_type), None
    else:
        raise RuleViolation("origination.blacklist.customer_id.required",
                            "name a customer_id, or an identity_type and identity_number", {"field": "customer_id"})
    entry = BlacklistEntry(new_id("bl"), identity_hash, display, name, reason, ctx.username, clock.now())
    return blacklist.add(ctx, entry)


def list_blacklist(ctx: TenantContext, cursor: str | None, limit: int, *,
                   blacklist: Blacklist | None = None) -> tuple[list[BlacklistEntry], str | None]:
    return (blacklist or wiring.blacklist()).list_page(ctx, cursor, limit)


def remove_from_blacklist(ctx: TenantContext, entry_id: str, *, blacklist: Blacklist | None = None) -> None:
    if not (blacklist or wiring.blacklist()).remove(ctx, entry_id):
        raise NotFound("origination.blacklist.not_found", "not on the blacklist", {"entry_id": entry_id})
