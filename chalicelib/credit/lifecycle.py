"""The facility lifecycle: ONE table of what may happen to a credit facility in each status. Pure.

    applied ─claim_first→ first_review ─approve_first→ approved      (at or below the tenant's threshold)
    first_review ─escalate→ second_review ─approve_second→ approved   (above the threshold)
    first_review / second_review ─reject_*→ rejected
    applied / first_review / second_review ─withdraw→ withdrawn
    approved ─activate→ active ─freeze→ frozen ─unfreeze→ active
    active / frozen ─expire→ expired                               (the business date passed valid_to)
    approved / active / frozen / expired ─close→ closed

``draw`` (a new block) is a self-loop of ``active`` only: a frozen, expired or closed facility refuses
new drawdowns but keeps the contracts already drawn (their blocks still post and release). The store's
conditional writes check the same status, so a freeze racing a drawdown cannot let it through.
"""
from __future__ import annotations

from enum import Enum

from chalicelib.shared.workflow import TransitionTable


class Status(str, Enum):
    APPLIED = "applied"
    FIRST_REVIEW = "first_review"
    SECOND_REVIEW = "second_review"
    APPROVED = "approved"
    ACTIVE = "active"
    FROZEN = "frozen"
    EXPIRED = "expired"
    CLOSED = "closed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Action(str, Enum):
    CLAIM_FIRST = "claim_first"
    APPROVE_FIRST = "approve_first"
    ESCALATE = "escalate"  # the first reviewer approves; the amount is above the tenant's threshold
    REJECT_FIRST = "reject_first"
    APPROVE_SECOND = "approve_second"
    REJECT_SECOND = "reject_second"
    WITHDRAW = "withdraw"
    ACTIVATE = "activate"
    FREEZE = "freeze"
    UNFREEZE = "unfreeze"
    EXPIRE = "expire"
    CLOSE = "close"
    DRAW = "draw"


S, A = Status, Action

TRANSITIONS: dict[tuple[Status, Action], Status] = {
    (S.APPLIED, A.CLAIM_FIRST): S.FIRST_REVIEW,
    (S.FIRST_REVIEW, A.APPROVE_FIRST): S.APPROVED,
    (S.FIRST_REVIEW, A.ESCALATE): S.SECOND_REVIEW,
    (S.FIRST_REVIEW, A.REJECT_FIRST): S.REJECTED,
    (S.SECOND_REVIEW, A.APPROVE_SECOND): S.APPROVED,
    (S.SECOND_REVIEW, A.REJECT_SECOND): S.REJECTED,
    **{(s, A.WITHDRAW): S.WITHDRAWN for s in (S.APPLIED, S.FIRST_REVIEW, S.SECOND_REVIEW)},
    (S.APPROVED, A.ACTIVATE): S.ACTIVE,
    (S.ACTIVE, A.FREEZE): S.FROZEN,
    (S.FROZEN, A.UNFREEZE): S.ACTIVE,
    (S.ACTIVE, A.EXPIRE): S.EXPIRED,
    (S.FROZEN, A.EXPIRE): S.EXPIRED,
    **{(s, A.CLOSE): S.CLOSED for s in (S.APPROVED, S.ACTIVE, S.FROZEN, S.EXPIRED)},
    (S.ACTIVE, A.DRAW): S.ACTIVE,
}

TERMINAL = frozenset({S.CLOSED, S.REJECTED, S.WITHDRAWN})


TABLE = TransitionTable(TRANSITIONS, code="facilities.facility.illegal_transition", thing="a facility")
allowed_actions = TABLE.allowed_actions
can = TABLE.can
next_status = TABLE.next_status
illegal = TABLE.illegal
