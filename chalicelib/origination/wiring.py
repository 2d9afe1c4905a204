"""Origination's adapters, imported on first use (short cold starts).

Use cases take their repositories and gateways as keyword arguments and fall back to these, so tests
can pass in-memory twins while the app runs on DynamoDB, S3 and the product factory.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chalicelib.origination.applications.catalog import ProductFactoryCatalog
    from chalicelib.origination.applications.esign import LocalSignatureProvider
    from chalicelib.origination.applications.storage import S3DocumentStorage
    from chalicelib.origination.applications.store import Applications
    from chalicelib.origination.blacklist.store import Blacklist
    from chalicelib.origination.customers.store import Customers
    from chalicelib.origination.debtors.store import DebtorUsers
    from chalicelib.shared.tenant import TenantContext


def identity_key(ctx: "TenantContext") -> str:
    """The key this tenant's identity numbers are hashed with: its holding group's (shared by its
    sisters, so HQ joins on it), or its own when it stands alone."""
    from chalicelib.platform.settings import identity_hash_key

    return identity_hash_key(ctx.group_id or ctx.tenant_id)


@lru_cache(maxsize=1)
def customers() -> "Customers":
    from chalicelib.origination.customers.store import Customers

    return Customers()


@lru_cache(maxsize=1)
def applications() -> "Applications":
    from chalicelib.origination.applications.store import Applications

    return Applications()


@lru_cache(maxsize=1)
def products() -> "ProductFactoryCatalog":
    from chalicelib.origination.applications.catalog import ProductFactoryCatalog

    return ProductFactoryCatalog()


@lru_cache(maxsize=1)
def documents() -> "S3DocumentStorage":
    from chalicelib.origination.applications.storage import S3DocumentStorage

    return S3DocumentStorage()


@lru_cache(maxsize=1)
def signatures() -> "LocalSignatureProvider":
    """The e-signature provider. A licensed one (CFCA …) replaces this line; see docs/esignature.md."""
    from chalicelib.origination.applications.esign import LocalSignatureProvider

    return LocalSignatureProvider()


@lru_cache(maxsize=1)
def blacklist() -> "Blacklist":
    from chalicelib.origination.blacklist.store import Blacklist

    return Blacklist()


@lru_cache(maxsize=1)
def debtor_users() -> "DebtorUsers":
    from chalicelib.origination.debtors.store import DebtorUsers

    return DebtorUsers()
