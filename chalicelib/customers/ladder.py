"""The verification ladder (实名认证等级): which recorded evidence reaches which level, and who may record it.

Pure: no AWS. A customer's level is never typed in: it is derived from the evidence on record, each
level needing all the evidence of the levels below it plus its own::

    visitor ─▶ registered ─▶ phone_verified ─▶ weak_real_name ─▶ strong_real_name
               (registry)    phone confirmed    + ID document      + face match
                                                  checked            (verification provider)
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from pydantic import ConfigDict, Field

from chalicelib.origination.customers.domain import VerificationLevel
from chalicelib.shared.schema import Schema
from chalicelib.shared.tenant import Role


class EvidenceKind(str, Enum):
    PHONE_CONFIRMED = "phone_confirmed"  # a one-time code sent to the customer's phone was confirmed
    ID_DOCUMENT_CHECKED = "id_document_checked"  # the identity document was inspected against the registry
    FACE_MATCHED = "face_matched"  # the verification provider matched a live face to the document photo


# The evidence each level needs, cumulatively (a level needs everything the levels below it need).
LADDER: tuple[tuple[VerificationLevel, frozenset[EvidenceKind]], ...] = (
    (VerificationLevel.PHONE_VERIFIED, frozenset({EvidenceKind.PHONE_CONFIRMED})),
    (VerificationLevel.WEAK_REAL_NAME, frozenset({EvidenceKind.PHONE_CONFIRMED, EvidenceKind.ID_DOCUMENT_CHECKED})),
    (VerificationLevel.STRONG_REAL_NAME, frozenset({EvidenceKind.PHONE_CONFIRMED, EvidenceKind.ID_DOCUMENT_CHECKED,
                                                    EvidenceKind.FACE_MATCHED})),
)

# Who may record each kind of evidence: the staff who meet the customer and check documents.
EVIDENCE_ROLES: dict[EvidenceKind, frozenset[Role]] = {
    EvidenceKind.PHONE_CONFIRMED: frozenset({Role.LOAN_OFFICER, Role.TENANT_ADMIN}),
    EvidenceKind.ID_DOCUMENT_CHECKED: frozenset({Role.LOAN_OFFICER, Role.FIRST_REVIEWER, Role.TENANT_ADMIN}),
    EvidenceKind.FACE_MATCHED: frozenset({Role.LOAN_OFFICER, Role.TENANT_ADMIN}),
}
RECORDERS: tuple[Role, ...] = tuple(sorted({r for rs in EVIDENCE_ROLES.values() for r in rs}, key=lambda r: r.value))


class EvidenceIn(Schema):
    """``POST /v1/customers/{id}/verification/evidence``.

    ``phone_confirmed`` names the phone and the code's reference; ``id_document_checked`` the document
    type and the check's reference; ``face_matched`` the captured selfie and document photo (the
    verification provider is asked, and only its passing answer becomes evidence)."""

    model_config = ConfigDict(extra="forbid")

    kind: EvidenceKind
    reference: str = Field(min_length=1, max_length=120, pattern=r"^\S.*$", description="the OTP session, document check or capture id")
    document_type: str | None = Field(default=None, max_length=40, description="id_document_checked: e.g. resident_id")
    selfie_ref: str | None = Field(default=None, max_length=200, description="face_matched: the captured selfie")
    document_photo_ref: str | None = Field(default=None, max_length=200, description="face_matched: the ID photo")
    note: str | None = Field(default=None, max_length=500)


@dataclass(frozen=True)
class Evidence:
    evidence_id: str
    kind: EvidenceKind
    reference: str
    recorded_by: str
    recorded_at: datetime
    recorded_on: date
    details: dict[str, Any]
    revoked: dict[str, Any] | None = None  # {"at", "on", "by", "reason"} once revoked; it then counts for nothing

    @property
    def in_force(self) -> bool:
        return self.revoked is None

    @property
    def key(self) -> str:
        """Its record's sort key under the customer."""
        return f"EVIDENCE#{self.recorded_at.isoformat()}#{self.evidence_id}"

    def to_json(self) -> dict[str, Any]:
        return {"evidence_id": self.evidence_id, "kind": self.kind.value, "reference": self.reference,
                "recorded_by": self.recorded_by, "recorded_at": self.recorded_at.isoformat(),
                "recorded_on": self.recorded_on.isoformat(), "details": self.details, "revoked": self.revoked}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Evidence":
        return cls(d["evidence_id"], EvidenceKind(d["kind"]), d["reference"], d["recorded_by"],
                   datetime.fromisoformat(d["recorded_at"]), date.fromisoformat(d["recorded_on"]), d.get("details") or {},
                   d.get("revoked"))


class RevokeIn(Schema):
    """``POST /v1/customers/{id}/verification/evidence/{evidence_id}/revoke``: why the evidence no longer stands."""

    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=500, pattern=r"^\S.*$")


def level_for(evidence: list[Evidence] | tuple[Evidence, ...]) -> VerificationLevel:
    """The highest level the evidence in force reaches (``registered`` with none; revoked counts for nothing)."""
    held = {e.kind for e in evidence if e.in_force}
    reached = VerificationLevel.REGISTERED
    for level, needs in LADDER:
        if needs <= held:
            reached = level
    return reached


def may_record(kind: EvidenceKind, roles: frozenset[Role]) -> bool:
    return bool(EVIDENCE_ROLES[kind] & roles)


def missing_for(level: VerificationLevel, evidence: list[Evidence]) -> list[str]:
    """The evidence kinds still needed to reach ``level`` (for the console's next-step hint)."""
    held = {e.kind for e in evidence if e.in_force}
    for lvl, needs in LADDER:
        if lvl is level:
            return sorted(k.value for k in needs - held)
    return []
