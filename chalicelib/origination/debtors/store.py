"""Which debtor (core-enterprise) customer each debtor console user acts for, per tenant."""
from __future__ import annotations

from pynamodb.attributes import UnicodeAttribute

from chalicelib.platform.dynamo import TenantModel
from chalicelib.platform.repository import TenantRepository
from chalicelib.shared.tenant import TenantContext


class DebtorUserRecord(TenantModel):
    username = UnicodeAttribute()
    customer_id = UnicodeAttribute()


class DebtorUsers(TenantRepository[DebtorUserRecord]):
    record = DebtorUserRecord
    aggregate = "DEBTOR_USER"

    def bind(self, ctx: TenantContext, username: str, customer_id: str) -> None:
        record = self.new(ctx, username, customer_id=customer_id, username=username)
        self.create(ctx, record, "origination.debtor_user.exists")

    def unbind(self, ctx: TenantContext, username: str) -> None:
        r = self.get(ctx, username)
        if r is not None:
            r.delete()

    def customer_of(self, ctx: TenantContext, username: str) -> str | None:
        r = self.get(ctx, username)
        return r.customer_id if r is not None else None
