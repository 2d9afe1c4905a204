"""Approval requests: four eyes on an action that moves money by hand. ONE transition table. Pure.

    pending ─approve (another user, holding an approver role)→ approved   → the action runs
    pending ─approve_alone (its maker, amount below the tenant's limit)→ approved
    pending ─reject (an approver, or the maker withdrawing it)→ rejected

Only approval executes the action. Approving an approved request returns it (idempotent);
rejecting a rejected one likewise. Anything else not in the table is 409
``approvals.request.illegal_transition`` naming the status and what it still allows. Who may act is
decided on identity (the token's ``sub``), not on roles alone: a user holding several roles still
never approves what they asked for (403 ``approvals.maker_checker``).

A context owning an action (servicing: write-off, repayment reversal, recovery) names it, says
which roles approve it, stores the requests with its own records and runs the action on approval.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Iterable, Mapping

from chalicelib.shared.errors import Conflict, Forbidden


class Status(str, Enum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class Decision(str, Enum):
    APPROVE = "approve"
    APPROVE_ALONE = "approve_alone"
    REJECT = "reject"


TRANSITIONS: dict[tuple[Status, Decision], Status] = {
    (Status.PENDING, Decision.APPROVE): Status.APPROVED,
    (Status.PENDING, Decision.APPROVE_ALONE): Status.APPROVED,
    (Status.PENDING, Decision.REJECT): Status.REJECTED,
}


def allowed(status: Status) -> list[str]:
    return sorted(d.value for (s, d) in TRANSITIONS if s is status)


@dataclass(frozen=True)
class Actor:
    """Who decides: the token's ``sub``, a display name, and the roles they hold."""

    user_id: str
    username: str
    roles: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ApprovalRequest:
    """An action one user asked for, waiting for a second user's approval (or done, or refused)."""

    id: str
    action: str
    subject_id: str  # what it acts on: a contract, a repayment
    contract_id: str | None
    amount: Decimal
    currency: str
    params: Mapping[str, Any]
    fingerprint: str
    requested_by: str  # sub
    requested_by_name: str
    requested_at: datetime
    status: Status = Status.PENDING
    decided_by: str | None = None  # sub
    decided_by_name: str | None = None
    decided_at: datetime | None = None
    reason: str = ""
    one_person: bool = False  # approved by its maker, below the tenant's four-eyes limit
    result: Mapping[str, Any] | None = None  # what the action did, once it ran
    version: int | None = field(default=None, compare=False)

    def _moved(self, decision: Decision) -> Status:
        target = TRANSITIONS.get((self.status, decision))
        if target is None:
            raise Conflict("approvals.request.illegal_transition",
                           f"cannot {decision.value.replace('_', ' ')} a request that is {self.status.value}",
                           {"request_id": self.id, "status": self.status.value, "allowed": allowed(self.status)})
        return target

    def approved(self, actor: Actor, approver_roles: Iterable[str], at: datetime) -> "ApprovalRequest":
        """Another user holding an approver role approves it."""
        target = self._moved(Decision.APPROVE)
        if actor.user_id == self.requested_by:
            raise Forbidden("approvals.maker_checker", "whoever asked for this cannot approve it; another user must",
                            {"request_id": self.id})
        roles = _names(approver_roles)
        if not actor.roles.intersection(roles):
            raise Forbidden("approvals.role.forbidden", "your role does not approve this action",
                            {"request_id": self.id, "action": self.action, "allowed_roles": roles})
        return replace(self, status=target, decided_by=actor.user_id, decided_by_name=actor.username, decided_at=at)

    def approved_alone(self, actor: Actor, limit: Decimal, at: datetime) -> "ApprovalRequest":
        """Its maker approves it: allowed only below the tenant's four-eyes limit for the action."""
        target = self._moved(Decision.APPROVE_ALONE)
        if actor.user_id != self.requested_by or not one_person_suffices(self.amount, limit):
            raise Forbidden("approvals.maker_checker", "this needs a second person's approval",
                            {"request_id": self.id, "amount": format(self.amount, "f"),
                             "four_eyes_below": format(limit, "f")})
        return replace(self, status=target, decided_by=actor.user_id, decided_by_name=actor.username, decided_at=at,
                       one_person=True)

    def rejected(self, actor: Actor, approver_roles: Iterable[str], reason: str, at: datetime) -> "ApprovalRequest":
        """An approver refuses it, or its maker withdraws it; nothing runs."""
        target = self._moved(Decision.REJECT)
        if actor.user_id != self.requested_by and not actor.roles.intersection(_names(approver_roles)):
            raise Forbidden("approvals.role.forbidden", "your role does not decide this action",
                            {"request_id": self.id, "action": self.action})
        return replace(self, status=target, decided_by=actor.user_id, decided_by_name=actor.username, decided_at=at,
                       reason=reason)

    def done(self, result: Mapping[str, Any]) -> "ApprovalRequest":
        if self.status is not Status.APPROVED:
            raise ValueError("only an approved request's action runs")  # a bug, not a caller's mistake
        return replace(self, result=dict(result))


def _names(roles: Iterable[Any]) -> list[str]:
    return sorted({str(getattr(r, "value", r)) for r in roles})


def one_person_suffices(amount: Decimal, limit: Decimal) -> bool:
    """Below the tenant's limit one person may act alone; a limit of 0 (the default) never allows it."""
    return amount < limit


def to_json(r: ApprovalRequest) -> dict[str, Any]:
    return {
        "id": r.id, "action": r.action, "subject_id": r.subject_id, "contract_id": r.contract_id,
        "amount": format(r.amount, "f"), "currency": r.currency, "params": dict(r.params),
        "fingerprint": r.fingerprint, "requested_by": r.requested_by, "requested_by_name": r.requested_by_name,
        "requested_at": r.requested_at.isoformat(), "status": r.status.value, "decided_by": r.decided_by,
        "decided_by_name": r.decided_by_name, "decided_at": r.decided_at.isoformat() if r.decided_at else None,
        "reason": r.reason, "one_person": r.one_person, "result": dict(r.result) if r.result is not None else None,
    }


def from_json(d: Mapping[str, Any], version: int | None) -> ApprovalRequest:
    return ApprovalRequest(
        id=d["id"], action=d["action"], subject_id=d["subject_id"], contract_id=d.get("contract_id"),
        amount=Decimal(d["amount"]), currency=d["currency"], params=dict(d.get("params") or {}),
        fingerprint=d["fingerprint"], requested_by=d["requested_by"], requested_by_name=d["requested_by_name"],
        requested_at=datetime.fromisoformat(d["requested_at"]), status=Status(d["status"]),
        decided_by=d.get("decided_by"), decided_by_name=d.get("decided_by_name"),
        decided_at=datetime.fromisoformat(d["decided_at"]) if d.get("decided_at") else None,
        reason=d.get("reason") or "", one_person=bool(d.get("one_person")), result=d.get("result"), version=version,
    )
