"""Debtor users: created by a tenant admin for a debtor customer; they confirm invoices."""
from __future__ import annotations

from pydantic import ConfigDict, Field

from chalicelib.origination.debtors import service
from chalicelib.platform.http import ApiBlueprint, Reply
from chalicelib.shared.schema import Schema
from chalicelib.shared.tenant import Role, TenantContext

api = ApiBlueprint(__name__, tag="debtors")


class NewDebtorUser(Schema):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=3, max_length=128)
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class DebtorUserView(Schema):
    username: str
    customer_id: str
    temporary_password: str | None = Field(default=None, description="Shown once; changed at first sign-in")


@api.route("/v1/customers/{customer_id}/debtor-users", "POST", roles=(Role.TENANT_ADMIN,), body=NewDebtorUser,
           response=DebtorUserView, status=201, error_scope="origination.debtor_user")
def create_debtor_user(ctx: TenantContext, body: NewDebtorUser, customer_id: str) -> Reply:
    """A console user who confirms, for this debtor customer, the invoices assigned against it."""
    user = service.create_debtor_user(ctx, customer_id, body.username, body.email)
    return Reply(DebtorUserView(username=user.username, customer_id=user.customer_id,
                                temporary_password=user.temporary_password), 201)
