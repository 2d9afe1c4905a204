"""Servicing's HTTP routes: disbursement, contracts in force, repayments, end of day, prepayment,
collections, offline repayments (maker-checker), and write-off, repayment reversal and recovery —
each asked for by one user and run when another approves it (``four_eyes``)."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field, field_validator

from chalicelib.platform.http import ApiBlueprint, Reply
from chalicelib.servicing import four_eyes, service
from chalicelib.servicing.domain import Contract, Part
from chalicelib.shared.schema import Schema, decimal_string
from chalicelib.shared.tenant import Role

api = ApiBlueprint(__name__, "servicing")

STAFF = (Role.TENANT_ADMIN, Role.FINANCE, Role.COLLECTOR, Role.LOAN_OFFICER, Role.FIRST_REVIEWER,
         Role.SECOND_REVIEWER, Role.PRODUCT_MANAGER, Role.VIEWER)
Amount = decimal_string(example="1000.00", serialize="json")  # the one exact-decimal type of the wire


def _idempotency_key() -> str | None:
    return api.idempotency_key("servicing", required=False)


# --- models -----------------------------------------------------------------------------------------


class DisburseIn(Schema):
    reference: str | None = Field(default=None, max_length=200, description="the bank transfer's reference")


class InstalmentOut(Schema):
    seq: int
    due_on: date
    status: Literal["paid", "overdue", "due", "not_due", "partially_paid"]
    scheduled: dict[str, Decimal]
    paid: dict[str, Decimal]
    due: dict[str, Decimal]
    outstanding: Decimal
    overdue: Decimal


class ContractSummary(Schema):
    id: str
    application_id: str
    kind: str
    product_code: str
    product_version: int
    customer_id: str
    customer_label: str | None = Field(default=None, description="a company's name or a person's masked name")
    currency: str
    status: str
    principal: Decimal
    outstanding_principal: Decimal
    outstanding: Decimal
    disbursed_on: date
    days_past_due: int
    bucket: str
    non_accrual: bool

    @classmethod
    def of(cls, c: Contract) -> "ContractSummary":
        return cls(id=c.contract_id, application_id=c.application_id, kind=c.kind, product_code=c.product_code,
                   product_version=c.product_version, customer_id=c.customer_id,
                   customer_label=c.customer.label if c.customer else None, currency=c.currency,
                   status=c.status.value, principal=c.principal, outstanding_principal=c.outstanding_principal,
                   outstanding=c.outstanding, disbursed_on=c.disbursed_on, days_past_due=c.days_past_due,
                   bucket=c.bucket, non_accrual=c.non_accrual)


class ContractDetail(ContractSummary):
    strategy: str
    interest_accrued: Decimal
    suspense: Decimal
    last_eod_on: date | None
    schedule: list[InstalmentOut]
    balances: dict[str, Decimal] = Field(description="the contract's ledger sub-accounts, by role")
    history: list[dict[str, Any]]


def _instalment(ctx, c: Contract, inst) -> InstalmentOut:
    from chalicelib.servicing import domain

    as_of = c.last_eod_on or c.disbursed_on
    overdue = domain.is_overdue(inst, as_of, service._tolerance(ctx, c))
    parts = [Part.PRINCIPAL, Part.INTEREST, Part.FEE, Part.PENALTY]
    if inst.settled:
        status = "paid"
    elif overdue:
        status = "overdue"
    elif inst.billed or inst.due_on <= as_of:
        status = "due" if not any(inst.paid_of(p) for p in parts) else "partially_paid"
    else:
        status = "not_due"
    return InstalmentOut(seq=inst.seq, due_on=inst.due_on, status=status,
                         scheduled={p.value: inst.scheduled(p) for p in parts},
                         paid={p.value: inst.paid_of(p) for p in parts}, due={p.value: inst.due(p) for p in parts},
                         outstanding=inst.outstanding, overdue=inst.outstanding if overdue else Decimal("0.00"))


class ContractPage(Schema):
    items: list[ContractSummary]
    next: str | None = None


class ContractQuery(Schema):
    status: Literal["active", "closed", "written_off"] | None = None
    bucket: Literal["current", "M1", "M2", "M3", "M4+"] | None = None
    limit: int = Field(default=50, ge=1, le=200)
    next: str | None = None


# Money received offline (a bank transfer, cash) is recorded only through the offline flow, with its
# voucher and a second finance user's confirmation; Stripe's through its verified webhook.
OFFLINE_CHANNELS = ("offline", "bank_transfer", "cash")


class RepaymentIn(Schema):
    amount: Amount = Field(gt=0, description="decimal string")
    received_on: date | None = Field(default=None, description="default: the tenant's business date")
    reference: str | None = Field(default=None, max_length=200)
    channel: Literal["api"] = Field(
        default="api", description="only api: offline money (offline, bank_transfer, cash) is recorded through "
                                   "/v1/contracts/{id}/offline-repayments, and is 422 servicing.channel.invalid here")

    @field_validator("channel", mode="before")
    @classmethod
    def _not_offline(cls, v: object) -> object:
        if v in OFFLINE_CHANNELS:
            raise ValueError("offline money is recorded through /v1/contracts/{id}/offline-repayments "
                             "(its bank voucher and a second finance user's confirmation)")
        return v


class RepaymentOut(Schema):
    id: str
    contract_id: str
    amount: Decimal
    currency: str
    received_on: date
    status: str
    allocation: list[dict[str, Any]]
    totals: dict[str, Decimal]
    overpayment: Decimal
    entry_id: str | None = None
    reversal_entry_id: str | None = None

    @classmethod
    def of(cls, r: dict[str, Any]) -> "RepaymentOut":
        return cls(id=r["id"], contract_id=r["contract_id"], amount=r["amount"], currency=r["currency"],
                   received_on=r["received_on"], status=r["status"], totals=r["totals"], overpayment=r["overpayment"],
                   allocation=[{"seq": s, "component": p, "amount": a} for s, p, a in r["allocation"]],
                   entry_id=r.get("entry_id"), reversal_entry_id=r.get("reversal_entry_id"))


class ReverseIn(Schema):
    reason: str = Field(min_length=1, max_length=500)


class ApprovalRequestOut(Schema):
    id: str
    action: Literal["write_off", "repayment_reversal", "recovery"]
    subject_id: str = Field(description="what it acts on: the contract, or the repayment to reverse")
    contract_id: str | None = None
    amount: Decimal = Field(description="weighed against the tenant's four_eyes_below for the action")
    currency: str
    params: dict[str, Any]
    status: Literal["pending", "approved", "rejected"]
    requested_by: str = Field(description="the maker's user id (token sub)")
    requested_by_name: str
    requested_at: datetime
    decided_by: str | None = None
    decided_by_name: str | None = None
    decided_at: datetime | None = None
    reason: str = ""
    one_person: bool = Field(description="approved by its maker alone, below the tenant's limit")
    result: dict[str, Any] | None = Field(default=None, description="what the action did, once approved")

    @classmethod
    def of(cls, r: Any) -> "ApprovalRequestOut":
        from chalicelib.approvals.domain import to_json

        return cls.model_validate(to_json(r))


def _requested(r: Any) -> Reply:
    """A request that waits for its second person is 202; one done at once (below the limit) is 201."""
    return Reply(ApprovalRequestOut.of(r), 202 if r.status.value == "pending" else 201)


# --- routes -------------------------------------------------------------------------------------------


@api.route("/v1/applications/{application_id}/disburse", "POST", roles=(Role.FINANCE,), body=DisburseIn,
           response=ContractSummary)
def disburse_application(ctx, application_id: str, body: DisburseIn):
    """Disburse a signed application: post it to the ledger and put the contract in force (idempotent)."""
    contract = service.disburse(ctx, application_id, idempotency_key=_idempotency_key(), reference=body.reference)
    return ContractSummary.of(contract)


@api.route("/v1/contracts", roles=STAFF, query=ContractQuery, response=ContractPage)
def list_contracts(ctx, query: ContractQuery):
    """Contracts in force, newest first; filter by status and delinquency bucket."""
    items, nxt = service.list_contracts(ctx, query.next, query.limit, query.status, query.bucket)
    return ContractPage(items=[ContractSummary.of(c) for c in items], next=nxt)


@api.route("/v1/contracts/{contract_id}", roles=STAFF, response=ContractDetail)
def get_contract(ctx, contract_id: str):
    """A contract: its schedule with paid, due and overdue per instalment, ledger balances, arrears, history."""
    c = service.get_contract(ctx, contract_id)
    summary = ContractSummary.of(c).model_dump()
    return ContractDetail(**summary, strategy=c.strategy, interest_accrued=c.interest_accrued, suspense=c.suspense,
                          last_eod_on=c.last_eod_on, schedule=[_instalment(ctx, c, i) for i in c.instalments],
                          balances=service.ledger_balances(ctx, c),
                          history=service.contract_history(ctx, c.contract_id))


@api.route("/v1/contracts/{contract_id}/repayments", "POST", roles=(Role.FINANCE,), body=RepaymentIn,
           response=RepaymentOut, status=201, scopes=("repayments:write",))
def record_repayment(ctx, contract_id: str, body: RepaymentIn):
    """Receive a repayment (Idempotency-Key required): allocated by the product's waterfall, the rest to suspense."""
    key = api.idempotency_key("servicing")
    repayment = service.apply_repayment(ctx, contract_id, body.amount, body.received_on, body.reference, key,
                                        body.channel)
    return RepaymentOut.of(repayment)


@api.route("/v1/repayments/{repayment_id}", roles=STAFF, response=RepaymentOut, scopes=("repayments:write",))
def get_repayment(ctx, repayment_id: str):
    """One repayment and its allocation."""
    return RepaymentOut.of(service.get_repayment(ctx, repayment_id))


@api.route("/v1/repayments/{repayment_id}/reverse", "POST", roles=(Role.FINANCE,), body=ReverseIn,
           response=ApprovalRequestOut, status=202)
def reverse_repayment(ctx, repayment_id: str, body: ReverseIn):
    """Ask to reverse a repayment (Idempotency-Key required): 202 with a pending approval request that
    another finance user or the tenant admin approves (``/v1/approval-requests/{id}/approve``), which
    posts the reversing entry and makes the bills owe again what it paid; 201, done at once, below the
    tenant's ``four_eyes_below.repayment_reversal``."""
    return _requested(four_eyes.request_repayment_reversal(ctx, repayment_id, body.reason, api.idempotency_key("servicing")))


# --- prepayment -------------------------------------------------------------------------------------

Date = date  # a field named ``date`` shadows the type inside a model


class PrepaymentIn(Schema):
    date: Date | None = Field(default=None, description="the prepayment date; default: the tenant's business date")
    amount: Amount | None = Field(default=None, gt=0, description="principal to prepay; omit to prepay in full")
    strategy: Literal["keep_term", "keep_installment"] = "keep_term"
    reference: str | None = Field(default=None, max_length=200)


class PrepaymentQuoteOut(Schema):
    contract_id: str
    date: Date
    strategy: str = Field(description="full, keep_term or keep_installment")
    full: bool
    outstanding_principal: Decimal
    prepaid_principal: Decimal
    accrued_interest: Decimal
    penalty: Decimal
    total_due: Decimal
    interest_saved: Decimal
    installments: list[dict[str, Any]] = Field(description="the schedule left after a partial prepayment")


class PrepaymentOut(RepaymentOut):
    prepayment: dict[str, Any]

    @classmethod
    def of(cls, r: dict[str, Any]) -> "PrepaymentOut":
        return cls(**RepaymentOut.of(r).model_dump(), prepayment=r["prepayment"])


@api.route("/v1/contracts/{contract_id}/prepayment-quote", "POST", roles=STAFF, body=PrepaymentIn,
           response=PrepaymentQuoteOut)
def prepayment_quote(ctx, contract_id: str, body: PrepaymentIn):
    """What prepaying costs on a date (principal, accrued interest, the product's penalty) and the schedule left."""
    return PrepaymentQuoteOut.model_validate(
        service.prepayment_quote(ctx, contract_id, body.date, body.amount, body.strategy))


@api.route("/v1/contracts/{contract_id}/prepayments", "POST", roles=(Role.FINANCE,), body=PrepaymentIn,
           response=PrepaymentOut, status=201)
def record_prepayment(ctx, contract_id: str, body: PrepaymentIn):
    """Receive a prepayment as quoted (Idempotency-Key required): the bills ahead are recalculated."""
    key = api.idempotency_key("servicing")
    return PrepaymentOut.of(service.apply_prepayment(ctx, contract_id, body.date, body.amount, body.strategy,
                                                     body.reference, key))


# --- collections --------------------------------------------------------------------------------------

# finance reads the queue (it takes the repayments promised there); collectors and the admin act on it
COLLECTIONS = (Role.COLLECTOR, Role.FINANCE, Role.TENANT_ADMIN, Role.VIEWER)


class CollectionsQuery(Schema):
    bucket: Literal["M1", "M2", "M3", "M4+"]
    limit: int = Field(default=50, ge=1, le=200)
    next: str | None = None


class CollectionActionIn(Schema):
    type: Literal["call", "sms", "visit", "promise_to_pay", "legal"]
    note: str = Field(default="", max_length=2000)
    promised_on: date | None = None
    promised_amount: Amount | None = Field(default=None, gt=0)


class CollectionActionOut(Schema):
    id: str
    contract_id: str
    type: str
    note: str | None = None
    promised_on: date | None = None
    promised_amount: Decimal | None = None
    by: str
    at: datetime
    days_past_due: int
    bucket: str
    business_date: date | None = None


class CollectionActionList(Schema):
    items: list[CollectionActionOut]


@api.route("/v1/collections", roles=COLLECTIONS, query=CollectionsQuery, response=ContractPage)
def collections_queue(ctx, query: CollectionsQuery):
    """The collections work queue: active contracts in a delinquency bucket."""
    items, nxt = service.collections_queue(ctx, query.bucket, query.next, query.limit)
    return ContractPage(items=[ContractSummary.of(c) for c in items], next=nxt)


@api.route("/v1/contracts/{contract_id}/collection-actions", "POST", roles=(Role.COLLECTOR, Role.TENANT_ADMIN),
           body=CollectionActionIn, response=CollectionActionOut, status=201)
def log_collection_action(ctx, contract_id: str, body: CollectionActionIn):
    """Log a collection action (call, SMS, visit, promise to pay, legal) with who and when."""
    return CollectionActionOut.model_validate(service.log_collection_action(
        ctx, contract_id, body.type, body.note, body.promised_on, body.promised_amount))


@api.route("/v1/contracts/{contract_id}/collection-actions", roles=STAFF, response=CollectionActionList)
def list_collection_actions(ctx, contract_id: str):
    """A contract's collection actions, oldest first."""
    return CollectionActionList(items=[CollectionActionOut.model_validate(a)
                                       for a in service.collection_actions(ctx, contract_id)])


# --- write-off and recovery ------------------------------------------------------------------------


class WriteOffIn(Schema):
    reason: str = Field(min_length=1, max_length=500)


class RecoveryIn(Schema):
    amount: Amount = Field(gt=0, description="decimal string")
    received_on: date | None = None
    reference: str | None = Field(default=None, max_length=200)


@api.route("/v1/contracts/{contract_id}/write-off", "POST", roles=(Role.TENANT_ADMIN,), body=WriteOffIn,
           response=ApprovalRequestOut, status=202)
def write_off_contract(ctx, contract_id: str, body: WriteOffIn):
    """Ask to write a contract off (Idempotency-Key required): 202 with a pending approval request that
    another user (tenant admin or finance) approves, which writes it off through the product template's
    legs; 201, done at once, below the tenant's ``four_eyes_below.write_off``."""
    return _requested(four_eyes.request_write_off(ctx, contract_id, body.reason, api.idempotency_key("servicing")))


@api.route("/v1/contracts/{contract_id}/recoveries", "POST", roles=(Role.FINANCE,), body=RecoveryIn,
           response=ApprovalRequestOut, status=202)
def record_recovery(ctx, contract_id: str, body: RecoveryIn):
    """Ask to record money recovered after write-off (Idempotency-Key required): 202 pending another
    user's approval, which posts it; 201, done at once, below the tenant's ``four_eyes_below.recovery``."""
    return _requested(four_eyes.request_recovery(ctx, contract_id, body.amount, body.received_on, body.reference,
                                                 api.idempotency_key("servicing")))


# --- approval requests (four eyes) -------------------------------------------------------------------


class ApprovalsQuery(Schema):
    status: Literal["pending", "approved", "rejected"] = Field(default="pending",
                                                                description="pending: the checkers' queue")
    limit: int = Field(default=50, ge=1, le=200)
    next: str | None = None


class ContractApprovalsQuery(Schema):
    limit: int = Field(default=50, ge=1, le=200)
    next: str | None = None


class ApprovalPage(Schema):
    items: list[ApprovalRequestOut]
    next: str | None = None


class ApprovalRejectIn(Schema):
    reason: str = Field(min_length=1, max_length=500)


@api.route("/v1/approval-requests", roles=STAFF, query=ApprovalsQuery, response=ApprovalPage)
def list_approval_requests(ctx, query: ApprovalsQuery):
    """The tenant's approval requests in one status, newest first — by default those awaiting a checker."""
    items, nxt = four_eyes.list_requests(ctx, query.status, query.next, query.limit)
    return ApprovalPage(items=[ApprovalRequestOut.of(r) for r in items], next=nxt)


@api.route("/v1/contracts/{contract_id}/approval-requests", roles=STAFF, query=ContractApprovalsQuery,
           response=ApprovalPage)
def list_contract_approval_requests(ctx, contract_id: str, query: PageQuery):
    """The contract's approval requests (write-off, repayment reversals, recoveries) in any status, newest first."""
    items, nxt = four_eyes.contract_requests(ctx, contract_id, query.next, query.limit)
    return ApprovalPage(items=[ApprovalRequestOut.of(r) for r in items], next=nxt)


@api.route("/v1/approval-requests/{request_id}", roles=STAFF, response=ApprovalRequestOut)
def get_approval_request(ctx, request_id: str):
    """One approval request and, once approved, what its action did."""
    return ApprovalRequestOut.of(four_eyes.get_request(ctx, request_id))


@api.route("/v1/approval-requests/{request_id}/approve", "POST", roles=four_eyes.APPROVER_ROLES,
           response=ApprovalRequestOut)
def approve_approval_request(ctx, request_id: str):
    """Approve a request and run its action — never by whoever asked for it (403 approvals.maker_checker),
    only with a role that approves that action (403 approvals.role.forbidden). Approving again returns it."""
    return ApprovalRequestOut.of(four_eyes.approve(ctx, request_id))


@api.route("/v1/approval-requests/{request_id}/reject", "POST", roles=four_eyes.APPROVER_ROLES,
           body=ApprovalRejectIn, response=ApprovalRequestOut)
def reject_approval_request(ctx, request_id: str, body: ApprovalRejectIn):
    """Refuse a pending request (its maker may withdraw it this way); nothing runs."""
    return ApprovalRequestOut.of(four_eyes.reject(ctx, request_id, body.reason))


# --- offline repayment (maker-checker) -----------------------------------------------------------------


class VoucherIn(Schema):
    file_name: str = Field(min_length=1, max_length=200)
    content_type: Literal["application/pdf", "image/jpeg", "image/png"]
    size: int = Field(ge=1, le=20 * 1024 * 1024)
    sha256: str = Field(pattern=r"^[0-9a-fA-F]{64}$", description="hex SHA-256 of the file")


class OfflineRepaymentIn(Schema):
    amount: Amount = Field(gt=0, description="decimal string")
    received_on: date | None = None
    reference: str | None = Field(default=None, max_length=200, description="the bank transfer's reference")
    voucher: VoucherIn


class OfflineRepaymentOut(Schema):
    id: str
    contract_id: str
    amount: Decimal
    currency: str
    received_on: date
    reference: str | None = None
    status: Literal["awaiting_confirmation", "confirmed"]
    recorded_by: str
    recorded_at: datetime | None = None
    confirmed_by: str | None = None
    confirmed_at: datetime | None = None
    repayment_id: str | None = None
    voucher: dict[str, Any]
    upload: dict[str, Any] | None = Field(default=None, description="presigned PUT for the voucher (maker only)")

    @classmethod
    def of(cls, r: dict[str, Any], ticket: Any = None) -> "OfflineRepaymentOut":
        upload = None
        if ticket is not None:
            upload = {"url": ticket.url, "method": ticket.method, "headers": ticket.headers,
                      "expires_at": ticket.expires_at.isoformat()}
        return cls(id=r["id"], contract_id=r["contract_id"], amount=r["amount"], currency=r["currency"],
                   received_on=r["received_on"], reference=r.get("reference"), status=r["status"],
                   recorded_by=r["recorded_by_name"], recorded_at=r.get("recorded_at"),
                   confirmed_by=r.get("confirmed_by"), confirmed_at=r.get("confirmed_at"),
                   repayment_id=r.get("repayment_id"),
                   voucher={k: r["voucher"][k] for k in ("file_name", "content_type", "size", "sha256")}, upload=upload)


class OfflineRepaymentPage(Schema):
    items: list[OfflineRepaymentOut]
    next: str | None = None


class OfflineQueueQuery(Schema):
    status: Literal["pending", "confirmed"] = Field(default="pending",
                                                    description="pending: awaiting a checker's confirmation")
    limit: int = Field(default=50, ge=1, le=200)
    next: str | None = None


class PageQuery(Schema):
    limit: int = Field(default=50, ge=1, le=200)
    next: str | None = None


@api.route("/v1/offline-repayments", roles=STAFF, query=OfflineQueueQuery, response=OfflineRepaymentPage)
def list_offline_repayments(ctx, query: OfflineQueueQuery):
    """The tenant's offline repayments awaiting confirmation (or confirmed), newest first."""
    items, nxt = service.list_offline_repayments(ctx, query.status, query.next, query.limit)
    return OfflineRepaymentPage(items=[OfflineRepaymentOut.of(r) for r in items], next=nxt)


@api.route("/v1/contracts/{contract_id}/offline-repayments", roles=STAFF, query=PageQuery,
           response=OfflineRepaymentPage)
def list_contract_offline_repayments(ctx, contract_id: str, query: PageQuery):
    """The contract's offline repayments in any status, newest first."""
    items, nxt = service.contract_offline_repayments(ctx, contract_id, query.next, query.limit)
    return OfflineRepaymentPage(items=[OfflineRepaymentOut.of(r) for r in items], next=nxt)


@api.route("/v1/contracts/{contract_id}/offline-repayments", "POST", roles=(Role.FINANCE,), body=OfflineRepaymentIn,
           response=OfflineRepaymentOut, status=201)
def record_offline_repayment(ctx, contract_id: str, body: OfflineRepaymentIn):
    """Record an offline repayment (Idempotency-Key required); upload its bank voucher to ``upload``."""
    key = api.idempotency_key("servicing")
    record, ticket = service.record_offline_repayment(ctx, contract_id, body.amount, body.received_on,
                                                      body.reference, body.voucher.model_dump(), key)
    return OfflineRepaymentOut.of(record, ticket)


@api.route("/v1/offline-repayments/{offline_id}", roles=STAFF, response=OfflineRepaymentOut)
def get_offline_repayment(ctx, offline_id: str):
    """An offline repayment and whether it is confirmed."""
    return OfflineRepaymentOut.of(service.get_offline_repayment(ctx, offline_id))


@api.route("/v1/offline-repayments/{offline_id}/confirm", "POST", roles=(Role.FINANCE,),
           response=OfflineRepaymentOut)
def confirm_offline_repayment(ctx, offline_id: str):
    """Confirm an offline repayment (a finance user other than the one who recorded it): it is applied."""
    return OfflineRepaymentOut.of(service.confirm_offline_repayment(ctx, offline_id))
