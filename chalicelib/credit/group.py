"""Group facilities: HQ grants a customer (or a connected customer group's members) one facility and
allocates parts of it to subsidiaries. Everything lives in the group's partition, like group risk's
limit accounts (``risk/reservation.py``):

``T#<group>#GROUP_FACILITY#<id>``:
  ``ROOT``            the grant (subjects, amount, currency, who granted it, history)
  ``POOL``            amount, allocated, unallocated (= amount − allocated, never negative)
  ``ALLOC#<sub>``     a subsidiary's allocation: limit (allocated), utilized, blocked, available
  ``REALLOC#<id>``    a reallocation proposed by one HQ user, approved or rejected by another
``T#<group>#GROUP_FACILITY_SUBJECT#<identity hash>`` ROOT → the facility granted to that customer.

A subsidiary's blocks on its facility for the customer also draw on its ``ALLOC#`` item, in the same
conditional transaction, so a subsidiary can never use more than its allocation; a reallocation moves
only what is available (``available ≥ amount``), so an allocation never falls below utilized + blocked,
and only what is unallocated leaves the pool, so the allocations never sum above the grant.

Lifecycle of a reallocation (one table): pending ─approve→ approved, pending ─reject→ rejected.
"""
from __future__ import annotations

import json
import re
from decimal import Decimal
from enum import Enum
from typing import Any

from pynamodb.attributes import UnicodeAttribute
from pynamodb.exceptions import PutError, TransactWriteError

from chalicelib.credit.domain import DEFAULT_WARNING_RATIO, Balance, known_currency, utilization_ratio
from chalicelib.credit.store import Allocation, BalanceRecord, get_policy, put_policy
from chalicelib.platform import keys
from chalicelib.platform.dynamo import DecimalAttribute, TenantModel, bound, conditional_failed, transaction
from chalicelib.shared import clock
from chalicelib.shared.errors import Conflict, Forbidden, NotFound, RuleViolation
from chalicelib.shared.ids import new_id
from chalicelib.shared.serial import dumps
from chalicelib.shared.tenant import TenantContext, TenantKind

ZERO = Decimal(0)
HASH_PATTERN = re.compile(r"^[0-9a-f]{64}$")  # a keyed identity hash, as group risk's exposures name customers


class GroupFacilityRecord(TenantModel):
    status = UnicodeAttribute(null=True)
    data = UnicodeAttribute()


class PoolRecord(TenantModel):
    amount = DecimalAttribute()
    allocated = DecimalAttribute()
    unallocated = DecimalAttribute()


class ReallocationStatus(str, Enum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


REALLOCATION_TRANSITIONS = {
    (ReallocationStatus.PENDING, "approve"): ReallocationStatus.APPROVED,
    (ReallocationStatus.PENDING, "reject"): ReallocationStatus.REJECTED,
}


def _pk(group_id: str, gid: str) -> str:
    return keys.partition(group_id, "GROUP_FACILITY", gid)


def _subject_pk(group_id: str, identity_hash: str) -> str:
    return keys.partition(group_id, "GROUP_FACILITY_SUBJECT", identity_hash)


def _require_group(ctx: TenantContext) -> None:
    if ctx.kind is not TenantKind.GROUP:
        raise Forbidden("facilities.group.hq_only", "group facilities are granted by the holding group")


def _check_subsidiary(group_id: str, subsidiary_id: str) -> None:
    from chalicelib.tenancy.service import lookup_tenant

    info = lookup_tenant(subsidiary_id)
    if info is None or not info.kind.is_subsidiary or info.group_id != group_id:
        raise RuleViolation("facilities.group.not_a_subsidiary", "not a subsidiary of this group",
                            {"subsidiary_id": subsidiary_id})


def _money(v: Decimal) -> str:
    return format(v, "f")


# --- the subsidiary's side --------------------------------------------------------------------------------


def _group_ctx(ctx: TenantContext) -> TenantContext | None:
    if not (ctx.kind.is_subsidiary and ctx.group_id):
        return None
    from chalicelib.risk.contexts import group_context

    return group_context(ctx.group_id, acting_for=f"{ctx.tenant_id}:{ctx.username}")


def allocation_for(ctx: TenantContext, identity_hash: str) -> tuple[Allocation, Balance] | None:
    """This subsidiary's allocation of the group facility HQ granted the customer, or None when HQ
    granted none (a subsidiary with no allocation gets a zero one: it may grant nothing)."""
    group = _group_ctx(ctx)
    if group is None:
        return None
    model = bound(GroupFacilityRecord, group)
    try:
        index = model.get(_subject_pk(group.tenant_id, identity_hash), "ROOT", consistent_read=True)
    except model.DoesNotExist:
        return None
    allocation = Allocation(group, json.loads(index.data)["group_facility_id"], ctx.tenant_id)
    return allocation, read_allocation(allocation)


def read_allocation(allocation: Allocation) -> Balance:
    model = bound(BalanceRecord, allocation.group)
    try:
        r = model.get(allocation.pk(), allocation.sk, consistent_read=True)
        return Balance(r.limit, r.utilized, r.blocked)
    except model.DoesNotExist:
        return Balance(ZERO)


def my_allocations(ctx: TenantContext) -> list[dict[str, Any]]:
    """A subsidiary's own allocations (never the grant, nor its sisters' shares)."""
    group = _group_ctx(ctx)
    if group is None:
        return []
    model = bound(BalanceRecord, group)
    out = []
    for r in model.gsi1.query(keys.partition(group.tenant_id, "GROUP_ALLOC", ctx.tenant_id)):
        root = bound(GroupFacilityRecord, group).get(r.PK, "ROOT")
        data = json.loads(root.data)
        out.append({"group_facility_id": data["group_facility_id"], "label": data["label"],
                    "currency": data["currency"], "valid_to": data.get("valid_to"),
                    "allocated": r.limit, "utilized": r.utilized, "blocked": r.blocked, "available": r.available})
    return out


# --- HQ: granting and viewing ----------------------------------------------------------------------------------


def _alloc_item(group: TenantContext, gid: str, sub: str, amount: Decimal) -> BalanceRecord:
    return bound(BalanceRecord, group)(
        PK=_pk(group.tenant_id, gid), SK=f"ALLOC#{sub}", entity="group_facility_allocation", key=sub, limit=amount,
        utilized=ZERO, blocked=ZERO, available=amount,
        GSI1PK=keys.partition(group.tenant_id, "GROUP_ALLOC", sub), GSI1SK=gid)


def grant(ctx: TenantContext, *, label: str, subjects: list[str], amount: Decimal, currency: str,
          valid_to: str | None, allocations: dict[str, Decimal]) -> dict[str, Any]:
    """HQ grants a group facility to a customer (one identity hash) or a connected group (its members'
    hashes) and allocates parts of it: 422 ``facilities.group.over_allocated`` when they sum above it."""
    _require_group(ctx)
    currency = known_currency(currency, "facilities.group")
    if amount <= 0:
        raise RuleViolation("facilities.group.amount.invalid", "a group facility amount is positive")
    if not subjects:
        raise RuleViolation("facilities.group.subjects.required", "name the customer (or its group's members)")
    if any(not HASH_PATTERN.match(h or "") for h in subjects) or len(set(subjects)) != len(subjects):
        raise RuleViolation("facilities.group.subjects.invalid", "subjects are distinct keyed identity hashes")
    for sub, share in allocations.items():
        _check_subsidiary(ctx.tenant_id, sub)
        if share < 0:
            raise RuleViolation("facilities.group.allocation.invalid", "an allocation is not negative")
    allocated = sum(allocations.values(), ZERO)
    if allocated > amount:
        raise RuleViolation("facilities.group.over_allocated", "the allocations sum above the group facility",
                            {"amount": _money(amount), "allocated": _money(allocated)})
    gid = new_id("gfac")
    data = {"group_facility_id": gid, "label": label, "subjects": subjects, "amount": _money(amount),
            "currency": currency, "valid_to": valid_to, "granted_by": ctx.username,
            "granted_on": clock.business_date(ctx).isoformat(),
            "history": [{"at": clock.now().isoformat(), "by": ctx.username, "action": "grant",
                         "allocations": {k: _money(v) for k, v in allocations.items()}}]}
    roots = bound(GroupFacilityRecord, ctx)
    try:
        with transaction(ctx) as tx:
            tx.save(roots(PK=_pk(ctx.tenant_id, gid), SK="ROOT", entity="group_facility", status="active",
                          data=dumps(data), GSI1PK=keys.partition(ctx.tenant_id, "GROUP_FACILITY"), GSI1SK=gid))
            tx.save(bound(PoolRecord, ctx)(PK=_pk(ctx.tenant_id, gid), SK="POOL", entity="group_facility_pool",
                                           amount=amount, allocated=allocated, unallocated=amount - allocated))
            for sub, share in allocations.items():
                tx.save(_alloc_item(ctx, gid, sub, share))
            for h in subjects:
                tx.save(roots(PK=_subject_pk(ctx.tenant_id, h), SK="ROOT", entity="group_facility_subject",
                              data=dumps({"group_facility_id": gid})), condition=GroupFacilityRecord.PK.does_not_exist())
    except TransactWriteError as exc:
        if conditional_failed(exc):
            raise Conflict("facilities.group.subject_taken", "a subject already has a group facility") from exc
        raise
    return get_group_facility(ctx, gid)


def warning_ratio(ctx: TenantContext) -> Decimal:
    return Decimal(get_policy(ctx).get("warning_ratio", DEFAULT_WARNING_RATIO))


def set_warning_ratio(ctx: TenantContext, ratio: Decimal) -> Decimal:
    _require_group(ctx)
    if not (ZERO < ratio <= 1):
        raise RuleViolation("facilities.group.warning_ratio.invalid", "a ratio above 0 and at most 1")
    put_policy(ctx, {**get_policy(ctx), "warning_ratio": _money(ratio)})
    return warning_ratio(ctx)


def get_group_facility(ctx: TenantContext, gid: str) -> dict[str, Any]:
    """HQ's view of one group facility: granted, allocated, utilized, blocked, available, per subsidiary,
    with a warning when utilization crosses the group's policy threshold."""
    _require_group(ctx)
    items = list(bound(GroupFacilityRecord, ctx).query(_pk(ctx.tenant_id, gid), consistent_read=True))
    if not items:
        raise NotFound("facilities.group.not_found", "group facility not found", {"group_facility_id": gid})
    data = json.loads(next(i for i in items if i.SK == "ROOT").data)
    pool = bound(PoolRecord, ctx).get(_pk(ctx.tenant_id, gid), "POOL", consistent_read=True)
    allocs = list(bound(BalanceRecord, ctx).query(_pk(ctx.tenant_id, gid), BalanceRecord.SK.startswith("ALLOC#"),
                                                   consistent_read=True))
    reallocs = [json.loads(i.data) for i in items if i.SK.startswith("REALLOC#")]
    utilized = sum((a.utilized for a in allocs), ZERO)
    blocked = sum((a.blocked for a in allocs), ZERO)
    ratio = utilization_ratio(pool.amount, utilized, blocked)
    threshold = warning_ratio(ctx)
    return {"group_facility_id": gid, "label": data["label"], "subjects": data["subjects"], "currency": data["currency"],
            "valid_to": data.get("valid_to"), "granted_by": data["granted_by"], "granted": pool.amount,
            "allocated": pool.allocated, "unallocated": pool.unallocated, "utilized": utilized, "blocked": blocked,
            "available": pool.amount - utilized - blocked, "utilization": ratio, "warning_ratio": threshold,
            "warning": ratio >= threshold,
            "allocations": [{"subsidiary_id": a.key, "allocated": a.limit, "utilized": a.utilized,
                             "blocked": a.blocked, "available": a.available} for a in allocs],
            "reallocations": sorted(reallocs, key=lambda r: r["proposed_at"], reverse=True),
            "history": data.get("history", [])}


def list_group_facilities(ctx: TenantContext) -> list[dict[str, Any]]:
    _require_group(ctx)
    model = bound(GroupFacilityRecord, ctx)
    return [get_group_facility(ctx, r.GSI1SK)
            for r in model.gsi1.query(keys.partition(ctx.tenant_id, "GROUP_FACILITY"), scan_index_forward=False)]


# --- reallocation, maker-checker ----------------------------------------------------------------------------------


def propose_reallocation(ctx: TenantContext, gid: str, *, from_subsidiary: str | None, to_subsidiary: str | None,
                         amount: Decimal, reason: str | None) -> dict[str, Any]:
    """One HQ user proposes moving ``amount`` of allocation (``None`` on either side is the unallocated
    pool); another approves it. Nothing moves until then."""
    _require_group(ctx)
    get_group_facility(ctx, gid)  # 404 for an unknown facility
    for sub in (from_subsidiary, to_subsidiary):
        if sub is not None:
            _check_subsidiary(ctx.tenant_id, sub)
    if amount <= 0 or from_subsidiary == to_subsidiary:
        raise RuleViolation("facilities.group.reallocation.invalid", "a positive amount between two different holders")
    rid = new_id("realloc")
    data = {"reallocation_id": rid, "from_subsidiary": from_subsidiary, "to_subsidiary": to_subsidiary,
            "amount": _money(amount), "reason": reason, "status": ReallocationStatus.PENDING.value,
            "proposed_by": ctx.username, "proposed_by_sub": ctx.user_id, "proposed_at": clock.now().isoformat()}
    bound(GroupFacilityRecord, ctx)(PK=_pk(ctx.tenant_id, gid), SK=f"REALLOC#{rid}", entity="group_reallocation",
                                    status=data["status"], data=dumps(data)).save()
    return data


def decide_reallocation(ctx: TenantContext, gid: str, rid: str, decision: str) -> dict[str, Any]:
    """The checker approves (the move happens, in one conditional transaction) or rejects. 403 for the
    proposer; 422 ``facilities.group.allocation_below_use`` when the source's allocation would fall below
    its utilized + blocked, ``facilities.group.over_allocated`` when the pool has not that much; nothing moves."""
    _require_group(ctx)
    model = bound(GroupFacilityRecord, ctx)
    try:
        rec = model.get(_pk(ctx.tenant_id, gid), f"REALLOC#{rid}", consistent_read=True)
    except model.DoesNotExist:
        raise NotFound("facilities.group.reallocation_not_found", "reallocation not found") from None
    data = json.loads(rec.data)
    status = ReallocationStatus(data["status"])
    target = REALLOCATION_TRANSITIONS.get((status, decision))
    if target is None:
        raise Conflict("facilities.group.reallocation_illegal_transition", f"the reallocation is {status.value}",
                       {"status": status.value, "allowed_actions": [a for (s, a) in REALLOCATION_TRANSITIONS
                                                                    if s is status]})
    if data["proposed_by_sub"] == ctx.user_id:
        raise Forbidden("facilities.group.same_maker", "the user who proposed a reallocation may not decide it")
    data.update(status=target.value, decided_by=ctx.username, decided_at=clock.now().isoformat())
    rec.status, rec.data = target.value, dumps(data)
    if target is ReallocationStatus.REJECTED:
        rec.save()
        return data
    amount = Decimal(data["amount"])
    src, dst = data["from_subsidiary"], data["to_subsidiary"]
    balances = bound(BalanceRecord, ctx)
    pools = bound(PoolRecord, ctx)
    pk = _pk(ctx.tenant_id, gid)
    if dst is not None:
        try:
            _alloc_item(ctx, gid, dst, ZERO).save(condition=BalanceRecord.PK.does_not_exist())
        except PutError as exc:
            if not conditional_failed(exc):
                raise
    try:
        with transaction(ctx) as tx:
            tx.save(rec)  # conditional on the version read: decided once
            if src is None:
                tx.update(pools(PK=pk, SK="POOL"), actions=[pools.allocated.set(pools.allocated + amount),
                                                            pools.unallocated.set(pools.unallocated - amount)],
                          condition=pools.unallocated >= amount, add_version_condition=False)
            else:
                tx.update(balances(PK=pk, SK=f"ALLOC#{src}"), actions=[
                    balances.limit.set(balances.limit - amount), balances.available.set(balances.available - amount)],
                    condition=balances.available >= amount, add_version_condition=False)
            if dst is None:
                tx.update(pools(PK=pk, SK="POOL"), actions=[pools.allocated.set(pools.allocated - amount),
                                                            pools.unallocated.set(pools.unallocated + amount)],
                          add_version_condition=False)
            else:
                tx.update(balances(PK=pk, SK=f"ALLOC#{dst}"), actions=[
                    balances.limit.set(balances.limit + amount), balances.available.set(balances.available + amount)],
                    add_version_condition=False)
    except TransactWriteError as exc:
        if exc.cause_response_code != "TransactionCanceledException":
            raise
        now = get_group_facility(ctx, gid)
        if all(r["reallocation_id"] != rid or r["status"] != "pending" for r in now["reallocations"]):
            raise Conflict("facilities.group.reallocation_decided", "the reallocation was decided meanwhile") from exc
        if src is None:
            raise RuleViolation("facilities.group.over_allocated", "the group facility has not that much unallocated",
                                {"unallocated": _money(now["unallocated"]), "amount": _money(amount)}) from exc
        share = next((a for a in now["allocations"] if a["subsidiary_id"] == src), None)
        raise RuleViolation("facilities.group.allocation_below_use",
                            "the allocation cannot fall below what is utilized and blocked",
                            {"subsidiary_id": src, "available": _money(share["available"] if share else ZERO),
                             "amount": _money(amount)}) from exc
    return data
