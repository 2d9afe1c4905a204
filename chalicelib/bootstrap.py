"""The one place concrete adapters are wired to use cases.

Routes ask here for repositories and gateways. Adapters (PynamoDB, boto3, Stripe) are imported on
first use, so a cold start loads only what the first request needs.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable

from chalicelib.platform import effects
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


class _MerchantEvents:
    """Payments' outbox of merchant webhook events, for origination and servicing."""

    def publish(self, ctx: TenantContext, event_type: str, data: dict[str, Any], *, source_id: str) -> None:
        from chalicelib.payments import webhooks_out

        webhooks_out.publish(ctx, event_type, data, source_id=source_id)


class _Clearing:
    """Payments' clearing register, for servicing's disbursements and offline repayments."""

    def register(self, ctx: TenantContext, *, direction: str, **movement: Any) -> dict[str, Any]:
        from chalicelib.payments import clearing
        from chalicelib.payments.domain import Direction

        return clearing.register(ctx, direction=Direction(direction), **movement)


class _CustomerRegistry:
    """Origination's customer registry, for credit (which origination draws on)."""

    def get(self, ctx: TenantContext, customer_id: str) -> Any:
        from chalicelib.origination import wiring
        from chalicelib.origination.customers.service import get_customer

        return get_customer(ctx, customer_id, wiring.customers())


class _OffBalance:
    """Credit's unused commitments, for the ledger's memorandum rows."""

    def commitments(self, ctx: TenantContext, as_of: date) -> dict[str, dict[str, Any]]:
        from chalicelib.credit.service import commitments

        return commitments(ctx, as_of)


class _PreApprovals:
    """The customers context's whitelist runs, for origination's fast path (``customers`` reads origination)."""

    def fast_path(self, ctx: TenantContext, customer_id: str, product_code: str, amount: Decimal,
                  currency: str | None) -> dict[str, Any] | None:
        from chalicelib.customers import whitelists

        return whitelists.fast_path(ctx, customer_id, product_code, amount, currency)


class _Relationships:
    """The customers context's relationship card in HQ's directory, for servicing's disbursements and repayments."""

    def changed(self, ctx: TenantContext, customer_id: str) -> None:
        from chalicelib.customers.group import publish_card

        publish_card(ctx, customer_id)


clock.use(calendar=_BusinessCalendar())
effects.use(events=_MerchantEvents(), clearing=_Clearing(), customers=_CustomerRegistry(), off_balance=_OffBalance(),
            pre_approvals=_PreApprovals(), relationships=_Relationships())
