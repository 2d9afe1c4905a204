"""Application routes: each validates its request, calls one use case and returns a view."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import Field

from chalicelib.shared.ids import ResourceId
from chalicelib.origination.applications import commands, service
from chalicelib.origination.applications.domain import (
    Actor,
    Application,
    AssignedInvoice,
    Document,
    Signature,
)
from chalicelib.origination.applications.lifecycle import Status, allowed_actions
from chalicelib.platform.http import ApiBlueprint, Reply
from chalicelib.shared.schema import Schema
from chalicelib.shared.tenant import SUBSIDIARY_ROLES, Role, TenantContext

api = ApiBlueprint(__name__, tag="applications")

OFFICERS = (Role.LOAN_OFFICER, Role.TENANT_ADMIN)
REVIEWERS = (Role.FIRST_REVIEWER, Role.SECOND_REVIEWER)
DOCUMENT_ROLES = OFFICERS + REVIEWERS
INVOICE_CONFIRMERS = (Role.DEBTOR,) + DOCUMENT_ROLES


def _money(value: Any) -> str | None:
    return None if value is None else format(value, "f")


def _actor(a: Actor | None) -> "ActorView | None":
    return ActorView(user_id=a.user_id, username=a.username) if a else None


# --- views -------------------------------------------------------------------------------------------


class ActorView(Schema):
    user_id: str
    username: str


class CustomerRefView(Schema):
    id: str
    name: str
    type: str
    identity_masked: str
    identity_hash: str


class RiskRuleView(Schema):
    rule: str
    outcome: str
    reason: str
    whitelist_id: str | None = Field(default=None, description="the ``pre_approved`` line: the whitelist")
    run_id: str | None = Field(default=None, description="the ``pre_approved`` line: the run that pre-approved it")


class RiskView(Schema):
    decision: str = Field(description="pass | refer | decline")
    referred: bool = Field(description="true when reviewers must look closely")
    rules: list[RiskRuleView]
    assessed_at: datetime
    product_version: int


class ReviewView(Schema):
    stage: str
    decision: str
    note: str
    reviewer: ActorView
    at: datetime
    round: int


class DocumentView(Schema):
    id: str
    type: str
    file_name: str
    content_type: str
    size: int
    sha256: str
    status: str = Field(description="awaiting_upload | uploaded")
    uploaded_by: ActorView
    requested_at: datetime
    confirmed_at: datetime | None

    @classmethod
    def of(cls, d: Document) -> "DocumentView":
        return cls(id=d.document_id, type=d.type, file_name=d.file_name, content_type=d.content_type, size=d.size,
                   sha256=d.sha256, status=d.status.value, uploaded_by=_actor(d.uploaded_by),
                   requested_at=d.requested_at, confirmed_at=d.confirmed_at)


class ConfirmationView(Schema):
    state: str = Field(description="pending | confirmed | disputed")
    by: ActorView | None
    at: datetime | None
    via: str | None = Field(description="debtor (a debtor user) or staff (with evidence)")
    evidence_document_id: str | None
    note: str | None


class InvoiceView(Schema):
    id: str
    number: str
    debtor_customer_id: str
    debtor_name: str
    face_amount: str
    issue_date: date
    due_date: date
    confirmation: ConfirmationView

    @classmethod
    def of(cls, i: AssignedInvoice) -> "InvoiceView":
        c = i.confirmation
        return cls(id=i.invoice_id, number=i.number, debtor_customer_id=i.debtor_customer_id,
                   debtor_name=i.debtor_name, face_amount=_money(i.face_amount), issue_date=i.issue_date,
                   due_date=i.due_date, confirmation=ConfirmationView(
                       state=c.state.value, by=_actor(c.by), at=c.at, via=c.via,
                       evidence_document_id=c.evidence_document_id, note=c.note))


class AssetView(Schema):
    description: str
    supplier: str
    price: str
    serial: str | None
    quantity: int


class EventView(Schema):
    at: datetime
    actor: ActorView
    kind: str = Field(description="transition (risk check and contract included) | review | document | invoice")
    action: str
    from_status: str | None
    to_status: str | None
    note: str | None
    details: dict[str, Any]


class SignatureView(Schema):
    party: str
    name: str
    signed_at: datetime
    document_sha256: str
    provider: str
    evidence: str

    @classmethod
    def of(cls, s: Signature) -> "SignatureView":
        return cls(party=s.party, name=s.name, signed_at=s.signed_at, document_sha256=s.document_sha256,
                   provider=s.provider, evidence=s.evidence)


class ContractView(Schema):
    id: str
    sha256: str
    issued_at: datetime
    issued_by: ActorView
    provider: str
    envelope_id: str
    signatures: list[SignatureView]


class ApplicationSummary(Schema):
    id: str
    kind: str
    status: str
    product_code: str
    product_version: int | None
    customer: CustomerRefView
    officer: ActorView
    assignee: str | None = Field(description="who must act next, when known: the officer, the reviewer who took it")
    amount: str | None = Field(description="once priced: the principal (loan), financed amount (lease) or advance "
                                           "(factoring); before submission what was asked (a factoring draft: the "
                                           "invoices' face amount)")
    currency: str
    risk_decision: str | None
    risk_flag: str | None = Field(description="refer when the risk check flagged it for reviewers")
    contract_id: str | None
    sign_by: date | None
    created_at: datetime
    updated_at: datetime | None

    @classmethod
    def fields_of(cls, a: Application) -> dict[str, Any]:
        return dict(
            id=a.application_id, kind=a.kind.value, status=a.status.value, product_code=a.product_code,
            product_version=a.pin.version if a.pin else None,
            customer=CustomerRefView(id=a.customer.customer_id, name=a.customer.name, type=a.customer.type,
                                     identity_masked=a.customer.identity_masked,
                                     identity_hash=a.customer.identity_hash),
            officer=_actor(a.officer), assignee=a.assignee, amount=_money(a.amount), currency=a.currency,
            risk_decision=a.risk.decision if a.risk else None, risk_flag=a.risk_flag, contract_id=a.contract_id,
            sign_by=a.sign_by, created_at=a.created_at, updated_at=a.updated_at,
        )

    @classmethod
    def of(cls, a: Application) -> "ApplicationSummary":
        return cls(**cls.fields_of(a))


class ApplicationView(ApplicationSummary):
    terms: dict[str, Any] = Field(description="what the officer asked for")
    priced_terms: dict[str, Any] | None = Field(description="the terms as priced at submission, defaults filled in")
    quote: dict[str, Any] | None = Field(description="the schedule and totals pinned at submission")
    rate: dict[str, Any] | None
    lease_structure: str | None
    assets: list[AssetView]
    invoices: list[InvoiceView]
    risk: RiskView | None
    second_review_required: bool | None
    reviews: list[ReviewView]
    documents: list[DocumentView]
    timeline: list[EventView]
    contract: ContractView | None
    approved_at: datetime | None
    rejection_reason: str | None
    withdrawal_reason: str | None
    disbursement: dict[str, Any] | None
    allowed_actions: list[str]

    @classmethod
    def of(cls, a: Application) -> "ApplicationView":  # type: ignore[override]
        c = a.contract
        return cls(
            **cls.fields_of(a), terms=a.terms, priced_terms=a.priced_terms, quote=a.quote, rate=a.rate,
            lease_structure=a.lease_structure,
            assets=[AssetView(description=x.description, supplier=x.supplier, price=_money(x.price), serial=x.serial,
                              quantity=x.quantity) for x in a.assets],
            invoices=[InvoiceView.of(i) for i in a.invoices],
            risk=None if a.risk is None else RiskView(
                decision=a.risk.decision, referred=a.risk.decision == "refer",
                rules=[RiskRuleView(**r) for r in a.risk.rules], assessed_at=a.risk.assessed_at,
                product_version=a.risk.product_version),
            second_review_required=a.needs_second_review() if a.pin else None,
            reviews=[ReviewView(stage=r.stage.value, decision=r.decision.value, note=r.note,
                                reviewer=_actor(r.reviewer), at=r.at, round=r.round) for r in a.reviews],
            documents=[DocumentView.of(d) for d in a.documents],
            timeline=[EventView(at=e.at, actor=_actor(e.actor), kind=e.kind, action=e.action,
                                from_status=e.from_status, to_status=e.to_status, note=e.note, details=e.details)
                      for e in a.timeline],
            contract=None if c is None else ContractView(
                id=c.contract_id, sha256=c.sha256, issued_at=c.issued_at, issued_by=_actor(c.issued_by),
                provider=c.provider, envelope_id=c.envelope_id, signatures=[SignatureView.of(s) for s in c.signatures]),
            approved_at=a.approved_at, rejection_reason=a.rejection_reason, withdrawal_reason=a.withdrawal_reason,
            disbursement=a.disbursement, allowed_actions=allowed_actions(a.status),
        )


class ApplicationPage(Schema):
    items: list[ApplicationSummary]
    next: str | None = None


class ApplicationQuery(Schema):
    status: Status | None = None
    assignee: str | None = Field(default=None, max_length=128, description='a username, or "me"')
    customer_id: ResourceId | None = None
    limit: int = Field(default=50, ge=1, le=200)
    next: str | None = None


class UploadView(Schema):
    url: str
    method: str
    headers: dict[str, str] = Field(description="send exactly these headers with the PUT")
    expires_at: datetime


class UploadRequestedView(Schema):
    document: DocumentView
    upload: UploadView


class DocumentDownloadView(Schema):
    document: DocumentView
    download_url: str


class ContractDocumentView(Schema):
    contract_id: str | None
    sha256: str
    preview: bool = Field(description="true before the contract is issued: rendered now, not stored")
    html: str
    signatures: list[SignatureView]
    download_url: str | None


class DebtorInvoiceView(Schema):
    application_id: str
    invoice: InvoiceView


class DebtorInvoicePage(Schema):
    items: list[DebtorInvoiceView]


# --- routes -----------------------------------------------------------------------------------------


@api.route("/v1/applications", "POST", roles=OFFICERS, body=commands.OpenApplication, response=ApplicationView,
           status=201, error_scope="origination.application", scopes=("applications:write",))
def open_application(ctx: TenantContext, body: commands.OpenApplication) -> Reply:
    """Open a draft application: product, customer and the kind's terms (assets for a lease, invoices for factoring)."""
    return Reply(ApplicationView.of(service.open_application(ctx, body)), 201)


@api.route("/v1/applications", "GET", roles=SUBSIDIARY_ROLES, query=ApplicationQuery, response=ApplicationPage, scopes=("applications:read", "applications:write"))
def list_applications(ctx: TenantContext, query: ApplicationQuery) -> ApplicationPage:
    """This tenant's applications, newest first; filter by status, assignee (a username or "me"), customer."""
    items, nxt = service.list_applications(ctx, query.next, query.limit, query.status, query.assignee,
                                           query.customer_id)
    return ApplicationPage(items=[ApplicationSummary.of(a) for a in items], next=nxt)


@api.route("/v1/applications/{application_id}", "GET", roles=SUBSIDIARY_ROLES, response=ApplicationView, scopes=("applications:read", "applications:write"))
def get_application(ctx: TenantContext, application_id: str) -> ApplicationView:
    """One application with its quote, risk outcome, reviews, documents, invoices, contract and timeline."""
    return ApplicationView.of(service.get_application(ctx, application_id))


@api.route("/v1/applications/{application_id}", "PATCH", roles=OFFICERS, body=commands.ChangeApplication,
           response=ApplicationView, error_scope="origination.application", scopes=("applications:write",))
def change_application(ctx: TenantContext, body: commands.ChangeApplication, application_id: str) -> ApplicationView:
    """Change a draft or returned application (409 in any other status)."""
    return ApplicationView.of(service.change_application(ctx, application_id, body))


@api.route("/v1/applications/{application_id}", "DELETE", roles=OFFICERS)
def delete_application(ctx: TenantContext, application_id: str) -> Reply:
    """Delete a draft or returned application (409 in any other status)."""
    service.delete_application(ctx, application_id)
    return Reply(None, 204)


@api.route("/v1/applications/{application_id}/submit", "POST", roles=OFFICERS, response=ApplicationView, scopes=("applications:write",))
def submit_application(ctx: TenantContext, application_id: str) -> ApplicationView:
    """Submit: terms checked against the product and priced (version pinned, quote kept), required
    documents checked, then the risk check (decline rejects; pass/refer go to the first reviewer)."""
    return ApplicationView.of(service.submit_application(ctx, application_id))


@api.route("/v1/applications/{application_id}/risk-check", "POST", roles=(Role.FIRST_REVIEWER, Role.TENANT_ADMIN),
           response=ApplicationView)
def run_risk_check(ctx: TenantContext, application_id: str) -> ApplicationView:
    """Run a deferred risk check on a submitted application (submission normally runs it at once)."""
    return ApplicationView.of(service.run_risk_check(ctx, application_id))


@api.route("/v1/applications/{application_id}/withdraw", "POST", roles=OFFICERS, body=commands.Withdrawal,
           response=ApplicationView, error_scope="origination.application", scopes=("applications:write",))
def withdraw_application(ctx: TenantContext, body: commands.Withdrawal, application_id: str) -> ApplicationView:
    """Withdraw the application before a decision."""
    return ApplicationView.of(service.withdraw_application(ctx, application_id, body.reason))


@api.route("/v1/applications/{application_id}/claim", "POST", roles=REVIEWERS, response=ApplicationView)
def claim_application(ctx: TenantContext, application_id: str) -> ApplicationView:
    """A reviewer takes the application (it becomes theirs in the assignee filter)."""
    return ApplicationView.of(service.claim_application(ctx, application_id))


@api.route("/v1/applications/{application_id}/first-review", "POST", roles=(Role.FIRST_REVIEWER,),
           body=commands.ReviewDecision, response=ApplicationView, error_scope="origination.review")
def first_review(ctx: TenantContext, body: commands.ReviewDecision, application_id: str) -> ApplicationView:
    """First review: approve, reject (note required) or return (note required)."""
    return ApplicationView.of(service.first_review(ctx, application_id, body.decision, body.note))


@api.route("/v1/applications/{application_id}/second-review", "POST", roles=(Role.SECOND_REVIEWER,),
           body=commands.ReviewDecision, response=ApplicationView, error_scope="origination.review")
def second_review(ctx: TenantContext, body: commands.ReviewDecision, application_id: str) -> ApplicationView:
    """Second review, by someone other than the first reviewer and the officer."""
    return ApplicationView.of(service.second_review(ctx, application_id, body.decision, body.note))


@api.route("/v1/applications/{application_id}/issue-contract", "POST", roles=OFFICERS, response=ApplicationView)
def issue_contract(ctx: TenantContext, application_id: str) -> ApplicationView:
    """Generate the contract (stored in S3 with its SHA-256) and send it for signature."""
    return ApplicationView.of(service.issue_contract(ctx, application_id))


@api.route("/v1/applications/{application_id}/contract", "GET", roles=SUBSIDIARY_ROLES,
           response=ContractDocumentView)
def get_contract(ctx: TenantContext, application_id: str) -> ContractDocumentView:
    """The contract: the issued document (digest re-checked) or, once approved, a preview."""
    doc = service.contract_document(ctx, application_id)
    return ContractDocumentView(contract_id=doc.contract_id, sha256=doc.sha256, preview=doc.preview, html=doc.html,
                                signatures=[SignatureView.of(s) for s in doc.signatures],
                                download_url=doc.download_url)


@api.route("/v1/applications/{application_id}/sign", "POST", roles=OFFICERS, body=commands.SignContract,
           response=ApplicationView, error_scope="origination.contract")
def sign_contract(ctx: TenantContext, body: commands.SignContract, application_id: str) -> ApplicationView:
    """Sign the issued contract through the e-signature provider (customer and lender)."""
    return ApplicationView.of(service.sign_contract(ctx, application_id, body.document_sha256))


@api.route("/v1/applications/{application_id}/documents", "POST", roles=DOCUMENT_ROLES,
           body=commands.RequestUpload, response=UploadRequestedView, status=201, error_scope="origination.document")
def request_document_upload(ctx: TenantContext, body: commands.RequestUpload, application_id: str) -> Reply:
    """A presigned S3 PUT for one checklist item (type, size and SHA-256 declared up front)."""
    requested = service.request_document_upload(ctx, application_id, body)
    t = requested.upload
    return Reply(UploadRequestedView(document=DocumentView.of(requested.document),
                                     upload=UploadView(url=t.url, method=t.method, headers=t.headers,
                                                       expires_at=t.expires_at)), 201)


@api.route("/v1/applications/{application_id}/documents/{document_id}/confirm", "POST", roles=DOCUMENT_ROLES,
           response=DocumentView)
def confirm_document(ctx: TenantContext, application_id: str, document_id: str) -> DocumentView:
    """Confirm an upload: its size and SHA-256 are checked against what was declared."""
    return DocumentView.of(service.confirm_document(ctx, application_id, document_id))


@api.route("/v1/applications/{application_id}/documents/{document_id}", "GET", roles=SUBSIDIARY_ROLES,
           response=DocumentDownloadView)
def get_document(ctx: TenantContext, application_id: str, document_id: str) -> DocumentDownloadView:
    """A document with a short-lived download URL."""
    doc, url = service.document_download(ctx, application_id, document_id)
    return DocumentDownloadView(document=DocumentView.of(doc), download_url=url)


@api.route("/v1/applications/{application_id}/invoices/{invoice_id}/confirm", "POST", roles=INVOICE_CONFIRMERS,
           body=commands.ConfirmInvoice, response=InvoiceView, error_scope="origination.invoice")
def confirm_invoice(ctx: TenantContext, body: commands.ConfirmInvoice, application_id: str,
                    invoice_id: str) -> InvoiceView:
    """The debtor confirms (or disputes) an assigned invoice; staff record it with an evidence document."""
    return InvoiceView.of(service.confirm_invoice(ctx, application_id, invoice_id, body))


@api.route("/v1/debtor/invoices", "GET", roles=(Role.DEBTOR,), response=DebtorInvoicePage)
def debtor_invoices(ctx: TenantContext) -> DebtorInvoicePage:
    """For a debtor user: the invoices assigned against the company it acts for."""
    items = service.invoices_for_debtor(ctx)
    return DebtorInvoicePage(items=[DebtorInvoiceView(application_id=i.application_id,
                                                      invoice=InvoiceView.of(i.invoice)) for i in items])
