"""Debtor (core-enterprise) users: console users of a debtor customer who confirm the invoices
assigned against it. Each is a Cognito user with the ``debtor`` role, bound to this tenant, plus a
tenant item naming the customer it acts for."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from chalicelib import bootstrap
from chalicelib.origination import wiring
from chalicelib.origination.customers.domain import CustomerType
from chalicelib.shared.errors import Conflict, Forbidden, RuleViolation
from chalicelib.shared.tenant import Role, TenantContext

if TYPE_CHECKING:
    from chalicelib.origination.customers.store import Customers
    from chalicelib.origination.debtors.store import DebtorUsers
    from chalicelib.tenancy.identity import CognitoDirectory

USERNAME = re.compile(r"^[A-Za-z0-9._@+-]{3,128}$")


@dataclass(frozen=True)
class DebtorUser:
    username: str
    customer_id: str
    temporary_password: str | None


def create_debtor_user(ctx: TenantContext, customer_id: str, username: str, email: str | None = None,
                       password: str | None = None, *, customers: "Customers | None" = None,
                       debtors: "DebtorUsers | None" = None,
                       directory: "CognitoDirectory | None" = None) -> DebtorUser:
    """A console user for debtor ``customer_id`` (an enterprise customer of this tenant).

    Without ``password`` the user gets a temporary one, shown once, to change at first sign-in.
    """
    customers = customers or wiring.customers()
    debtors = debtors or wiring.debtor_users()
    directory = directory or bootstrap.user_directory()
    if not USERNAME.match(username or ""):
        raise RuleViolation("origination.debtor_user.username.invalid",
                            "a username has 3 to 128 letters, digits or . _ @ + -", {"field": "username"})
    customer = customers.find(ctx, customer_id)
    if customer is None:
        from chalicelib.shared.errors import NotFound

        raise NotFound("origination.customer.not_found", "customer not found", {"customer_id": customer_id})
    if customer.type is not CustomerType.ENTERPRISE:
        raise RuleViolation("origination.debtor_user.not_enterprise", "only an enterprise confirms invoices",
                            {"customer_id": customer_id})
    if directory.user_exists(username):
        raise Conflict("tenancy.user.exists", f"user {username} already exists", {"username": username})
    debtors.bind(ctx, username, customer_id)
    try:
        created = directory.create_user(username, ctx.tenant_id, [Role.DEBTOR], email=email, password=password,
                                        permanent=password is not None)
    except Exception:
        debtors.unbind(ctx, username)
        raise
    return DebtorUser(username, customer_id, created.temporary_password)


def debtor_customer(ctx: TenantContext, debtors: "DebtorUsers | None" = None) -> str:
    """The debtor customer a debtor user acts for (403 if the user is bound to none)."""
    customer_id = (debtors or wiring.debtor_users()).customer_of(ctx, ctx.username)
    if customer_id is None:
        raise Forbidden("origination.debtor_user.unbound", "this user does not act for a debtor here")
    return customer_id
