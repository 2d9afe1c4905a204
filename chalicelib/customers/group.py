"""The group's customer directory: each subsidiary's relationship card, kept in HQ's partition.

A subsidiary publishes a card for a customer whenever something HQ shows changes (a grade run, a
level, a consent, an override): the customer's keyed identity hash, products, exposure, days past due,
grades and consent scopes — never a raw identity number. Cards are written under HQ's own context
(``risk.contexts.group_context``), the group's one channel between tenants, and name who published.

HQ reads every card of a customer (the group 360). A subsidiary asking about its own customer learns
only *which* sisters also serve them, and only from sisters where the customer's consent to
``group_relationships`` is in force; a withdrawal republishes the card, and the sister disappears.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from chalicelib.customers import sources
from chalicelib.customers.domain import ConsentScope
from chalicelib.shared import clock
from chalicelib.shared.errors import NotFound
from chalicelib.shared.tenant import TenantContext

ZERO = Decimal(0)
DIRECTORY = "GROUP_CUSTOMER"


def _group_ctx(ctx: TenantContext) -> TenantContext | None:
    from chalicelib.risk.contexts import group_context

    if not ctx.kind.is_subsidiary or not ctx.group_id:
        return None
    return group_context(ctx.group_id, acting_for=f"system:customer-directory:{ctx.tenant_id}")


def _store():
    from chalicelib.customers import wiring

    return wiring.facts()


def label_of(name: str, customer_type: str) -> str:
    """An enterprise's name; a person's surname and stars (as exposures label individuals)."""
    return name if customer_type == "enterprise" else name[:1] + "*" * max(1, len(name) - 1)


def card_of(ctx: TenantContext, customer_id: str) -> dict[str, Any]:
    """The customer's relationship with this subsidiary, as HQ sees it."""
    from chalicelib.customers import service

    customer = sources.customer(ctx, customer_id)
    contracts = [sources.figures(c) for c in sources.contracts_of(ctx, sources.applications_of(ctx, customer_id))]
    active = [c for c in contracts if c.status == "active"]
    records = service.customer_records(ctx, customer_id)
    grades = service.grades_of(ctx, customer_id, records=records)
    rules = service.rules_in_force(ctx)
    bands = [b.grade for b in rules.value.bands]
    return {
        "subsidiary_id": ctx.tenant_id, "customer_id": customer_id, "identity_hash": customer.identity_hash,
        "label": label_of(customer.name, customer.type.value), "customer_type": customer.type.value,
        "industry": customer.industry, "region": customer.region,
        "verification_level": customer.verification_level.value,
        "value_grade": grades["value_grade"], "activity_grade": grades["activity_grade"],
        "value_rank": bands.index(grades["value_grade"]) if grades["value_grade"] in bands else None,
        "grade_month": grades["month"],
        "products": sorted({c.product_code for c in active}),
        "exposure": format(sum((c.outstanding for c in active), ZERO), "f"),
        "outstanding_principal": format(sum((c.outstanding_principal for c in active), ZERO), "f"),
        "days_past_due": max((c.days_past_due for c in active), default=0),
        "consent_scopes": sorted(service.consent_scopes(ctx, customer_id, records=records)),
        "published_at": clock.now(),
    }


def publish_card(ctx: TenantContext, customer_id: str) -> dict[str, Any] | None:
    """Write the customer's card into HQ's directory (a stand-alone tenant has none)."""
    hq = _group_ctx(ctx)
    if hq is None:
        return None
    card = card_of(ctx, customer_id)
    _store().put(hq, (DIRECTORY, card["identity_hash"]), f"SUB#{ctx.tenant_id}", "group_customer_card", card,
                 list_parts=(DIRECTORY,), list_sk=f"{card['identity_hash']}#{ctx.tenant_id}")
    return card


def cards_of(hq: TenantContext, identity_hash: str) -> list[dict[str, Any]]:
    return list(_store().query(hq, (DIRECTORY, identity_hash), "SUB#"))


def sister_relationships(ctx: TenantContext, customer_id: str) -> list[dict[str, Any]]:
    """Which sister subsidiaries also serve this customer — only where the customer's consent there
    allows the group to share the relationship."""
    hq = _group_ctx(ctx)
    if hq is None:
        return []
    customer = sources.customer(ctx, customer_id)
    return [{"subsidiary_id": c["subsidiary_id"], "since_consent": True}
            for c in cards_of(hq, customer.identity_hash)
            if c["subsidiary_id"] != ctx.tenant_id and ConsentScope.GROUP_RELATIONSHIPS.value in c["consent_scopes"]]


# --- HQ -----------------------------------------------------------------------------------------------


def group_grade(cards: list[dict[str, Any]]) -> str | None:
    """The group relationship's grade: the best value grade the customer holds in any subsidiary
    (as a loyalty tier follows the best status anywhere in the programme)."""
    graded = [c for c in cards if c.get("value_rank") is not None]
    return min(graded, key=lambda c: (c["value_rank"], c["subsidiary_id"]))["value_grade"] if graded else None


def _summary(identity_hash: str, cards: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "identity_hash": identity_hash, "label": cards[0]["label"], "customer_type": cards[0]["customer_type"],
        "subsidiaries": sorted(c["subsidiary_id"] for c in cards),
        "exposure": format(sum((Decimal(c["exposure"]) for c in cards), ZERO), "f"),
        "group_grade": group_grade(cards),
        "consent": {c["subsidiary_id"]: c["consent_scopes"] for c in cards},
        "shares_relationships": any(ConsentScope.GROUP_RELATIONSHIPS.value in c["consent_scopes"] for c in cards),
    }


def group_customers(hq: TenantContext, limit: int = 500) -> list[dict[str, Any]]:
    """HQ's group customers, one row per identity: subsidiaries, total exposure, group grade, consent."""
    by_hash: dict[str, list[dict[str, Any]]] = {}
    for card in _store().listing(hq, (DIRECTORY,), newest_first=False):
        by_hash.setdefault(card["identity_hash"], []).append(card)
    rows = [_summary(h, cs) for h, cs in by_hash.items()]
    rows.sort(key=lambda r: (-len(r["subsidiaries"]), -Decimal(r["exposure"]), r["identity_hash"]))
    return rows[:limit]


def group_customer(hq: TenantContext, identity_hash: str) -> dict[str, Any]:
    """One group customer across subsidiaries: each relationship's products, exposure and grades."""
    cards = cards_of(hq, identity_hash)
    if not cards:
        raise NotFound("customers.group_customer.not_found", "no subsidiary serves this customer",
                       {"identity_hash": identity_hash})
    return {**_summary(identity_hash, cards), "relationships": sorted(cards, key=lambda c: c["subsidiary_id"])}


def subsidiaries(hq: TenantContext) -> list[str]:
    """The group's subsidiaries, from the tenant registry."""
    from chalicelib import bootstrap

    registry = bootstrap.tenant_registry()
    out, cursor = [], None
    while True:
        items, cursor = registry.page_group(hq.tenant_id, cursor, hq)
        out += [t.definition.id for t in items if t.definition.id != hq.tenant_id]
        if not cursor:
            return sorted(out)


def all_cards(hq: TenantContext) -> list[dict[str, Any]]:
    return list(_store().listing(hq, (DIRECTORY,), newest_first=False))
