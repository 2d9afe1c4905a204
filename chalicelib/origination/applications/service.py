"""Application use cases: open, change, submit (price, pin, risk check), review, document, contract,
sign — and the two hooks other contexts call: ``mark_disbursed`` (servicing, after the ledger posts
the disbursement) and ``expire_stale`` (the end-of-day batch).

Each use case loads the aggregate, asks the domain to change it (the lifecycle table and segregation
of duties live there) and commits the change with its timeline in one transaction. Repositories,
the product catalog, document storage, the signature provider and the clock come in as keyword
arguments and default to ``wiring``.
"""
from __future__ import annotations

from chalicelib.shared import clock

import base64
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING, Any, Callable
from zoneinfo import ZoneInfo

from chalicelib.origination import wiring
from chalicelib.origination.applications import commands, group_effects
from chalicelib.origination.applications import facility_effects, whitelist_effects
from chalicelib.origination.applications.contract import Party, render_contract
from chalicelib.origination.applications.domain import (
    Actor,
    Application,
    AssignedInvoice,
    ConfirmationState,
    ContractRecord,
    CustomerRef,
    Decision,
    Document,
    DocumentStatus,
    InvoiceConfirmation,
    Kind,
    LeasedAsset,
    Priced,
    ProductPin,
    Signature,
    TimelineEvent,
)
from chalicelib.origination.applications.lifecycle import (
    Action,
    Status,
    illegal,
    statuses_allowing,
)
from chalicelib.origination.applications.ports import (
    DocumentStorage,
    ProductCatalog,
    ProductOffer,
    SignatureProvider,
    Signer,
    UploadTicket,
)
from chalicelib.origination.applications.storage import contract_key, document_key, sha256_b64_of_hex, sha256_hex
from chalicelib.origination.customers.domain import Customer, CustomerType, VerificationLevel
from chalicelib.risk.rules import RiskSubject, assess
from chalicelib.shared.errors import Conflict, NotFound, RuleViolation
from chalicelib.shared.ids import new_id
from chalicelib.shared.tenant import Role, TenantContext

if TYPE_CHECKING:
    from chalicelib.origination.applications.store import Applications
    from chalicelib.origination.blacklist.store import Blacklist
    from chalicelib.origination.customers.store import Customers
    from chalicelib.origination.debtors.store import DebtorUsers

Clock = Callable[[], datetime]
BUSINESS_TIMEZONE = ZoneInfo("Asia/Shanghai")
UPLOAD_SECONDS = 900
DOWNLOAD_SECONDS = 300
EXTRA_DOCUMENT_TYPES = ("OTHER", "DEBTOR_CONFIRMATION", "REPAYMENT_VOUCHER")
LIVE = (Status.APPROVED, Status.CONTRACT_ISSUED, Status.SIGNED, Status.DISBURSED)  # business granted or done
S, A = Status, Action


utc_now = clock.now


def actor_of(ctx: TenantContext) -> Actor:
    return Actor(ctx.user_id, ctx.username)


def _load(ctx: TenantContext, application_id: str, store: "Applications") -> Application:
    app = store.load(ctx, application_id)
    if app is None:
        raise NotFound("origination.application.not_found", "application not found",
                       {"application_id": application_id})
    return app


# --- opening and changing a draft ---------------------------------------------------------------------


def open_application(ctx: TenantContext, command: commands.OpenApplication, *, store: "Applications | None" = None,
                     customers: "Customers | None" = None, catalog: ProductCatalog | None = None,
                     now: Clock = utc_now) -> Application:
    """A draft on the product's active version for a customer of this tenant (terms are checked
    against the product's bounds at submission, not now)."""
    store = store or wiring.applications()
    customers = customers or wiring.customers()
    catalog = catalog or wiring.products()
    offer = catalog.active(ctx, command.product_code)
    customer = customers.find(ctx, command.customer_id)
    if customer is None:
        raise RuleViolation("origination.application.customer_not_found", "customer not found",
                            {"field": "customer_id", "customer_id": command.customer_id})
    if customer.type.value != offer.segment:
        raise RuleViolation("origination.application.segment_mismatch",
                            f"{offer.code} is for {offer.segment} customers; this customer is {customer.type.value}",
                            {"field": "customer_id", "segment": offer.segment})
    _check_verification_level(offer, customer)
    kind = Kind(offer.kind)
    catalog.check_terms(kind.value, command.terms)
    assets = _assets(kind, command.assets)
    invoices = _invoices(ctx, kind, command.invoices, customer, customers, previous=())
    structure = _lease_structure(kind, offer, command.lease_structure)
    at = now()
    app = Application.open(new_id("app"), kind, offer.code, _customer_ref(customer), actor_of(ctx), at,
                           _json_terms(command.terms), structure, assets, invoices,
                           _draft_amount(kind, command.terms, invoices), offer.currency)
    if command.facility_id:  # the facility must be drawable before the draft exists
        facility_effects.link(ctx, app.application_id, command.facility_id)
    return store.add(ctx, app)


def _check_verification_level(offer: ProductOffer, customer: Customer) -> None:
    """422 unless the customer has reached the product's minimum verification level."""
    if offer.min_verification_level is None:
        return
    needed = VerificationLevel(offer.min_verification_level)
    if not customer.verification_level.at_least(needed):
        raise RuleViolation("origination.application.verification_below_minimum",
                            f"{offer.code} needs a customer verified to {needed.value}; "
                            f"this customer is {customer.verification_level.value}",
                            {"field": "customer_id", "required": needed.value,
                             "level": customer.verification_level.value})


def change_application(ctx: TenantContext, application_id: str, command: commands.ChangeApplication, *,
                       store: "Applications | None" = None, customers: "Customers | None" = None,
                       catalog: ProductCatalog | None = None, now: Clock = utc_now) -> Application:
    """Change a draft or returned application: terms merge, assets and invoices are replaced."""
    store = store or wiring.applications()
    customers = customers or wiring.customers()
    catalog = catalog or wiring.products()
    app = _load(ctx, application_id, store)
    app.ensure(A.MODIFY)
    changes: dict[str, Any] = {}
    old_invoices = app.invoices
    if command.terms is not None:
        terms = _merge(app.terms, _json_terms(command.terms))
        catalog.check_terms(app.kind.value, terms)
        changes["terms"] = terms
    if command.assets is not None:
        changes["assets"] = _assets(app.kind, command.assets)
    if command.invoices is not None:
        applicant = customers.find(ctx, app.customer.customer_id)
        assert applicant is not None
        changes["invoices"] = _invoices(ctx, app.kind, command.invoices, applicant, customers, previous=old_invoices)
    if command.lease_structure is not None:
        changes["lease_structure"] = _lease_structure(app.kind, catalog.active(ctx, app.product_code),
                                                      command.lease_structure)
    if "terms" in changes or "invoices" in changes:
        changes["amount"] = _draft_amount(app.kind, changes.get("terms", app.terms),
                                          changes.get("invoices", app.invoices))
    app.modify(actor_of(ctx), now(), **changes)
    return store.commit(ctx, app, replaced_invoices=old_invoices if "invoices" in changes else None)


def delete_application(ctx: TenantContext, application_id: str, *, store: "Applications | None" = None,
                       documents: DocumentStorage | None = None) -> None:
    """Delete a draft or returned application, its documents, and free its invoices."""
    store, documents = store or wiring.applications(), documents or wiring.documents()
    app = _load(ctx, application_id, store)
    app.ensure(A.DELETE)
    keys = store.delete_application(ctx, app, tuple(statuses_allowing(A.DELETE)))
    if keys:
        documents.delete(ctx.tenant_id, keys)


def _json_terms(terms: dict[str, Any]) -> dict[str, Any]:
    """Terms as JSON-ready values (decimals as strings), so they store and compare exactly."""
    def plain(v: Any) -> Any:
        if isinstance(v, Decimal):
            return format(v, "f")
        if isinstance(v, dict):
            return {k: plain(x) for k, x in v.items()}
        if isinstance(v, list):
            return [plain(x) for x in v]
        return v
    return {k: plain(v) for k, v in terms.items()}


def _merge(current: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
    merged = dict(current)
    for k, v in patch.items():
        if v is None:
            merged.pop(k, None)
        else:
            merged[k] = v
    return merged


def _assets(kind: Kind, assets: list[commands.LeasedAssetIn]) -> tuple[LeasedAsset, ...]:
    if assets and kind is not Kind.LEASE:
        raise RuleViolation("origination.application.assets.invalid", "only a lease carries leased assets",
                            {"field": "assets"})
    return tuple(LeasedAsset(a.description, a.supplier, a.price, a.serial, a.quantity) for a in assets)


def _lease_structure(kind: Kind, offer: ProductOffer, asked: str | None) -> str | None:
    if kind is not Kind.LEASE:
        if asked is not None:
            raise RuleViolation("origination.application.lease_structure.invalid", "only a lease has a structure",
                                {"field": "lease_structure"})
        return None
    if asked is not None and offer.lease_structure and asked != offer.lease_structure:
        raise RuleViolation("origination.application.lease_structure.invalid",
                            f"{offer.code} is a {offer.lease_structure} lease", {"field": "lease_structure"})
    return asked or offer.lease_structure or "direct"


def _invoices(ctx: TenantContext, kind: Kind, given: list[commands.InvoiceIn], applicant: Customer,
              customers: "Customers", previous: tuple[AssignedInvoice, ...]) -> tuple[AssignedInvoice, ...]:
    """Invoices with their debtors resolved. One kept from ``previous`` (same debtor and number)
    keeps its id and confirmation."""
    from chalicelib.origination.applications.store import invoice_digest

    if given and kind is not Kind.FACTORING:
        raise RuleViolation("origination.application.invoices.invalid", "only a factoring application carries invoices",
                            {"field": "invoices"})
    kept = {invoice_digest(i.debtor_identity_hash, i.number): i for i in previous}
    seen: set[str] = set()
    out = []
    for n, inv in enumerate(given):
        debtor = customers.find(ctx, inv.debtor_customer_id)
        field = f"invoices.{n}.debtor_customer_id"
        if debtor is None or debtor.type is not CustomerType.ENTERPRISE:
            raise RuleViolation("origination.invoice.debtor_not_found",
                                "the debtor must be an enterprise customer here",
                                {"field": field, "debtor_customer_id": inv.debtor_customer_id})
        if debtor.customer_id == applicant.customer_id:
            raise RuleViolation("origination.invoice.debtor_is_seller", "a seller cannot be its own debtor",
                                {"field": field})
        digest = invoice_digest(debtor.identity_hash, inv.number)
        if digest in seen:
            raise RuleViolation("origination.invoice.duplicate", "the same invoice is listed twice",
                                {"field": f"invoices.{n}.number", "number": inv.number})
        seen.add(digest)
        old = kept.get(digest)
        if old is not None and (old.face_amount, old.issue_date, old.due_date) == (inv.face_amount, inv.issue_date,
                                                                                   inv.due_date):
            out.append(old)
            continue
        out.append(AssignedInvoice(old.invoice_id if old else new_id("inv"), inv.number.strip(), debtor.customer_id,
                                   debtor.name, debtor.identity_hash, inv.face_amount, inv.issue_date, inv.due_date))
    return tuple(out)


def _draft_amount(kind: Kind, terms: dict[str, Any], invoices: tuple[AssignedInvoice, ...]) -> Decimal | None:
    if kind is Kind.FACTORING:
        return sum((i.face_amount for i in invoices), Decimal(0)) if invoices else None
    principal = terms.get("principal")
    return Decimal(str(principal)) if principal is not None else None


def _customer_ref(c: Customer) -> CustomerRef:
    return CustomerRef(c.customer_id, c.name, c.type.value, c.identity_hash, c.identity_masked)


# --- reading ------------------------------------------------------------------------------------------


def get_application(ctx: TenantContext, application_id: str, *, store: "Applications | None" = None) -> Application:
    return _load(ctx, application_id, store or wiring.applications())


def list_applications(ctx: TenantContext, cursor: str | None = None, limit: int = 50, status: Status | None = None,
                      assignee: str | None = None, customer_id: str | None = None, *,
                      store: "Applications | None" = None) -> tuple[list[Application], str | None]:
    """This tenant's applications, newest first; ``assignee="me"`` is the caller's queue."""
    if assignee == "me":
        assignee = ctx.username
    return (store or wiring.applications()).page(ctx, cursor, limit, status, assignee, customer_id)


# --- submission and the risk check ------------------------------------------------------------------------


def submit_application(ctx: TenantContext, application_id: str, *, run_risk_check: bool = True,
                       store: "Applications | None" = None, customers: "Customers | None" = None,
                       catalog: ProductCatalog | None = None, blacklist: "Blacklist | None" = None,
                       now: Clock = utc_now) -> Application:
    """Check the terms against the product's active version and price them (the version is pinned and
    the quote kept), require the checklist's documents, then run the product's risk rules: ``decline``
    rejects the application, ``pass``/``refer`` leave it ``risk_checked`` for the first reviewer.

    With ``run_risk_check=False`` the application waits in ``submitted`` for ``run_risk_check``
    (a deferred check: an external bureau, a batch)."""
    store, customers = store or wiring.applications(), customers or wiring.customers()
    catalog, blacklist = catalog or wiring.products(), blacklist or wiring.blacklist()
    app = _load(ctx, application_id, store)
    app.ensure(A.SUBMIT)
    at = now()
    today = clock.business_date(ctx)
    _check_kind_details(app)
    priced = catalog.price(ctx, app.product_code, _pricing_terms(app), today)
    offer = priced.offer
    amount = Decimal(str(priced.quote["totals"]["principal"]))
    if app.kind is Kind.LEASE:
        _check_assets_cover(app, amount)
    pin = ProductPin(offer.version, offer.second_review_required, offer.second_review_above,
                     offer.signing_window_days, offer.required_documents)
    pin = whitelist_effects.fast_path_pin(pin, whitelist_effects.pre_approval(
        ctx, app.customer.customer_id, app.product_code, amount, offer.currency))  # a pre-approved customer: one level
    previous = app.status
    app.submit(actor_of(ctx), at, Priced(pin, priced.terms, priced.quote, amount, offer.currency, priced.rate,
                                         _monthly_payment(app.kind, priced.terms, priced.quote)))
    if run_risk_check:
        _assess(ctx, app, offer, customers, store, blacklist, at)
    if app.status is not S.REJECTED:
        facility_effects.block(ctx, app)  # before the commit: a facility that says no leaves the application as it was
    try:
        return store.commit(ctx, app, previous_status=previous, new_quote=True)
    except Exception:
        now_ = store.load(ctx, application_id)
        if now_ is None or now_.status in (S.DRAFT, S.RETURNED):  # not a racing submission that won
            facility_effects.release(ctx, application_id, "submission not committed")
        raise


def run_risk_check(ctx: TenantContext, application_id: str, *, store: "Applications | None" = None,
                   customers: "Customers | None" = None, catalog: ProductCatalog | None = None,
                   blacklist: "Blacklist | None" = None, now: Clock = utc_now) -> Application:
    """Run the pinned product version's risk rules on a ``submitted`` application."""
    store, customers = store or wiring.applications(), customers or wiring.customers()
    catalog, blacklist = catalog or wiring.products(), blacklist or wiring.blacklist()
    app = _load(ctx, application_id, store)
    app.ensure(A.PASS_RISK)
    assert app.pin is not None
    previous = app.status
    _assess(ctx, app, catalog.version(ctx, app.product_code, app.pin.version), customers, store, blacklist, now())
    return store.commit(ctx, app, previous_status=previous)


def _assess(ctx: TenantContext, app: Application, offer: ProductOffer, customers: "Customers",
            store: "Applications", blacklist: "Blacklist", at: datetime) -> None:
    customer = customers.find(ctx, app.customer.customer_id)
    assert customer is not None and app.priced_terms is not None
    subject = _risk_subject(ctx, app, customer, app.priced_terms, store, blacklist, clock.business_date(ctx))
    assessment = assess(offer.risk, subject)
    pre = whitelist_effects.risk_result(whitelist_effects.pre_approval(
        ctx, app.customer.customer_id, app.product_code, app.amount, app.currency))
    app.record_risk(assessment.decision.value,
                    tuple({"rule": r.rule, "outcome": r.outcome.value, "reason": r.reason} for r in assessment.results)
                    + ((pre,) if pre else ()), at)


def _check_kind_details(app: Application) -> None:
    if app.kind is Kind.LEASE and not app.assets:
        raise RuleViolation("origination.application.assets.required", "a lease names the asset(s) it finances",
                            {"field": "assets"})
    if app.kind is Kind.FACTORING and not app.invoices:
        raise RuleViolation("origination.application.invoices.required",
                            "a factoring application names the invoices it assigns", {"field": "invoices"})


def _check_assets_cover(app: Application, financed: Decimal) -> None:
    total = sum((a.price * a.quantity for a in app.assets), Decimal(0))
    if financed > total:
        raise RuleViolation("origination.application.assets.insufficient",
                            f"the financed amount {financed} exceeds the assets' price {total}",
                            {"field": "assets", "financed": format(financed, "f"), "assets_total": format(total, "f")})


def _pricing_terms(app: Application) -> dict[str, Any]:
    terms = dict(app.terms)
    if app.kind is Kind.FACTORING:
        terms["invoices"] = [{"number": i.number, "debtor": i.debtor_name, "face_amount": format(i.face_amount, "f"),
                              "issue_date": i.issue_date.isoformat(), "due_date": i.due_date.isoformat()}
                             for i in app.invoices]
    return terms


_MONTHS = {"monthly": 1, "quarterly": 3, "semi-annual": 6, "annual": 12}


def _monthly_payment(kind: Kind, terms: dict[str, Any], quote: dict[str, Any]) -> Decimal | None:
    """The heaviest instalment, per month: what a debt-to-income rule weighs."""
    if kind is Kind.FACTORING or not quote.get("installments"):
        return None
    months = _MONTHS.get(str(terms.get("frequency", "monthly")), 1)
    largest = max(Decimal(str(row["payment"])) for row in quote["installments"])
    return (largest / months).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)


def _risk_subject(ctx: TenantContext, app: Application, customer: Customer, terms: dict[str, Any],
                  store: "Applications", blacklist: "Blacklist", today: date) -> RiskSubject:
    others = [o for o in store.of_customer(ctx, customer.customer_id)
              if o.application_id != app.application_id and o.status in LIVE]
    related = {p.identity_hash: p.relation.value for p in customer.related_parties}
    listed = blacklist.listed(ctx, [customer.identity_hash, *related])
    age = customer.age_on(today)
    months = _MONTHS.get(str(terms.get("frequency", "monthly")), 1)
    income = Decimal(customer.annual_income) / 12 if customer.annual_income else None
    debt = None
    if app.monthly_payment is not None:
        debt = app.monthly_payment + sum((o.monthly_payment or Decimal(0) for o in others), Decimal(0))
    return RiskSubject(
        applicant_type=customer.type.value,
        amount=app.amount or Decimal(0),
        term_months=int(terms["term"]) * months if app.kind is not Kind.FACTORING and "term" in terms else None,
        applicant_age=age if customer.type is CustomerType.INDIVIDUAL else None,
        company_age_years=age if customer.type is CustomerType.ENTERPRISE else None,
        monthly_income=income,
        monthly_debt_service=debt,
        industry=customer.industry,
        blacklisted=customer.identity_hash in listed,
        blacklisted_related_parties=tuple(sorted(related[h] for h in listed if h in related)),
        existing_exposure=sum((o.amount or Decimal(0) for o in others if o.product_code == app.product_code),
                              Decimal(0)),
        verification_level=customer.verification_level.value,
    )


# --- reviews ---------------------------------------------------------------------------------------------


def claim_application(ctx: TenantContext, application_id: str, *, store: "Applications | None" = None,
                      now: Clock = utc_now) -> Application:
    """A reviewer takes an application from the queue (first review: ``risk_checked`` → ``first_review``)."""
    store = store or wiring.applications()
    app = _load(ctx, application_id, store)
    if app.status is S.SECOND_REVIEW and Role.SECOND_REVIEWER in ctx.roles:
        app.claim_second_review(actor_of(ctx), now())
    elif Role.FIRST_REVIEWER in ctx.roles:
        app.start_first_review(actor_of(ctx), now())
    else:
        raise illegal(app.status, A.CLAIM_SECOND)
    return store.commit(ctx, app)


def first_review(ctx: TenantContext, application_id: str, decision: Decision, note: str | None, *,
                 store: "Applications | None" = None, customers: "Customers | None" = None,
                 now: Clock = utc_now) -> Application:
    """The first reviewer approves (→ approved, or second review when the product or amount needs
    one), rejects (with a reason) or returns the application to the officer."""
    store = store or wiring.applications()
    app = _load(ctx, application_id, store)
    before = app.status
    app.first_review(decision, note, actor_of(ctx), now(), clock.business_date(ctx))
    return _commit_decision(ctx, app, before, store, customers,
                            require_confirmed_invoices=decision is Decision.APPROVE and bool(app.invoices))


def second_review(ctx: TenantContext, application_id: str, decision: Decision, note: str | None, *,
                  store: "Applications | None" = None, customers: "Customers | None" = None,
                  now: Clock = utc_now) -> Application:
    """The second reviewer decides, with the first reviewer's note and the risk outcome before them."""
    store = store or wiring.applications()
    app = _load(ctx, application_id, store)
    before = app.status
    app.second_review(decision, note, actor_of(ctx), now(), clock.business_date(ctx))
    return _commit_decision(ctx, app, before, store, customers,
                            require_confirmed_invoices=decision is Decision.APPROVE and bool(app.invoices))


# Statuses in which an application owns its group limit hold: approved and on, or still awaiting the
# decision (which will reuse the hold, or release it).
_KEEPS_HOLD = (S.FIRST_REVIEW, S.SECOND_REVIEW, S.APPROVED, S.CONTRACT_ISSUED, S.SIGNED, S.DISBURSED)


def _commit_decision(ctx: TenantContext, app: Application, before: Status, store: "Applications",
                     customers: "Customers | None", *, require_confirmed_invoices: bool) -> Application:
    """Commit a review decision. The final approval first holds the amount on the customer's group
    limit (409 ``origination.application.group_limit_declined``, the application unchanged, when there
    is no headroom) and announces ``application.approved`` once committed; a rejection or a return
    releases a hold a racing approval may have placed."""
    approving = app.status is S.APPROVED
    if not approving:
        committed = store.commit(ctx, app, previous_status=before,
                                 require_confirmed_invoices=require_confirmed_invoices)
        if committed.status in (S.REJECTED, S.RETURNED):
            group_effects.release(ctx, app.application_id, reason=committed.status.value)
            facility_effects.release(ctx, app.application_id, committed.status.value)
        return committed
    customer = (customers or wiring.customers()).find(ctx, app.customer.customer_id)
    related = [p.identity_hash for p in customer.related_parties] if customer else []
    group_effects.hold(ctx, app, related)
    try:
        committed = store.commit(ctx, app, previous_status=before,
                                 require_confirmed_invoices=require_confirmed_invoices)
    except Exception:
        now_ = store.load(ctx, app.application_id)
        if now_ is None or now_.status not in _KEEPS_HOLD:
            group_effects.release(ctx, app.application_id, reason="approval not committed")
        raise
    group_effects.publish(ctx, "application.approved", {
        "application_id": committed.application_id, "kind": committed.kind.value,
        "product_code": committed.product_code, "customer_id": committed.customer.customer_id,
        "amount": group_effects.money(committed.amount), "currency": committed.currency,
        "approved_at": committed.approved_at.isoformat() if committed.approved_at else None,
        "sign_by": committed.sign_by.isoformat() if committed.sign_by else None,
    }, source_id=committed.application_id)
    return committed


def withdraw_application(ctx: TenantContext, application_id: str, reason: str | None = None, *,
                         store: "Applications | None" = None, now: Clock = utc_now) -> Application:
    """The officer withdraws the application before a decision; its invoices are free again."""
    store = store or wiring.applications()
    app = _load(ctx, application_id, store)
    before = app.status
    app.withdraw(actor_of(ctx), now(), reason)
    committed = store.commit(ctx, app, previous_status=before)
    group_effects.release(ctx, application_id, reason="withdrawn")  # one a racing approval may have placed
    facility_effects.release(ctx, application_id, "withdrawn")
    return committed


# --- documents ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UploadRequested:
    document: Document
    upload: UploadTicket


def request_document_upload(ctx: TenantContext, application_id: str, command: commands.RequestUpload, *,
                            store: "Applications | None" = None, catalog: ProductCatalog | None = None,
                            documents: DocumentStorage | None = None, now: Clock = utc_now) -> UploadRequested:
    """A presigned S3 upload for one checklist item. S3 holds the upload to the declared size and
    SHA-256; the document counts once ``confirm_document`` has checked what arrived."""
    store = store or wiring.applications()
    catalog = catalog or wiring.products()
    documents = documents or wiring.documents()
    app = _load(ctx, application_id, store)
    app.ensure(A.ATTACH_DOCUMENT)
    if app.pin:
        offer = catalog.version(ctx, app.product_code, app.pin.version)
    else:
        offer = catalog.active(ctx, app.product_code)
    allowed = [d.code for d in offer.documents] + list(EXTRA_DOCUMENT_TYPES)
    if command.type not in allowed:
        raise RuleViolation("origination.document.type.invalid", f"{command.type} is not on this product's checklist",
                            {"field": "type", "allowed": allowed})
    at = now()
    document_id = new_id("doc")
    key = document_key(ctx.tenant_id, app.application_id, document_id, _safe_file_name(command.file_name))
    doc = Document(document_id, command.type, command.file_name, command.content_type, command.size,
                   command.sha256.lower(), key, DocumentStatus.AWAITING_UPLOAD, actor_of(ctx), at)
    ticket = documents.presign_upload(ctx.tenant_id, key, command.content_type, command.size,
                                      sha256_b64_of_hex(doc.sha256), UPLOAD_SECONDS)
    event = TimelineEvent(at, actor_of(ctx), "document", "upload_requested", app.status.value, app.status.value,
                          None, {"document_id": document_id, "type": command.type, "size": command.size,
                                 "sha256": doc.sha256})
    store.add_document(ctx, app.application_id, doc, event, statuses_allowing(A.ATTACH_DOCUMENT))
    return UploadRequested(doc, ticket)


def _safe_file_name(name: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in "._-" else "_" for c in name.strip())[-120:]
    return cleaned.lstrip(".") or "document"


def confirm_document(ctx: TenantContext, application_id: str, document_id: str, *,
                     store: "Applications | None" = None, documents: DocumentStorage | None = None,
                     now: Clock = utc_now) -> Document:
    """Check the uploaded object's size and SHA-256 against what was declared; then it counts."""
    store, documents = store or wiring.applications(), documents or wiring.documents()
    app = _load(ctx, application_id, store)
    doc = _document(app, document_id)
    if doc.status is DocumentStatus.UPLOADED:
        return doc
    app.ensure(A.ATTACH_DOCUMENT)
    stored = documents.head(ctx.tenant_id, doc.key)
    if stored is None:
        raise RuleViolation("origination.document.not_uploaded", "nothing has been uploaded for this document yet",
                            {"document_id": document_id})
    if stored.size != doc.size:
        raise RuleViolation("origination.document.size_mismatch", "the upload is not the declared size",
                            {"declared": doc.size, "uploaded": stored.size})
    expected = sha256_b64_of_hex(doc.sha256)
    # An endpoint that keeps no checksum (moto) leaves it to us to hash what arrived.
    actual = stored.sha256_b64 or base64.b64encode(
        bytes.fromhex(sha256_hex(documents.get(ctx.tenant_id, doc.key)))).decode()
    if actual != expected:
        raise RuleViolation("origination.document.checksum_mismatch", "the upload's SHA-256 is not the declared one",
                            {"declared": doc.sha256, "uploaded": base64.b64decode(actual).hex()})
    at = now()
    confirmed = replace(doc, status=DocumentStatus.UPLOADED, confirmed_at=at)
    event = TimelineEvent(at, actor_of(ctx), "document", "uploaded", app.status.value, app.status.value, None,
                          {"document_id": document_id, "type": doc.type, "sha256": doc.sha256})
    store.confirm_document(ctx, app.application_id, confirmed, event, statuses_allowing(A.ATTACH_DOCUMENT))
    return confirmed


def document_download(ctx: TenantContext, application_id: str, document_id: str, *, store: "Applications | None" = None,
                      documents: DocumentStorage | None = None) -> tuple[Document, str]:
    """A document and a short-lived URL to download it."""
    store, documents = store or wiring.applications(), documents or wiring.documents()
    doc = _document(_load(ctx, application_id, store), document_id)
    if doc.status is not DocumentStatus.UPLOADED:
        raise RuleViolation("origination.document.not_uploaded", "the document has not been uploaded",
                            {"document_id": document_id})
    return doc, documents.presign_download(ctx.tenant_id, doc.key, DOWNLOAD_SECONDS)


def _document(app: Application, document_id: str) -> Document:
    doc = next((d for d in app.documents if d.document_id == document_id), None)
    if doc is None:
        raise NotFound("origination.document.not_found", "document not found", {"document_id": document_id})
    return doc


# --- invoices -------------------------------------------------------------------------------------------


def confirm_invoice(ctx: TenantContext, application_id: str, invoice_id: str, command: commands.ConfirmInvoice, *,
                    store: "Applications | None" = None, debtors: "DebtorUsers | None" = None,
                    now: Clock = utc_now) -> AssignedInvoice:
    """The debtor confirms (or disputes) an invoice assigned against it — as a debtor user, or
    recorded by staff with an uploaded evidence document. Once only."""
    from chalicelib.origination.debtors.service import debtor_customer

    store = store or wiring.applications()
    as_debtor = Role.DEBTOR in ctx.roles and not ctx.has_any((Role.LOAN_OFFICER, Role.FIRST_REVIEWER,
                                                              Role.SECOND_REVIEWER, Role.TENANT_ADMIN))
    app = store.load(ctx, application_id)
    invoice = next((i for i in app.invoices if i.invoice_id == invoice_id), None) if app else None
    if as_debtor and invoice is not None and invoice.debtor_customer_id != debtor_customer(ctx, debtors):
        invoice = None  # another debtor's invoice reads as absent
    if app is None or invoice is None:
        raise NotFound("origination.invoice.not_found", "invoice not found",
                       {"application_id": application_id, "invoice_id": invoice_id})
    app.ensure(A.CONFIRM_INVOICE)
    if invoice.confirmation.state is not ConfirmationState.PENDING:
        raise Conflict("origination.invoice.already_confirmed",
                       f"the invoice is already {invoice.confirmation.state.value}",
                       {"state": invoice.confirmation.state.value})
    if not as_debtor:
        evidence = next((d for d in app.documents if d.document_id == command.evidence_document_id), None)
        if evidence is None or evidence.status is not DocumentStatus.UPLOADED:
            raise RuleViolation("origination.invoice.evidence_required",
                                "staff record a debtor's confirmation only with an uploaded evidence document",
                                {"field": "evidence_document_id"})
    at = now()
    state = ConfirmationState.CONFIRMED if command.decision == "confirm" else ConfirmationState.DISPUTED
    confirmed = replace(invoice, confirmation=InvoiceConfirmation(
        state, actor_of(ctx), at, "debtor" if as_debtor else "staff",
        None if as_debtor else command.evidence_document_id, command.note))
    event = TimelineEvent(at, actor_of(ctx), "invoice", f"invoice_{state.value}", app.status.value, app.status.value,
                          command.note, {"invoice_id": invoice_id, "number": invoice.number,
                                         "via": confirmed.confirmation.via,
                                         "evidence_document_id": confirmed.confirmation.evidence_document_id})
    store.record_confirmation(ctx, app, confirmed, event, statuses_allowing(A.CONFIRM_INVOICE))
    return confirmed


@dataclass(frozen=True)
class DebtorInvoice:
    application_id: str
    invoice: AssignedInvoice


def invoices_for_debtor(ctx: TenantContext, *, store: "Applications | None" = None,
                        debtors: "DebtorUsers | None" = None) -> list[DebtorInvoice]:
    """The invoices assigned against the debtor the caller acts for."""
    from chalicelib.origination.debtors.service import debtor_customer

    customer_id = debtor_customer(ctx, debtors)
    store = store or wiring.applications()
    return [DebtorInvoice(app_id, inv) for app_id, inv in store.debtor_invoices(ctx, customer_id)]


# --- contract and signature -------------------------------------------------------------------------------


def issue_contract(ctx: TenantContext, application_id: str, *, store: "Applications | None" = None,
                   catalog: ProductCatalog | None = None, documents: DocumentStorage | None = None,
                   signatures: SignatureProvider | None = None, now: Clock = utc_now) -> Application:
    """Render the contract (parties, terms, full schedule), store it in S3 with its SHA-256 and send it
    out for signature."""
    store, catalog = store or wiring.applications(), catalog or wiring.products()
    documents, signatures = documents or wiring.documents(), signatures or wiring.signatures()
    app = _load(ctx, application_id, store)
    app.ensure(A.ISSUE_CONTRACT)
    assert app.pin is not None
    at = now()
    contract_id = new_id("ctr")
    offer = catalog.version(ctx, app.product_code, app.pin.version)
    html = render_contract(app, contract_id, clock.business_date(ctx), _lender(ctx), offer.name.get("zh-CN", offer.code))
    body = html.encode("utf-8")
    digest = sha256_hex(body)
    key = contract_key(ctx.tenant_id, app.application_id, contract_id)
    documents.put(ctx.tenant_id, key, body, "text/html; charset=utf-8")
    envelope = signatures.open_envelope(contract_id, digest, _signers(ctx, app))
    app.issue_contract(ContractRecord(contract_id, key, digest, at, actor_of(ctx), signatures.name, envelope), at)
    return store.commit(ctx, app)


@dataclass(frozen=True)
class ContractDocument:
    contract_id: str | None
    sha256: str
    html: str
    preview: bool
    signatures: tuple[Signature, ...]
    download_url: str | None


def contract_document(ctx: TenantContext, application_id: str, *, store: "Applications | None" = None,
                      catalog: ProductCatalog | None = None, documents: DocumentStorage | None = None,
                      now: Clock = utc_now) -> ContractDocument:
    """The issued contract as stored (its digest re-checked), or a preview of it once approved."""
    store = store or wiring.applications()
    catalog = catalog or wiring.products()
    documents = documents or wiring.documents()
    app = _load(ctx, application_id, store)
    app.ensure(A.PREVIEW_CONTRACT)
    if app.contract is None:
        assert app.pin is not None
        offer = catalog.version(ctx, app.product_code, app.pin.version)
        html = render_contract(app, "PREVIEW", clock.business_date(ctx), _lender(ctx), offer.name.get("zh-CN", offer.code))
        return ContractDocument(None, sha256_hex(html.encode()), html, True, (), None)
    body = _verified_contract(ctx, app, documents)
    return ContractDocument(app.contract.contract_id, app.contract.sha256, body.decode("utf-8"), False,
                            app.contract.signatures, documents.presign_download(ctx.tenant_id, app.contract.key,
                                                                                DOWNLOAD_SECONDS))


def _verified_contract(ctx: TenantContext, app: Application, documents: DocumentStorage) -> bytes:
    assert app.contract is not None
    body = documents.get(ctx.tenant_id, app.contract.key)
    if sha256_hex(body) != app.contract.sha256:
        raise Conflict("origination.contract.tampered", "the stored contract no longer matches its SHA-256",
                       {"contract_id": app.contract.contract_id})
    return body


def sign_contract(ctx: TenantContext, application_id: str, document_sha256: str | None = None, *,
                  store: "Applications | None" = None, documents: DocumentStorage | None = None,
                  signatures: SignatureProvider | None = None, now: Clock = utc_now) -> Application:
    """Collect the customer's and the lender's signatures over exactly the issued document."""
    store = store or wiring.applications()
    documents = documents or wiring.documents()
    signatures = signatures or wiring.signatures()
    app = _load(ctx, application_id, store)
    app.ensure(A.SIGN)
    assert app.contract is not None
    if document_sha256 is not None and document_sha256.lower() != app.contract.sha256:
        raise RuleViolation("origination.contract.hash_mismatch", "the document signed is not the contract issued",
                            {"expected": app.contract.sha256, "given": document_sha256.lower()})
    _verified_contract(ctx, app, documents)
    at = now()
    signed = tuple(
        Signature(e.party, e.name, e.signed_at, e.document_sha256, e.provider, e.evidence, actor_of(ctx))
        for e in (signatures.sign(app.contract.envelope_id, s, app.contract.sha256, at) for s in _signers(ctx, app)))
    app.sign(signed, actor_of(ctx), at)
    committed = store.commit(ctx, app)
    assert committed.contract is not None
    group_effects.publish(ctx, "contract.signed", {
        "application_id": committed.application_id, "contract_id": committed.contract.contract_id,
        "kind": committed.kind.value, "product_code": committed.product_code,
        "customer_id": committed.customer.customer_id, "amount": group_effects.money(committed.amount),
        "currency": committed.currency, "signed_at": at.isoformat(), "document_sha256": committed.contract.sha256,
    }, source_id=committed.contract.contract_id)
    return committed


def _signers(ctx: TenantContext, app: Application) -> list[Signer]:
    lender = _lender(ctx)
    return [Signer("customer", app.customer.name, app.customer.identity_masked), Signer("lender", lender.name)]


def _lender(ctx: TenantContext) -> Party:
    from chalicelib import bootstrap
    from chalicelib.tenancy.service import describe_caller

    tenant = describe_caller(ctx, bootstrap.tenant_registry()).definition
    return Party(tenant.name.zh_cn, tenant.unified_social_credit_code or "")


# --- hooks for servicing and the end-of-day batch ----------------------------------------------------------


@dataclass(frozen=True)
class DisbursementOrder:
    """What servicing books when it disburses a signed application."""

    application_id: str
    contract_id: str
    kind: str
    product_code: str
    product_version: int
    customer_id: str
    customer_identity_hash: str
    amount: Decimal
    currency: str
    terms: dict[str, Any]
    quote: dict[str, Any]
    status: str
    # The customer as group risk sees it (no raw identity number): for the exposure projection.
    customer_type: str = "individual"
    customer_label: str = ""
    industry: str | None = None
    region: str | None = None
    related_parties: tuple[tuple[str, str], ...] = ()  # (relation, identity hash), as declared here


def customer_label(name: str, customer_type: str) -> str:
    """How a customer is named outside origination: a company by its (public) name, a person masked
    (王小明 → 王*明), never an identity number."""
    name = (name or "").strip()
    if customer_type == CustomerType.ENTERPRISE.value or not name:
        return name
    return name[0] + "*" * (len(name) - 2) + name[-1] if len(name) > 2 else name[0] + "*"


def disbursement_order(ctx: TenantContext, application_id: str, *, store: "Applications | None" = None,
                       customers: "Customers | None" = None) -> DisbursementOrder:
    """A signed (or disbursed) application as servicing needs it: pinned product version, priced terms,
    the quote's schedule, and the customer's profile for group risk. 409 unless the contract is signed."""
    app = _load(ctx, application_id, store or wiring.applications())
    if app.status not in (S.SIGNED, S.DISBURSED):
        raise illegal(app.status, A.DISBURSE)
    assert app.contract and app.pin and app.amount is not None and app.quote and app.priced_terms
    customer = (customers or wiring.customers()).find(ctx, app.customer.customer_id)
    return DisbursementOrder(
        app.application_id, app.contract.contract_id, app.kind.value, app.product_code, app.pin.version,
        app.customer.customer_id, app.customer.identity_hash, app.amount, app.currency, app.priced_terms, app.quote,
        app.status.value, customer_type=app.customer.type,
        customer_label=customer_label(app.customer.name, app.customer.type),
        industry=customer.industry if customer else None, region=customer.region if customer else None,
        related_parties=tuple((p.relation.value, p.identity_hash) for p in customer.related_parties)
        if customer else ())


def mark_disbursed(ctx: TenantContext, application_id: str, contract_id: str, disbursed_on: date,
                   reference: str | None = None, *, store: "Applications | None" = None,
                   now: Clock = utc_now) -> Application:
    """Record that the ledger has disbursed the signed contract (``signed`` → ``disbursed``).

    Idempotent: called again for the same contract it returns the application unchanged. 409 from any
    status but ``signed``; 422 if ``contract_id`` is not this application's contract.
    """
    store = store or wiring.applications()
    app = _load(ctx, application_id, store)
    if app.status is S.DISBURSED and (app.disbursement or {}).get("contract_id") == contract_id:
        return app
    app.disburse(actor_of(ctx), now(), contract_id, disbursed_on, reference)
    return store.commit(ctx, app)


def expire_stale(ctx: TenantContext, today: date, *, store: "Applications | None" = None,
                 now: Clock = utc_now) -> list[str]:
    """Expire every approved application whose signing window closed before ``today`` (the tenant's
    business date); their invoices are freed. Returns the ids expired. Safe to run twice: one signed
    or changed meanwhile is skipped."""
    store = store or wiring.applications()
    expired = []
    for status in (S.APPROVED, S.CONTRACT_ISSUED):
        for summary in list(store.in_status(ctx, status)):
            if not summary.is_stale(today):
                continue
            app = store.load(ctx, summary.application_id)
            if app is None or not app.is_stale(today):
                continue
            before = app.status
            app.expire(now(), today)
            try:
                store.commit(ctx, app, previous_status=before)
            except Conflict:
                continue
            group_effects.release(ctx, app.application_id, reason="expired")
            facility_effects.release(ctx, app.application_id, "expired")
            expired.append(app.application_id)
    return expired
