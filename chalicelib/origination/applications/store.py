"""Applications in DynamoDB: one partition per application, read with one Query.

Partition ``T#<tenant>#APPLICATION#<id>`` holds

* ``ROOT`` — the state (status, assignee, reviews, risk, contract …), versioned for optimistic locking;
  GSI1 lists the tenant's applications, GSI2 by status, GSI3 by customer;
* ``QUOTE#<round>`` — the terms and quote pinned at each submission;
* ``EVENT#<at>#<n>`` — the timeline, append-only;
* ``DOC#<id>`` — documents; ``INVOICE#<id>`` — assigned invoices with their confirmation
  (GSI2 on ``DEBTOR_INVOICE#<debtor customer>`` for the debtor's console).

An invoice is claimed tenant-wide by ``T#<tenant>#INVOICE_CLAIM#<digest of debtor identity + number>``,
written in the same transaction as the application that assigns it and released in the same
transaction that withdraws, rejects, expires or deletes it.

Every change is one transaction conditional on the root's version (or, for documents and invoice
confirmations, on the root's status), so a lost race is a 409, never half a write.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any, Iterable

from pynamodb.attributes import UnicodeAttribute
from pynamodb.exceptions import TransactWriteError

from chalicelib.origination.applications.domain import (
    Actor,
    Application,
    AssignedInvoice,
    ConfirmationState,
    ContractRecord,
    CustomerRef,
    Document,
    DocumentStatus,
    InvoiceConfirmation,
    Kind,
    LeasedAsset,
    ProductPin,
    Review,
    RiskRecord,
    Signature,
    Stage,
    Decision,
    TimelineEvent,
)
from chalicelib.origination.applications.lifecycle import RELEASES_INVOICES, Status
from chalicelib.platform import keys
from chalicelib.platform.dynamo import DecimalAttribute, TenantModel, decode_cursor, encode_cursor, transaction
from chalicelib.platform.repository import MAX_PAGE, TenantRepository
from chalicelib.shared.errors import Conflict
from chalicelib.shared.serial import dumps
from chalicelib.shared.tenant import TenantContext

ROOT = "ROOT"


class ApplicationItem(TenantModel):
    """Every item of an application's partition (and invoice claims); ``entity`` tells them apart."""

    application_id = UnicodeAttribute(null=True)
    status = UnicodeAttribute(null=True)
    assignee = UnicodeAttribute(null=True)
    customer_id = UnicodeAttribute(null=True)
    kind = UnicodeAttribute(null=True)
    product_code = UnicodeAttribute(null=True)
    amount = DecimalAttribute(null=True)
    sign_by = UnicodeAttribute(null=True)
    state = UnicodeAttribute(null=True)  # invoices: pending/confirmed/disputed; documents: awaiting_upload/uploaded
    data = UnicodeAttribute(default="{}")


# --- JSON -----------------------------------------------------------------------------------------


def _dumps(value: Any) -> str:
    return dumps(value, sort_keys=True)


def _at(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _maybe_at(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _on(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _actor(d: dict) -> Actor:
    return Actor(d["user_id"], d["username"])


def _maybe_actor(d: dict | None) -> Actor | None:
    return _actor(d) if d else None


def _actor_json(a: Actor | None) -> dict | None:
    return a.as_json() if a else None


def invoice_digest(debtor_identity_hash: str, number: str) -> str:
    """Tenant-wide identity of an invoice: its debtor and its number (spacing and case ignored)."""
    normalised = "".join(number.split()).upper()
    return hashlib.sha256(f"{debtor_identity_hash}:{normalised}".encode()).hexdigest()


# --- mapping ----------------------------------------------------------------------------------------


def _root_data(app: Application) -> dict[str, Any]:
    pin = app.pin
    contract = app.contract
    return {
        "kind": app.kind.value,
        "product_code": app.product_code,
        "customer": vars(app.customer),
        "officer": _actor_json(app.officer),
        "created_at": app.created_at,
        "terms": app.terms,
        "lease_structure": app.lease_structure,
        "assets": [vars(a) for a in app.assets],
        "amount": app.amount,
        "currency": app.currency,
        "monthly_payment": app.monthly_payment,
        "pin": None if pin is None else {**vars(pin), "required_documents": list(pin.required_documents)},
        "risk": None if app.risk is None else {"decision": app.risk.decision, "rules": list(app.risk.rules),
                                               "assessed_at": app.risk.assessed_at,
                                               "product_version": app.risk.product_version},
        "reviews": [{"stage": r.stage, "decision": r.decision, "note": r.note, "reviewer": _actor_json(r.reviewer),
                     "at": r.at, "round": r.round} for r in app.reviews],
        "round": app.round,
        "submitted_by": _actor_json(app.submitted_by),
        "approved_at": app.approved_at,
        "sign_by": app.sign_by,
        "contract": None if contract is None else {
            "contract_id": contract.contract_id, "key": contract.key, "sha256": contract.sha256,
            "issued_at": contract.issued_at, "issued_by": _actor_json(contract.issued_by),
            "provider": contract.provider, "envelope_id": contract.envelope_id,
            "signatures": [{**{k: v for k, v in vars(s).items() if k != "recorded_by"},
                            "recorded_by": _actor_json(s.recorded_by)} for s in contract.signatures]},
        "rejection_reason": app.rejection_reason,
        "withdrawal_reason": app.withdrawal_reason,
        "disbursement": app.disbursement,
        "updated_at": app.updated_at,
        "status_changed_at": app.status_changed_at,
    }


def _application(root: ApplicationItem) -> Application:
    d = json.loads(root.data)
    pin = d.get("pin")
    risk = d.get("risk")
    contract = d.get("contract")
    return Application(
        application_id=root.application_id or "",
        kind=Kind(d["kind"]),
        status=Status(root.status),
        product_code=d["product_code"],
        customer=CustomerRef(**d["customer"]),
        officer=_actor(d["officer"]),
        created_at=_at(d["created_at"]),
        terms=d.get("terms") or {},
        lease_structure=d.get("lease_structure"),
        assets=tuple(LeasedAsset(a["description"], a["supplier"], Decimal(a["price"]), a.get("serial"),
                                 int(a.get("quantity", 1))) for a in d.get("assets", [])),
        amount=_dec(d.get("amount")),
        currency=d.get("currency", "CNY"),
        monthly_payment=_dec(d.get("monthly_payment")),
        assignee=root.assignee,
        pin=None if pin is None else ProductPin(
            pin["version"], pin["second_review_required"], _dec(pin.get("second_review_above")),
            int(pin["signing_window_days"]), tuple(pin.get("required_documents", []))),
        risk=None if risk is None else RiskRecord(risk["decision"], tuple(risk["rules"]), _at(risk["assessed_at"]),
                                                  risk["product_version"]),
        reviews=tuple(Review(Stage(r["stage"]), Decision(r["decision"]), r["note"], _actor(r["reviewer"]),
                             _at(r["at"]), r["round"]) for r in d.get("reviews", [])),
        round=d.get("round", 0),
        submitted_by=_maybe_actor(d.get("submitted_by")),
        approved_at=_maybe_at(d.get("approved_at")),
        sign_by=_on(d.get("sign_by")),
        contract=None if contract is None else ContractRecord(
            contract["contract_id"], contract["key"], contract["sha256"], _at(contract["issued_at"]),
            _actor(contract["issued_by"]), contract["provider"], contract["envelope_id"],
            tuple(_signature(s) for s in contract.get("signatures", []))),
        rejection_reason=d.get("rejection_reason"),
        withdrawal_reason=d.get("withdrawal_reason"),
        disbursement=d.get("disbursement"),
        updated_at=_maybe_at(d.get("updated_at")),
        status_changed_at=_maybe_at(d.get("status_changed_at")),
        revision=root.version,
    )


def _signature(s: dict[str, Any]) -> Signature:
    return Signature(s["party"], s["name"], _at(s["signed_at"]), s["document_sha256"], s["provider"], s["evidence"],
                     _maybe_actor(s.get("recorded_by")))


def _event_data(e: TimelineEvent) -> dict[str, Any]:
    return {"at": e.at, "actor": _actor_json(e.actor), "kind": e.kind, "action": e.action, "from": e.from_status,
            "to": e.to_status, "note": e.note, "details": e.details}


def _event(d: dict[str, Any]) -> TimelineEvent:
    return TimelineEvent(_at(d["at"]), _actor(d["actor"]), d["kind"], d["action"], d.get("from"), d.get("to"),
                         d.get("note"), d.get("details") or {})


def _document_data(doc: Document) -> dict[str, Any]:
    return {**{k: v for k, v in vars(doc).items() if k != "uploaded_by"}, "uploaded_by": _actor_json(doc.uploaded_by)}


def _document(d: dict[str, Any]) -> Document:
    return Document(d["document_id"], d["type"], d["file_name"], d["content_type"], int(d["size"]), d["sha256"],
                    d["key"], DocumentStatus(d["status"]), _actor(d["uploaded_by"]), _at(d["requested_at"]),
                    _maybe_at(d.get("confirmed_at")))


def _invoice_data(inv: AssignedInvoice) -> dict[str, Any]:
    c = inv.confirmation
    return {"invoice_id": inv.invoice_id, "number": inv.number, "debtor_customer_id": inv.debtor_customer_id,
            "debtor_name": inv.debtor_name, "debtor_identity_hash": inv.debtor_identity_hash,
            "face_amount": inv.face_amount, "issue_date": inv.issue_date, "due_date": inv.due_date,
            "confirmation": {"state": c.state, "by": _actor_json(c.by), "at": c.at, "via": c.via,
                             "evidence_document_id": c.evidence_document_id, "note": c.note}}


def _invoice(d: dict[str, Any]) -> AssignedInvoice:
    c = d.get("confirmation") or {}
    return AssignedInvoice(
        d["invoice_id"], d["number"], d["debtor_customer_id"], d["debtor_name"], d["debtor_identity_hash"],
        Decimal(d["face_amount"]), date.fromisoformat(d["issue_date"]), date.fromisoformat(d["due_date"]),
        InvoiceConfirmation(ConfirmationState(c.get("state", "pending")), _maybe_actor(c.get("by")),
                            _maybe_at(c.get("at")),
                            c.get("via"), c.get("evidence_document_id"), c.get("note")))


# --- transactions -------------------------------------------------------------------------------------


@dataclass
class _Tx:
    """A TransactWrite that remembers what each item was for, to explain a cancellation."""

    checks: list[tuple[str, Any]] = field(default_factory=list)
    deletes: list[tuple[str, Any]] = field(default_factory=list)
    puts: list[tuple[str, Any]] = field(default_factory=list)
    updates: list[tuple[str, Any]] = field(default_factory=list)

    def check(self, label: str, model: type, pk: str, sk: str, condition: Any) -> None:
        self.checks.append((label, lambda tx: tx.condition_check(model, pk, sk, condition=condition)))

    def delete(self, label: str, record: Any, condition: Any = None, versioned: bool = True) -> None:
        self.deletes.append((label, lambda tx: tx.delete(record, condition=condition,
                                                         add_version_condition=versioned)))

    def put(self, label: str, record: Any, condition: Any = None) -> None:
        self.puts.append((label, lambda tx: tx.save(record, condition=condition)))

    def update(self, label: str, record: Any, actions: list, condition: Any = None, versioned: bool = True) -> None:
        self.updates.append((label, lambda tx: tx.update(record, actions, condition=condition,
                                                         add_version_condition=versioned)))

    def commit(self, ctx: TenantContext) -> None:
        ordered = self.checks + self.deletes + self.puts + self.updates  # PynamoDB's order on the wire
        try:
            with transaction(ctx) as tx:
                for _, add in ordered:
                    add(tx)
        except TransactWriteError as exc:
            reasons = exc.cancellation_reasons or []
            failed = [ordered[i][0] for i, r in enumerate(reasons)
                      if r is not None and r.code not in (None, "None") and i < len(ordered)]
            raise TxFailed(failed, exc) from exc


class TxFailed(Exception):
    def __init__(self, labels: list[str], cause: Exception):
        super().__init__(f"transaction cancelled by {labels or 'an unknown item'}")
        self.labels = labels
        self.cause = cause


def _conflict(app_id: str) -> Conflict:
    return Conflict("origination.application.conflict",
                    "the application was changed by someone else; reload and retry", {"application_id": app_id})


# --- the repository ------------------------------------------------------------------------------------


class Applications(TenantRepository[ApplicationItem]):
    record = ApplicationItem
    aggregate = "APPLICATION"

    # keys ---------------------------------------------------------------------------------------------

    def status_pk(self, ctx: TenantContext, status: Status) -> str:
        return keys.partition(ctx.tenant_id, "APPLICATION_STATUS", status.value)

    def customer_pk(self, ctx: TenantContext, customer_id: str) -> str:
        return keys.partition(ctx.tenant_id, "APPLICATION_CUSTOMER", customer_id)

    def debtor_pk(self, ctx: TenantContext, customer_id: str) -> str:
        return keys.partition(ctx.tenant_id, "DEBTOR_INVOICE", customer_id)

    def claim_pk(self, ctx: TenantContext, digest: str) -> str:
        return keys.partition(ctx.tenant_id, "INVOICE_CLAIM", digest)

    # records --------------------------------------------------------------------------------------------

    def _root(self, ctx: TenantContext, app: Application) -> ApplicationItem:
        record = self.new(
            ctx, app.application_id, ROOT, list_sk=app.application_id,
            GSI2PK=self.status_pk(ctx, app.status), GSI2SK=app.application_id,
            GSI3PK=self.customer_pk(ctx, app.customer.customer_id), GSI3SK=app.application_id,
            application_id=app.application_id, status=app.status.value, assignee=app.assignee,
            customer_id=app.customer.customer_id, kind=app.kind.value, product_code=app.product_code,
            amount=app.amount, sign_by=app.sign_by.isoformat() if app.sign_by else None, data=_dumps(_root_data(app)),
        )
        record.entity = "application"
        if app.revision is not None:
            record.version = app.revision
        return record

    def _events(self, ctx: TenantContext, app_id: str, events: Iterable[TimelineEvent]) -> list[ApplicationItem]:
        out = []
        for n, e in enumerate(events):
            sk = f"EVENT#{e.at.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.%fZ')}#{n:03d}"
            item = self.new(ctx, app_id, sk, application_id=app_id, data=_dumps(_event_data(e)))
            item.entity = "application_event"
            out.append(item)
        return out

    def _invoice_item(self, ctx: TenantContext, app: Application, inv: AssignedInvoice) -> ApplicationItem:
        item = self.new(ctx, app.application_id, f"INVOICE#{inv.invoice_id}", application_id=app.application_id,
                        GSI2PK=self.debtor_pk(ctx, inv.debtor_customer_id),
                        GSI2SK=f"{app.application_id}#{inv.invoice_id}", customer_id=inv.debtor_customer_id,
                        state=inv.confirmation.state.value, data=_dumps(_invoice_data(inv)))
        item.entity = "application_invoice"
        return item

    def _claim(self, ctx: TenantContext, app_id: str, inv: AssignedInvoice) -> ApplicationItem:
        model = self.model(ctx)
        item = model(PK=self.claim_pk(ctx, invoice_digest(inv.debtor_identity_hash, inv.number)), SK=ROOT,
                     entity="invoice_claim", application_id=app_id,
                     data=_dumps({"number": inv.number, "debtor_customer_id": inv.debtor_customer_id}))
        return item

    def _document_item(self, ctx: TenantContext, app_id: str, doc: Document) -> ApplicationItem:
        item = self.new(ctx, app_id, f"DOC#{doc.document_id}", application_id=app_id, state=doc.status.value,
                        data=_dumps(_document_data(doc)))
        item.entity = "application_document"
        return item

    # reading ----------------------------------------------------------------------------------------------

    def load(self, ctx: TenantContext, app_id: str) -> Application | None:
        """The application with its documents, invoices, latest quote and timeline (one Query)."""
        if not app_id or keys.SEP in app_id:
            return None
        items = list(self.items(ctx, app_id))
        root = next((i for i in items if i.SK == ROOT), None)
        if root is None:
            return None
        app = _application(root)
        quotes = sorted((i for i in items if i.SK.startswith("QUOTE#")), key=lambda i: i.SK)
        if quotes:
            q = json.loads(quotes[-1].data)
            app.priced_terms, app.quote, app.rate = q["terms"], q["quote"], q.get("rate")
        app.documents = tuple(_document(json.loads(i.data)) for i in items if i.SK.startswith("DOC#"))
        app.invoices = tuple(sorted((_invoice(json.loads(i.data)) for i in items if i.SK.startswith("INVOICE#")),
                                    key=lambda inv: inv.invoice_id))
        app.timeline = tuple(_event(json.loads(i.data)) for i in items if i.SK.startswith("EVENT#"))
        return app

    def page(self, ctx: TenantContext, cursor: str | None, limit: int = 50, status: Status | None = None,
             assignee: str | None = None, customer_id: str | None = None) -> tuple[list[Application], str | None]:
        """One page of the tenant's applications, newest first, optionally by status, assignee, customer."""
        model = self.model(ctx)
        condition = (model.assignee == assignee) if assignee else None
        if status is not None:
            index, list_key = model.gsi2, self.status_pk(ctx, status)
        elif customer_id is not None:
            index, list_key = model.gsi3, self.customer_pk(ctx, customer_id)
        else:
            index, list_key = model.gsi1, self.list_pk(ctx)
        result = index.query(list_key, filter_condition=condition, limit=max(1, min(limit, MAX_PAGE)),
                             last_evaluated_key=decode_cursor(cursor, ctx, list_key=list_key), scan_index_forward=False)
        items = [_application(r) for r in result]
        return items, encode_cursor(result.last_evaluated_key, list_key=list_key)

    def of_customer(self, ctx: TenantContext, customer_id: str) -> list[Application]:
        model = self.model(ctx)
        return [_application(r) for r in model.gsi3.query(self.customer_pk(ctx, customer_id))]

    def in_status(self, ctx: TenantContext, status: Status) -> Iterable[Application]:
        model = self.model(ctx)
        for r in model.gsi2.query(self.status_pk(ctx, status)):
            yield _application(r)

    def debtor_invoices(self, ctx: TenantContext, debtor_customer_id: str) -> list[tuple[str, AssignedInvoice]]:
        model = self.model(ctx)
        return [(r.application_id or "", _invoice(json.loads(r.data)))
                for r in model.gsi2.query(self.debtor_pk(ctx, debtor_customer_id))]

    def claim_holder(self, ctx: TenantContext, inv: AssignedInvoice) -> str | None:
        model = self.model(ctx)
        try:
            return model.get(self.claim_pk(ctx, invoice_digest(inv.debtor_identity_hash, inv.number)), ROOT,
                             consistent_read=True).application_id
        except model.DoesNotExist:
            return None

    # writing ----------------------------------------------------------------------------------------------

    def add(self, ctx: TenantContext, app: Application) -> Application:
        """A new application with its invoices and their tenant-wide claims, all or nothing."""
        model = self.model(ctx)
        tx = _Tx()
        tx.put("root", self._root(ctx, app), model.PK.does_not_exist())
        for item in self._events(ctx, app.application_id, app.pending):
            tx.put("event", item, model.PK.does_not_exist())
        for inv in app.invoices:
            tx.put(f"invoice:{inv.invoice_id}", self._invoice_item(ctx, app, inv), model.PK.does_not_exist())
            tx.put(f"claim:{inv.invoice_id}", self._claim(ctx, app.application_id, inv), model.PK.does_not_exist())
        self._run(ctx, tx, app)
        app.revision = 1
        _settle(app)
        return app

    def commit(self, ctx: TenantContext, app: Application, *, previous_status: Status | None = None,
             new_quote: bool = False, replaced_invoices: tuple[AssignedInvoice, ...] | None = None,
             require_confirmed_invoices: bool = False) -> Application:
        """Write the changed root and its new timeline events in one transaction, conditional on the
        root's version. Invoices may be replaced (draft/returned) and claims released (withdrawn,
        rejected, expired) in the same transaction."""
        model = self.model(ctx)
        tx = _Tx()
        tx.put("root", self._root(ctx, app))
        for item in self._events(ctx, app.application_id, app.pending):
            tx.put("event", item, model.PK.does_not_exist())
        if new_quote:
            quote = self.new(ctx, app.application_id, f"QUOTE#{app.round:03d}", application_id=app.application_id,
                             data=_dumps({"terms": app.priced_terms, "quote": app.quote, "rate": app.rate}))
            quote.entity = "application_quote"
            tx.put("quote", quote)
        if replaced_invoices is not None:
            self._replace_invoices(ctx, tx, app, replaced_invoices)
        if app.status in RELEASES_INVOICES and previous_status not in RELEASES_INVOICES:
            # The invoices are free to assign again and leave their debtor's confirmation queue.
            for inv in app.invoices:
                tx.delete(f"claim:{inv.invoice_id}", self._claim(ctx, app.application_id, inv),
                          model.application_id == app.application_id, versioned=False)
                tx.update(f"invoice:{inv.invoice_id}", self._invoice_item(ctx, app, inv),
                          [model.GSI2PK.remove(), model.GSI2SK.remove()], versioned=False)
        if require_confirmed_invoices:
            for inv in app.invoices:
                tx.check(f"confirmed:{inv.invoice_id}", model, self.pk(ctx, app.application_id),
                         f"INVOICE#{inv.invoice_id}", model.state == ConfirmationState.CONFIRMED.value)
        self._run(ctx, tx, app)
        app.revision = (app.revision or 0) + 1
        _settle(app)
        return app

    def _replace_invoices(self, ctx: TenantContext, tx: _Tx, app: Application,
                          old: tuple[AssignedInvoice, ...]) -> None:
        """Invoices removed lose their item and claim; invoices added get both; kept ones are untouched."""
        model = self.model(ctx)
        kept = {i.invoice_id for i in old} & {i.invoice_id for i in app.invoices}
        for inv in old:
            if inv.invoice_id not in kept:
                tx.delete(f"invoice:{inv.invoice_id}", self._invoice_item(ctx, app, inv), versioned=False)
                tx.delete(f"claim:{inv.invoice_id}", self._claim(ctx, app.application_id, inv),
                          model.application_id == app.application_id, versioned=False)
        for inv in app.invoices:
            if inv.invoice_id not in kept:
                tx.put(f"invoice:{inv.invoice_id}", self._invoice_item(ctx, app, inv), model.PK.does_not_exist())
                tx.put(f"claim:{inv.invoice_id}", self._claim(ctx, app.application_id, inv), model.PK.does_not_exist())

    def delete_application(self, ctx: TenantContext, app: Application, editable: tuple[Status, ...]) -> list[str]:
        """Delete an application (draft/returned only, checked on the root) and free its invoices.
        Returns the S3 keys of its documents."""
        model = self.model(ctx)
        tx = _Tx()
        root = self._root(ctx, app)
        tx.delete("root", root, model.status.is_in(*[s.value for s in editable]))
        for inv in app.invoices:
            tx.delete(f"invoice:{inv.invoice_id}", self._invoice_item(ctx, app, inv), versioned=False)
            tx.delete(f"claim:{inv.invoice_id}", self._claim(ctx, app.application_id, inv),
                      model.application_id == app.application_id, versioned=False)
        self._run(ctx, tx, app)
        # The rest of the partition (timeline, quotes, documents) is unreachable without the root.
        with model.batch_write() as batch:
            for item in self.items(ctx, app.application_id):
                batch.delete(item)
        return [d.key for d in app.documents]

    def add_document(self, ctx: TenantContext, app_id: str, doc: Document, event: TimelineEvent,
                     allowed: frozenset[Status]) -> None:
        """A document, and its timeline event, while the root is in one of ``allowed``."""
        model = self.model(ctx)
        tx = _Tx()
        tx.check("root", model, self.pk(ctx, app_id), ROOT, model.status.is_in(*[s.value for s in allowed]))
        tx.put("document", self._document_item(ctx, app_id, doc), model.PK.does_not_exist())
        for item in self._events(ctx, app_id, [event]):
            tx.put("event", item, model.PK.does_not_exist())
        self._run_simple(ctx, tx, app_id)

    def confirm_document(self, ctx: TenantContext, app_id: str, doc: Document, event: TimelineEvent,
                         allowed: frozenset[Status]) -> None:
        """Mark an uploaded document as verified (once), with its timeline event."""
        model = self.model(ctx)
        tx = _Tx()
        tx.check("root", model, self.pk(ctx, app_id), ROOT, model.status.is_in(*[s.value for s in allowed]))
        tx.update("document", self._document_item(ctx, app_id, doc),
                  [model.state.set(doc.status.value), model.data.set(_dumps(_document_data(doc)))],
                  model.state == DocumentStatus.AWAITING_UPLOAD.value, versioned=False)
        for item in self._events(ctx, app_id, [event]):
            tx.put("event", item, model.PK.does_not_exist())
        self._run_simple(ctx, tx, app_id)

    def record_confirmation(self, ctx: TenantContext, app: Application, inv: AssignedInvoice, event: TimelineEvent,
                            allowed: frozenset[Status]) -> None:
        """An invoice's confirmation (once: only a pending invoice takes one), with its timeline event."""
        model = self.model(ctx)
        tx = _Tx()
        tx.check("root", model, self.pk(ctx, app.application_id), ROOT,
                 model.status.is_in(*[s.value for s in allowed]))
        tx.update("invoice", self._invoice_item(ctx, app, inv),
                  [model.state.set(inv.confirmation.state.value), model.data.set(_dumps(_invoice_data(inv)))],
                  model.state == ConfirmationState.PENDING.value, versioned=False)
        for item in self._events(ctx, app.application_id, [event]):
            tx.put("event", item, model.PK.does_not_exist())
        self._run_simple(ctx, tx, app.application_id)

    def _run(self, ctx: TenantContext, tx: _Tx, app: Application) -> None:
        try:
            tx.commit(ctx)
        except TxFailed as failed:
            claims = [label for label in failed.labels if label.startswith("claim:")]
            if claims and "root" not in failed.labels:
                taken = [i for i in app.invoices if f"claim:{i.invoice_id}" in claims]
                raise Conflict("origination.invoice.already_assigned",
                               "an invoice with this number and debtor is already assigned in this tenant",
                               {"invoices": [{"number": i.number, "debtor_customer_id": i.debtor_customer_id}
                                             for i in taken]}) from failed
            raise _conflict(app.application_id) from failed

    @staticmethod
    def _run_simple(ctx: TenantContext, tx: _Tx, app_id: str) -> None:
        try:
            tx.commit(ctx)
        except TxFailed as failed:
            raise _conflict(app_id) from failed


def _settle(app: Application) -> None:
    """After a commit the pending events are part of the timeline."""
    app.timeline = (*app.timeline, *app.pending)
    app.pending.clear()
