"""The system contexts group risk acts under: HQ's own, and one subsidiary's read-only one for its extract.

No request carries these: they are built from the tenant registry for the consolidation's steps and
for limit reservations, and each names who it acts for, so the records it writes say so.
"""
from __future__ import annotations

from chalicelib.shared.errors import NotFound, RuleViolation
from chalicelib.shared.tenant import TenantContext, TenantKind

SYSTEM_USER = "system:group-consolidation"


def _lookup(tenant_id: str):
    from chalicelib.tenancy.service import lookup_tenant

    return lookup_tenant(tenant_id)


def group_context(group_id: str, acting_for: str = SYSTEM_USER) -> TenantContext:
    """HQ's context: writes only in the group's own partition."""
    info = _lookup(group_id)
    if info is None or info.kind is not TenantKind.GROUP:
        raise NotFound("risk.group.not_found", "holding group not found", {"group_id": group_id})
    return _acting(group_id, acting_for)


def subsidiary_context(subsidiary_id: str, group_id: str) -> TenantContext:
    """A subsidiary's context for its extract, refused unless it belongs to ``group_id``.

    In AWS the extract's reads go out under the data-access role narrowed by
    ``isolation.tenant_session_policy(subsidiary_id, ..., read_only=True)``; this is the key side of it.
    """
    info = _lookup(subsidiary_id)
    if info is None or not info.kind.is_subsidiary or info.group_id != group_id:
        raise RuleViolation("risk.extract.not_a_subsidiary", "not a subsidiary of this group",
                            {"subsidiary_id": subsidiary_id})
    return _acting(subsidiary_id, SYSTEM_USER)


def _acting(tenant_id: str, user: str) -> TenantContext:
    from chalicelib.tenancy.service import system_context

    ctx = system_context(tenant_id, user)
    if ctx is None:  # looked up a moment ago: only a tenant removed in between
        raise NotFound("risk.tenant.not_found", "tenant not found", {"tenant_id": tenant_id})
    return ctx


def group_of(ctx: TenantContext) -> str:
    """The holding group a subsidiary's caller belongs to (from its verified context, never from input)."""
    if not ctx.kind.is_subsidiary or not ctx.group_id:
        raise RuleViolation("risk.reservation.not_a_subsidiary", "only a subsidiary of a group reserves group limits")
    return ctx.group_id
