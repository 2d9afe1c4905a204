"""Who is calling: the tenant and roles resolved once from the verified token, carried explicitly."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class TenantKind(str, Enum):
    PLATFORM = "platform"
    GROUP = "group"
    LENDING = "lending"
    LEASING = "leasing"
    FACTORING = "factoring"
    GUARANTEE = "guarantee"

    @property
    def is_subsidiary(self) -> bool:
        return self not in (TenantKind.PLATFORM, TenantKind.GROUP)


class Role(str, Enum):
    PLATFORM_ADMIN = "platform-admin"
    GROUP_ADMIN = "group-admin"
    GROUP_RISK = "group-risk"
    TENANT_ADMIN = "tenant-admin"
    PRODUCT_MANAGER = "product-manager"
    LOAN_OFFICER = "loan-officer"
    FIRST_REVIEWER = "first-reviewer"
    SECOND_REVIEWER = "second-reviewer"
    FINANCE = "finance"
    COLLECTOR = "collector"
    VIEWER = "viewer"
    DEBTOR = "debtor"


PLATFORM_ROLES = (Role.PLATFORM_ADMIN,)
GROUP_ROLES = (Role.GROUP_ADMIN, Role.GROUP_RISK)
SUBSIDIARY_ROLES = (
    Role.TENANT_ADMIN,
    Role.PRODUCT_MANAGER,
    Role.LOAN_OFFICER,
    Role.FIRST_REVIEWER,
    Role.SECOND_REVIEWER,
    Role.FINANCE,
    Role.COLLECTOR,
    Role.VIEWER,
)
ALL_ROLES = tuple(Role)


def roles_for_kind(kind: TenantKind) -> tuple[Role, ...]:
    """The staff roles a tenant of this kind has (one demo user each)."""
    if kind is TenantKind.PLATFORM:
        return PLATFORM_ROLES
    if kind is TenantKind.GROUP:
        return GROUP_ROLES
    return SUBSIDIARY_ROLES


@dataclass(frozen=True)
class TenantContext:
    """The verified caller. Built only by the auth layer from token claims and the tenant registry."""

    tenant_id: str
    kind: TenantKind
    user_id: str  # Cognito `sub`: stable, never reused
    username: str
    roles: frozenset[Role] = field(default_factory=frozenset)
    group_id: str | None = None  # the holding group a subsidiary belongs to (itself for a group)
    isolation: str = "pool"  # "pool" (shared table) or "silo" (own table)
    # A partner's machine client (OAuth 2.0 client credentials): its Cognito app client id and the
    # scopes its token carries. Staff callers have neither; machine callers hold no roles.
    client_id: str | None = None
    scopes: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_machine(self) -> bool:
        return self.client_id is not None

    def has_any(self, roles: tuple[Role, ...] | frozenset[Role]) -> bool:
        return bool(self.roles.intersection(roles))
