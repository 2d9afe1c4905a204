"""The application lifecycle: ONE table of what may happen to an application in each status. Pure.

    draft ─submit→ submitted ─pass_risk→ risk_checked ─start_first_review→ first_review
    submitted ─decline_risk→ rejected
    first_review ─approve_first→ approved            (no second review needed)
    first_review ─escalate→ second_review ─approve_second→ approved
    first_review / second_review ─reject_*→ rejected, ─return_*→ returned ─submit→ submitted (again)
    approved ─issue_contract→ contract_issued ─sign→ signed ─disburse→ disbursed
    approved / contract_issued ─expire→ expired      (not signed within the product's window)
    draft … second_review, returned ─withdraw→ withdrawn

Actions that keep the status (modify, attach a document, confirm an invoice, preview the contract …)
are in the same table as self-loops, so "may I do X now?" has one answer in one place. Everything
not in the table is 409 ``origination.application.illegal_transition`` naming the current status.
"""
from __future__ import annotations

from enum import Enum

from chalicelib.shared.workflow import TransitionTable


class Status(str, Enum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RISK_CHECKED = "risk_checked"
    FIRST_REVIEW = "first_review"
    SECOND_REVIEW = "second_review"
    APPROVED = "approved"
    CONTRACT_ISSUED = "contract_issued"
    SIGNED = "signed"
    DISBURSED = "disbursed"
    WITHDRAWN = "withdrawn"
    RETURNED = "returned"
    REJECTED = "rejected"
    EXPIRED = "expired"


class Action(str, Enum):
    MODIFY = "modify"
    DELETE = "delete"
    ATTACH_DOCUMENT = "attach_document"
    SUBMIT = "submit"
    PASS_RISK = "pass_risk"  # decision pass or refer
    DECLINE_RISK = "decline_risk"
    START_FIRST_REVIEW = "start_first_review"
    APPROVE_FIRST = "approve_first"
    ESCALATE = "escalate"  # first review approves; the product or amount needs a second review
    REJECT_FIRST = "reject_first"
    RETURN_FIRST = "return_first"
    CLAIM_SECOND = "claim_second"
    APPROVE_SECOND = "approve_second"
    REJECT_SECOND = "reject_second"
    RETURN_SECOND = "return_second"
    CONFIRM_INVOICE = "confirm_invoice"
    WITHDRAW = "withdraw"
    ISSUE_CONTRACT = "issue_contract"
    PREVIEW_CONTRACT = "preview_contract"
    SIGN = "sign"
    DISBURSE = "disburse"
    EXPIRE = "expire"


S, A = Status, Action

_BEFORE_DECISION = (S.DRAFT, S.SUBMITTED, S.RISK_CHECKED, S.FIRST_REVIEW, S.SECOND_REVIEW, S.RETURNED)
_EDITABLE = (S.DRAFT, S.RETURNED)
_OPEN = _BEFORE_DECISION + (S.APPROVED, S.CONTRACT_ISSUED, S.SIGNED, S.DISBURSED)
_CONTRACTED = (S.APPROVED, S.CONTRACT_ISSUED, S.SIGNED, S.DISBURSED)

TRANSITIONS: dict[tuple[Status, Action], Status] = {
    # the officer's draft
    **{(s, A.MODIFY): s for s in _EDITABLE},
    **{(s, A.DELETE): s for s in _EDITABLE},  # the record goes away; the status never changes
    (S.DRAFT, A.SUBMIT): S.SUBMITTED,
    (S.RETURNED, A.SUBMIT): S.SUBMITTED,
    # risk check and reviews
    (S.SUBMITTED, A.PASS_RISK): S.RISK_CHECKED,
    (S.SUBMITTED, A.DECLINE_RISK): S.REJECTED,
    (S.RISK_CHECKED, A.START_FIRST_REVIEW): S.FIRST_REVIEW,
    (S.FIRST_REVIEW, A.APPROVE_FIRST): S.APPROVED,
    (S.FIRST_REVIEW, A.ESCALATE): S.SECOND_REVIEW,
    (S.FIRST_REVIEW, A.REJECT_FIRST): S.REJECTED,
    (S.FIRST_REVIEW, A.RETURN_FIRST): S.RETURNED,
    (S.SECOND_REVIEW, A.CLAIM_SECOND): S.SECOND_REVIEW,
    (S.SECOND_REVIEW, A.APPROVE_SECOND): S.APPROVED,
    (S.SECOND_REVIEW, A.REJECT_SECOND): S.REJECTED,
    (S.SECOND_REVIEW, A.RETURN_SECOND): S.RETURNED,
    # the officer withdraws before a decision
    **{(s, A.WITHDRAW): S.WITHDRAWN for s in _BEFORE_DECISION},
    # evidence arrives while the application is alive (vouchers even after disbursement)
    **{(s, A.ATTACH_DOCUMENT): s for s in _OPEN},
    # a debtor confirms an invoice before approval
    **{(s, A.CONFIRM_INVOICE): s for s in _BEFORE_DECISION},
    # contract and signature
    (S.APPROVED, A.ISSUE_CONTRACT): S.CONTRACT_ISSUED,
    **{(s, A.PREVIEW_CONTRACT): s for s in _CONTRACTED},
    (S.CONTRACT_ISSUED, A.SIGN): S.SIGNED,
    (S.SIGNED, A.DISBURSE): S.DISBURSED,
    (S.APPROVED, A.EXPIRE): S.EXPIRED,
    (S.CONTRACT_ISSUED, A.EXPIRE): S.EXPIRED,
}

TERMINAL = frozenset({S.DISBURSED, S.WITHDRAWN, S.REJECTED, S.EXPIRED})
# Terminal without the business having happened: the invoices it held are free to assign again.
RELEASES_INVOICES = frozenset({S.WITHDRAWN, S.REJECTED, S.EXPIRED})


TABLE = TransitionTable(TRANSITIONS, code="origination.application.illegal_transition", thing="an application")
allowed_actions = TABLE.allowed_actions
statuses_allowing = TABLE.statuses_allowing
can = TABLE.can
next_status = TABLE.next_status
illegal = TABLE.illegal
