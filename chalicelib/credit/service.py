"""Facility use cases: apply, review, activate, freeze … (one transition table), and the drawdown
holds origination and servicing place through ``origination/applications/facility_effects.py``.

Every date here is the tenant's business date (``clock.business_date``); instants come from the clock.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from chalicelib.credit.domain import (
    DEFAULT_SECOND_REVIEW_ABOVE,
    LINKED,
    PENDING,
    POSTED,
    VOIDED,
    Actor,
    Balance,
    Facility,
    SubLimit,
    draw_refusal,
    known_currency,
    utilization_ratio,
)
from chalicelib.credit.lifecycle import Action, Status, allowed_actions, illegal
from chalicelib.platform import effects
from chalicelib.shared import clock, retry
from chalicelib.shared.errors import Conflict, Forbidden, NotFound, RuleViolation
from chalicelib.shared.ids import new_id
from chalicelib.shared.money import is_at_scale
from chalicelib.shared.tenant import Role, TenantContext

if TYPE_CHECKING:  # the store loads PynamoDB: imported on first use, so ``import app`` stays light
    from chalicelib.credit.store import Allocation, DrawdownRecord, Facilities

ZERO = Decimal(0)
OFFICERS = (Role.LOAN_OFFICER, Role.TENANT_ADMIN)
RISK_STAFF = (Role.TENANT_ADMIN, Role.FIRST_REVIEWER, Role.SECOND_REVIEWER)

# Who may take each action (segregation of duties on the token's sub is checked by the domain).
ACTION_ROLES: dict[Action, tuple[Role, ...]] = {
    Action.CLAIM_FIRST: (Role.FIRST_REVIEWER,),
    Action.APPROVE_FIRST: (Role.FIRST_REVIEWER,),
    Action.ESCALATE: (Role.FIRST_REVIEWER,),
    Action.REJECT_FIRST: (Role.FIRST_REVIEWER,),
    Action.APPROVE_SECOND: (Role.SECOND_REVIEWER,),
    Action.REJECT_SECOND: (Role.SECOND_REVIEWER,),
    Action.WITHDRAW: OFFICERS,
    Action.ACTIVATE: OFFICERS,
    Action.FREEZE: RISK_STAFF,
    Action.UNFREEZE: RISK_STAFF,
    Action.EXPIRE: RISK_STAFF,
    Action.CLOSE: (Role.TENANT_ADMIN,),
}


@lru_cache(maxsize=1)
def facilities() -> "Facilities":
    from chalicelib.credit.store import Facilities

    return Facilities()


def _records():
    from chalicelib.credit import store

    return store


def _group():
    from chalicelib.credit import group

    return group


def actor_of(ctx: TenantContext) -> Actor:
    return Actor(ctx.user_id, ctx.username)


def _load(ctx: TenantContext, facility_id: str) -> tuple[Facility, int]:
    found = facilities().load(ctx, facility_id)
    if found is None:
        raise NotFound("facilities.facility.not_found", "facility not found", {"facility_id": facility_id})
    return found


# --- the tenant's policy ----------------------------------------------------------------------------------


def policy(ctx: TenantContext) -> dict[str, Any]:
    """The tenant's facility policy: the amount above which a second review is required."""
    p = _records().get_policy(ctx)
    return {"second_review_above": Decimal(p.get("second_review_above", DEFAULT_SECOND_REVIEW_ABOVE))}


def set_policy(ctx: TenantContext, second_review_above: Decimal) -> dict[str, Any]:
    if second_review_above < 0:
        raise RuleViolation("facilities.second_review_above.invalid", "the threshold is not negative")
    _records().put_policy(ctx, {**_records().get_policy(ctx), "second_review_above": format(second_review_above, "f")})
    return policy(ctx)


# --- applying and the workflow ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ApplyFacility:
    customer_id: str
    amount: Decimal
    currency: str
    revolving: bool
    valid_from: date
    valid_to: date
    sub_limits: tuple[tuple[str | None, str | None, Decimal], ...] = ()  # (product_code, product_kind, amount)


def _customer(ctx: TenantContext, customer_id: str):
    try:
        return effects.customers().get(ctx, customer_id)
    except NotFound:
        raise RuleViolation("facilities.customer.not_found", "customer not found",
                            {"field": "customer_id", "customer_id": customer_id}) from None


def apply_facility(ctx: TenantContext, cmd: ApplyFacility) -> dict[str, Any]:
    """An officer applies for a facility for one of the tenant's customers. When HQ has granted the
    customer a group facility, the amount may not exceed this subsidiary's allocation of it."""
    customer = _customer(ctx, cmd.customer_id)
    currency = known_currency(cmd.currency)
    if not is_at_scale(cmd.amount, currency):
        raise RuleViolation("facilities.amount.invalid", "the amount is not at the currency's scale", {"field": "amount"})
    subs = tuple(SubLimit(SubLimit.key_for(code, kind), amt) for code, kind, amt in cmd.sub_limits)
    today = clock.business_date(ctx)
    allocation = _group().allocation_for(ctx, customer.identity_hash)
    if allocation is not None:
        _within_allocation(cmd.amount, *allocation, currency)
    f = Facility.apply(new_id("fac"), customer.customer_id, customer.name, customer.identity_hash, cmd.amount,
                       currency, cmd.revolving, cmd.valid_from, cmd.valid_to, subs, actor_of(ctx), clock.now(), today,
                       policy(ctx)["second_review_above"],
                       group_facility_id=allocation[0].group_facility_id if allocation else None)
    facilities().add(ctx, f)
    return view(ctx, f)


def _within_allocation(amount: Decimal, allocation: Allocation, share: Balance, currency: str) -> None:
    if amount > share.limit:
        raise RuleViolation("facilities.facility.exceeds_allocation",
                            "the amount exceeds this subsidiary's allocation of the customer's group facility",
                            {"allocated": format(share.limit, "f"), "group_facility_id": allocation.group_facility_id})


def resolve_action(f: Facility, action: str) -> Action:
    """``approve``/``reject`` name the reviewer's decision at either level; the rest are table actions."""
    if action == "approve":
        if f.status is Status.FIRST_REVIEW:
            return Action.ESCALATE if f.amount > f.second_review_above else Action.APPROVE_FIRST
        return Action.APPROVE_SECOND if f.status is Status.SECOND_REVIEW else Action.APPROVE_FIRST
    if action == "reject":
        return Action.REJECT_SECOND if f.status is Status.SECOND_REVIEW else Action.REJECT_FIRST
    if action == "claim":
        return Action.CLAIM_FIRST
    try:
        return Action(action)
    except ValueError:
        raise RuleViolation("facilities.action.invalid", f"unknown action {action!r}",
                            {"allowed_actions": allowed_actions(f.status)}) from None


def transition(ctx: TenantContext, facility_id: str, action: str, reason: str | None = None) -> dict[str, Any]:
    """One step of the facility's workflow, by a role allowed to take it (403 otherwise), legal in the
    facility's status (409 listing the allowed actions otherwise)."""
    f, version = _load(ctx, facility_id)
    act = resolve_action(f, action)
    if act is Action.DRAW:
        raise illegal(f.status, act)  # drawdowns come from applications, not from this route
    if not ctx.has_any(ACTION_ROLES[act]):
        raise Forbidden("auth.role.forbidden", "your role does not allow this",
                        {"allowed_roles": [r.value for r in ACTION_ROLES[act]], "action": act.value})
    today = clock.business_date(ctx)
    if act is Action.ACTIVATE and f.group_facility_id:
        allocation = _group().allocation_for(ctx, f.identity_hash)
        if allocation is not None:
            _within_allocation(f.amount, *allocation, f.currency)
    after = f.transition(act, actor_of(ctx), clock.now(), today, reason)
    facilities().commit(ctx, after, version)
    return view(ctx, after)


def expire_due(ctx: TenantContext, through: date | None = None) -> list[str]:
    """Expire every active or frozen facility whose validity ended on or before ``through`` (by default
    the day before the business date; close of business passes the date it closes). The drawdown check
    refuses them already; this makes the status say so. Safe to run twice."""
    through = through or clock.business_date(ctx) - timedelta(days=1)
    system = Actor("system:facilities", "system:facilities")
    done = []
    for f in list(facilities().all_facilities(ctx)):
        if f.status in (Status.ACTIVE, Status.FROZEN) and f.valid_to <= through:
            found = facilities().load(ctx, f.facility_id)
            if found is None:
                continue
            current, version = found
            try:
                expired_on = through + timedelta(days=1)  # the first day outside its validity
                facilities().commit(ctx, current.transition(Action.EXPIRE, system, clock.now(), expired_on,
                                                            "validity ended"), version)
                done.append(f.facility_id)
            except (Conflict, RuleViolation):
                continue
    return done


# --- reading ----------------------------------------------------------------------------------------------


def _money(v: Decimal) -> str:
    return format(v, "f")


def _balance_json(b: Balance) -> dict[str, str]:
    return {"limit": _money(b.limit), "utilized": _money(b.utilized), "blocked": _money(b.blocked),
            "available": _money(b.available)}


def view(ctx: TenantContext, f: Facility, *, with_drawdowns: bool = False) -> dict[str, Any]:
    """The facility with its balances (and this subsidiary's own allocation of a group facility)."""
    today = clock.business_date(ctx)
    balances = facilities().balances(ctx, f.facility_id)
    total = balances.get("facility", Balance(f.amount))
    out: dict[str, Any] = {
        "facility_id": f.facility_id, "customer_id": f.customer_id, "customer_name": f.customer_name,
        "amount": f.amount, "currency": f.currency, "revolving": f.revolving, "valid_from": f.valid_from,
        "valid_to": f.valid_to, "status": f.status.value,
        "drawable": draw_refusal(f.status, f.valid_from, f.valid_to, today) is None,
        "utilized": total.utilized, "blocked": total.blocked, "available": total.available,
        "utilization": utilization_ratio(total.limit, total.utilized, total.blocked),
        "sub_limits": [{"key": s.key, **_balance_json(balances.get(s.key, Balance(s.amount)))} for s in f.sub_limits],
        "second_review_above": f.second_review_above,
        "applied_by": f.applied_by.username, "first_reviewer": f.first_reviewer.username if f.first_reviewer else None,
        "second_reviewer": f.second_reviewer.username if f.second_reviewer else None,
        "allowed_actions": [a for a in allowed_actions(f.status) if a != Action.DRAW.value],
        "history": [h.to_json() for h in f.history], "group_facility_id": f.group_facility_id, "allocation": None,
    }
    if f.group_facility_id:
        allocation = _group().allocation_for(ctx, f.identity_hash)
        if allocation is not None:
            out["allocation"] = _balance_json(allocation[1])
            out["available"] = min(total.available, allocation[1].available)
    if with_drawdowns:
        out["drawdowns"] = [_drawdown_json(d) for d in facilities().drawdowns(ctx, f.facility_id)]
    return out


def _drawdown_json(d: DrawdownRecord) -> dict[str, Any]:
    return {"application_id": d.application_id, "status": d.status, "product_code": d.product_code,
            "amount": d.amount, "utilized": d.utilized, "repaid": d.repaid, "sub_limit": d.sub_limit, "on": d.on,
            "reason": d.reason}


def get_facility(ctx: TenantContext, facility_id: str) -> dict[str, Any]:
    f, _ = _load(ctx, facility_id)
    return view(ctx, f, with_drawdowns=True)


def list_facilities(ctx: TenantContext, cursor: str | None = None, limit: int = 50,
                    customer_id: str | None = None) -> tuple[list[dict[str, Any]], str | None]:
    items, nxt = facilities().list(ctx, cursor, limit, customer_id)
    return [view(ctx, f) for f in items], nxt


# --- drawdowns (origination and servicing call these through their seam) ---------------------------------------


def link_application(ctx: TenantContext, facility_id: str, application_id: str) -> None:
    """An application names the facility it draws on. The facility must be drawable now (by the
    business date); the amount is blocked when the application is submitted."""
    f, _ = _load(ctx, facility_id)
    refusal = draw_refusal(f.status, f.valid_from, f.valid_to, clock.business_date(ctx))
    if refusal is not None:
        raise refusal
    facilities().link(ctx, facility_id, application_id)


def drawdown_of(ctx: TenantContext, application_id: str) -> dict[str, Any] | None:
    d = facilities().drawdown(ctx, application_id)
    return None if d is None else {"facility_id": d.facility_id, **_drawdown_json(d)}


def _allocation(ctx: TenantContext, f: Facility) -> Allocation | None:
    if not f.group_facility_id:
        return None
    found = _group().allocation_for(ctx, f.identity_hash)
    return found[0] if found else None


def block(ctx: TenantContext, application_id: str, amount: Decimal, *, product_code: str, kind: str,
          currency: str) -> dict[str, Any] | None:
    """Submission: block ``amount`` on the facility the application names (None if it names none).

    One conditional transaction over the facility's status and validity on the business date, its
    availability, its sub-limit's and the subsidiary's group allocation's: 422 with a stable code when
    any says no (``facilities.drawdown.exceeds_available`` / ``exceeds_sub_limit`` / ``exceeds_allocation`` /
    ``facility_frozen`` / ``facility_expired`` / ``product_not_covered`` / ``currency_mismatch``), and
    nothing changes. Idempotent: the same application blocked again returns its pending block."""
    store = facilities()
    for _ in retry.attempts(6):
        d = store.drawdown(ctx, application_id)
        if d is None:
            return None
        if d.status == PENDING and d.amount == amount:
            return drawdown_of(ctx, application_id)
        if d.status == PENDING:  # resubmitted with another amount: free the old block first
            release(ctx, application_id, "amount changed")
            continue
        if d.status == POSTED:
            raise Conflict("facilities.drawdown.already_utilized", "this application's drawdown was disbursed",
                           {"application_id": application_id})
        f, _ = _load(ctx, d.facility_id)
        if currency != f.currency:
            raise RuleViolation("facilities.drawdown.currency_mismatch", "the facility is in another currency",
                                {"facility_currency": f.currency, "currency": currency})
        sub = f.sub_limit_for(product_code, kind)
        today = clock.business_date(ctx)
        refusal = draw_refusal(f.status, f.valid_from, f.valid_to, today)
        if refusal is not None:
            raise refusal
        allocation = _allocation(ctx, f)
        if store.block(ctx, d, amount, today, product_code=product_code, kind=kind, currency=currency,
                       sub_limit=sub.key if sub else None, allocation=allocation):
            return drawdown_of(ctx, application_id)
        _why_not(ctx, f, amount, sub, allocation, today)  # raises if a rule said no; else the record moved: again
    raise Conflict("facilities.drawdown.contention", "the facility is busy; retry")


def _why_not(ctx: TenantContext, f: Facility, amount: Decimal, sub: SubLimit | None, allocation: Allocation | None,
             today: date) -> None:
    found = facilities().load(ctx, f.facility_id)
    if found is not None:
        refusal = draw_refusal(found[0].status, f.valid_from, f.valid_to, today)
        if refusal is not None:
            raise refusal
    balances = facilities().balances(ctx, f.facility_id)
    total = balances["facility"]
    if total.available < amount:
        raise RuleViolation("facilities.drawdown.exceeds_available", "the amount exceeds the facility's availability",
                            {"facility_id": f.facility_id, "available": _money(total.available),
                             "amount": _money(amount)})
    if sub is not None and balances[sub.key].available < amount:
        raise RuleViolation("facilities.drawdown.exceeds_sub_limit", "the amount exceeds the sub-limit's availability",
                            {"sub_limit": sub.key, "available": _money(balances[sub.key].available),
                             "amount": _money(amount)})
    if allocation is not None:
        share = _group().read_allocation(allocation)
        if share.available < amount:
            raise RuleViolation("facilities.drawdown.exceeds_allocation",
                                "the amount exceeds this subsidiary's allocation of the group facility",
                                {"available": _money(share.available), "amount": _money(amount)})


def _settle(ctx: TenantContext, application_id: str, to: str, *, amount: Decimal | None = None,
            reason: str | None = None) -> dict[str, Any] | None:
    store = facilities()
    for _ in retry.attempts(6):
        d = store.drawdown(ctx, application_id)
        if d is None or d.status in (LINKED,) or (d.status == VOIDED and to == VOIDED):
            return None if d is None else drawdown_of(ctx, application_id)
        if d.status == to:
            return drawdown_of(ctx, application_id)
        if d.status != PENDING:
            raise Conflict(f"facilities.drawdown.already_{d.status}", f"the drawdown is already {d.status}",
                           {"application_id": application_id})
        posted = ZERO
        if to == POSTED:
            posted = d.amount if amount is None else min(amount, d.amount)
        f, _ = _load(ctx, d.facility_id)
        if store.settle(ctx, d, to, clock.business_date(ctx), posted=posted, reason=reason,
                        allocation=_allocation(ctx, f)):
            return drawdown_of(ctx, application_id)
    raise Conflict("facilities.drawdown.contention", "the facility is busy; retry")


def utilize(ctx: TenantContext, application_id: str, amount: Decimal | None = None) -> dict[str, Any] | None:
    """Disbursement: the block becomes utilization (``amount`` if less went out; the rest is released).
    Idempotent; a frozen or expired facility still lets an application it already blocked for disburse."""
    return _settle(ctx, application_id, POSTED, amount=amount)


def release(ctx: TenantContext, application_id: str, reason: str) -> dict[str, Any] | None:
    """Rejection, return, withdrawal or expiry of the application: the block is released. Idempotent."""
    return _settle(ctx, application_id, VOIDED, reason=reason)


def restore(ctx: TenantContext, application_id: str, principal: Decimal, repayment_id: str) -> bool:
    """Principal repaid on a drawdown's contract. On a revolving facility it is available again; on any
    facility the drawdown records it. Once per ``repayment_id``. False when nothing was restored."""
    store = facilities()
    d = store.drawdown(ctx, application_id)
    if d is None or d.status != POSTED or principal <= 0:
        return False
    f, _ = _load(ctx, d.facility_id)
    principal = min(principal, d.restorable or ZERO)
    if principal <= 0:
        return False
    return store.restore(ctx, d, principal, repayment_id, clock.business_date(ctx), revolving=f.revolving,
                         allocation=_allocation(ctx, f))


# --- off-balance-sheet commitments (memorandum accounts) ----------------------------------------------------------


def _status_on(f: Facility, on: date) -> Status | None:
    """The facility's status at the end of ``on``, from its history (None: not yet applied for)."""
    status = None
    for h in f.history:
        if h.on <= on:
            status = Status(h.to_status)
    return status


def commitments(ctx: TenantContext, as_of: date) -> dict[str, dict[str, Any]]:
    """Unused committed credit at the end of ``as_of``, per currency: for each facility active or frozen on
    that date and valid then, its amount less what was utilized and not restored by then (a block is
    still unused: nothing was paid out). Exact for any date, from the facilities' histories, their
    drawdowns' posting dates and the dates principal was restored."""
    from chalicelib.credit.domain import COMMITTED_STATUSES

    out: dict[str, dict[str, Any]] = {}
    store = facilities()
    for f in list(store.all_facilities(ctx)):
        if _status_on(f, as_of) not in COMMITTED_STATUSES or not (f.valid_from <= as_of <= f.valid_to):
            continue
        utilized = ZERO
        for d in store.drawdowns(ctx, f.facility_id):
            if d.status != POSTED or (d.on or "9999") > as_of.isoformat():
                continue
            utilized += d.utilized or ZERO
            if f.revolving:
                utilized -= sum((m.amount for m in store.restorations(ctx, d) if (m.on or "") <= as_of.isoformat()),
                                ZERO)
        row = out.setdefault(f.currency, {"unused": ZERO, "facilities": 0})
        row["unused"] += max(f.amount - utilized, ZERO)
        row["facilities"] += 1
    return out
