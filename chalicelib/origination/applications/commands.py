"""What callers ask origination to do: validated input models (pydantic), one per command.

Amounts are decimal strings (a JSON number with a fraction is refused: it is already a float).
The terms of ``OpenApplication`` may come nested under ``terms`` or at the top level beside
``product_code`` and ``customer_id``; they are the product quote's terms (``principal``, ``term``,
``frequency``, ``annual_rate`` or ``spread_bps``, …) and are checked against the product at submission.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import ConfigDict, Field, model_validator

from chalicelib.shared.ids import ResourceId
from chalicelib.origination.applications.domain import Decision
from chalicelib.shared.schema import Schema, decimal_string

# Amounts an officer enters: unsigned, up to 15 digits and 6 places.
Money = decimal_string(example="250000.00", signed=False, whole_digits=15, places=6)

# The product quote's terms (chalicelib.products.pricing.QuoteTerms), accepted at the top level too.
TERM_FIELDS = frozenset({
    "start_date", "principal", "term", "frequency", "amortization", "day_count", "annual_rate", "spread_bps",
    "first_due_date", "grace_on_principal", "grace_on_interest", "balloon_rate", "prepayment", "timing",
    "residual_value", "security_deposit", "down_payment", "advance_rate", "grace_days", "interest_collection",
})


class LeasedAssetIn(Schema):
    model_config = ConfigDict(extra="forbid")

    description: str = Field(min_length=1, max_length=300)
    supplier: str = Field(min_length=1, max_length=200)
    price: Money
    serial: str | None = Field(default=None, max_length=100)
    quantity: int = Field(default=1, ge=1, le=10000)


class InvoiceIn(Schema):
    model_config = ConfigDict(extra="forbid")

    number: str = Field(min_length=1, max_length=64)
    debtor_customer_id: ResourceId = Field(description="The debtor: an enterprise customer here")
    face_amount: Money
    issue_date: date
    due_date: date

    @model_validator(mode="after")
    def _dates_in_order(self) -> "InvoiceIn":
        if self.due_date < self.issue_date:
            raise ValueError("due_date is before issue_date")
        return self


def _lift_terms(data: Any) -> Any:
    if not isinstance(data, dict):
        return data
    lifted = {k: v for k, v in data.items() if k in TERM_FIELDS}
    if "amount" in data and "principal" not in data:
        lifted["principal"] = data["amount"]
    if not lifted:
        return data
    rest = {k: v for k, v in data.items() if k not in TERM_FIELDS and k != "amount"}
    return {**rest, "terms": {**(data.get("terms") or {}), **lifted}}


class OpenApplication(Schema):
    """``POST /v1/applications``."""

    model_config = ConfigDict(extra="forbid")

    product_code: str = Field(pattern=r"^[A-Z][A-Z0-9_-]{1,39}$")
    customer_id: ResourceId
    terms: dict[str, Any] = Field(default_factory=dict, description="the product quote's terms")
    lease_structure: Literal["direct", "sale_and_leaseback"] | None = None
    assets: list[LeasedAssetIn] = Field(default_factory=list, max_length=50)
    invoices: list[InvoiceIn] = Field(default_factory=list, max_length=40)
    facility_id: ResourceId | None = Field(default=None, description="the credit facility it draws on")

    @model_validator(mode="before")
    @classmethod
    def _terms_at_the_top_level(cls, data: Any) -> Any:
        return _lift_terms(data)


class ChangeApplication(Schema):
    """``PATCH /v1/applications/{id}`` (draft or returned): ``terms`` merge into the current terms
    (``null`` removes one); ``assets`` and ``invoices`` replace the current lists."""

    model_config = ConfigDict(extra="forbid")

    terms: dict[str, Any] | None = None
    lease_structure: Literal["direct", "sale_and_leaseback"] | None = None
    assets: list[LeasedAssetIn] | None = Field(default=None, max_length=50)
    invoices: list[InvoiceIn] | None = Field(default=None, max_length=40)

    @model_validator(mode="before")
    @classmethod
    def _terms_at_the_top_level(cls, data: Any) -> Any:
        return _lift_terms(data)


class ReviewDecision(Schema):
    model_config = ConfigDict(extra="forbid")

    decision: Decision
    note: str | None = Field(default=None, max_length=2000, description="required to reject or return")


class Withdrawal(Schema):
    model_config = ConfigDict(extra="forbid")

    reason: str | None = Field(default=None, max_length=2000)


ALLOWED_CONTENT_TYPES = ("application/pdf", "image/jpeg", "image/png", "image/tiff", "application/ofd",
                         "application/zip", "text/plain")
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


class RequestUpload(Schema):
    """``POST /v1/applications/{id}/documents``: what will be uploaded, so S3 can hold the upload to it."""

    model_config = ConfigDict(extra="forbid")

    type: str = Field(pattern=r"^[A-Z][A-Z0-9_-]{0,39}$", description="a checklist code of the product, or OTHER")
    file_name: str = Field(min_length=1, max_length=200)
    content_type: Literal[ALLOWED_CONTENT_TYPES]  # type: ignore[valid-type]
    size: int = Field(ge=1, le=MAX_DOCUMENT_BYTES)
    sha256: str = Field(pattern=r"^[0-9a-fA-F]{64}$", description="hex SHA-256 of the file")


class ConfirmInvoice(Schema):
    """A debtor user confirms (or disputes) an invoice; staff record it only with an evidence document."""

    model_config = ConfigDict(extra="forbid")

    decision: Literal["confirm", "dispute"] = "confirm"
    note: str | None = Field(default=None, max_length=2000)
    evidence_document_id: str | None = None


class SignContract(Schema):
    model_config = ConfigDict(extra="forbid")

    document_sha256: str | None = Field(default=None, pattern=r"^[0-9a-fA-F]{64}$",
                                        description="the digest the signer saw; refused if it is not the contract's")
