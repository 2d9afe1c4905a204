"""The one redaction table for customer data: which field paths each role may NOT see.

The customer 360 (``customers.profile360``) and the plain customer read (``origination.customers.api``)
both apply it, so a collector sees no income anywhere. A path is ``section`` or ``section.field``; the
plain read is the 360's ``profile`` section. A path not listed for a role is visible to it.
"""
from __future__ import annotations

from chalicelib.shared.tenant import Role

HIDDEN: dict[Role, frozenset[str]] = {
    Role.COLLECTOR: frozenset({"profile.annual_income", "applications.documents", "verification.evidence",
                               "grades", "consents", "sister_relationships"}),
    Role.VIEWER: frozenset({"profile.contact", "profile.annual_income", "applications.documents",
                            "verification.evidence", "collection_actions"}),
    Role.FINANCE: frozenset({"profile.annual_income", "applications.documents", "verification.evidence"}),
}


def hidden_for(roles: frozenset[Role]) -> set[str]:
    """The paths hidden from a caller: hidden only if hidden from every role it holds."""
    sets = [HIDDEN.get(r, frozenset()) for r in roles]
    return set(frozenset.intersection(*sets)) if sets else set()


def hidden_fields(roles: frozenset[Role], section: str) -> set[str]:
    """The fields of one section hidden from a caller (``profile`` → {"annual_income", ...})."""
    prefix = section + "."
    return {p[len(prefix):] for p in hidden_for(roles) if p.startswith(prefix)}
