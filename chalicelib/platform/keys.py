"""Key builders: the one place a DynamoDB key is spelled.

Every partition key (table and index) starts with ``T#<tenant_id>#``. Repositories build keys only
through these functions, with the tenant taken from the verified ``TenantContext``.
"""
from __future__ import annotations

import re

_TENANT_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")
SEP = "#"


def valid_tenant_id(tenant_id: str) -> bool:
    return bool(_TENANT_ID.match(tenant_id))


def tenant_prefix(tenant_id: str) -> str:
    if not valid_tenant_id(tenant_id):
        # A tenant id is never user-supplied free text by the time it reaches here; refuse anything
        # that could smuggle a separator into a key.
        raise ValueError(f"invalid tenant id {tenant_id!r}")
    return f"T{SEP}{tenant_id}{SEP}"


def partition(tenant_id: str, *parts: str) -> str:
    """``T#<tenant>#<part>#<part>`` — a tenant-scoped partition key."""
    for p in parts:
        if SEP in p:
            raise ValueError(f"key part {p!r} contains {SEP!r}")
    return tenant_prefix(tenant_id) + SEP.join(parts)


def sort(*parts: str) -> str:
    return SEP.join(parts)
