"""Exposures: what one subsidiary owes HQ about one contract, and the port HQ's extract reads them from.

Pure: no AWS. An ``Exposure`` is one contract in force as its subsidiary sees it on a date — amounts
outstanding, days past due, the subsidiary's own classification and the customer's group identity
(the keyed hash of the USCC / ID number, never the number). Servicing keeps one per contract up to
date (``risk.store.upsert_exposure``); the consolidation's extract step reads them through
``ExposureSource`` and writes them to S3, where HQ's steps read them.

On the wire and in files every amount is a decimal string; in code a ``Decimal``.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, Iterable, Protocol

from chalicelib.shared.money import currency_code, decimal_from
from chalicelib.shared.tenant import TenantContext

ZERO = Decimal(0)
HASH_PATTERN = re.compile(r"^[0-9a-f]{64}$")


class ProductKind(str, Enum):
    LOAN = "loan"
    LEASE = "lease"
    FACTORING = "factoring"
    GUARANTEE = "guarantee"


class Relation(str, Enum):
    """How a connected party relates to the customer (as declared in origination)."""

    PARENT = "parent"
    SHAREHOLDER = "shareholder"
    GUARANTOR = "guarantor"
    SUBSIDIARY = "subsidiary"


class FiveCategory(str, Enum):
    """五级分类, best to worst. The last three are non-performing (NPL)."""

    NORMAL = "normal"  # 正常
    SPECIAL_MENTION = "special_mention"  # 关注
    SUBSTANDARD = "substandard"  # 次级
    DOUBTFUL = "doubtful"  # 可疑
    LOSS = "loss"  # 损失

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def is_npl(self) -> bool:
        return self.rank >= 2

    @property
    def label_zh(self) -> str:
        return _ZH[self]


_RANK = {c: i for i, c in enumerate(FiveCategory)}
_ZH = {FiveCategory.NORMAL: "正常", FiveCategory.SPECIAL_MENTION: "关注", FiveCategory.SUBSTANDARD: "次级",
       FiveCategory.DOUBTFUL: "可疑", FiveCategory.LOSS: "损失"}


class ExposureInvalid(ValueError):
    """A projection row that cannot be consolidated as it stands (a permanent extract error)."""


@dataclass(frozen=True)
class RelatedParty:
    relation: Relation
    identity_hash: str


@dataclass(frozen=True)
class Exposure:
    """One contract's exposure in one subsidiary, as of ``figures_on``.

    ``exposure`` (what limits and concentration count) is principal + accrued interest + undrawn
    commitment: an undrawn line can be drawn tomorrow, so it counts in full.
    """

    subsidiary_id: str
    contract_id: str
    customer_hash: str
    product_kind: ProductKind
    currency: str
    outstanding_principal: Decimal
    accrued_interest: Decimal = ZERO
    undrawn_commitment: Decimal = ZERO
    days_past_due: int = 0
    classification: FiveCategory | None = None  # the subsidiary's own, if it classifies
    customer_type: str = "enterprise"  # "enterprise" | "individual"
    customer_label: str = ""  # display name (enterprise name, masked individual name); never an ID number
    industry: str | None = None  # GB/T 4754 code
    region: str | None = None  # administrative division code
    related_parties: tuple[RelatedParty, ...] = field(default_factory=tuple)
    group_related_party: bool = False  # the customer is a related party of the holding group itself (关联方)
    product_code: str | None = None
    figures_on: date | None = None  # the business date the amounts are as of

    @property
    def on_balance(self) -> Decimal:
        return self.outstanding_principal + self.accrued_interest

    @property
    def exposure(self) -> Decimal:
        return self.outstanding_principal + self.accrued_interest + self.undrawn_commitment

    @property
    def is_active(self) -> bool:
        return self.exposure > 0


def check_exposure(e: Exposure) -> Exposure:
    """Refuse a row that would corrupt totals: negative amounts, a malformed hash or currency."""
    if not HASH_PATTERN.match(e.customer_hash):
        raise ExposureInvalid(f"contract {e.contract_id}: customer_hash is not a keyed identity hash")
    if not e.contract_id or "#" in e.contract_id or len(e.contract_id) > 100:
        raise ExposureInvalid(f"contract id {e.contract_id!r} is not valid")
    for name in ("outstanding_principal", "accrued_interest", "undrawn_commitment"):
        value = getattr(e, name)
        if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
            raise ExposureInvalid(f"contract {e.contract_id}: {name} must be a non-negative decimal")
    if e.days_past_due < 0:
        raise ExposureInvalid(f"contract {e.contract_id}: days_past_due cannot be negative")
    currency_code(e.currency)
    for p in e.related_parties:
        if not HASH_PATTERN.match(p.identity_hash):
            raise ExposureInvalid(f"contract {e.contract_id}: a related party's hash is not a keyed identity hash")
    return e


# --- extraction parts ------------------------------------------------------------------------------
#
# A subsidiary too large for one extract is read in ``parts`` independent parts. Every contract has a
# fixed **segment** (0–255, the first byte of the SHA-256 of its contract id): the projection stores it
# in front of the contract id in its list key, so the rows of consecutive segments are one key range
# of the subsidiary's own list. Part ``k`` of ``n`` reads segments [k·256/n, (k+1)·256/n) — a range
# Query no other part touches, with no need to page through the parts before it. The hash spreads
# contracts evenly whatever their ids look like, and a contract never moves: its segment is a fact of
# its id, not of the run.

SEGMENTS = 256


def exposure_segment(contract_id: str) -> int:
    """The contract's fixed segment, 0–255 (stable across processes, unlike ``hash``)."""
    return hashlib.sha256(contract_id.encode("utf-8")).digest()[0]


@dataclass(frozen=True)
class ExtractPart:
    """Part ``part`` (from 0) of the ``parts`` a subsidiary's extraction is split into."""

    part: int = 0
    parts: int = 1

    def __post_init__(self) -> None:
        if not (1 <= self.parts <= SEGMENTS and 0 <= self.part < self.parts):
            raise ValueError(f"extract part {self.part} of {self.parts} is not valid")

    @property
    def whole(self) -> bool:
        return self.parts == 1

    @property
    def first_segment(self) -> int:
        return self.part * SEGMENTS // self.parts

    @property
    def last_segment(self) -> int:
        return (self.part + 1) * SEGMENTS // self.parts - 1

    def holds(self, contract_id: str) -> bool:
        return self.whole or self.first_segment <= exposure_segment(contract_id) <= self.last_segment


def parts_for(exposures: int, per_part: int) -> int:
    """How many parts a subsidiary of about ``exposures`` contracts is read in (1 for a small one)."""
    if per_part < 1:
        raise ValueError("exposures per part must be positive")
    return max(1, min(SEGMENTS, -(-exposures // per_part)))


class ExposureSource(Protocol):
    """Where the extract step reads one subsidiary's exposures (the servicing projection in DynamoDB)."""

    def extract(self, subsidiary: TenantContext, as_of: date, part: ExtractPart | None = None) -> list[Exposure]:
        """The subsidiary's exposures — all of them, or those of one part."""
        ...

    def estimate_count(self, subsidiary: TenantContext) -> int:
        """About how many exposures the subsidiary holds (exact for a small one; sizes the parts)."""
        ...


@dataclass(frozen=True)
class LedgerControlTotals:
    """The subsidiary's books on the date: the GL balances the exposures must tie to."""

    principal: Decimal  # loans + net lease investment + factored receivables
    interest: Decimal  # interest receivable
    currency: str
    source: str = "ledger trial balance"
    # A finance lease's earned, unpaid finance income sits in the net investment (the unearned-income
    # contra shrinks as it is earned), not in interest receivable: the books tie on the sum.
    interest_in_principal: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"principal": format(self.principal, "f"), "interest": format(self.interest, "f"),
                "currency": self.currency, "source": self.source, "interest_in_principal": self.interest_in_principal}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "LedgerControlTotals":
        return cls(Decimal(d["principal"]), Decimal(d["interest"]), d["currency"], d.get("source", ""),
                   bool(d.get("interest_in_principal")))


class ControlTotalsSource(Protocol):
    """The subsidiary's trial-balance control totals — or None, with the reason, when there are none to
    tie to (its ledger holds no contracts yet, or no ledger is deployed)."""

    def control_totals(self, subsidiary: TenantContext, as_of: date) -> tuple[LedgerControlTotals | None, str]: ...


# --- the wire form (extract files, API) -------------------------------------------------------------


def exposure_to_json(e: Exposure) -> dict[str, Any]:
    return {
        "subsidiary_id": e.subsidiary_id, "contract_id": e.contract_id, "customer_hash": e.customer_hash,
        "product_kind": e.product_kind.value, "currency": e.currency,
        "outstanding_principal": format(e.outstanding_principal, "f"),
        "accrued_interest": format(e.accrued_interest, "f"),
        "undrawn_commitment": format(e.undrawn_commitment, "f"),
        "days_past_due": e.days_past_due,
        "classification": e.classification.value if e.classification else None,
        "customer_type": e.customer_type, "customer_label": e.customer_label,
        "industry": e.industry, "region": e.region,
        "related_parties": [{"relation": p.relation.value, "identity_hash": p.identity_hash}
                            for p in e.related_parties],
        "group_related_party": e.group_related_party, "product_code": e.product_code,
        "figures_on": e.figures_on.isoformat() if e.figures_on else None,
    }


def exposure_from_json(d: dict[str, Any]) -> Exposure:
    try:
        return Exposure(
            subsidiary_id=d["subsidiary_id"], contract_id=d["contract_id"], customer_hash=d["customer_hash"],
            product_kind=ProductKind(d["product_kind"]), currency=d["currency"],
            outstanding_principal=decimal_from(d["outstanding_principal"]),
            accrued_interest=decimal_from(d.get("accrued_interest") or "0"),
            undrawn_commitment=decimal_from(d.get("undrawn_commitment") or "0"),
            days_past_due=int(d.get("days_past_due") or 0),
            classification=FiveCategory(d["classification"]) if d.get("classification") else None,
            customer_type=d.get("customer_type") or "enterprise", customer_label=d.get("customer_label") or "",
            industry=d.get("industry"), region=d.get("region"),
            related_parties=tuple(RelatedParty(Relation(p["relation"]), p["identity_hash"])
                                  for p in d.get("related_parties") or ()),
            group_related_party=bool(d.get("group_related_party")), product_code=d.get("product_code"),
            figures_on=date.fromisoformat(d["figures_on"]) if d.get("figures_on") else None,
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise ExposureInvalid(f"exposure row is malformed: {exc}") from exc


@dataclass(frozen=True)
class ExtractTotals:
    """Control totals the extractor computes as it writes, re-checked by the consolidation."""

    count: int
    principal: Decimal
    interest: Decimal
    undrawn: Decimal

    @classmethod
    def of(cls, exposures: Iterable[Exposure]) -> "ExtractTotals":
        n, p, i, u = 0, ZERO, ZERO, ZERO
        for e in exposures:
            n += 1
            p += e.outstanding_principal
            i += e.accrued_interest
            u += e.undrawn_commitment
        return cls(n, p, i, u)

    def to_json(self) -> dict[str, Any]:
        return {"count": self.count, "principal": format(self.principal, "f"), "interest": format(self.interest, "f"),
                "undrawn": format(self.undrawn, "f")}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "ExtractTotals":
        return cls(int(d["count"]), Decimal(d["principal"]), Decimal(d["interest"]), Decimal(d["undrawn"]))

    @classmethod
    def sum(cls, parts: Iterable["ExtractTotals"]) -> "ExtractTotals":
        """The totals of a subsidiary read in parts: every figure adds up."""
        n, p, i, u = 0, ZERO, ZERO, ZERO
        for t in parts:
            n += t.count
            p += t.principal
            i += t.interest
            u += t.undrawn
        return cls(n, p, i, u)
