"""Facilities in DynamoDB, and the conditional transactions that keep their availability exact.

Partition ``T#<tenant>#FACILITY#<id>``:

* ``ROOT`` — the facility (status and validity as attributes, for the drawdown's condition check);
* ``BALANCE`` — limit, utilized, blocked, available of the facility;
* ``SUBLIMIT#<key>`` — the same four figures per sub-limit (``product:<code>`` or ``kind:<kind>``).

Partition ``T#<tenant>#FACILITY_DRAWDOWN#<application>`` holds one drawdown (listed per facility on
GSI1) and a ``REPAID#<repayment>`` marker per restored repayment (so a retry restores nothing twice).

A block is ONE transaction: the facility must be active and valid on the business date (condition
check on ``ROOT``), and every balance it draws on — the facility, its sub-limit, the subsidiary's
group allocation — must have ``available ≥ amount``. Two drawdowns racing for the last availability
cannot both commit; a freeze committed first makes the block fail. ``available`` is stored (not
derived in the condition) because DynamoDB conditions cannot add attributes together; every update
moves it together with ``utilized``/``blocked``, so ``available = limit − utilized − blocked`` always.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Iterable

from pynamodb.attributes import BooleanAttribute, UnicodeAttribute
from pynamodb.exceptions import PutError, TransactWriteError

from chalicelib.credit.domain import (  # noqa: F401 — the drawdown states are re-exported
    LINKED,
    PENDING,
    POSTED,
    VOIDED,
    Actor,
    Balance,
    Facility,
    HistoryEntry,
    SubLimit,
)
from chalicelib.credit.lifecycle import Status
from chalicelib.platform import keys
from chalicelib.platform.dynamo import DecimalAttribute, TenantModel, bound, conditional_failed, transaction
from chalicelib.platform.repository import TenantRepository
from chalicelib.shared.errors import Conflict
from chalicelib.shared.serial import dumps
from chalicelib.shared.tenant import TenantContext

ZERO = Decimal(0)


class FacilityRecord(TenantModel):
    status = UnicodeAttribute()
    valid_from = UnicodeAttribute()  # ISO dates compare as strings in the drawdown's condition
    valid_to = UnicodeAttribute()
    currency = UnicodeAttribute()
    customer_id = UnicodeAttribute()
    revolving = BooleanAttribute(default=False)
    data = UnicodeAttribute()  # JSON: terms, reviewers, history


class BalanceRecord(TenantModel):
    limit = DecimalAttribute()
    utilized = DecimalAttribute()
    blocked = DecimalAttribute()
    available = DecimalAttribute()
    key = UnicodeAttribute(null=True)  # a sub-limit's key, an allocation's subsidiary


class DrawdownRecord(TenantModel):
    facility_id = UnicodeAttribute()
    application_id = UnicodeAttribute()
    status = UnicodeAttribute()
    product_code = UnicodeAttribute(null=True)
    kind = UnicodeAttribute(null=True)
    currency = UnicodeAttribute(null=True)
    sub_limit = UnicodeAttribute(null=True)
    amount = DecimalAttribute(null=True)  # blocked while pending
    utilized = DecimalAttribute(null=True)
    restorable = DecimalAttribute(null=True)  # utilized − principal restored (revolving) or repaid
    repaid = DecimalAttribute(null=True)
    group_id = UnicodeAttribute(null=True)
    group_facility_id = UnicodeAttribute(null=True)
    reason = UnicodeAttribute(null=True)
    on = UnicodeAttribute(null=True)  # business date of the last move


@dataclass(frozen=True)
class Allocation:
    """A subsidiary's share of a group facility: where its blocks also draw (in the group's partition)."""

    group: TenantContext
    group_facility_id: str
    subsidiary_id: str

    def pk(self) -> str:
        return keys.partition(self.group.tenant_id, "GROUP_FACILITY", self.group_facility_id)

    @property
    def sk(self) -> str:
        return f"ALLOC#{self.subsidiary_id}"


def _actor_json(a: Actor | None) -> dict[str, str] | None:
    return {"user_id": a.user_id, "username": a.username} if a else None


def _actor(d: dict[str, str] | None) -> Actor | None:
    return Actor(d["user_id"], d["username"]) if d else None


def facility_to_json(f: Facility) -> dict[str, Any]:
    return {"facility_id": f.facility_id, "customer_id": f.customer_id, "customer_name": f.customer_name,
            "identity_hash": f.identity_hash, "amount": format(f.amount, "f"), "currency": f.currency,
            "revolving": f.revolving, "valid_from": f.valid_from.isoformat(), "valid_to": f.valid_to.isoformat(),
            "sub_limits": [[s.key, format(s.amount, "f")] for s in f.sub_limits], "status": f.status.value,
            "applied_by": _actor_json(f.applied_by), "applied_at": f.applied_at.isoformat(),
            "first_reviewer": _actor_json(f.first_reviewer), "second_reviewer": _actor_json(f.second_reviewer),
            "second_review_above": format(f.second_review_above, "f"), "group_facility_id": f.group_facility_id,
            "history": [h.to_json() for h in f.history]}


def facility_from_json(d: dict[str, Any]) -> Facility:
    return Facility(
        d["facility_id"], d["customer_id"], d["customer_name"], d["identity_hash"], Decimal(d["amount"]),
        d["currency"], d["revolving"], date.fromisoformat(d["valid_from"]), date.fromisoformat(d["valid_to"]),
        tuple(SubLimit(k, Decimal(v)) for k, v in d["sub_limits"]), Status(d["status"]), _actor(d["applied_by"]),
        datetime.fromisoformat(d["applied_at"]), _actor(d.get("first_reviewer")), _actor(d.get("second_reviewer")),
        Decimal(d["second_review_above"]), d.get("group_facility_id"),
        tuple(HistoryEntry.from_json(h) for h in d.get("history", [])))


def _only_cancellations(exc: TransactWriteError) -> None:
    if exc.cause_response_code != "TransactionCanceledException":
        raise exc


def _take(model: type[BalanceRecord], rec: BalanceRecord, amount: Decimal):
    """Block ``amount`` on a balance item, on condition that it is available."""
    return dict(actions=[model.blocked.set(model.blocked + amount), model.available.set(model.available - amount)],
                condition=model.available >= amount, add_version_condition=False)


class Facilities(TenantRepository[FacilityRecord]):
    record = FacilityRecord
    aggregate = "FACILITY"

    # --- the facility ------------------------------------------------------------------------------------

    def load(self, ctx: TenantContext, facility_id: str) -> tuple[Facility, int] | None:
        rec = self.get(ctx, facility_id)
        return (facility_from_json(json.loads(rec.data)), rec.version) if rec else None

    def add(self, ctx: TenantContext, f: Facility) -> Facility:
        """The facility and its zero balances, in one transaction."""
        rec = self._record(ctx, f)
        balances = bound(BalanceRecord, ctx)
        pk = self.pk(ctx, f.facility_id)
        with transaction(ctx) as tx:
            tx.save(rec, condition=FacilityRecord.PK.does_not_exist())
            tx.save(balances(PK=pk, SK="BALANCE", entity="facility_balance", limit=f.amount, utilized=ZERO,
                             blocked=ZERO, available=f.amount))
            for s in f.sub_limits:
                tx.save(balances(PK=pk, SK=f"SUBLIMIT#{s.key}", entity="facility_sub_limit", key=s.key,
                                 limit=s.amount, utilized=ZERO, blocked=ZERO, available=s.amount))
        return f

    def commit(self, ctx: TenantContext, f: Facility, version: int) -> Facility:
        """Save a transition at the version read; a lost race is 409 ``facilities.facility.changed``."""
        rec = self._record(ctx, f)
        rec.version = version
        self.save(ctx, rec, "facilities.facility.changed")
        return f

    def _record(self, ctx: TenantContext, f: Facility) -> FacilityRecord:
        return self.new(ctx, f.facility_id, list_sk=f.facility_id, status=f.status.value,
                        valid_from=f.valid_from.isoformat(), valid_to=f.valid_to.isoformat(), currency=f.currency,
                        customer_id=f.customer_id, revolving=f.revolving, data=dumps(facility_to_json(f)),
                        GSI2PK=keys.partition(ctx.tenant_id, "FACILITY_CUSTOMER", f.customer_id), GSI2SK=f.facility_id)

    def list(self, ctx: TenantContext, cursor: str | None, limit: int, customer_id: str | None = None
             ) -> tuple[list[Facility], str | None]:
        if customer_id:
            model = self.model(ctx)
            items = model.gsi2.query(keys.partition(ctx.tenant_id, "FACILITY_CUSTOMER", customer_id),
                                     scan_index_forward=False)
            return [facility_from_json(json.loads(r.data)) for r in items], None
        records, nxt = self.page(ctx, cursor, limit)
        return [facility_from_json(json.loads(r.data)) for r in records], nxt

    def balances(self, ctx: TenantContext, facility_id: str) -> dict[str, Balance]:
        """``BALANCE`` and each ``SUBLIMIT#<key>`` (keyed by the sub-limit's key), read consistently."""
        model = bound(BalanceRecord, ctx)
        out = {}
        for r in model.query(self.pk(ctx, facility_id), consistent_read=True):
            if r.SK == "BALANCE" or r.SK.startswith("SUBLIMIT#"):
                assert r.available == r.limit - r.utilized - r.blocked, r.SK  # the store's invariant
                out["facility" if r.SK == "BALANCE" else r.key] = Balance(r.limit, r.utilized, r.blocked)
        return out

    # --- drawdowns ----------------------------------------------------------------------------------------

    def _drawdown_pk(self, ctx: TenantContext, application_id: str) -> str:
        return keys.partition(ctx.tenant_id, "FACILITY_DRAWDOWN", application_id)

    def drawdown(self, ctx: TenantContext, application_id: str) -> DrawdownRecord | None:
        model = bound(DrawdownRecord, ctx)
        try:
            return model.get(self._drawdown_pk(ctx, application_id), "ROOT", consistent_read=True)
        except model.DoesNotExist:
            return None

    def drawdowns(self, ctx: TenantContext, facility_id: str) -> list[DrawdownRecord]:
        model = bound(DrawdownRecord, ctx)
        return list(model.gsi1.query(keys.partition(ctx.tenant_id, "FACILITY_DRAWDOWNS", facility_id),
                                     scan_index_forward=False))

    def restorations(self, ctx: TenantContext, d: DrawdownRecord) -> list[DrawdownRecord]:
        """The drawdown's ``REPAID#`` markers: principal restored, with the business date of each."""
        model = bound(DrawdownRecord, ctx)
        return list(model.query(d.PK, model.SK.startswith("REPAID#"), consistent_read=True))

    def link(self, ctx: TenantContext, facility_id: str, application_id: str) -> DrawdownRecord:
        """Name the facility an application will draw on (nothing is blocked until it is submitted)."""
        rec = bound(DrawdownRecord, ctx)(
            PK=self._drawdown_pk(ctx, application_id), SK="ROOT", entity="facility_drawdown",
            facility_id=facility_id, application_id=application_id, status=LINKED,
            GSI1PK=keys.partition(ctx.tenant_id, "FACILITY_DRAWDOWNS", facility_id), GSI1SK=application_id)
        try:
            rec.save(condition=DrawdownRecord.PK.does_not_exist())
        except PutError as exc:
            if conditional_failed(exc):
                raise Conflict("facilities.drawdown.already_linked", "this application already names a facility",
                               {"application_id": application_id}) from exc
            raise
        return rec

    def block(self, ctx: TenantContext, d: DrawdownRecord, amount: Decimal, today: date, *, product_code: str,
              kind: str, currency: str, sub_limit: str | None, allocation: Allocation | None) -> bool:
        """Pending → the amount blocked on every balance it draws on, in one transaction. False when a
        condition failed (the caller finds out which); the drawdown record is conditional on its version."""
        balances = bound(BalanceRecord, ctx)
        facilities = bound(FacilityRecord, ctx)
        pk = self.pk(ctx, d.facility_id)
        d.status, d.amount, d.product_code, d.kind, d.currency, d.sub_limit = (
            PENDING, amount, product_code, kind, currency, sub_limit)
        d.utilized = d.restorable = d.repaid = ZERO
        d.on, d.reason = today.isoformat(), None
        if allocation is not None:
            d.group_id, d.group_facility_id = allocation.group.tenant_id, allocation.group_facility_id
        on = today.isoformat()
        try:
            with transaction(ctx) as tx:
                tx.condition_check(facilities, pk, "ROOT", condition=(facilities.status == Status.ACTIVE.value)
                                   & (facilities.valid_from <= on) & (facilities.valid_to >= on))
                tx.update(balances(PK=pk, SK="BALANCE"), **_take(balances, None, amount))
                if sub_limit:
                    tx.update(balances(PK=pk, SK=f"SUBLIMIT#{sub_limit}"), **_take(balances, None, amount))
                if allocation is not None:
                    group_balances = bound(BalanceRecord, allocation.group)
                    tx.update(group_balances(PK=allocation.pk(), SK=allocation.sk),
                              **_take(group_balances, None, amount))
                tx.save(d)
            return True
        except TransactWriteError as exc:
            _only_cancellations(exc)
            return False

    def settle(self, ctx: TenantContext, d: DrawdownRecord, to: str, today: date, *, posted: Decimal = ZERO,
               reason: str | None = None, allocation: Allocation | None = None) -> bool:
        """Pending → posted (``posted`` utilized, the rest of the block released) or → voided (all released)."""
        balances = bound(BalanceRecord, ctx)
        pk = self.pk(ctx, d.facility_id)
        blocked = d.amount or ZERO
        freed = blocked - posted

        def move(model: type[BalanceRecord]):
            acts = [model.blocked.set(model.blocked - blocked), model.available.set(model.available + freed)]
            if posted:
                acts.append(model.utilized.set(model.utilized + posted))
            return dict(actions=acts, condition=model.PK.exists(), add_version_condition=False)

        d.status, d.reason, d.on = to, reason, today.isoformat()
        if to == POSTED:
            d.utilized = d.restorable = posted
        try:
            with transaction(ctx) as tx:
                tx.update(balances(PK=pk, SK="BALANCE"), **move(balances))
                if d.sub_limit:
                    tx.update(balances(PK=pk, SK=f"SUBLIMIT#{d.sub_limit}"), **move(balances))
                if allocation is not None:
                    group_balances = bound(BalanceRecord, allocation.group)
                    tx.update(group_balances(PK=allocation.pk(), SK=allocation.sk), **move(group_balances))
                tx.save(d)
            return True
        except TransactWriteError as exc:
            _only_cancellations(exc)
            return False

    def restore(self, ctx: TenantContext, d: DrawdownRecord, principal: Decimal, repayment_id: str, today: date, *,
                revolving: bool, allocation: Allocation | None = None) -> bool:
        """Principal repaid: on a revolving facility utilized falls and availability comes back; on any
        facility the drawdown records it. Once per repayment (a marker item); False if done already
        or if more than the drawdown's utilized amount would be restored."""
        balances = bound(BalanceRecord, ctx)
        drawdowns = bound(DrawdownRecord, ctx)
        pk = self.pk(ctx, d.facility_id)

        def give_back(model: type[BalanceRecord]):
            return dict(actions=[model.utilized.set(model.utilized - principal),
                                 model.available.set(model.available + principal)],
                        condition=model.utilized >= principal, add_version_condition=False)

        try:
            with transaction(ctx) as tx:
                tx.save(drawdowns(PK=d.PK, SK=f"REPAID#{repayment_id}", entity="facility_repaid",
                                  facility_id=d.facility_id, application_id=d.application_id, status="restored",
                                  amount=principal, on=today.isoformat()),
                        condition=DrawdownRecord.PK.does_not_exist())
                tx.update(drawdowns(PK=d.PK, SK="ROOT"), actions=[
                    drawdowns.restorable.set(drawdowns.restorable - principal),
                    drawdowns.repaid.set(drawdowns.repaid + principal)],
                    condition=(drawdowns.status == POSTED) & (drawdowns.restorable >= principal),
                    add_version_condition=False)
                if revolving:
                    tx.update(balances(PK=pk, SK="BALANCE"), **give_back(balances))
                    if d.sub_limit:
                        tx.update(balances(PK=pk, SK=f"SUBLIMIT#{d.sub_limit}"), **give_back(balances))
                    if allocation is not None:
                        group_balances = bound(BalanceRecord, allocation.group)
                        tx.update(group_balances(PK=allocation.pk(), SK=allocation.sk), **give_back(group_balances))
            return True
        except TransactWriteError as exc:
            _only_cancellations(exc)
            return False

    def all_facilities(self, ctx: TenantContext) -> Iterable[Facility]:
        model = self.model(ctx)
        for r in model.gsi1.query(self.list_pk(ctx)):
            yield facility_from_json(json.loads(r.data))


class PolicyRecord(TenantModel):
    data = UnicodeAttribute()


def get_policy(ctx: TenantContext) -> dict[str, Any]:
    model = bound(PolicyRecord, ctx)
    try:
        return json.loads(model.get(keys.partition(ctx.tenant_id, "FACILITY_POLICY"), "ROOT").data)
    except model.DoesNotExist:
        return {}


def put_policy(ctx: TenantContext, policy: dict[str, Any]) -> None:
    bound(PolicyRecord, ctx)(PK=keys.partition(ctx.tenant_id, "FACILITY_POLICY"), SK="ROOT",
                             entity="facility_policy", data=dumps(policy)).save(add_version_condition=False)
