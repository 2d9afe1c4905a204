"""Servicing use cases: disbursement, repayments and their reversal, the end-of-day batch, write-off.

Money moves only through the ledger (``chalicelib.ledger.service``), every posting under a key
derived from what it records (``disbursement:<contract>``, ``repayment:<id>``, ``eod:<date>:<contract>:…``)
so a retried call replays the entry instead of posting twice. Servicing's own state (the bills, what
is paid of each) is stored next to it:

* disbursement and end of day **post first, then commit**: the postings are a pure function of the
  contract as read, so a retry after a crash recomputes the same drafts and the ledger replays them;
* a repayment **commits first** (the allocation is stored with the repayment, status ``posting``),
  then posts; a retry with the same key finds the stored allocation and finishes posting it.

Public API for other contexts (payments' Stripe webhooks, the scheduler):
``disburse``, ``apply_repayment``, ``reverse_repayment``, ``close_contracts`` (close of business), ``get_contract``.
Also here: prepayment (``prepayment_quote``, ``apply_prepayment``), collections (``collections_queue``,
``log_collection_action``), ``write_off`` and ``record_recovery``, and offline repayments under
maker-checker (``record_offline_repayment``, ``confirm_offline_repayment``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import hashlib
import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any, Callable, Iterable, Iterator

from chalicelib.platform import effects
from chalicelib.origination.applications import facility_effects  # the facility a contract drew on
from chalicelib.servicing import customer_effects  # HQ's group customer view of the borrower
from chalicelib.ledger.domain import Component, ContractEvent as LedgerEvent, EntryKind, template_for_product
from chalicelib.servicing import domain
from chalicelib.servicing.domain import (
    Contract,
    ContractEvent,
    ContractStatus,
    CustomerProfile,
    Part,
    StaleContract,
    Tolerance,
)
from chalicelib.shared import clock
from chalicelib.shared.errors import Conflict, NotFound, RuleViolation
from chalicelib.shared.money import quantize
from chalicelib.shared.serial import dumps
from chalicelib.shared.tenant import TenantContext
from chalicelib.platform.observability import log
from chalicelib.shared import retry

ZERO = Decimal(0)
MAX_ATTEMPTS = 8
DEFAULT_NON_ACCRUAL_DAYS = 90  # PRC practice: interest on loans 90+ days past due is no longer booked as income

if TYPE_CHECKING:
    from chalicelib.servicing.store import ServicingStore


def _store() -> "ServicingStore":
    from chalicelib.servicing import wiring

    return wiring.servicing_store()


def _ledger():
    from chalicelib.ledger import wiring

    return wiring


utc_now = clock.now


def contract_not_found(contract_id: str) -> NotFound:
    return NotFound("servicing.contract.not_found", "no such contract", {"contract_id": contract_id})


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:26]


# --- product facts ----------------------------------------------------------------------------------

_products: dict[tuple[str, str, int], Any] = {}


def product_definition(ctx: TenantContext, code: str, version: int):
    """The pinned product version's definition (versions are immutable once active: cached)."""
    key = (ctx.tenant_id, code, version)
    if key not in _products:
        from chalicelib.products import service as products

        _products[key] = products.get_version(ctx, code, version).definition
    return _products[key]


def ledger_template(ctx: TenantContext, contract_or_code: Contract | str, version: int | None = None):
    code = contract_or_code.product_code if isinstance(contract_or_code, Contract) else contract_or_code
    number = contract_or_code.product_version if isinstance(contract_or_code, Contract) else version
    accounting = product_definition(ctx, code, number).accounting.model_dump(mode="json")
    return template_for_product(accounting, ctx.kind)


def _tolerance(ctx: TenantContext, c: Contract) -> Tolerance:
    t = product_definition(ctx, c.product_code, c.product_version).arrears_tolerance
    return Tolerance(Decimal(t.amount), int(t.days))


def _non_accrual_days(ctx: TenantContext, c: Contract) -> int:
    d = product_definition(ctx, c.product_code, c.product_version)
    return int(getattr(d, "non_accrual_after_days", None) or DEFAULT_NON_ACCRUAL_DAYS)


def _post(ctx: TenantContext, c: Contract, kind: EntryKind, booked_on: date, amounts: dict[Component, Decimal],
          key: str, memo: str = ""):
    from chalicelib.ledger import service as ledger

    amounts = {k: v for k, v in amounts.items() if v}
    if not amounts:
        return None
    event = LedgerEvent(kind=kind, contract_id=c.contract_id, currency=c.currency, booked_on=booked_on,
                        amounts=amounts, memo=memo)
    return ledger.post_contract_event(ctx, event, template=ledger_template(ctx, c), idempotency_key=key,
                                      store=_ledger().ledger_store())


def _today(ctx: TenantContext) -> date:
    return clock.business_date(ctx)


def _history(action: str, ctx: TenantContext, **details: Any) -> dict[str, Any]:
    return {"action": action, "actor": ctx.username, "details": details}


# --- disbursement -----------------------------------------------------------------------------------


def _disbursement_amounts(order) -> dict[Component, Decimal]:
    q, amount = order.quote, Decimal(order.amount)
    upfront = q.get("upfront") or {}
    if order.kind == "lease":
        return {Component.PRINCIPAL: Decimal(q.get("financed_amount") or amount),
                Component.UNEARNED_INTEREST: Decimal(q["totals"]["interest"]),
                Component.UPFRONT_FEE: Decimal(upfront.get("fees") or "0"),
                Component.DEPOSIT: Decimal(upfront.get("security_deposit") or "0")}
    if order.kind == "factoring":
        return {Component.PRINCIPAL: Decimal(q["face_amount"]), Component.RESERVE: Decimal(q["reserve"]),
                Component.UPFRONT_FEE: Decimal(upfront.get("fees") or "0")}
    return {Component.PRINCIPAL: amount, Component.UPFRONT_FEE: amount - Decimal(q.get("net_disbursement") or amount)}


def disburse(ctx: TenantContext, application_id: str, *, idempotency_key: str | None = None,
             reference: str | None = None) -> Contract:
    """Pay out a signed application: open the contract's accounts, post the disbursement (upfront fees
    deducted; for factoring the face amount bought, the reserve retained; for leases the unearned
    finance income and the deposit), put the contract in force with its schedule as bills, and
    mark the application disbursed. Idempotent by application and under ``idempotency_key``."""
    from chalicelib.ledger import service as ledger
    from chalicelib.origination.applications import service as applications

    store = _store()
    if idempotency_key and store.claim_key(ctx, "disburse", idempotency_key, application_id) != application_id:
        raise Conflict("servicing.idempotency.mismatch", "this Idempotency-Key was used for another application",
                       {"idempotency_key": idempotency_key})
    order = applications.disbursement_order(ctx, application_id)
    existing = store.get_contract(ctx, order.contract_id)
    if existing is not None:
        if order.status != "disbursed":  # a crash between commit and mark: finish the job
            applications.mark_disbursed(ctx, application_id, existing.contract_id, existing.disbursed_on, reference)
        _disbursement_effects(ctx, existing, order)  # each keyed: a retry finishes what a crash left undone
        return existing
    template = ledger_template(ctx, order.product_code, order.product_version)
    books = _ledger()
    books.ensure_books(ctx)
    ledger.open_contract_accounts(ctx, order.contract_id, template=template, currency=order.currency,
                                  store=books.ledger_store())
    disbursed_on = _today(ctx)
    definition = product_definition(ctx, order.product_code, order.product_version)
    rounding = order.terms.get("rounding") or "HALF_EVEN"
    instalments = domain.schedule_from_quote(order.quote, order.kind, disbursed_on)
    upfront_interest = domain.upfront_interest(order.quote)
    contract = Contract(
        contract_id=order.contract_id, application_id=application_id, kind=order.kind,
        product_code=order.product_code, product_version=order.product_version, customer_id=order.customer_id,
        customer_hash=order.customer_identity_hash, currency=order.currency, rounding=rounding,
        principal=sum((i.principal for i in instalments), ZERO), disbursed_on=disbursed_on,
        instalments=domain.interest_paid_upfront(instalments, upfront_interest),
        annual_rate=Decimal(order.terms.get("annual_rate") or "0"),
        strategy=getattr(definition, "repayment_strategy", None) or domain.DEFAULT_STRATEGY,
        interest_accrued=upfront_interest,
        customer=CustomerProfile(type=order.customer_type, label=order.customer_label, industry=order.industry,
                                 region=order.region, related_parties=tuple(order.related_parties)),
    )
    amounts = _disbursement_amounts(order)
    if amounts[Component.PRINCIPAL] != contract.principal:
        raise RuleViolation("servicing.schedule.principal_mismatch", "the schedule's principal is not what is paid out",
                            {"scheduled": str(contract.principal), "disbursed": str(amounts[Component.PRINCIPAL])})
    posted = _post(ctx, contract, EntryKind.DISBURSEMENT, disbursed_on, amounts, f"disbursement:{contract.contract_id}",
                   memo=f"disbursement {application_id}")
    if upfront_interest:
        # Interest deducted from the advance: earned and collected at once (kept out of the schedule's dues).
        _post(ctx, contract, EntryKind.ACCRUAL, disbursed_on, {Component.INTEREST: upfront_interest},
              f"upfront-interest-accrual:{contract.contract_id}")
        _post(ctx, contract, EntryKind.REPAYMENT, disbursed_on, {Component.INTEREST: upfront_interest},
              f"upfront-interest:{contract.contract_id}")
    try:
        contract = store.commit(ctx, contract, history=[_history(
            "disbursed", ctx, application_id=application_id, entry_id=posted.entry.id, reference=reference,
            amounts={k.value: v for k, v in amounts.items() if v}, upfront_interest=upfront_interest)])
    except StaleContract:
        contract = store.get_contract(ctx, order.contract_id) or contract
    applications.mark_disbursed(ctx, application_id, contract.contract_id, disbursed_on, reference)
    _project_exposure(ctx, contract, disbursed_on)
    _disbursement_effects(ctx, contract, order)
    return contract


def _disbursement_effects(ctx: TenantContext, c: Contract, order) -> None:
    """After the books: the group limit hold becomes exposure, the transfer out is registered for
    clearing, merchants hear ``loan.disbursed``. Each is idempotent (keyed by the application or
    the contract), so a retried disbursement repeats none of them."""
    from chalicelib.ledger import service as ledger
    from chalicelib.ledger.domain import entry_id_for

    entry, _ = ledger.get_entry(ctx, entry_id_for(f"disbursement:{c.contract_id}"), store=_ledger().ledger_store())
    cash_out = _cash_leg(ctx, c, entry)
    _post_group_limit_hold(ctx, c, min(c.principal, Decimal(order.amount)))
    facility_effects.utilize(ctx, c.application_id, min(c.principal, Decimal(order.amount)))
    if cash_out:
        effects.clearing().register(ctx, channel=BANK_TRANSFER, counterparty=_counterparty(c),
                                    direction="out" if cash_out > 0 else "in", amount=abs(cash_out),
                                    currency=c.currency, source=f"disbursement:{c.contract_id}",
                                    contract_id=c.contract_id, ledger_entry_id=entry.id, business_date=c.disbursed_on)
    _announce(ctx, "loan.disbursed", {
        "contract_id": c.contract_id, "application_id": c.application_id, "kind": c.kind,
        "product_code": c.product_code, "customer_id": c.customer_id, "principal": format(c.principal, "f"),
        "paid_out": format(abs(cash_out), "f"), "currency": c.currency, "disbursed_on": c.disbursed_on.isoformat(),
    }, source_id=c.contract_id)
    customer_effects.relationship_changed(ctx, c.customer_id, f"disbursement {c.contract_id}")


BANK_TRANSFER = "bank_transfer"


def _cash_leg(ctx: TenantContext, c: Contract, entry) -> Decimal:
    """What an entry moved through the bank account: positive out (credited), negative in."""
    from chalicelib.ledger.domain import PostingRole, Side

    bank = ledger_template(ctx, c).slots[PostingRole.BANK].code
    return sum(((ln.amount if ln.side is Side.CREDIT else -ln.amount) for ln in entry.lines
                if ln.account_id == bank), ZERO)


def _counterparty(c: Contract) -> str:
    """The other side of a bank transfer, as the clearing report names it: the customer, masked."""
    return (c.customer.label if c.customer and c.customer.label else None) or f"customer:{c.customer_id}"


def _post_group_limit_hold(ctx: TenantContext, c: Contract, amount: Decimal) -> None:
    """The approval's hold on the customer's group limit becomes exposure. A hold that expired before
    the money went out is placed again first; a subsidiary without a group, or an application
    approved before holds were kept, has none (the next consolidation counts the exposure anyway)."""
    if not (ctx.kind.is_subsidiary and ctx.group_id) or amount <= 0:
        return
    from chalicelib.risk.reservation import post_reservation, reserve_group_limit

    try:
        post_reservation(ctx, c.application_id, amount=amount, posted_on=c.disbursed_on)
    except NotFound:
        log.info("no group limit hold to post for %s", c.application_id)
    except Conflict as exc:
        if exc.code != "risk.reservation.already_voided":
            raise
        related = c.customer.related_parties if c.customer else ()
        again = reserve_group_limit(ctx, c.customer_hash, amount, c.application_id, currency=c.currency,
                                    related_parties=[h for _, h in related])
        if again.approved:
            post_reservation(ctx, c.application_id, amount=amount, posted_on=c.disbursed_on)
        else:
            log.warning("disbursed %s beyond the group limit: its hold had expired", c.application_id)


def _announce(ctx: TenantContext, event_type: str, data: dict[str, Any], *, source_id: str) -> None:
    """A merchant webhook event, once per ``source_id`` (payments' outbox). The books are committed
    already: a failure to queue is logged, and a retried command publishes under the same id."""
    try:
        effects.merchant_events().publish(ctx, event_type, data, source_id=source_id)
    except Exception:  # noqa: BLE001 — the money has moved; the notification must not undo that
        log.exception("%s for %s was not published", event_type, source_id)


def _announce_received(ctx: TenantContext, r: dict[str, Any], extra: dict[str, Any] | None) -> None:
    _announce(ctx, "repayment.received", {
        "repayment_id": r["id"], "contract_id": r["contract_id"], "amount": str(r["amount"]),
        "currency": r["currency"], "received_on": str(r["received_on"]), "channel": r["channel"], **(extra or {})},
        source_id=f"repayment:{r['id']}")


def _announce_settled(ctx: TenantContext, c: Contract, on: date, channel: str) -> None:
    if c.status is not ContractStatus.CLOSED:
        return
    _announce(ctx, "contract.settled", {
        "contract_id": c.contract_id, "application_id": c.application_id, "kind": c.kind,
        "principal": format(c.principal, "f"), "currency": c.currency, "settled_on": on.isoformat(),
        "channel": channel}, source_id=c.contract_id)


# --- reading ------------------------------------------------------------------------------------------


def get_contract(ctx: TenantContext, contract_id: str) -> Contract:
    found = _store().get_contract(ctx, contract_id)
    if found is None:
        raise contract_not_found(contract_id)
    return found


def list_contracts(ctx: TenantContext, cursor: str | None = None, limit: int = 50, status: str | None = None,
                   bucket: str | None = None) -> tuple[list[Contract], str | None]:
    return _store().page(ctx, cursor, limit, status=status, bucket=bucket)


def contract_history(ctx: TenantContext, contract_id: str) -> list[dict[str, Any]]:
    return _store().history(ctx, contract_id)


def ledger_balances(ctx: TenantContext, contract: Contract) -> dict[str, Decimal]:
    """The contract's sub-account balances as the ledger holds them, by role (principal, interest, …)."""
    from chalicelib.ledger import service as ledger

    accounts, _ = ledger.list_accounts(ctx, contract_id=contract.contract_id, store=_ledger().ledger_store(),
                                       limit=50)
    return {a.role or a.id: a.balance for a in accounts}


# --- repayments ------------------------------------------------------------------------------------


def _repayment_id(contract_id: str, key: str) -> str:
    return "rpy_" + _digest("repayment", contract_id, key)


def _fingerprint(contract_id: str, amount: Decimal, received_on: date) -> str:
    return _digest(contract_id, format(amount, "f"), received_on.isoformat())


def apply_repayment(ctx: TenantContext, contract_id: str, amount: Decimal | str, received_on: date | None,
                    reference: str | None, idempotency_key: str, channel: str = "api",
                    event_data: dict[str, Any] | None = None) -> dict[str, Any]:
    """Receive ``amount`` on a contract: allocate it by the product's waterfall over the payable bills
    (oldest first), the rest to the customer's suspense account, and post it to the ledger.

    Idempotent under ``idempotency_key`` (a Stripe event id, a client's key): the same request again
    returns the same repayment; a different one under the key is 409 ``servicing.idempotency.mismatch``.
    Merchants hear ``repayment.received`` (whatever the channel; ``event_data`` adds the channel's own
    reference, e.g. a payment intent) and, when it pays the contract off, ``contract.settled``.
    """
    if not idempotency_key:
        raise RuleViolation("servicing.idempotency_key.required", "an Idempotency-Key is required")
    store = _store()
    contract = get_contract(ctx, contract_id)
    amount = quantize(Decimal(amount), contract.currency)
    if amount <= 0:
        raise RuleViolation("servicing.repayment.amount.invalid", "a repayment amount must be positive")
    received_on = clock.not_after_business_date(ctx, received_on or _today(ctx), "servicing.repayment.future_date",
                                                "a repayment")
    rid = _repayment_id(contract_id, idempotency_key)
    fingerprint = _fingerprint(contract_id, amount, received_on)
    for _ in retry.attempts(MAX_ATTEMPTS):
        found = store.get_repayment(ctx, rid)
        if found is not None:
            repayment, version = found
            if repayment["fingerprint"] != fingerprint:
                raise Conflict("servicing.idempotency.mismatch",
                               "this Idempotency-Key was used for a different repayment", {"repayment_id": rid})
            done = _finish_posting(ctx, repayment, version)
            _announce_received(ctx, done, event_data)  # a retry after a crash
            _announce_settled(ctx, contract, date.fromisoformat(done["booked_on"]), channel)
            return done
        if contract.status is not ContractStatus.ACTIVE:
            raise Conflict("servicing.contract.not_active", f"the contract is {contract.status.value}",
                           {"status": contract.status.value})
        allocation = domain.repayment_allocation(contract.instalments, amount, received_on, contract.strategy)
        totals = allocation.totals()
        interest_gap = max(ZERO, contract.part_total(Part.INTEREST, paid=True) + totals.get(Part.INTEREST, ZERO)
                           - contract.interest_accrued)
        fee_gap = max(ZERO, contract.part_total(Part.FEE, paid=True) + totals.get(Part.FEE, ZERO)
                      - contract.fees_booked)
        after = replace(contract, instalments=domain.apply_allocation(contract.instalments, allocation),
                        suspense=contract.suspense + allocation.overpayment,
                        interest_accrued=contract.interest_accrued + interest_gap,
                        fees_booked=contract.fees_booked + fee_gap)
        after = _with_arrears(ctx, after, max(received_on, contract.last_eod_on or received_on)).settle_status()
        repayment = {
            "id": rid, "contract_id": contract_id, "amount": amount, "currency": contract.currency,
            "received_on": received_on, "booked_on": max(received_on, _today(ctx)), "reference": reference,
            "channel": channel, "status": "posting", "fingerprint": fingerprint, "created_by": ctx.username,
            "created_at": utc_now(), "allocation": [[s, p.value, a] for s, p, a in allocation.lines],
            "totals": {p.value: a for p, a in totals.items()}, "overpayment": allocation.overpayment,
            "catch_up": {"interest": interest_gap, "fee": fee_gap},
        }
        try:
            store.commit(ctx, after, history=[_history("repayment_received", ctx, repayment_id=rid, amount=amount,
                                                       received_on=received_on, channel=channel)],
                         new_items=[store.repayment_item(ctx, _plain(repayment))])
        except StaleContract:
            contract = get_contract(ctx, contract_id)
            continue
        result = _finish_posting(ctx, _plain(repayment), 1)
        _project_exposure(ctx, after, received_on)
        _announce_received(ctx, result, event_data)
        _announce_settled(ctx, after, date.fromisoformat(result["booked_on"]), channel)
        return result
    raise Conflict("servicing.contract.contention", "the contract kept changing; retry", {"contract_id": contract_id})


def _plain(d: dict[str, Any]) -> dict[str, Any]:
    return json.loads(dumps(d))


def _finish_posting(ctx: TenantContext, repayment: dict[str, Any], version: int) -> dict[str, Any]:
    """Post a stored repayment's entries (catch-up accruals, then the repayment) and mark it posted."""
    if repayment["status"] != "posting":
        return repayment
    contract = get_contract(ctx, repayment["contract_id"])
    rid, booked_on = repayment["id"], date.fromisoformat(repayment["booked_on"])
    gaps = repayment["catch_up"]
    _post(ctx, contract, EntryKind.ACCRUAL, booked_on, {Component.INTEREST: Decimal(gaps["interest"])},
          f"catch-up-interest:{rid}")
    _post(ctx, contract, EntryKind.FEE, booked_on, {Component.FEE: Decimal(gaps["fee"])}, f"catch-up-fee:{rid}")
    # a prepayment's penalty is charged as it is paid (penalty receivable, then settled)
    _post(ctx, contract, EntryKind.PENALTY, booked_on, {Component.PENALTY: Decimal(gaps.get("penalty") or "0")},
          f"catch-up-penalty:{rid}")
    amounts = {Component(p): Decimal(a) for p, a in repayment["totals"].items()}
    amounts[Component.OVERPAYMENT] = Decimal(repayment["overpayment"])
    posted = _post(ctx, contract, EntryKind.REPAYMENT, booked_on, amounts, f"repayment:{rid}",
                   memo=f"repayment {repayment.get('reference') or rid}")
    done = {**repayment, "status": "posted", "entry_id": posted.entry.id if posted else None}
    _store().save_repayment(ctx, done, version)
    facility_effects.restore(ctx, contract.application_id, Decimal(repayment["totals"].get("principal") or "0"), rid)
    customer_effects.relationship_changed(ctx, contract.customer_id, f"repayment {rid}")
    return done


def get_repayment(ctx: TenantContext, repayment_id: str) -> dict[str, Any]:
    found = _store().get_repayment(ctx, repayment_id)
    if found is None:
        raise NotFound("servicing.repayment.not_found", "no such repayment", {"repayment_id": repayment_id})
    return found[0]


def reverse_repayment(ctx: TenantContext, repayment_id: str, reason: str) -> dict[str, Any]:
    """Undo a posted repayment: a reversing ledger entry, and the bills owe again what it paid.
    Reversing a reversed repayment returns it unchanged. 422 if its overpayment was already applied."""
    from chalicelib.ledger import service as ledger

    store = _store()
    for _ in retry.attempts(MAX_ATTEMPTS):
        repayment, version = store.get_repayment(ctx, repayment_id) or (None, None)
        if repayment is None:
            raise NotFound("servicing.repayment.not_found", "no such repayment", {"repayment_id": repayment_id})
        if repayment["status"] == "reversed":
            return repayment
        if repayment.get("channel") == "prepayment":
            raise Conflict("servicing.repayment.prepayment_not_reversible",
                           "a prepayment recalculated the schedule; it cannot be reversed as a repayment")
        if repayment["status"] == "posting":
            repayment = _finish_posting(ctx, repayment, version)
            version += 1
        if repayment["status"] not in ("posted", "reversing"):
            raise Conflict("servicing.repayment.not_posted", f"the repayment is {repayment['status']}")
        contract = get_contract(ctx, repayment["contract_id"])
        if repayment["status"] == "posted":
            allocation = domain.Allocation(tuple((int(s), Part(p), Decimal(a)) for s, p, a in repayment["allocation"]),
                                           Decimal(repayment["overpayment"]))
            if contract.suspense < allocation.overpayment:
                raise RuleViolation("servicing.repayment.suspense_applied",
                                    "its overpayment has already been applied to bills; reverse those first")
            after = replace(contract, instalments=domain.apply_allocation(contract.instalments, allocation, -1),
                            suspense=contract.suspense - allocation.overpayment)
            after = _with_arrears(ctx, after, contract.last_eod_on or _today(ctx)).settle_status()
            reversing = {**repayment, "status": "reversing", "reason": reason, "reversed_by": ctx.username}
            try:
                store.commit(ctx, after, history=[_history("repayment_reversed", ctx, repayment_id=repayment_id,
                                                           reason=reason)],
                             updates=[store.repayment_item(ctx, reversing, version)])
            except StaleContract:
                continue
            repayment, version, contract = reversing, version + 1, after
        entry = ledger.reverse_entry(ctx, repayment["entry_id"], idempotency_key=f"reverse:{repayment_id}",
                                     booked_on=max(_today(ctx), date.fromisoformat(repayment["booked_on"])),
                                     memo=f"reversal: {reason}", store=_ledger().ledger_store())
        done = {**repayment, "status": "reversed", "reversal_entry_id": entry.entry.id}
        store.save_repayment(ctx, done, version)
        _project_exposure(ctx, contract, _today(ctx))
        return done
    raise Conflict("servicing.contract.contention", "the contract kept changing; retry")


# --- arrears and end of day ---------------------------------------------------------------------


def _with_arrears(ctx: TenantContext, c: Contract, on: date) -> Contract:
    dpd = domain.days_past_due(c.instalments, on, _tolerance(ctx, c))
    return replace(c, days_past_due=dpd, bucket=domain.bucket_for(dpd))


def _penalty_terms(ctx: TenantContext, c: Contract):
    from chalicelib.finance.penalty import PenaltyTerms

    p = product_definition(ctx, c.product_code, c.product_version).penalty
    return PenaltyTerms(contract_rate=c.annual_rate, multiplier=p.multiplier, penalty_rate=p.rate,
                        on_overdue_interest=p.on_overdue_interest, day_count=p.day_count, currency=c.currency,
                        rounding=c.rounding)


def close_day(ctx: TenantContext, c: Contract, on: date) -> tuple[Contract, dict[EntryKind, dict[Component, Decimal]]]:
    """One contract's end of day (pure, given the product): bill what falls due, accrue interest,
    apply the customer's suspense to the bills, accrue penalty interest on overdue bills, update days
    past due, bucket and non-accrual. Returns the contract after and the postings to make."""
    from chalicelib.finance.penalty import OverdueAmount, penalty_interest

    postings: dict[EntryKind, dict[Component, Decimal]] = {}
    instalments = tuple(replace(i, billed=True) if not i.billed and i.due_on <= on else i for i in c.instalments)
    c = replace(c, instalments=instalments)
    fee_target = sum((i.fee for i in instalments if i.billed), ZERO)
    if fee_target > c.fees_booked:
        postings[EntryKind.FEE] = {Component.FEE: fee_target - c.fees_booked}
        c = replace(c, fees_booked=fee_target)
    if not c.non_accrual:
        earned = domain.interest_earned(instalments, on, c.currency, c.rounding)
        if earned > c.interest_accrued:
            postings[EntryKind.ACCRUAL] = {Component.INTEREST: earned - c.interest_accrued}
            c = replace(c, interest_accrued=earned)
    if c.suspense > 0:
        allocation = domain.repayment_allocation(c.instalments, c.suspense, on, c.strategy)
        if allocation.lines:
            postings[EntryKind.SUSPENSE_APPLICATION] = {Component(p.value): a for p, a in allocation.totals().items()}
            c = replace(c, instalments=domain.apply_allocation(c.instalments, allocation),
                        suspense=allocation.overpayment)
    tolerance, terms = _tolerance(ctx, c), _penalty_terms(ctx, c)
    penalty_total = ZERO
    updated = []
    for inst in c.instalments:
        if domain.is_overdue(inst, on, tolerance) and not c.non_accrual:
            start = max(inst.penalty_through or inst.due_on, inst.due_on)
            accrued = penalty_interest(OverdueAmount(start, inst.due(Part.PRINCIPAL), inst.due(Part.INTEREST)), on,
                                       terms).total
            if accrued > 0:
                penalty_total += accrued
                inst = replace(inst, penalty=inst.penalty + accrued, penalty_through=on)
        updated.append(inst)
    c = replace(c, instalments=tuple(updated))
    if penalty_total:
        postings[EntryKind.PENALTY] = {Component.PENALTY: penalty_total}
    c = _with_arrears(ctx, c, on)
    c = replace(c, non_accrual=c.non_accrual or c.days_past_due > _non_accrual_days(ctx, c), last_eod_on=on)
    return c.settle_status(), postings


# The named business steps of one contract's close, in the order they run (Fineract COB style). Each
# run counts the contracts each step changed; ``close_day`` is the pure core of all but the last.
CONTRACT_STEPS = ("bill", "accrue", "suspense", "overdue", "penalty", "delinquency", "non_accrual", "projection")


def _steps_taken(before: Contract, after: Contract, postings: dict[EntryKind, dict[Component, Decimal]],
                 on: date, tolerance: Tolerance) -> list[str]:
    newly_overdue = any(domain.is_overdue(i, on, tolerance) and not (
        before.last_eod_on and domain.is_overdue(before.instalment(i.seq), before.last_eod_on, tolerance))
        for i in after.instalments)
    taken = {
        "bill": EntryKind.FEE in postings or any(a.billed and not b.billed
                                                  for a, b in zip(after.instalments, before.instalments)),
        "accrue": EntryKind.ACCRUAL in postings,
        "suspense": EntryKind.SUSPENSE_APPLICATION in postings,
        "overdue": newly_overdue,
        "penalty": EntryKind.PENALTY in postings,
        "delinquency": after.days_past_due != before.days_past_due or after.bucket != before.bucket,
        "non_accrual": after.non_accrual and not before.non_accrual,
        "projection": True,
    }
    return [step for step in CONTRACT_STEPS if taken[step]]


def _close_contract_day(ctx: TenantContext, contract_id: str, on: date) -> tuple[str, list[str]]:
    """Close one contract for ``on``: ``("closed", steps taken)``, or ``("skipped", [])`` when it is not
    active or already closed for the date. Every posting's key names the contract, date and kind, so a
    re-run after a crash between postings replays the ones made and posts only the rest."""
    store = _store()
    for _ in retry.attempts(MAX_ATTEMPTS):
        c = store.get_contract(ctx, contract_id)
        if c is None or c.status is not ContractStatus.ACTIVE or (c.last_eod_on and c.last_eod_on >= on):
            return "skipped", []
        after, postings = close_day(ctx, c, on)
        for kind, amounts in postings.items():  # post first: the same contract state gives the same drafts
            _post(ctx, c, kind, on, amounts, f"eod:{on.isoformat()}:{contract_id}:{kind.value}", memo=f"EOD {on}")
        history = []
        if after.bucket != c.bucket:
            history.append(_history("bucket_changed", ctx, business_date=on, from_=c.bucket, to=after.bucket,
                                    days_past_due=after.days_past_due))
        if after.non_accrual and not c.non_accrual:
            history.append(_history("non_accrual", ctx, business_date=on, days_past_due=after.days_past_due))
        try:
            store.commit(ctx, after, history=history)
        except StaleContract:
            continue
        _project_exposure(ctx, after, on)
        _announce_overdue(ctx, c, after, on)
        _announce_settled(ctx, after, on, "suspense")
        return "closed", _steps_taken(c, after, postings, on, _tolerance(ctx, after))
    raise Conflict("servicing.contract.contention", "the contract kept changing; retry", {"contract_id": contract_id})


def _announce_overdue(ctx: TenantContext, before: Contract, after: Contract, on: date) -> None:
    """``instalment.overdue`` for each instalment that turned overdue today (once per instalment)."""
    tolerance = _tolerance(ctx, after)
    was = before.last_eod_on
    for inst in after.instalments:
        if not domain.is_overdue(inst, on, tolerance):
            continue
        if was is not None and domain.is_overdue(before.instalment(inst.seq), was, tolerance):
            continue
        _announce(ctx, "instalment.overdue", {
            "contract_id": after.contract_id, "application_id": after.application_id, "instalment_seq": inst.seq,
            "due_on": inst.due_on.isoformat(), "outstanding": format(inst.outstanding, "f"),
            "currency": after.currency, "days_past_due": after.days_past_due, "business_date": on.isoformat(),
        }, source_id=f"{after.contract_id}:{inst.seq}")


def active_contract_ids(ctx: TenantContext) -> Iterator[str]:
    """The ids of the tenant's active contracts, in listing order (the close of business's work list)."""
    return _store().active_ids(ctx)


def unclosed_contracts(ctx: TenantContext, business_date: date, contract_ids: Iterable[str]) -> list[str]:
    """Which of ``contract_ids`` are active and not yet closed for ``business_date``."""
    store = _store()
    out = []
    for contract_id in contract_ids:
        c = store.get_contract(ctx, contract_id)
        if c is not None and c.status is ContractStatus.ACTIVE and not (c.last_eod_on and c.last_eod_on >= business_date):
            out.append(contract_id)
    return out


# A contract whose close fails is tried this many times within its batch, then parked.
CONTRACT_ATTEMPTS = 3


def close_contract_batch(ctx: TenantContext, business_date: date, contract_ids: Iterable[str],
                         is_transient: Callable[[BaseException], bool] = lambda exc: False) -> dict[str, Any]:
    """Servicing's steps of a close of business for a batch of contracts (``CONTRACT_STEPS`` each).

    A contract already closed for the date is skipped, so a batch run again after a crash closes
    exactly the contracts not closed yet. A contract whose close fails is retried, then *parked* with
    its error — it never fails its siblings. A failure ``is_transient`` says is the platform's (a
    throttled table, a timeout) is raised instead, for the whole batch to be retried.

    Returns ``{"closed", "skipped", "steps": {step: contracts it changed}, "parked": [{contract_id,
    code, error, attempts}]}``."""
    out: dict[str, Any] = {"closed": 0, "skipped": 0, "steps": dict.fromkeys(CONTRACT_STEPS, 0), "parked": []}
    for contract_id in contract_ids:
        for attempt in range(1, CONTRACT_ATTEMPTS + 1):
            try:
                outcome, steps = _close_contract_day(ctx, contract_id, business_date)
                break
            except Exception as exc:  # noqa: BLE001 — one contract's failure is recorded, not propagated
                if is_transient(exc):
                    raise
                if attempt == CONTRACT_ATTEMPTS:
                    out["parked"].append({"contract_id": contract_id, "attempts": attempt,
                                          "code": getattr(exc, "code", type(exc).__name__),
                                          "error": str(getattr(exc, "message", exc))[:500]})
                    outcome, steps = "parked", []
        if outcome != "parked":
            out[outcome] += 1
        for step in steps:
            out["steps"][step] += 1
    return out


# --- group exposure projection ------------------------------------------------------------------


def _project_exposure(ctx: TenantContext, c: Contract, on: date) -> None:
    """Keep the group-risk projection of this contract current (risk's ``project_exposure``)."""
    from chalicelib.risk.projection import project_exposure

    outstanding = c.outstanding_principal if c.status is ContractStatus.ACTIVE else ZERO
    interest = max(ZERO, c.interest_accrued - c.part_total(Part.INTEREST, paid=True))
    profile = c.customer
    # HQ classifies (five categories, its own policy and overrides): the subsidiary reports facts.
    project_exposure(ctx, contract_id=c.contract_id, customer_hash=c.customer_hash, product_kind=c.kind,
                     outstanding_principal=outstanding, accrued_interest=interest if outstanding else ZERO,
                     days_past_due=c.days_past_due, classification=None, currency=c.currency,
                     customer_type=profile.type if profile else ("enterprise" if c.kind != "loan" else "individual"),
                     customer_label=profile.label if profile else "",
                     industry=profile.industry if profile else None, region=profile.region if profile else None,
                     related_parties=profile.related_parties if profile else (),
                     product_code=c.product_code, figures_on=on)


# --- prepayment ---------------------------------------------------------------------------------------


def _priced_terms(ctx: TenantContext, c: Contract) -> dict[str, Any]:
    """The finance engine's request the contract was priced with (the application's, as signed)."""
    from chalicelib.origination.applications import service as applications

    order = applications.disbursement_order(ctx, c.application_id)
    return {k: v for k, v in dict(order.terms).items() if k != "prepayment"}


def prepayment_quote(ctx: TenantContext, contract_id: str, on: date | None = None, amount: Decimal | None = None,
                     strategy: str = "keep_term") -> dict[str, Any]:
    """What prepaying ``amount`` of principal (everything if ``None``) on ``on`` costs, under the pinned
    product's prepayment rule (allowed after N periods, penalty), priced by the finance engine."""
    return _prepayment_quote(ctx, get_contract(ctx, contract_id), on or _today(ctx), amount, strategy)


def _prepayment_quote(ctx: TenantContext, c: Contract, on: date, amount: Decimal | None,
                      strategy: str) -> dict[str, Any]:
    from chalicelib.finance.dates import Frequency, add_periods
    from chalicelib.finance.quote import price_quote

    if c.status is not ContractStatus.ACTIVE:
        raise Conflict("servicing.contract.not_active", f"the contract is {c.status.value}",
                       {"status": c.status.value})
    rule = product_definition(ctx, c.product_code, c.product_version).prepayment
    if c.kind != "loan" or not rule.allowed:
        raise RuleViolation("servicing.prepayment.not_offered", "this product does not offer prepayment",
                            {"kind": c.kind})
    if strategy not in rule.strategies:
        raise RuleViolation("servicing.prepayment.strategy.invalid", f"this product prepays by {rule.strategies}",
                            {"strategies": list(rule.strategies)})
    terms = _priced_terms(ctx, c)
    if rule.after_periods:
        earliest = add_periods(date.fromisoformat(terms["start_date"]), Frequency(terms["frequency"]),
                               rule.after_periods)
        if on < earliest:
            raise RuleViolation("servicing.prepayment.too_early",
                                f"this product allows prepayment after {rule.after_periods} periods",
                                {"earliest": earliest.isoformat()})
    arrears = [i.seq for i in c.instalments if i.due_on <= on and not i.settled]
    if arrears:
        raise Conflict("servicing.prepayment.arrears", "settle the instalments due by then first",
                       {"instalments": arrears})
    asked = {"date": on.isoformat(), "strategy": strategy,
             "amount": format(amount, "f") if amount is not None else None,
             "penalty_rate": format(rule.penalty_rate, "f") if rule.penalty_rate is not None else None,
             "penalty_periods": rule.penalty_periods}
    priced = price_quote({**terms, "prepayment": {k: v for k, v in asked.items() if v is not None}})["prepayment"]
    D = lambda k: Decimal(str(priced[k]))  # noqa: E731
    if D("outstanding_principal") != c.outstanding_principal:
        raise Conflict("servicing.prepayment.schedule_changed",
                       "the schedule no longer follows the priced terms (an earlier prepayment); not quotable",
                       {"outstanding_principal": str(c.outstanding_principal)})
    return {"contract_id": c.contract_id, "date": on, "strategy": priced["strategy"],
            "outstanding_principal": D("outstanding_principal"), "prepaid_principal": D("prepaid_principal"),
            "accrued_interest": D("accrued_interest"), "penalty": D("penalty"), "total_due": D("total_due"),
            "interest_saved": D("interest_saved"), "full": priced["strategy"] == "full",
            "installments": priced.get("installments") or []}


def apply_prepayment(ctx: TenantContext, contract_id: str, on: date | None, amount: Decimal | None, strategy: str,
                     reference: str | None, idempotency_key: str) -> dict[str, Any]:
    """Receive a prepayment as quoted: the penalty charged, the prepaid principal and accrued interest
    paid, the bills ahead replaced by the recalculated schedule (closed when prepaid in full).

    Stored first as a repayment (``channel: prepayment``) with its allocation, then posted — the
    same path as ``apply_repayment``; idempotent under ``idempotency_key``."""
    if not idempotency_key:
        raise RuleViolation("servicing.idempotency_key.required", "an Idempotency-Key is required")
    store = _store()
    today = _today(ctx)
    on = on or today
    if on > today:
        raise RuleViolation("servicing.prepayment.date.future", "a prepayment is received on or before today",
                            {"business_date": today.isoformat()})
    rid = "ppy_" + _digest("prepayment", contract_id, idempotency_key)
    fingerprint = _digest(contract_id, "prepayment", on.isoformat(), strategy,
                          format(amount, "f") if amount is not None else "full")
    for _ in retry.attempts(MAX_ATTEMPTS):
        found = store.get_repayment(ctx, rid)
        if found is not None:
            repayment, version = found
            if repayment["fingerprint"] != fingerprint:
                raise Conflict("servicing.idempotency.mismatch",
                               "this Idempotency-Key was used for a different prepayment", {"repayment_id": rid})
            done = _finish_posting(ctx, repayment, version)
            _announce_settled(ctx, get_contract(ctx, contract_id), on, "prepayment")  # a retry after a crash
            return done
        contract = get_contract(ctx, contract_id)
        quote = _prepayment_quote(ctx, contract, on, amount, strategy)
        instalments, allocation = domain.prepaid_instalments(
            contract.instalments, on, prepaid=quote["prepaid_principal"], accrued=quote["accrued_interest"],
            penalty=quote["penalty"], remaining=quote["installments"])
        after = replace(contract, instalments=instalments)
        interest_gap = max(ZERO, after.part_total(Part.INTEREST, paid=True) - contract.interest_accrued)
        after = replace(after, interest_accrued=contract.interest_accrued + interest_gap)
        after = _with_arrears(ctx, after, max(on, contract.last_eod_on or on)).settle_status()
        totals = allocation.totals()
        repayment = {
            "id": rid, "contract_id": contract_id, "amount": quote["total_due"], "currency": contract.currency,
            "received_on": on, "booked_on": max(on, _today(ctx)), "reference": reference, "channel": "prepayment",
            "status": "posting", "fingerprint": fingerprint, "created_by": ctx.username, "created_at": utc_now(),
            "allocation": [[s, p.value, a] for s, p, a in allocation.lines],
            "totals": {p.value: a for p, a in totals.items()}, "overpayment": ZERO,
            "catch_up": {"interest": interest_gap, "fee": ZERO, "penalty": quote["penalty"]},
            "prepayment": {k: v for k, v in quote.items() if k != "installments"},
        }
        try:
            store.commit(ctx, after, history=[_history(
                "prepayment", ctx, repayment_id=rid, date=on, strategy=quote["strategy"],
                prepaid_principal=quote["prepaid_principal"], accrued_interest=quote["accrued_interest"],
                penalty=quote["penalty"], total_due=quote["total_due"])],
                new_items=[store.repayment_item(ctx, _plain(repayment))])
        except StaleContract:
            continue
        result = _finish_posting(ctx, _plain(repayment), 1)
        _project_exposure(ctx, after, on)
        _announce_settled(ctx, after, on, "prepayment")
        return result
    raise Conflict("servicing.contract.contention", "the contract kept changing; retry", {"contract_id": contract_id})


# --- collections ------------------------------------------------------------------------------------

COLLECTION_ACTIONS = ("call", "sms", "visit", "promise_to_pay", "legal")
# A contract's actions are one list read whole with the contract: bounded per business day.
MAX_COLLECTION_ACTIONS_PER_DAY = 20


def collections_queue(ctx: TenantContext, bucket: str, cursor: str | None = None,
                      limit: int = 50) -> tuple[list[Contract], str | None]:
    """Active contracts in a delinquency bucket (the store's bucket index), for the collectors."""
    return _store().page(ctx, cursor, limit, status=ContractStatus.ACTIVE.value, bucket=bucket)


def log_collection_action(ctx: TenantContext, contract_id: str, action: str, note: str | None,
                          promised_on: date | None = None, promised_amount: Decimal | None = None) -> dict[str, Any]:
    """Log a collector's action on a contract (who, when, what); it shows in the contract's history."""
    if action not in COLLECTION_ACTIONS:
        raise RuleViolation("servicing.collection.type.invalid", f"an action is one of {COLLECTION_ACTIONS}")
    if action == "promise_to_pay" and (promised_on is None or promised_amount is None or promised_amount <= 0):
        raise RuleViolation("servicing.collection.promise.incomplete",
                            "a promise to pay needs promised_on and a positive promised_amount")
    contract = get_contract(ctx, contract_id)
    at = utc_now()
    today = clock.business_date(ctx)
    logged_today = sum(1 for a in _store().history(ctx, contract_id, "COLLECT#")
                       if a.get("business_date") == today.isoformat())
    if logged_today >= MAX_COLLECTION_ACTIONS_PER_DAY:
        raise Conflict("servicing.collection.limit",
                       f"at most {MAX_COLLECTION_ACTIONS_PER_DAY} collection actions per contract a day",
                       {"limit": MAX_COLLECTION_ACTIONS_PER_DAY, "business_date": today.isoformat()})
    record = _plain({"id": "col_" + _digest(contract_id, at.isoformat(), ctx.user_id), "contract_id": contract_id,
                     "type": action, "note": note, "promised_on": promised_on,
                     "promised_amount": promised_amount, "by": ctx.username, "at": at,
                     "days_past_due": contract.days_past_due, "bucket": contract.bucket,
                     "business_date": today})
    history = _plain({"at": at, **_history("collection_action", ctx, **{k: record[k] for k in (
        "id", "type", "note", "promised_on", "promised_amount", "bucket")})})
    stamp = f"{at.isoformat()}#{record['id'][-6:]}"
    _store().add_to_contract(ctx, contract_id, [(f"COLLECT#{stamp}", "collection_action", record),
                                                (f"HIST#{stamp}", "contract_history", history)])
    return record


def collection_actions(ctx: TenantContext, contract_id: str) -> list[dict[str, Any]]:
    get_contract(ctx, contract_id)
    return _store().history(ctx, contract_id, "COLLECT#")


# --- write-off and recovery ------------------------------------------------------------------------


def write_off_amounts(c: Contract) -> dict[Component, Decimal]:
    """What the contract's receivables hold (as servicing books them), as the template's write-off
    components: the principal (for a lease the gross receivable net of its unearned income), the
    interest receivable, the penalty and fees receivable."""
    interest_receivable = c.interest_accrued - c.part_total(Part.INTEREST, paid=True)
    out = {Component.PENALTY: c.part_total(Part.PENALTY) - c.part_total(Part.PENALTY, paid=True),
           Component.FEE: c.fees_booked - c.part_total(Part.FEE, paid=True)}
    if c.kind == "lease":
        out[Component.UNEARNED_INTEREST] = c.part_total(Part.INTEREST) - c.interest_accrued
        out[Component.PRINCIPAL] = c.outstanding_principal + interest_receivable
    else:
        out[Component.INTEREST] = interest_receivable
        out[Component.PRINCIPAL] = c.outstanding_principal
    return {k: v for k, v in out.items() if v}


def write_off(ctx: TenantContext, contract_id: str, reason: str) -> Contract:
    """Write the contract off (tenant-admin): the principal provided for in full and then written off
    against the allowance, the interest, penalty and fee receivables to impairment — all through the
    product template's legs. The contract leaves the collections queue; recoveries may follow."""
    store = _store()
    for _ in retry.attempts(MAX_ATTEMPTS):
        c = get_contract(ctx, contract_id)
        after = c.moved(ContractEvent.WRITE_OFF)  # 409 unless active
        on = max(_today(ctx), c.last_eod_on or _today(ctx))
        amounts = write_off_amounts(c)
        principal = amounts.get(Component.PRINCIPAL, ZERO)
        _post(ctx, c, EntryKind.PROVISION, on, {Component.PROVISION: principal}, f"write-off-provision:{contract_id}",
              memo=f"provision before write-off: {reason}")
        posted = _post(ctx, c, EntryKind.WRITE_OFF, on, amounts, f"write-off:{contract_id}", memo=f"write-off: {reason}")
        total = sum(amounts.values(), ZERO) - amounts.get(Component.UNEARNED_INTEREST, ZERO)
        after = replace(after, written_off=total)
        try:
            after = store.commit(ctx, after, history=[_history(
                "written_off", ctx, reason=reason, business_date=on, entry_id=posted.entry.id if posted else None,
                amounts={k.value: v for k, v in amounts.items()}, total=total)])
        except StaleContract:
            continue
        _project_exposure(ctx, after, on)
        return after
    raise Conflict("servicing.contract.contention", "the contract kept changing; retry", {"contract_id": contract_id})


def record_recovery(ctx: TenantContext, contract_id: str, amount: Decimal | str, received_on: date | None,
                    reference: str | None, idempotency_key: str) -> dict[str, Any]:
    """Money recovered on a written-off contract (finance; idempotent under ``idempotency_key``):
    cash in against the loss allowance, and the contract's ``recovered`` total."""
    if not idempotency_key:
        raise RuleViolation("servicing.idempotency_key.required", "an Idempotency-Key is required")
    store = _store()
    amount = Decimal(amount)
    rid = "rcv_" + _digest("recovery", contract_id, idempotency_key)
    for _ in retry.attempts(MAX_ATTEMPTS):
        c = get_contract(ctx, contract_id)
        amount = quantize(amount, c.currency)
        if amount <= 0:
            raise RuleViolation("servicing.recovery.amount.invalid", "a recovery amount must be positive")
        on = clock.not_after_business_date(ctx, received_on or _today(ctx), "servicing.repayment.future_date",
                                           "a recovery")
        fingerprint = _fingerprint(contract_id, amount, on)
        found = store.get_record(ctx, "recovery", rid)
        if found is not None:
            record, version = found
            if record["fingerprint"] != fingerprint:
                raise Conflict("servicing.idempotency.mismatch",
                               "this Idempotency-Key was used for a different recovery", {"recovery_id": rid})
            return _finish_recovery(ctx, c, record, version)
        after = c.moved(ContractEvent.RECOVER)  # 409 unless written off
        after = replace(after, recovered=c.recovered + amount)
        record = _plain({"id": rid, "contract_id": contract_id, "amount": amount, "currency": c.currency,
                         "received_on": on, "booked_on": max(on, _today(ctx), c.last_eod_on or on),
                         "reference": reference, "status": "posting", "fingerprint": fingerprint,
                         "created_by": ctx.username, "created_at": utc_now()})
        try:
            store.commit(ctx, after, history=[_history("recovery", ctx, recovery_id=rid, amount=amount,
                                                       received_on=on, reference=reference)],
                         new_items=[store.record_item(ctx, "recovery", rid, record)])
        except StaleContract:
            continue
        return _finish_recovery(ctx, after, record, 1)
    raise Conflict("servicing.contract.contention", "the contract kept changing; retry", {"contract_id": contract_id})


def _finish_recovery(ctx: TenantContext, c: Contract, record: dict[str, Any], version: int) -> dict[str, Any]:
    if record["status"] != "posting":
        return record
    posted = _post(ctx, c, EntryKind.RECOVERY, date.fromisoformat(record["booked_on"]),
                   {Component.RECOVERY: Decimal(record["amount"])}, f"recovery:{record['id']}",
                   memo=f"recovery {record.get('reference') or record['id']}")
    done = {**record, "status": "posted", "entry_id": posted.entry.id if posted else None}
    _store().save_record(ctx, "recovery", done, version)
    return done


# --- offline repayment: a bank voucher, recorded by one finance user and confirmed by another -----------

VOUCHER_UPLOAD_SECONDS = 900


def _vouchers():
    """The documents bucket (origination's S3 adapter: objects under ``tenants/<tenant_id>/``)."""
    from chalicelib.origination import wiring

    return wiring.documents()


def record_offline_repayment(ctx: TenantContext, contract_id: str, amount: Decimal | str, received_on: date | None,
                             reference: str | None, voucher: dict[str, Any],
                             idempotency_key: str) -> tuple[dict[str, Any], Any]:
    """The maker's half: an offline repayment awaiting confirmation, and a presigned upload for its
    bank voucher (S3 holds the upload to the declared size and SHA-256). Nothing is posted until
    another finance user confirms it. Idempotent under ``idempotency_key``."""
    from chalicelib.origination.applications.storage import sha256_b64_of_hex

    if not idempotency_key:
        raise RuleViolation("servicing.idempotency_key.required", "an Idempotency-Key is required")
    store = _store()
    c = get_contract(ctx, contract_id)
    if c.status is not ContractStatus.ACTIVE:
        raise Conflict("servicing.contract.not_active", f"the contract is {c.status.value}", {"status": c.status.value})
    amount = quantize(Decimal(amount), c.currency)
    if amount <= 0:
        raise RuleViolation("servicing.repayment.amount.invalid", "a repayment amount must be positive")
    on = clock.not_after_business_date(ctx, received_on or _today(ctx), "servicing.repayment.future_date",
                                       "a repayment")
    oid = "ofr_" + _digest("offline", contract_id, idempotency_key)
    fingerprint = _digest(_fingerprint(contract_id, amount, on), voucher["sha256"].lower())
    found = store.get_record(ctx, "offline", oid)
    if found is not None:
        record = found[0]
        if record["fingerprint"] != fingerprint:
            raise Conflict("servicing.idempotency.mismatch",
                           "this Idempotency-Key was used for a different offline repayment", {"offline_id": oid})
    else:
        name = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in voucher["file_name"])[-120:] or "voucher"
        record = _plain({
            "id": oid, "contract_id": contract_id, "amount": amount, "currency": c.currency, "received_on": on,
            "reference": reference, "status": "awaiting_confirmation", "fingerprint": fingerprint,
            "recorded_by": ctx.user_id, "recorded_by_name": ctx.username, "recorded_at": utc_now(),
            "voucher": {"file_name": voucher["file_name"], "content_type": voucher["content_type"],
                        "size": int(voucher["size"]), "sha256": voucher["sha256"].lower(),
                        "key": f"tenants/{ctx.tenant_id}/contracts/{contract_id}/vouchers/{oid}/{name}"},
        })
        try:
            store.save_record(ctx, "offline", record, None)
        except Conflict:
            record = store.get_record(ctx, "offline", oid)[0]
    v = record["voucher"]
    ticket = None
    if record["status"] == "awaiting_confirmation":
        ticket = _vouchers().presign_upload(ctx.tenant_id, v["key"], v["content_type"], v["size"],
                                            sha256_b64_of_hex(v["sha256"]), VOUCHER_UPLOAD_SECONDS)
    return record, ticket


def get_offline_repayment(ctx: TenantContext, offline_id: str) -> dict[str, Any]:
    found = _store().get_record(ctx, "offline", offline_id)
    if found is None:
        raise NotFound("servicing.offline_repayment.not_found", "no such offline repayment",
                       {"offline_id": offline_id})
    return found[0]


OFFLINE_STATUSES = {"pending": "awaiting_confirmation", "confirmed": "confirmed"}


def list_offline_repayments(ctx: TenantContext, status: str = "pending", cursor: str | None = None,
                            limit: int = 50) -> tuple[list[dict[str, Any]], str | None]:
    """The checkers' queue: the tenant's offline repayments ``pending`` confirmation (or ``confirmed``),
    newest first."""
    return _store().offline_page(ctx, status=OFFLINE_STATUSES[status], cursor=cursor, limit=limit)


def contract_offline_repayments(ctx: TenantContext, contract_id: str, cursor: str | None = None,
                                limit: int = 50) -> tuple[list[dict[str, Any]], str | None]:
    """One contract's offline repayments in any status, newest first (404 if the contract is not the tenant's)."""
    get_contract(ctx, contract_id)
    return _store().offline_page(ctx, contract_id=contract_id, cursor=cursor, limit=limit)


def confirm_offline_repayment(ctx: TenantContext, offline_id: str) -> dict[str, Any]:
    """The checker's half: another finance user than the one who recorded it (403
    ``servicing.maker_checker``) confirms once the voucher is uploaded as declared; the repayment is
    then applied like any other (``channel: offline``). Confirming twice returns it unchanged."""
    import base64

    from chalicelib.origination.applications.storage import sha256_b64_of_hex, sha256_hex
    from chalicelib.shared.errors import Forbidden

    store = _store()
    found = store.get_record(ctx, "offline", offline_id)
    if found is None:
        raise NotFound("servicing.offline_repayment.not_found", "no such offline repayment",
                       {"offline_id": offline_id})
    record, version = found
    if record["status"] == "confirmed":
        return record
    if record["recorded_by"] == ctx.user_id:
        raise Forbidden("servicing.maker_checker", "another finance user must confirm what you recorded",
                        {"recorded_by": record["recorded_by_name"]})
    v, docs = record["voucher"], _vouchers()
    stored = docs.head(ctx.tenant_id, v["key"])
    if stored is None:
        raise RuleViolation("servicing.voucher.not_uploaded", "the bank voucher has not been uploaded yet")
    actual = stored.sha256_b64 or base64.b64encode(bytes.fromhex(sha256_hex(docs.get(ctx.tenant_id, v["key"])))).decode()
    if stored.size != v["size"] or actual != sha256_b64_of_hex(v["sha256"]):
        raise RuleViolation("servicing.voucher.mismatch", "the uploaded voucher is not the one declared")
    repayment = apply_repayment(ctx, record["contract_id"], Decimal(record["amount"]),
                                date.fromisoformat(record["received_on"]), record.get("reference"),
                                f"offline:{offline_id}", channel="offline")
    # The bank transfer in, for the day's clearing (before the record is confirmed: a retry registers it).
    effects.clearing().register(ctx, channel=BANK_TRANSFER,
                                counterparty=_counterparty(get_contract(ctx, record["contract_id"])),
                                direction="in", amount=Decimal(repayment["amount"]), currency=repayment["currency"],
                                source=f"offline:{offline_id}", contract_id=record["contract_id"],
                                ledger_entry_id=repayment.get("entry_id"),
                                business_date=date.fromisoformat(repayment["booked_on"]))
    done = {**record, "status": "confirmed", "repayment_id": repayment["id"], "confirmed_by": ctx.username,
            "confirmed_at": utc_now().isoformat()}
    store.save_record(ctx, "offline", done, version)
    return done
