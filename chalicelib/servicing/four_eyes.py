"""Four eyes on servicing's hand-made money movements: write-off, repayment reversal, recovery.

Asking for one (``request_write_off``, ``request_repayment_reversal``, ``request_recovery``) checks
it now and stores a pending approval request (``chalicelib.approvals.domain``); only approval by
another user holding one of the action's approver roles runs it (``approve``). Below the amount the
tenant sets per action (``four_eyes_below`` in its definition; default 0: always two people) the
maker's own request is approved and run at once.

Running the action is the existing use case (``service.write_off`` …), called with the approver's
context. The request is marked approved *before* the action runs, in a conditional write, so two
checkers never both run it and a rejection cannot slip in between; if the action refuses (a domain
error), the request goes back to pending unchanged and the error is the answer. A crash after the
action ran leaves the request approved without a result: approving again runs the (idempotent)
action again and records what it did. Every request is idempotent under the maker's key.

The system's own movements (a Stripe refund reversing its repayment) call ``service`` directly.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any, Callable

from chalicelib.approvals import domain as approvals
from chalicelib.approvals.domain import Actor, ApprovalRequest, Status
from chalicelib.servicing import service
from chalicelib.servicing.domain import ContractEvent
from chalicelib.shared import clock
from chalicelib.shared.errors import Conflict, DomainError, NotFound, RuleViolation
from chalicelib.shared.money import quantize
from chalicelib.shared.tenant import Role, TenantContext

KIND = "approval"  # the servicing store's record kind


@dataclass(frozen=True)
class Action:
    name: str
    approvers: tuple[Role, ...]
    run: Callable[[TenantContext, ApprovalRequest], dict[str, Any]]


def _run_write_off(ctx: TenantContext, r: ApprovalRequest) -> dict[str, Any]:
    c = service.write_off(ctx, r.subject_id, r.params["reason"])
    return {"contract_id": c.contract_id, "status": c.status.value, "written_off": format(c.written_off, "f")}


def _run_reversal(ctx: TenantContext, r: ApprovalRequest) -> dict[str, Any]:
    done = service.reverse_repayment(ctx, r.subject_id, r.params["reason"])
    return {"repayment_id": done["id"], "status": done["status"], "reversal_entry_id": done.get("reversal_entry_id")}


def _run_recovery(ctx: TenantContext, r: ApprovalRequest) -> dict[str, Any]:
    p = r.params
    done = service.record_recovery(ctx, r.subject_id, r.amount, date.fromisoformat(p["received_on"]),
                                   p.get("reference"), f"approval:{r.id}")
    return {"recovery_id": done["id"], "status": done["status"], "entry_id": done.get("entry_id")}


ACTIONS: dict[str, Action] = {
    "write_off": Action("write_off", (Role.TENANT_ADMIN, Role.FINANCE), _run_write_off),
    "repayment_reversal": Action("repayment_reversal", (Role.FINANCE, Role.TENANT_ADMIN), _run_reversal),
    "recovery": Action("recovery", (Role.FINANCE, Role.TENANT_ADMIN), _run_recovery),
}
APPROVER_ROLES = tuple(sorted({r for a in ACTIONS.values() for r in a.approvers}, key=lambda r: r.value))


def _actor(ctx: TenantContext) -> Actor:
    return Actor(ctx.user_id, ctx.username, frozenset(r.value for r in ctx.roles))


def four_eyes_below(ctx: TenantContext, action: str) -> Decimal:
    """The tenant's amount below which one person may do ``action`` alone (0: never)."""
    from chalicelib import bootstrap

    registered = bootstrap.tenant_registry().get(ctx.tenant_id)
    if registered is None:
        return Decimal(0)
    return Decimal(getattr(registered.definition.four_eyes_below, action))


def _not_found(request_id: str) -> NotFound:
    return NotFound("approvals.request.not_found", "no such approval request", {"request_id": request_id})


def _load(ctx: TenantContext, request_id: str) -> ApprovalRequest:
    found = service._store().get_record(ctx, KIND, request_id)
    if found is None:
        raise _not_found(request_id)
    return approvals.from_json(*found)


def _save(ctx: TenantContext, r: ApprovalRequest) -> ApprovalRequest:
    """Write ``r`` at its version (new if None); 409 ``servicing.approval.conflict`` if anyone wrote first."""
    service._store().save_record(ctx, KIND, approvals.to_json(r), r.version)
    return replace(r, version=(r.version or 0) + 1)


# --- asking -----------------------------------------------------------------------------------------


def _request(ctx: TenantContext, action: str, *, subject_id: str, contract_id: str | None, amount: Decimal,
             currency: str, params: dict[str, Any], idempotency_key: str | None) -> ApprovalRequest:
    if not idempotency_key:
        raise RuleViolation("servicing.idempotency_key.required", "an Idempotency-Key is required")
    what = json.dumps({"action": action, "subject": subject_id, "amount": format(amount, "f"), "params": params},
                      sort_keys=True)
    rid = "apr_" + service._digest("approval", action, subject_id, idempotency_key)
    fingerprint = hashlib.sha256(what.encode()).hexdigest()[:32]
    found = service._store().get_record(ctx, KIND, rid)
    if found is not None:
        existing = approvals.from_json(*found)
        if existing.fingerprint != fingerprint or existing.requested_by != ctx.user_id:
            raise Conflict("servicing.idempotency.mismatch", "this Idempotency-Key was used for a different request",
                           {"request_id": rid})
        limit = four_eyes_below(ctx, action)
        if existing.status is Status.PENDING and approvals.one_person_suffices(existing.amount, limit):
            return _decide_and_run(ctx, existing, existing.approved_alone(_actor(ctx), limit, clock.now()))
        return _finish(ctx, existing)
    request = ApprovalRequest(id=rid, action=action, subject_id=subject_id, contract_id=contract_id,
                              amount=amount, currency=currency, params=params, fingerprint=fingerprint,
                              requested_by=ctx.user_id, requested_by_name=ctx.username, requested_at=clock.now())
    try:
        request = _save(ctx, request)
    except Conflict:  # the same request, a moment ago
        return _request(ctx, action, subject_id=subject_id, contract_id=contract_id, amount=amount,
                        currency=currency, params=params, idempotency_key=idempotency_key)
    limit = four_eyes_below(ctx, action)
    if approvals.one_person_suffices(amount, limit):
        return _decide_and_run(ctx, request, request.approved_alone(_actor(ctx), limit, clock.now()))
    return request


def request_write_off(ctx: TenantContext, contract_id: str, reason: str,
                      idempotency_key: str | None) -> ApprovalRequest:
    """Ask to write the contract off (its receivables as they stand now are the amount weighed
    against the tenant's limit). 409 unless the contract is active."""
    c = service.get_contract(ctx, contract_id)
    c.moved(ContractEvent.WRITE_OFF)  # 409 now, not at approval
    amounts = service.write_off_amounts(c)
    total = sum(amounts.values(), Decimal(0)) - amounts.get(service.Component.UNEARNED_INTEREST, Decimal(0))
    return _request(ctx, "write_off", subject_id=contract_id, contract_id=contract_id,
                    amount=quantize(total, c.currency), currency=c.currency, params={"reason": reason},
                    idempotency_key=idempotency_key)


def request_repayment_reversal(ctx: TenantContext, repayment_id: str, reason: str,
                               idempotency_key: str | None) -> ApprovalRequest:
    """Ask to reverse a posted repayment (409 if it is reversed already or was a prepayment)."""
    repayment = service.get_repayment(ctx, repayment_id)
    if repayment["status"] in ("reversed", "reversing"):
        raise Conflict("servicing.repayment.reversed", "the repayment is already reversed",
                       {"repayment_id": repayment_id})
    if repayment.get("channel") == "prepayment":
        raise Conflict("servicing.repayment.prepayment_not_reversible",
                       "a prepayment recalculated the schedule; it cannot be reversed as a repayment")
    return _request(ctx, "repayment_reversal", subject_id=repayment_id, contract_id=repayment["contract_id"],
                    amount=Decimal(repayment["amount"]), currency=repayment["currency"], params={"reason": reason},
                    idempotency_key=idempotency_key)


def request_recovery(ctx: TenantContext, contract_id: str, amount: Decimal | str, received_on: date | None,
                     reference: str | None, idempotency_key: str | None) -> ApprovalRequest:
    """Ask to record money recovered on a written-off contract (409 unless written off)."""
    c = service.get_contract(ctx, contract_id)
    c.moved(ContractEvent.RECOVER)  # 409 unless written off
    amount = quantize(Decimal(amount), c.currency)
    if amount <= 0:
        raise RuleViolation("servicing.recovery.amount.invalid", "a recovery amount must be positive")
    on = clock.not_after_business_date(ctx, received_on or clock.business_date(ctx),
                                       "servicing.repayment.future_date", "a recovery")
    return _request(ctx, "recovery", subject_id=contract_id, contract_id=contract_id, amount=amount,
                    currency=c.currency, params={"received_on": on.isoformat(), "reference": reference},
                    idempotency_key=idempotency_key)


# --- deciding ---------------------------------------------------------------------------------------


def get_request(ctx: TenantContext, request_id: str) -> ApprovalRequest:
    return _load(ctx, request_id)


def list_requests(ctx: TenantContext, status: str = "pending", cursor: str | None = None,
                  limit: int = 50) -> tuple[list[ApprovalRequest], str | None]:
    """The checkers' queue: the tenant's requests in ``status``, newest first."""
    items, nxt = service._store().approval_page(ctx, status=status, cursor=cursor, limit=limit)
    return [approvals.from_json(d, v) for d, v in items], nxt


def contract_requests(ctx: TenantContext, contract_id: str, cursor: str | None = None,
                      limit: int = 50) -> tuple[list[ApprovalRequest], str | None]:
    """One contract's requests in any status, newest first (404 if the contract is not the tenant's)."""
    service.get_contract(ctx, contract_id)
    items, nxt = service._store().approval_page(ctx, contract_id=contract_id, cursor=cursor, limit=limit)
    return [approvals.from_json(d, v) for d, v in items], nxt


def _finish(ctx: TenantContext, r: ApprovalRequest) -> ApprovalRequest:
    """Run an approved request's action if it has not recorded a result yet, and record it."""
    if r.status is not Status.APPROVED or r.result is not None:
        return r
    result = ACTIONS[r.action].run(ctx, r)
    try:
        return _save(ctx, r.done(result))
    except Conflict:  # another call recorded it first
        return _load(ctx, r.id)


def _decide_and_run(ctx: TenantContext, before: ApprovalRequest, after: ApprovalRequest) -> ApprovalRequest:
    try:
        approved = _save(ctx, after)  # conditional: one decision wins
    except Conflict:
        current = _load(ctx, before.id)
        if current.status is Status.APPROVED:
            return _finish(ctx, current)
        raise
    try:
        return _finish(ctx, approved)
    except DomainError:
        # The action refused (the contract moved on, say): the request stays as it was, pending.
        _save(ctx, replace(before, version=approved.version))
        raise


def approve(ctx: TenantContext, request_id: str) -> ApprovalRequest:
    """Another user with an approver role approves the request, and its action runs (403
    ``approvals.maker_checker`` for its maker, ``approvals.role.forbidden`` for other roles; 409
    ``approvals.request.illegal_transition`` once rejected). Approving again returns it."""
    r = _load(ctx, request_id)
    if r.status is Status.APPROVED:
        return _finish(ctx, r)
    return _decide_and_run(ctx, r, r.approved(_actor(ctx), ACTIONS[r.action].approvers, clock.now()))


def reject(ctx: TenantContext, request_id: str, reason: str) -> ApprovalRequest:
    """An approver refuses the request, or its maker withdraws it; nothing runs. Rejecting a
    rejected request returns it; an approved one is 409."""
    r = _load(ctx, request_id)
    if r.status is Status.REJECTED:
        return r
    after = r.rejected(_actor(ctx), ACTIONS[r.action].approvers, reason, clock.now())
    try:
        return _save(ctx, after)
    except Conflict:
        current = _load(ctx, request_id)
        if current.status is Status.REJECTED:
            return current
        current.rejected(_actor(ctx), ACTIONS[r.action].approvers, reason, clock.now())  # the 409 naming its status
        raise
