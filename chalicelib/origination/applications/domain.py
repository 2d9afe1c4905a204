"""An application for a loan, a lease or a factoring deal, from draft to signed contract. Pure.

``Application`` is the aggregate. Each use case calls one of its methods, which checks the action
against the lifecycle table (``lifecycle.TRANSITIONS``), applies segregation of duties, changes the
state and records what happened as ``TimelineEvent``s in ``pending``; the store writes the root and
those events in one transaction conditional on the root's revision, so two racing changes (a double
approval) cannot both win.

Documents and invoice confirmations live beside the root (they change without bumping it, so an
upload never collides with a review), but the same table decides when they are allowed.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any

from chalicelib.origination.applications.lifecycle import Action, Status, next_status
from chalicelib.shared.errors import Forbidden, RuleViolation

A, S = Action, Status


class Kind(str, Enum):
    LOAN = "loan"
    LEASE = "lease"
    FACTORING = "factoring"


class Decision(str, Enum):
    APPROVE = "approve"
    REJECT = "reject"
    RETURN = "return"


class Stage(str, Enum):
    FIRST = "first"
    SECOND = "second"


class ConfirmationState(str, Enum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    DISPUTED = "disputed"


class DocumentStatus(str, Enum):
    AWAITING_UPLOAD = "awaiting_upload"
    UPLOADED = "uploaded"


MAX_NOTE = 2000


@dataclass(frozen=True)
class Actor:
    user_id: str
    username: str

    def as_json(self) -> dict[str, str]:
        return {"user_id": self.user_id, "username": self.username}


SYSTEM = Actor("system", "system")

# Segregation of duties: what makes someone a maker of an application (see ``Application.makers``).
MAKER_ACTIONS = frozenset({"create", A.MODIFY.value, A.SUBMIT.value})
MAKER_STATUSES = frozenset({S.DRAFT.value, S.RETURNED.value})


@dataclass(frozen=True)
class CustomerRef:
    """The applicant as the application keeps it: no raw identity number, only hash and mask."""

    customer_id: str
    name: str
    type: str
    identity_hash: str
    identity_masked: str


@dataclass(frozen=True)
class LeasedAsset:
    description: str
    supplier: str
    price: Decimal
    serial: str | None = None
    quantity: int = 1


@dataclass(frozen=True)
class InvoiceConfirmation:
    state: ConfirmationState = ConfirmationState.PENDING
    by: Actor | None = None
    at: datetime | None = None
    via: str | None = None  # "debtor" (a debtor user) or "staff" (recorded with evidence)
    evidence_document_id: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class AssignedInvoice:
    """A receivable the seller assigns; its debtor (a customer of this tenant) must confirm it."""

    invoice_id: str
    number: str
    debtor_customer_id: str
    debtor_name: str
    debtor_identity_hash: str
    face_amount: Decimal
    issue_date: date
    due_date: date
    confirmation: InvoiceConfirmation = field(default_factory=InvoiceConfirmation)

    @property
    def confirmed(self) -> bool:
        return self.confirmation.state is ConfirmationState.CONFIRMED


@dataclass(frozen=True)
class Document:
    document_id: str
    type: str
    file_name: str
    content_type: str
    size: int
    sha256: str  # hex
    key: str
    status: DocumentStatus
    uploaded_by: Actor
    requested_at: datetime
    confirmed_at: datetime | None = None


@dataclass(frozen=True)
class Review:
    stage: Stage
    decision: Decision
    note: str
    reviewer: Actor
    at: datetime
    round: int


@dataclass(frozen=True)
class RiskRecord:
    decision: str  # pass | refer | decline
    rules: tuple[dict[str, str], ...]
    assessed_at: datetime
    product_version: int


@dataclass(frozen=True)
class Signature:
    party: str  # customer | lender
    name: str
    signed_at: datetime
    document_sha256: str
    provider: str
    evidence: str  # the provider's proof (the local provider: a digest over the other fields)
    recorded_by: Actor | None = None


@dataclass(frozen=True)
class ContractRecord:
    contract_id: str
    key: str
    sha256: str
    issued_at: datetime
    issued_by: Actor
    provider: str
    envelope_id: str
    signatures: tuple[Signature, ...] = ()


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime
    actor: Actor
    kind: str  # transition | review | risk | document | invoice | contract
    action: str
    from_status: str | None = None
    to_status: str | None = None
    note: str | None = None
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ProductPin:
    """What the product version said when the application was submitted (it stays pinned)."""

    version: int
    second_review_required: bool
    second_review_above: Decimal | None
    signing_window_days: int
    required_documents: tuple[str, ...]


@dataclass(frozen=True)
class Priced:
    """Terms checked against the product version and priced: what submission stores."""

    pin: ProductPin
    terms: dict[str, Any]  # the finance engine's request, defaults filled in
    quote: dict[str, Any]  # the finance engine's response
    amount: Decimal
    currency: str
    rate: dict[str, Any]
    monthly_payment: Decimal | None = None  # the largest instalment, per month (for debt-to-income)


def segregation(message: str, **details: Any) -> Forbidden:
    return Forbidden("origination.segregation_of_duties", message, details)


def clean_note(note: str | None, *, required: bool, what: str) -> str:
    note = (note or "").strip()
    if required and not note:
        raise RuleViolation("origination.review.note.required", f"a note is required to {what}",
                            {"errors": [{"field": "note", "message": "is required", "type": "missing"}]})
    if len(note) > MAX_NOTE:
        raise RuleViolation("origination.review.note.invalid", f"a note has at most {MAX_NOTE} characters",
                            {"errors": [{"field": "note", "message": f"at most {MAX_NOTE} characters"}]})
    return note


@dataclass
class Application:
    application_id: str
    kind: Kind
    status: Status
    product_code: str
    customer: CustomerRef
    officer: Actor
    created_at: datetime
    terms: dict[str, Any] = field(default_factory=dict)  # what the officer asked for
    lease_structure: str | None = None  # direct | sale_and_leaseback
    assets: tuple[LeasedAsset, ...] = ()
    invoices: tuple[AssignedInvoice, ...] = ()
    amount: Decimal | None = None
    currency: str = "CNY"
    monthly_payment: Decimal | None = None
    assignee: str | None = None
    pin: ProductPin | None = None
    priced_terms: dict[str, Any] | None = None
    quote: dict[str, Any] | None = None
    rate: dict[str, Any] | None = None
    risk: RiskRecord | None = None
    reviews: tuple[Review, ...] = ()
    round: int = 0
    submitted_by: Actor | None = None
    approved_at: datetime | None = None
    sign_by: date | None = None
    contract: ContractRecord | None = None
    rejection_reason: str | None = None
    withdrawal_reason: str | None = None
    disbursement: dict[str, Any] | None = None
    updated_at: datetime | None = None
    status_changed_at: datetime | None = None
    revision: int | None = None
    documents: tuple[Document, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    pending: list[TimelineEvent] = field(default_factory=list)

    @classmethod
    def open(cls, application_id: str, kind: Kind, product_code: str, customer: CustomerRef, officer: Actor,
             at: datetime, terms: dict[str, Any], lease_structure: str | None, assets: tuple[LeasedAsset, ...],
             invoices: tuple[AssignedInvoice, ...], amount: Decimal | None, currency: str) -> "Application":
        """A new draft, assigned to the officer who opened it."""
        app = cls(application_id=application_id, kind=kind, status=S.DRAFT, product_code=product_code,
                  customer=customer, officer=officer, created_at=at, terms=terms, lease_structure=lease_structure,
                  assets=assets, invoices=invoices, amount=amount, currency=currency, assignee=officer.username,
                  updated_at=at, status_changed_at=at)
        app.pending.append(TimelineEvent(at, officer, "transition", "create", None, S.DRAFT.value, None,
                                         {"product_code": product_code, "customer_id": customer.customer_id}))
        return app

    # --- reading -------------------------------------------------------------------------------

    @property
    def risk_flag(self) -> str | None:
        """``refer`` when the risk check asks reviewers to look closely."""
        return "refer" if self.risk and self.risk.decision == "refer" else None

    @property
    def contract_id(self) -> str | None:
        return self.contract.contract_id if self.contract else None

    def current_round_review(self, stage: Stage) -> Review | None:
        return next((r for r in reversed(self.reviews) if r.stage is stage and r.round == self.round), None)

    def makers(self) -> set[str]:
        """Who made this application, by user id: its officer, whoever changed or submitted it in any
        round (an editor of a returned application is a maker too), and whoever attached a document
        while it was a draft or returned. None of them may review it."""
        makers = {a.user_id for a in (self.officer, self.submitted_by) if a is not None}
        for event in (*self.timeline, *self.pending):
            if event.kind == "transition" and event.action in MAKER_ACTIONS:
                makers.add(event.actor.user_id)
            elif event.kind == "document" and event.from_status in MAKER_STATUSES:
                makers.add(event.actor.user_id)
        makers.discard(SYSTEM.user_id)
        return makers

    def needs_second_review(self) -> bool:
        pin = self.pin
        if pin is None:
            return False
        if pin.second_review_required:
            return True
        return pin.second_review_above is not None and self.amount is not None and self.amount > pin.second_review_above

    def unconfirmed_invoices(self) -> list[AssignedInvoice]:
        return [i for i in self.invoices if not i.confirmed]

    def uploaded_document_types(self) -> set[str]:
        return {d.type for d in self.documents if d.status is DocumentStatus.UPLOADED}

    def missing_documents(self, required: tuple[str, ...] | list[str]) -> list[str]:
        have = self.uploaded_document_types()
        return [code for code in required if code not in have]

    def ensure(self, action: Action) -> None:
        """409 unless ``action`` is allowed in the current status (the table decides)."""
        next_status(self.status, action)

    # --- changing ------------------------------------------------------------------------------

    def _move(self, action: Action, actor: Actor, at: datetime, note: str | None = None,
              **details: Any) -> Status:
        source = self.status
        target = next_status(source, action)
        self.status = target
        self.updated_at = at
        if target is not source:
            self.status_changed_at = at
        self.pending.append(TimelineEvent(at, actor, "transition", action.value, source.value, target.value,
                                          note or None, details))
        return target

    def modify(self, actor: Actor, at: datetime, **changes: Any) -> None:
        self.ensure(A.MODIFY)
        for name, value in changes.items():
            setattr(self, name, value)
        self.updated_at = at
        self.pending.append(TimelineEvent(at, actor, "transition", A.MODIFY.value, self.status.value,
                                          self.status.value, None, {"changed": sorted(changes)}))

    def submit(self, actor: Actor, at: datetime, priced: Priced) -> None:
        """Terms checked and priced against the pinned product version; the quote is kept."""
        self.ensure(A.SUBMIT)
        missing = self.missing_documents(priced.pin.required_documents)
        if missing:
            raise RuleViolation("origination.application.documents_missing",
                                f"required documents are missing: {', '.join(missing)}", {"missing": missing})
        resubmission = self.status is S.RETURNED
        self.pin = priced.pin
        self.priced_terms = priced.terms
        self.quote = priced.quote
        self.rate = priced.rate
        self.amount = priced.amount
        self.currency = priced.currency
        self.monthly_payment = priced.monthly_payment
        self.submitted_by = actor
        self.round += 1
        self.risk = None
        self._move(A.SUBMIT, actor, at, None, product_version=priced.pin.version, amount=str(priced.amount),
                   round=self.round, resubmission=resubmission)
        self.assignee = None

    def record_risk(self, decision: str, rules: tuple[dict[str, str], ...], at: datetime) -> None:
        """The risk check's decision: decline stops the application; pass and refer go to review."""
        assert self.pin is not None
        self.risk = RiskRecord(decision, rules, at, self.pin.version)
        if decision == "decline":
            failed = [r["rule"] for r in rules if r["outcome"] == "decline"]
            self.rejection_reason = f"declined by the risk check: {', '.join(failed)}"
            self._move(A.DECLINE_RISK, SYSTEM, at, self.rejection_reason, decision=decision, rules=failed)
        else:
            self._move(A.PASS_RISK, SYSTEM, at, None, decision=decision,
                       referred_by=[r["rule"] for r in rules if r["outcome"] == "refer"])

    def _check_not_maker(self, reviewer: Actor, stage: Stage) -> None:
        if reviewer.user_id in self.makers():
            raise segregation("whoever made, changed or submitted an application cannot review it",
                              stage=stage.value, officer=self.officer.username)

    def _first_action(self, decision: Decision) -> Action:
        if decision is Decision.APPROVE:
            return A.ESCALATE if self.needs_second_review() else A.APPROVE_FIRST
        return A.REJECT_FIRST if decision is Decision.REJECT else A.RETURN_FIRST

    def first_review(self, decision: Decision, note: str | None, reviewer: Actor, at: datetime,
                     on: date | None = None) -> None:
        """The first reviewer decides; an application still waiting in ``risk_checked`` is taken first.
        ``on`` is the tenant's business date: an approval's signing window counts from it."""
        taking = self.status is S.RISK_CHECKED
        self.ensure(A.START_FIRST_REVIEW if taking else self._first_action(decision))
        self._check_not_maker(reviewer, Stage.FIRST)
        note = clean_note(note, required=decision is not Decision.APPROVE, what=f"{decision.value} an application")
        if decision is Decision.APPROVE:
            self._check_invoices_confirmed()
        if taking:
            self._move(A.START_FIRST_REVIEW, reviewer, at)
        self._decide(Stage.FIRST, decision, self._first_action(decision), note, reviewer, at, on)

    def start_first_review(self, reviewer: Actor, at: datetime) -> None:
        """A first reviewer takes the application from the queue."""
        self.ensure(A.START_FIRST_REVIEW)
        self._check_not_maker(reviewer, Stage.FIRST)
        self._move(A.START_FIRST_REVIEW, reviewer, at)
        self.assignee = reviewer.username

    def claim_second_review(self, reviewer: Actor, at: datetime) -> None:
        self.ensure(A.CLAIM_SECOND)
        self._check_second_reviewer(reviewer)
        self._move(A.CLAIM_SECOND, reviewer, at)
        self.assignee = reviewer.username

    def _check_second_reviewer(self, reviewer: Actor) -> None:
        self._check_not_maker(reviewer, Stage.SECOND)
        first = self.current_round_review(Stage.FIRST)
        if first is not None and first.reviewer.user_id == reviewer.user_id:
            raise segregation("the first reviewer cannot also be the second", stage="second",
                              first_reviewer=first.reviewer.username)

    def second_review(self, decision: Decision, note: str | None, reviewer: Actor, at: datetime,
                      on: date | None = None) -> None:
        """The second reviewer decides, seeing the first reviewer's note and the risk outcome."""
        action = {Decision.APPROVE: A.APPROVE_SECOND, Decision.REJECT: A.REJECT_SECOND,
                  Decision.RETURN: A.RETURN_SECOND}[decision]
        self.ensure(action)
        self._check_second_reviewer(reviewer)
        note = clean_note(note, required=decision is not Decision.APPROVE, what=f"{decision.value} an application")
        if decision is Decision.APPROVE:
            self._check_invoices_confirmed()
        self._decide(Stage.SECOND, decision, action, note, reviewer, at, on)

    def _check_invoices_confirmed(self) -> None:
        unconfirmed = self.unconfirmed_invoices()
        if unconfirmed:
            raise RuleViolation(
                "origination.invoice.unconfirmed",
                "every invoice needs its debtor's confirmation before approval",
                {"invoices": [{"invoice_id": i.invoice_id, "number": i.number,
                               "state": i.confirmation.state.value} for i in unconfirmed]})

    def _decide(self, stage: Stage, decision: Decision, action: Action, note: str, reviewer: Actor,
                at: datetime, on: date | None) -> None:
        self.reviews = (*self.reviews, Review(stage, decision, note, reviewer, at, self.round))
        self.pending.append(TimelineEvent(at, reviewer, "review", f"{stage.value}_review", self.status.value, None,
                                          note or None, {"decision": decision.value, "round": self.round}))
        target = self._move(action, reviewer, at, note)
        self.pending[-2] = replace(self.pending[-2], to_status=target.value)
        if target is S.REJECTED:
            self.rejection_reason = note
            self.assignee = None
        elif target is S.RETURNED:
            self.assignee = self.officer.username
        elif target is S.APPROVED:
            assert self.pin is not None
            self.approved_at = at
            self.sign_by = (on or at.date()) + timedelta(days=self.pin.signing_window_days)
            self.assignee = self.officer.username
        elif target is S.SECOND_REVIEW:
            self.assignee = None
        elif target is S.FIRST_REVIEW:
            self.assignee = reviewer.username

    def withdraw(self, actor: Actor, at: datetime, reason: str | None) -> None:
        reason = clean_note(reason, required=False, what="withdraw")
        self.withdrawal_reason = reason or None
        self._move(A.WITHDRAW, actor, at, reason)
        self.assignee = None

    def issue_contract(self, record: ContractRecord, at: datetime) -> None:
        self._move(A.ISSUE_CONTRACT, record.issued_by, at, None, contract_id=record.contract_id,
                   sha256=record.sha256, provider=record.provider)
        self.contract = record

    def sign(self, signatures: tuple[Signature, ...], actor: Actor, at: datetime) -> None:
        assert self.contract is not None
        self._move(A.SIGN, actor, at, None, contract_id=self.contract.contract_id,
                   document_sha256=self.contract.sha256, signers=[s.name for s in signatures])
        self.contract = replace(self.contract, signatures=signatures)
        self.assignee = None

    def disburse(self, actor: Actor, at: datetime, contract_id: str, disbursed_on: date,
                 reference: str | None) -> None:
        self.ensure(A.DISBURSE)
        if contract_id != self.contract_id:
            raise RuleViolation("origination.application.contract_mismatch",
                                "the disbursement names another contract",
                                {"contract_id": contract_id, "expected": self.contract_id})
        self.disbursement = {"contract_id": contract_id, "disbursed_on": disbursed_on.isoformat(),
                             "reference": reference}
        self._move(A.DISBURSE, actor, at, None, contract_id=contract_id, disbursed_on=disbursed_on.isoformat(),
                   reference=reference)

    def is_stale(self, today: date) -> bool:
        """Approved but not signed, and the product's signing window has closed."""
        return (self.status in (S.APPROVED, S.CONTRACT_ISSUED) and self.sign_by is not None
                and today > self.sign_by)

    def expire(self, at: datetime, today: date) -> None:
        self.ensure(A.EXPIRE)
        self._move(A.EXPIRE, SYSTEM, at, f"not signed by {self.sign_by}", sign_by=str(self.sign_by))
        self.assignee = None
