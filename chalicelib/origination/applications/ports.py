"""What origination needs from outside: products, document storage, e-signature. Protocols only.

The service takes these as arguments; ``wiring`` supplies the real adapters (the product factory's
service, S3, the built-in local signature provider) and tests may pass in-memory twins.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Protocol

from chalicelib.risk.rules import RiskPolicy
from chalicelib.shared.tenant import TenantContext


@dataclass(frozen=True)
class DocumentRequirement:
    code: str
    name: dict[str, str]
    required: bool = True


@dataclass(frozen=True)
class ProductOffer:
    """One version of a product as origination reads it."""

    code: str
    version: int
    kind: str  # loan | lease | factoring
    segment: str  # individual | enterprise
    currency: str
    name: dict[str, str]
    second_review_required: bool
    second_review_above: Decimal | None
    signing_window_days: int
    documents: tuple[DocumentRequirement, ...]
    risk: RiskPolicy
    lease_structure: str | None = None  # direct | sale_and_leaseback
    recourse: bool | None = None
    arrangement: str | None = None  # factoring: standard | reverse
    approved_debtors: tuple[str, ...] = ()
    fees: tuple[dict[str, Any], ...] = ()
    penalty: dict[str, Any] = field(default_factory=dict)
    prepayment: dict[str, Any] = field(default_factory=dict)
    min_verification_level: str | None = None  # the customer's level an application needs

    @property
    def required_documents(self) -> tuple[str, ...]:
        return tuple(d.code for d in self.documents if d.required)


@dataclass(frozen=True)
class PricedOffer:
    """Terms priced on a product version: the version they were checked against, the engine's
    request (defaults filled in), its quote, and how the rate was set."""

    offer: ProductOffer
    terms: dict[str, Any]
    quote: dict[str, Any]
    rate: dict[str, Any]


class ProductCatalog(Protocol):
    def active(self, ctx: TenantContext, code: str) -> ProductOffer:
        """The version new business is written on (404 absent, 409 none active)."""

    def version(self, ctx: TenantContext, code: str, number: int) -> ProductOffer:
        """A pinned version, whatever its status now."""

    def check_terms(self, kind: str, terms: dict[str, Any]) -> None:
        """422 for terms that are malformed or not of this kind (bounds are checked when priced)."""

    def price(self, ctx: TenantContext, code: str, terms: dict[str, Any], today: date) -> PricedOffer:
        """Check ``terms`` against the active version's bounds (422 naming each term) and price them."""


@dataclass(frozen=True)
class UploadTicket:
    url: str
    method: str
    headers: dict[str, str]
    expires_at: datetime


@dataclass(frozen=True)
class StoredObject:
    size: int
    sha256_b64: str | None


class DocumentStorage(Protocol):
    """Objects under ``tenants/<tenant_id>/``, reached with that tenant's (scoped) credentials."""

    def presign_upload(self, tenant_id: str, key: str, content_type: str, size: int, sha256_b64: str,
                       expires_in: int) -> UploadTicket: ...

    def head(self, tenant_id: str, key: str) -> StoredObject | None: ...

    def put(self, tenant_id: str, key: str, body: bytes, content_type: str) -> None:
        """Store bytes with their SHA-256 checksum (S3 verifies it on arrival)."""

    def get(self, tenant_id: str, key: str) -> bytes: ...

    def presign_download(self, tenant_id: str, key: str, expires_in: int) -> str: ...

    def delete(self, tenant_id: str, keys: list[str]) -> None: ...


@dataclass(frozen=True)
class Signer:
    party: str  # customer | lender
    name: str
    identity_masked: str | None = None


@dataclass(frozen=True)
class SignatureEvidence:
    party: str
    name: str
    signed_at: datetime
    document_sha256: str
    provider: str
    evidence: str


class SignatureProvider(Protocol):
    """An e-signature service. ``open_envelope`` sends a contract out for signature; ``sign``
    records (local provider) or verifies and collects (a licensed provider's callback) one signer's
    signature over exactly the document whose SHA-256 is given."""

    name: str

    def open_envelope(self, contract_id: str, document_sha256: str, signers: list[Signer]) -> str: ...

    def sign(self, envelope_id: str, signer: Signer, document_sha256: str, at: datetime) -> SignatureEvidence: ...
