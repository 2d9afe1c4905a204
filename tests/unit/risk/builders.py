"""Builders for exposures and consolidations in unit tests (no AWS)."""
from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

from chalicelib.risk.exposures import Exposure, FiveCategory, ProductKind, RelatedParty, Relation

AS_OF = date(2026, 6, 30)


def h(name: str) -> str:
    """A stand-in identity hash for a named party."""
    return hashlib.sha256(name.encode()).hexdigest()


_seq = iter(range(1, 10**9))


def exposure(sub: str = "sub-a", who: str = "acme", principal: str = "100.00", *, interest: str = "0.00",
             undrawn: str = "0.00", dpd: int = 0, kind: ProductKind = ProductKind.LOAN, currency: str = "CNY",
             related: tuple[tuple[str, str], ...] = (), classification: FiveCategory | None = None,
             contract: str | None = None, industry: str | None = "C34", region: str | None = "310000",
             label: str | None = None, customer_type: str = "enterprise", related_party: bool = False,
             figures_on: date | None = AS_OF) -> Exposure:
    return Exposure(
        subsidiary_id=sub, contract_id=contract or f"K-{next(_seq)}", customer_hash=h(who), product_kind=kind,
        currency=currency, outstanding_principal=Decimal(principal), accrued_interest=Decimal(interest),
        undrawn_commitment=Decimal(undrawn), days_past_due=dpd, classification=classification,
        customer_type=customer_type, customer_label=label if label is not None else who, industry=industry,
        region=region, related_parties=tuple(RelatedParty(Relation(r), h(o)) for r, o in related),
        group_related_party=related_party, figures_on=figures_on,
    )
