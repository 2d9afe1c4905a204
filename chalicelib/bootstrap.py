"""The one place concrete adapters are wired to use cases.

Routes ask here for repositories and gateways. Adapters (PynamoDB, boto3, Stripe) are imported on
first use, so a cold start loads only what the first request needs.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from chalicelib.shared import clock
from chalicelib.shared.tenant import TenantContext

if TYPE_CHECKING:
    from chalicelib.tenancy.identity import CognitoDirectory
    from chalicelib.tenancy.store import TenantRegistry


@lru_cache(maxsize=1)
def tenant_registry() -> "TenantRegistry":
    from chalicelib.tenancy.store import TenantRegistry

    return TenantRegistry()


def user_directory() -> "CognitoDirectory":
    from chalicelib.tenancy.identity import CognitoDirectory

    return CognitoDirectory()  # reads the pool id from settings each time (tests swap stacks)


def silo_table_provisioner() -> Callable[[str], object]:
    """Creates a silo tenant's own table from the shared table definition."""
    from chalicelib.platform.dynamo import table_name_for
    from chalicelib.platform.tables import ensure_table

    return lambda tenant_id: ensure_table(table_name_for("silo", tenant_id))


class _BusinessCalendar:
    """The closing context's calendar behind ``shared.clock``'s port, imported on first use."""

    def business_date(self, ctx: TenantContext) -> date:
        from chalicelib.closing.service import TenantCalendar

        return TenantCalendar().business_date(ctx)


clock.use(calendar=_BusinessCalendar())
