"""Customer routes."""
from __future__ import annotations

from datetime import date

from pydantic import Field

from chalicelib.origination import wiring
from chalicelib.origination.customers import service
from chalicelib.origination.customers.domain import Customer, CustomerType, NewCustomer
from chalicelib.platform.http import ApiBlueprint, Reply
from chalicelib.shared.redaction import hidden_fields
from chalicelib.shared.schema import Schema
from chalicelib.shared.tenant import SUBSIDIARY_ROLES, Role, TenantContext

api = ApiBlueprint(__name__, tag="customers")

REGISTRARS = (Role.LOAN_OFFICER, Role.TENANT_ADMIN)


class RelatedPartyView(Schema):
    relation: str
    customer_id: str


class CustomerView(Schema):
    id: str
    type: str
    name: str
    identity_type: str
    identity_masked: str = Field(description="e.g. ****************3X for a resident ID; the number itself is never stored")
    identity_hash: str = Field(description="Keyed hash: the group-wide customer identity")
    contact: dict
    industry: str | None
    region: str | None
    verification_level: str
    established_on: date | None
    annual_income: str | None
    is_core_enterprise: bool
    related_parties: list[RelatedPartyView]

    @classmethod
    def of(cls, c: Customer, hidden: set[str] | frozenset[str] = frozenset()) -> "CustomerView":
        """The customer, without the ``profile`` fields the redaction table hides from the caller."""
        return cls(id=c.customer_id, type=c.type.value, name=c.name, identity_type=c.identity_type.value,
                   identity_masked=c.identity_masked, identity_hash=c.identity_hash,
                   contact={} if "contact" in hidden else c.contact,
                   industry=c.industry, region=c.region, verification_level=c.verification_level.value,
                   established_on=c.established_on, annual_income=None if "annual_income" in hidden else c.annual_income,
                   is_core_enterprise=c.is_core_enterprise,
                   related_parties=[RelatedPartyView(relation=p.relation.value, customer_id=p.customer_id)
                                    for p in c.related_parties])


class CustomerPage(Schema):
    items: list[CustomerView]
    next: str | None = None


class CustomerQuery(Schema):
    type: CustomerType | None = None
    core_enterprise: bool = False
    limit: int = Field(default=50, ge=1, le=200)
    next: str | None = None


@api.route("/v1/customers", "POST", roles=REGISTRARS, body=NewCustomer, response=CustomerView, status=201,
           error_scope="customers", scopes=("customers:write",))
def register_customer(ctx: TenantContext, body: NewCustomer) -> Reply:
    """Register an individual or enterprise customer (identity validated, hashed and masked).

    Idempotent per identity: 201 with the new customer, or 200 with the tenant's existing customer
    holding that identity (the rest of the body is not applied to it)."""
    registered = service.register_customer(ctx, body, wiring.customers(), wiring.identity_key(ctx))
    return Reply(CustomerView.of(registered.customer), 201 if registered.created else 200)


@api.route("/v1/customers", "GET", roles=SUBSIDIARY_ROLES, query=CustomerQuery, response=CustomerPage, scopes=("customers:write",))
def list_customers(ctx: TenantContext, query: CustomerQuery) -> CustomerPage:
    """This tenant's customers, newest first."""
    items, nxt = service.list_customers(ctx, wiring.customers(), query.next, query.limit, query.type,
                                        query.core_enterprise)
    hidden = hidden_fields(ctx.roles, "profile")
    return CustomerPage(items=[CustomerView.of(c, hidden) for c in items], next=nxt)


@api.route("/v1/customers/{customer_id}", "GET", roles=SUBSIDIARY_ROLES, response=CustomerView, scopes=("customers:write",))
def get_customer(ctx: TenantContext, customer_id: str) -> CustomerView:
    """One customer of this tenant (404 for any other tenant's)."""
    return CustomerView.of(service.get_customer(ctx, customer_id, wiring.customers()), hidden_fields(ctx.roles, "profile"))
