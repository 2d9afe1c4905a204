"""Customers in DynamoDB. Each identity hash is claimed by one customer per tenant, in the same
transaction that creates the customer, so two concurrent registrations of one person cannot both win."""
from __future__ import annotations

import json
from datetime import date

from pynamodb.attributes import BooleanAttribute, UnicodeAttribute
from pynamodb.exceptions import TransactWriteError

from chalicelib.platform import keys
from chalicelib.platform.dynamo import TenantModel, transaction
from chalicelib.platform.repository import TenantRepository
from chalicelib.shared.errors import Conflict
from chalicelib.shared.identity import IdentityType
from chalicelib.shared.tenant import TenantContext
from chalicelib.origination.customers.domain import Customer, CustomerType, RelatedParty, Relation, VerificationLevel


class CustomerRecord(TenantModel):
    customer_id = UnicodeAttribute()
    type = UnicodeAttribute()
    name = UnicodeAttribute()
    identity_type = UnicodeAttribute()
    identity_hash = UnicodeAttribute()
    identity_masked = UnicodeAttribute()
    contact = UnicodeAttribute(default="{}")
    industry = UnicodeAttribute(null=True)
    region = UnicodeAttribute(null=True)
    verification_level = UnicodeAttribute()
    birth_on = UnicodeAttribute(null=True)
    established_on = UnicodeAttribute(null=True)
    annual_income = UnicodeAttribute(null=True)
    is_core_enterprise = BooleanAttribute(default=False)
    related_parties = UnicodeAttribute(default="[]")
    customer_id_ref = UnicodeAttribute(null=True)  # on identity claims: the customer holding it


def _to_domain(r: CustomerRecord) -> Customer:
    return Customer(
        customer_id=r.customer_id, type=CustomerType(r.type), name=r.name, identity_type=IdentityType(r.identity_type),
        identity_hash=r.identity_hash, identity_masked=r.identity_masked, contact=json.loads(r.contact),
        industry=r.industry, region=r.region, verification_level=VerificationLevel(r.verification_level),
        birth_on=date.fromisoformat(r.birth_on) if r.birth_on else None,
        established_on=date.fromisoformat(r.established_on) if r.established_on else None,
        annual_income=r.annual_income, is_core_enterprise=bool(r.is_core_enterprise),
        related_parties=tuple(RelatedParty(Relation(p["relation"]), p["customer_id"], p["identity_hash"])
                              for p in json.loads(r.related_parties)),
    )


class Customers(TenantRepository[CustomerRecord]):
    record = CustomerRecord
    aggregate = "CUSTOMER"

    def add(self, ctx: TenantContext, c: Customer) -> Customer:
        model = self.model(ctx)
        record = self.new(
            ctx, c.customer_id, list_sk=c.customer_id,
            GSI2PK=keys.partition(ctx.tenant_id, "CUSTOMER_BY_TYPE", c.type.value), GSI2SK=c.customer_id,
            customer_id=c.customer_id, type=c.type.value, name=c.name, identity_type=c.identity_type.value,
            identity_hash=c.identity_hash, identity_masked=c.identity_masked, contact=json.dumps(c.contact),
            industry=c.industry, region=c.region, verification_level=c.verification_level.value,
            birth_on=c.birth_on.isoformat() if c.birth_on else None,
            established_on=c.established_on.isoformat() if c.established_on else None,
            annual_income=c.annual_income, is_core_enterprise=c.is_core_enterprise,
            related_parties=json.dumps([{"relation": p.relation.value, "customer_id": p.customer_id,
                                         "identity_hash": p.identity_hash} for p in c.related_parties]),
        )
        claim = model(PK=keys.partition(ctx.tenant_id, "CUSTOMER_IDENTITY", c.identity_hash), SK="ROOT",
                      entity="customer_identity", customer_id=c.customer_id, type=c.type.value, name="-",
                      identity_type=c.identity_type.value, identity_hash=c.identity_hash, identity_masked="-",
                      verification_level="-", customer_id_ref=c.customer_id)
        try:
            with transaction(ctx) as tx:
                tx.save(record, condition=model.PK.does_not_exist())
                tx.save(claim, condition=model.PK.does_not_exist())
        except TransactWriteError as exc:
            raise Conflict("origination.customer.exists", "a customer with this identity already exists") from exc
        return c

    def find(self, ctx: TenantContext, customer_id: str) -> Customer | None:
        r = self.get(ctx, customer_id)
        return _to_domain(r) if r is not None else None

    def find_by_identity(self, ctx: TenantContext, identity_hash: str) -> str | None:
        model = self.model(ctx)
        try:
            claim = model.get(keys.partition(ctx.tenant_id, "CUSTOMER_IDENTITY", identity_hash), "ROOT")
        except model.DoesNotExist:
            return None
        return claim.customer_id_ref

    def list_page(self, ctx: TenantContext, cursor: str | None, limit: int, type_: CustomerType | None = None,
                  core_only: bool = False) -> tuple[list[Customer], str | None]:
        model = self.model(ctx)
        condition = None
        if type_ is not None:
            condition = model.type == type_.value
        if core_only:
            condition = (model.is_core_enterprise == True) if condition is None else condition & (model.is_core_enterprise == True)  # noqa: E712
        records, nxt = self.page(ctx, cursor, limit, filter_condition=condition)
        return [_to_domain(r) for r in records], nxt

    def set_verification_level(self, ctx: TenantContext, customer_id: str, level: VerificationLevel) -> Customer:
        record = self.get(ctx, customer_id)
        if record is None:
            raise Conflict("origination.customer.changed", "the customer was removed meanwhile")
        record.verification_level = level.value
        self.save(ctx, record, "origination.customer.changed")
        return _to_domain(record)
