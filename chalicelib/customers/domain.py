"""Consent to group data sharing and grade overrides: what they hold and ONE transition table each. Pure.

Consent (客户授权)::

    given ─withdraw→ withdrawn

Grade override (four eyes, on identity)::

    pending ─approve (another user)→ approved ─revoke→ revoked
    pending ─reject→ rejected

An approved override applies to the value grade until its ``expires_on``. An upgrade applies at once;
a downgrade applies from the next monthly run after its approval (as loyalty programmes requalify).
Anything not in a table is 409 naming the status and what it still allows.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import Enum
from typing import Any

from pydantic import ConfigDict, Field

from chalicelib.shared.errors import Conflict, Forbidden
from chalicelib.shared.schema import Schema


# --- consent ---------------------------------------------------------------------------------------


class ConsentScope(str, Enum):
    GROUP_RELATIONSHIPS = "group_relationships"  # sisters may see that the customer is ours, and HQ the detail
    GROUP_MARKETING = "group_marketing"  # sisters may receive the customer as a cross-sell lead


class ConsentEvidenceKind(str, Enum):
    SIGNED_FORM = "signed_form"
    APP_CHECKBOX = "app_checkbox"
    RECORDED_CALL = "recorded_call"


class ConsentStatus(str, Enum):
    GIVEN = "given"
    WITHDRAWN = "withdrawn"


class ConsentAction(str, Enum):
    WITHDRAW = "withdraw"


CONSENT_TRANSITIONS: dict[tuple[ConsentStatus, ConsentAction], ConsentStatus] = {
    (ConsentStatus.GIVEN, ConsentAction.WITHDRAW): ConsentStatus.WITHDRAWN,
}


class ConsentIn(Schema):
    """``POST /v1/customers/{id}/consents``: the customer's consent as recorded on a date, with evidence."""

    model_config = ConfigDict(extra="forbid")

    scopes: list[ConsentScope] = Field(min_length=1, max_length=2)
    given_on: date = Field(description="the day the customer consented (not after the business date)")
    evidence_kind: ConsentEvidenceKind
    evidence_reference: str = Field(min_length=1, max_length=200, description="the signed form's document id, …")


class WithdrawIn(Schema):
    model_config = ConfigDict(extra="forbid")

    withdrawn_on: date | None = Field(default=None, description="default: the business date")
    reason: str | None = Field(default=None, max_length=500)


@dataclass(frozen=True)
class Consent:
    consent_id: str
    customer_id: str
    scopes: tuple[ConsentScope, ...]
    given_on: date
    evidence_kind: ConsentEvidenceKind
    evidence_reference: str
    recorded_by: str
    recorded_at: datetime
    status: ConsentStatus = ConsentStatus.GIVEN
    withdrawn_on: date | None = None
    withdrawn_by: str | None = None
    withdrawal_reason: str | None = None

    def withdraw(self, on: date, by: str, reason: str | None) -> "Consent":
        status = consent_transition(self.status, ConsentAction.WITHDRAW)
        return replace(self, status=status, withdrawn_on=on, withdrawn_by=by, withdrawal_reason=reason)

    def allows(self, scope: ConsentScope) -> bool:
        return self.status is ConsentStatus.GIVEN and scope in self.scopes

    def to_json(self) -> dict[str, Any]:
        return {"consent_id": self.consent_id, "customer_id": self.customer_id,
                "scopes": [s.value for s in self.scopes], "given_on": self.given_on.isoformat(),
                "evidence_kind": self.evidence_kind.value, "evidence_reference": self.evidence_reference,
                "recorded_by": self.recorded_by, "recorded_at": self.recorded_at.isoformat(),
                "status": self.status.value,
                "withdrawn_on": self.withdrawn_on.isoformat() if self.withdrawn_on else None,
                "withdrawn_by": self.withdrawn_by, "withdrawal_reason": self.withdrawal_reason}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Consent":
        return cls(d["consent_id"], d["customer_id"], tuple(ConsentScope(s) for s in d["scopes"]),
                   date.fromisoformat(d["given_on"]), ConsentEvidenceKind(d["evidence_kind"]),
                   d["evidence_reference"], d["recorded_by"], datetime.fromisoformat(d["recorded_at"]),
                   ConsentStatus(d["status"]),
                   date.fromisoformat(d["withdrawn_on"]) if d.get("withdrawn_on") else None,
                   d.get("withdrawn_by"), d.get("withdrawal_reason"))


def consent_transition(status: ConsentStatus, action: ConsentAction) -> ConsentStatus:
    nxt = CONSENT_TRANSITIONS.get((status, action))
    if nxt is None:
        allowed = sorted(a.value for (s, a) in CONSENT_TRANSITIONS if s is status)
        raise Conflict("customers.consent.illegal_transition", f"a {status.value} consent cannot {action.value}",
                       {"status": status.value, "action": action.value, "allowed_actions": allowed})
    return nxt


def scopes_in_force(consents: list[Consent]) -> set[ConsentScope]:
    return {s for c in consents if c.status is ConsentStatus.GIVEN for s in c.scopes}


# --- grade overrides -------------------------------------------------------------------------------


class OverrideStatus(str, Enum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    REVOKED = "revoked"


class OverrideAction(str, Enum):
    APPROVE = "approve"
    REJECT = "reject"
    REVOKE = "revoke"


OVERRIDE_TRANSITIONS: dict[tuple[OverrideStatus, OverrideAction], OverrideStatus] = {
    (OverrideStatus.PENDING, OverrideAction.APPROVE): OverrideStatus.APPROVED,
    (OverrideStatus.PENDING, OverrideAction.REJECT): OverrideStatus.REJECTED,
    (OverrideStatus.APPROVED, OverrideAction.REVOKE): OverrideStatus.REVOKED,
}


class OverrideIn(Schema):
    """``POST /v1/customers/{id}/grade-overrides``: a value grade set by hand, pending a second person."""

    model_config = ConfigDict(extra="forbid")

    grade: str = Field(pattern=r"^[A-Z][A-Z0-9+-]{0,11}$")
    reason: str = Field(min_length=5, max_length=500)
    expires_on: date


class OverrideDecisionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    note: str | None = Field(default=None, max_length=500)


@dataclass(frozen=True)
class Override:
    override_id: str
    customer_id: str
    grade: str
    direction: str  # "upgrade" | "downgrade" | "same", against the grade in force when requested
    reason: str
    expires_on: date
    requested_by: str  # the maker's sub
    requested_by_name: str
    requested_at: datetime
    status: OverrideStatus = OverrideStatus.PENDING
    decided_by: str | None = None
    decided_by_name: str | None = None
    decided_at: datetime | None = None
    decided_on: date | None = None
    note: str | None = None

    def decide(self, action: OverrideAction, user_id: str, username: str, at: datetime, on: date,
               note: str | None) -> "Override":
        nxt = OVERRIDE_TRANSITIONS.get((self.status, action))
        if nxt is None:
            allowed = sorted(a.value for (s, a) in OVERRIDE_TRANSITIONS if s is self.status)
            raise Conflict("customers.override.illegal_transition",
                           f"a {self.status.value} override cannot {action.value}",
                           {"status": self.status.value, "action": action.value, "allowed_actions": allowed})
        if action is OverrideAction.APPROVE and user_id == self.requested_by:
            raise Forbidden("customers.override.self_approval", "an override is approved by someone other than its maker",
                            {"override_id": self.override_id})
        return replace(self, status=nxt, decided_by=user_id, decided_by_name=username, decided_at=at, decided_on=on,
                       note=note)

    def applies_to_month(self, month_end_on: date) -> bool:
        """Whether a monthly run for the month ending ``month_end_on`` grades with this override."""
        # Months that ended before the approval keep the grade they had (point-in-time); a downgrade
        # therefore first shows in the run for the month the approval falls in.
        return (self.status is OverrideStatus.APPROVED and self.decided_on is not None
                and self.decided_on <= month_end_on <= self.expires_on)

    def in_force_now(self, today: date) -> bool:
        """An approved upgrade applies at once, until it expires (a downgrade waits for a run)."""
        return (self.status is OverrideStatus.APPROVED and self.direction != "downgrade"
                and self.expires_on >= today)

    def to_json(self) -> dict[str, Any]:
        return {"override_id": self.override_id, "customer_id": self.customer_id, "grade": self.grade,
                "direction": self.direction, "reason": self.reason, "expires_on": self.expires_on.isoformat(),
                "requested_by": self.requested_by, "requested_by_name": self.requested_by_name,
                "requested_at": self.requested_at.isoformat(), "status": self.status.value,
                "decided_by": self.decided_by, "decided_by_name": self.decided_by_name,
                "decided_at": self.decided_at.isoformat() if self.decided_at else None,
                "decided_on": self.decided_on.isoformat() if self.decided_on else None, "note": self.note}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Override":
        return cls(d["override_id"], d["customer_id"], d["grade"], d["direction"], d["reason"],
                   date.fromisoformat(d["expires_on"]), d["requested_by"], d["requested_by_name"],
                   datetime.fromisoformat(d["requested_at"]), OverrideStatus(d["status"]), d.get("decided_by"),
                   d.get("decided_by_name"), datetime.fromisoformat(d["decided_at"]) if d.get("decided_at") else None,
                   date.fromisoformat(d["decided_on"]) if d.get("decided_on") else None, d.get("note"))
