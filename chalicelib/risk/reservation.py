"""Group limit reservation: a real-time, two-phase hold on a customer's group limit.

When a subsidiary approves an application it calls ``reserve_group_limit``. The amount is held
against the customer's **single-customer** limit and, if the customer belongs to a group of
connected customers, the **group-customer** limit — in one DynamoDB transaction whose updates are
conditional on each account's headroom covering the amount. Two subsidiaries racing for the last
headroom cannot both win: the second transaction's condition fails and its application is declined.
Disbursement posts the hold (``post_reservation``: the amount moves from reserved to exposure);
decline, withdrawal or expiry voids it (``void_reservation``: the headroom comes back). Like a
TigerBeetle pending transfer: pending → posted | voided, never edited.

An account (one per customer or group customer with a configured limit, in the group's partition)
holds ``limit``, ``exposure`` (the last consolidation's, plus holds posted since), ``reserved``
(pending holds) and ``headroom = limit − exposure − reserved``, which is what the condition reads.
Each consolidation run (and each change of limits) rebases the accounts on the new snapshot.

The subsidiary learns only the decision — approved or declined — and nothing numeric about the
group (no headroom, limit or exposure: with two asks, any one of them gives away what its sister
companies lend the customer). HQ's views keep the figures.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, Iterable

from pynamodb.attributes import UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.exceptions import PutError, TransactWriteError

from chalicelib.platform import keys
from chalicelib.platform.dynamo import DecimalAttribute, TenantModel, bound, conditional_failed, transaction
from chalicelib.risk.contexts import group_context, group_of
from chalicelib.risk.exposures import HASH_PATTERN
from chalicelib.shared import clock
from chalicelib.shared.errors import Conflict, FieldInvalid, NotFound, RuleViolation
from chalicelib.shared.money import decimal_from, is_at_scale
from chalicelib.shared.tenant import TenantContext
from chalicelib.shared import retry

ZERO = Decimal(0)
DEFAULT_HOLD_DAYS = 30
_APPLICATION_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")

PENDING, POSTED, VOIDED, DECLINED = "pending", "posted", "voided", "declined"


class LimitAccountRecord(TenantModel):
    scope = UnicodeAttribute()  # customer | group
    subject = UnicodeAttribute()  # identity hash | group customer id
    limit = DecimalAttribute()
    exposure = DecimalAttribute()
    reserved = DecimalAttribute()
    headroom = DecimalAttribute()
    snapshot_run_id = UnicodeAttribute(null=True)
    snapshot_as_of = UnicodeAttribute(null=True)


class HoldRecord(TenantModel):
    """The hold itself (SK ROOT) or its marker in each account it draws on (SK HOLD#<sub>#<app>)."""

    subsidiary_id = UnicodeAttribute()
    application_id = UnicodeAttribute()
    identity_hash = UnicodeAttribute()
    amount = DecimalAttribute()
    posted_amount = DecimalAttribute(null=True)
    currency = UnicodeAttribute()
    status = UnicodeAttribute()
    accounts = UnicodeAttribute(default="[]")  # the account partition keys it draws on (ROOT only)
    expires_at = UTCDateTimeAttribute(null=True)
    posted_on = UnicodeAttribute(null=True)
    reason = UnicodeAttribute(null=True)


@dataclass(frozen=True)
class ReservationDecision:
    """A reservation's outcome. ``headroom`` (None when no group limit applies) is for the group's
    side only; what a subsidiary is told is ``subsidiary_view()``.
    """

    application_id: str
    approved: bool
    status: str
    amount: Decimal
    headroom: Decimal | None

    def to_json(self) -> dict[str, Any]:
        return {"application_id": self.application_id, "approved": self.approved, "status": self.status,
                "amount": format(self.amount, "f"),
                "headroom": None if self.headroom is None else format(self.headroom, "f")}

    def subsidiary_view(self) -> dict[str, Any]:
        """Approved or declined, for the subsidiary's own application: no group figures."""
        return {"application_id": self.application_id, "approved": self.approved, "status": self.status,
                "amount": format(self.amount, "f")}


@dataclass(frozen=True)
class _Account:
    scope: str
    subject: str
    limit: Decimal
    exposure: Decimal

    def pk(self, group_id: str) -> str:
        return keys.partition(group_id, "GROUP_LIMIT", self.scope, self.subject)


_now = clock.now


def _hold_pk(group_id: str, subsidiary_id: str, application_id: str) -> str:
    return keys.partition(group_id, "LIMIT_HOLD", subsidiary_id, application_id)


def _marker_sk(subsidiary_id: str, application_id: str) -> str:
    return f"HOLD#{subsidiary_id}#{application_id}"


def _hold_gsi(group_id: str, status: str, expires_at: datetime | None, sub: str, app: str) -> dict[str, str]:
    at = expires_at.isoformat() if expires_at else "9999"
    return {"GSI1PK": keys.partition(group_id, "LIMIT_HOLD"), "GSI1SK": f"{status}#{at}#{sub}#{app}"}


# --- which limits apply ---------------------------------------------------------------------------------------


def _applicable_accounts(group: TenantContext, identity_hash: str, related: Iterable[str]) -> list[_Account]:
    """The customer's single-customer account and, if it belongs to a connected group, the group's —
    at the latest snapshot's exposure and the configured limits. Empty when no limit is configured."""
    from chalicelib.risk import wiring
    from chalicelib.risk.limits import LimitsConfig

    store = wiring.group_store()
    raw, _ = store.get_config(group, "LIMITS")
    config = LimitsConfig.model_validate(raw) if raw else LimitsConfig()
    single, per_group = config.single_customer_limit(), config.group_customer_limit()
    latest = store.latest(group)
    customer = store.get_customer(group, latest["run_id"], identity_hash) if latest else None
    group_id = customer.get("group_customer_id") if customer else None
    if group_id is None and latest:
        for h in related:  # a new customer declared as related to one already in a group
            other = store.get_customer(group, latest["run_id"], h)
            if other and other.get("group_customer_id"):
                group_id = other["group_customer_id"]
                break
    accounts = []
    if single is not None:
        accounts.append(_Account("customer", identity_hash, single,
                                 Decimal(customer["total"]["exposure"]) if customer else ZERO))
    if per_group is not None and group_id:
        g = store.get_group(group, latest["run_id"], group_id) if latest else None
        accounts.append(_Account("group", group_id, per_group, Decimal(g["total"]["exposure"]) if g else ZERO))
    return accounts


def _ensure_account(group: TenantContext, a: _Account, run: dict[str, Any] | None) -> LimitAccountRecord:
    """The account, opened at the snapshot's figures if new, rebased if the snapshot or limit moved on."""
    model = bound(LimitAccountRecord, group)
    pk = a.pk(group.tenant_id)
    try:
        record = model.get(pk, "ACCOUNT", consistent_read=True)
    except model.DoesNotExist:
        record = model(PK=pk, SK="ACCOUNT", entity="group_limit_account", scope=a.scope, subject=a.subject,
                       limit=a.limit, exposure=a.exposure, reserved=ZERO, headroom=a.limit - a.exposure,
                       snapshot_run_id=run["run_id"] if run else None, snapshot_as_of=run["as_of"] if run else None,
                       GSI1PK=keys.partition(group.tenant_id, "GROUP_LIMIT"), GSI1SK=f"{a.scope}#{a.subject}")
        try:
            record.save(condition=model.PK.does_not_exist())
            return record
        except PutError as exc:
            if not conditional_failed(exc):
                raise
            record = model.get(pk, "ACCOUNT", consistent_read=True)
    if record.limit != a.limit or (run and record.snapshot_run_id != run["run_id"]):
        record = _rebase(group, record, a.limit, a.exposure, run)
    return record


def _rebase(group: TenantContext, record: LimitAccountRecord, limit: Decimal, snapshot_exposure: Decimal,
            run: dict[str, Any] | None) -> LimitAccountRecord:
    """Exposure := the snapshot's plus holds posted after its date; reserved := pending holds."""
    model = bound(LimitAccountRecord, group)
    markers = bound(HoldRecord, group)
    for _ in retry.attempts(8):
        as_of = run["as_of"] if run else record.snapshot_as_of
        pending = posted_since = ZERO
        for m in markers.query(record.PK, markers.SK.startswith("HOLD#"), consistent_read=True):
            if m.status == PENDING:
                pending += m.amount
            elif m.status == POSTED and (as_of is None or (m.posted_on or "") > as_of):
                posted_since += m.posted_amount if m.posted_amount is not None else m.amount
        record.limit = limit
        record.exposure = snapshot_exposure + posted_since
        record.reserved = pending
        record.headroom = limit - record.exposure - pending
        if run:
            record.snapshot_run_id, record.snapshot_as_of = run["run_id"], run["as_of"]
        try:
            record.save()  # conditional on the version read: a hold moving meanwhile makes us read again
            return record
        except PutError as exc:
            if not conditional_failed(exc):
                raise
            record = model.get(record.PK, "ACCOUNT", consistent_read=True)
    raise Conflict("risk.reservation.contention", "the group limit is busy; retry")


def rebase_accounts(group: TenantContext) -> int:
    """Bring every limit account onto the latest snapshot and the current limits (after a run or a PUT)."""
    from chalicelib.risk import wiring
    from chalicelib.risk.limits import LimitsConfig

    store = wiring.group_store()
    raw, _ = store.get_config(group, "LIMITS")
    config = LimitsConfig.model_validate(raw) if raw else LimitsConfig()
    latest = store.latest(group)
    model = bound(LimitAccountRecord, group)
    n = 0
    for record in model.gsi1.query(keys.partition(group.tenant_id, "GROUP_LIMIT")):
        record = model.get(record.PK, "ACCOUNT", consistent_read=True)
        limit = config.single_customer_limit() if record.scope == "customer" else config.group_customer_limit()
        if limit is None:
            continue  # the limit was removed: new reservations no longer draw on this account
        exposure = ZERO  # before any snapshot, only holds posted since count (the rebase adds them)
        if latest:
            found = (store.get_customer(group, latest["run_id"], record.subject) if record.scope == "customer"
                     else store.get_group(group, latest["run_id"], record.subject))
            exposure = Decimal(found["total"]["exposure"]) if found else ZERO
        _rebase(group, record, limit, exposure, latest)
        n += 1
    return n


# --- the three operations -----------------------------------------------------------------------------------


def _check_inputs(identity_hash: str, amount: Decimal | str, application_id: str, currency: str) -> Decimal:
    if not HASH_PATTERN.match(identity_hash or ""):
        raise FieldInvalid("risk.reservation", "identity_hash", "not a keyed identity hash")
    if not _APPLICATION_ID.match(application_id or ""):
        raise FieldInvalid("risk.reservation", "application_id", "not a valid application id")
    value = decimal_from(amount)
    if value <= 0 or not is_at_scale(value, currency):
        raise FieldInvalid("risk.reservation", "amount", "a positive amount at the currency's scale")
    return value


def _headroom(group: TenantContext, account_pks: list[str]) -> Decimal | None:
    if not account_pks:
        return None
    model = bound(LimitAccountRecord, group)
    rooms = []
    for pk in account_pks:
        try:
            rooms.append(model.get(pk, "ACCOUNT", consistent_read=True).headroom)
        except model.DoesNotExist:
            continue
    return max(min(rooms), ZERO) if rooms else None


def _decision(group: TenantContext, hold: HoldRecord) -> ReservationDecision:
    return ReservationDecision(hold.application_id, hold.status in (PENDING, POSTED), hold.status,
                               hold.amount, _headroom(group, json.loads(hold.accounts)))


def reserve_group_limit(ctx: TenantContext, identity_hash: str, amount: Decimal | str, application_id: str, *,
                        currency: str = "CNY", related_parties: Iterable[str] = (),
                        expires_at: datetime | None = None) -> ReservationDecision:
    """Hold ``amount`` on the customer's group limits for the subsidiary's approved application.

    Approved → a pending hold (to post on disbursement, void on decline or expiry). Declined → the
    headroom there is, which is less than the amount. Calling again for the same application returns
    the same decision (409 ``risk.reservation.amount_mismatch`` for a different amount). Only the
    group's currency is held (422 otherwise).
    """
    from chalicelib.risk import wiring

    group_id = group_of(ctx)
    value = _check_inputs(identity_hash, amount, application_id, currency)
    group = group_context(group_id, acting_for=f"{ctx.tenant_id}:{ctx.username}")
    _check_currency(group_id, currency)
    expires_at = expires_at or (_now() + timedelta(days=DEFAULT_HOLD_DAYS))
    holds = bound(HoldRecord, group)
    hold_pk = _hold_pk(group_id, ctx.tenant_id, application_id)

    for _ in retry.attempts(4):
        existing = _get(holds, hold_pk, "ROOT")
        if existing is not None and existing.status in (PENDING, POSTED):
            if existing.amount != value:
                raise Conflict("risk.reservation.amount_mismatch", "this application already holds another amount",
                               {"application_id": application_id})
            return _decision(group, existing)
        latest = wiring.group_store().latest(group)
        accounts = _applicable_accounts(group, identity_hash, related_parties)
        for a in accounts:
            _ensure_account(group, a, latest)
        pks = [a.pk(group_id) for a in accounts]
        hold = holds(PK=hold_pk, SK="ROOT", entity="group_limit_hold", subsidiary_id=ctx.tenant_id,
                     application_id=application_id, identity_hash=identity_hash, amount=value, currency=currency,
                     status=PENDING, accounts=json.dumps(pks), expires_at=expires_at,
                     **_hold_gsi(group_id, PENDING, expires_at, ctx.tenant_id, application_id))
        if existing is not None:  # a declined or voided attempt of this application: try again in its place
            hold.version = existing.version
        account_model = bound(LimitAccountRecord, group)
        try:
            with transaction(group) as tx:
                tx.save(hold, condition=None if existing is not None else holds.PK.does_not_exist())
                for pk in pks:
                    tx.update(account_model(PK=pk, SK="ACCOUNT"), actions=[
                        account_model.reserved.set(account_model.reserved + value),
                        account_model.headroom.set(account_model.headroom - value),
                    ], condition=account_model.headroom >= value, add_version_condition=False)
                    # The account's own partition lists its holds, so a rebase can recount them.
                    tx.update(holds(PK=pk, SK=_marker_sk(ctx.tenant_id, application_id)), actions=[
                        holds.entity.set("group_limit_hold_marker"), holds.subsidiary_id.set(ctx.tenant_id),
                        holds.application_id.set(application_id), holds.identity_hash.set(identity_hash),
                        holds.amount.set(value), holds.currency.set(currency), holds.status.set(PENDING),
                        holds.posted_on.remove(), holds.posted_amount.remove(),
                    ], add_version_condition=False)
            return ReservationDecision(application_id, True, PENDING, value, _headroom(group, pks))
        except TransactWriteError as exc:
            _only_cancellations(exc)
            again = _get(holds, hold_pk, "ROOT")
            if again is not None and again.status in (PENDING, POSTED) and (
                    existing is None or again.version != existing.version):
                continue  # the same application reserved concurrently: replay its decision
            if not _short_of(group, pks, value):
                continue  # lost a race on the hold record, not on headroom: read again
        return _decline(group, holds, hold_pk, existing, ctx.tenant_id, application_id, identity_hash, value,
                        currency, pks)
    raise Conflict("risk.reservation.contention", "the group limit is busy; retry")


def _only_cancellations(exc: TransactWriteError) -> None:
    """A cancelled transaction (a condition failed) is a race to resolve; anything else is a fault."""
    if exc.cause_response_code != "TransactionCanceledException":
        raise exc


def _short_of(group: TenantContext, pks: list[str], value: Decimal) -> bool:
    room = _headroom(group, pks)
    return room is not None and room < value


def _decline(group: TenantContext, holds: type[HoldRecord], hold_pk: str, existing: HoldRecord | None, sub: str,
             application_id: str, identity_hash: str, value: Decimal, currency: str,
             pks: list[str]) -> ReservationDecision:
    record = holds(PK=hold_pk, SK="ROOT", entity="group_limit_hold", subsidiary_id=sub, application_id=application_id,
                   identity_hash=identity_hash, amount=value, currency=currency, status=DECLINED,
                   accounts=json.dumps(pks), reason="group limit headroom below the amount",
                   **_hold_gsi(group.tenant_id, DECLINED, None, sub, application_id))
    if existing is not None:
        record.version = existing.version
    try:
        record.save()
    except PutError as exc:  # someone else recorded this application meanwhile: theirs stands
        if not conditional_failed(exc):
            raise
        current = _get(holds, hold_pk, "ROOT")
        if current is not None:
            return _decision(group, current)
    return ReservationDecision(application_id, False, DECLINED, value, _headroom(group, pks))


def post_reservation(ctx: TenantContext, application_id: str, *, amount: Decimal | str | None = None,
                     posted_on: date | None = None) -> ReservationDecision:
    """Disbursement: the pending hold becomes exposure (``amount`` if less was disbursed; the rest is
    released). Idempotent; 409 if the hold was voided; 404 if there is none."""
    return _settle(ctx, application_id, POSTED, amount=amount, posted_on=posted_on)


def void_reservation(ctx: TenantContext, application_id: str, *, reason: str = "declined") -> ReservationDecision:
    """Decline, withdrawal or expiry: the pending hold is released in full. Idempotent; 409 if posted."""
    return _settle(ctx, application_id, VOIDED, reason=reason)


def _settle(ctx: TenantContext, application_id: str, to: str, *, amount: Decimal | str | None = None,
            posted_on: date | None = None, reason: str | None = None, group: TenantContext | None = None,
            subsidiary_id: str | None = None) -> ReservationDecision:
    group_id = group.tenant_id if group else group_of(ctx)
    sub = subsidiary_id or ctx.tenant_id
    group = group or group_context(group_id, acting_for=f"{ctx.tenant_id}:{ctx.username}")
    holds = bound(HoldRecord, group)
    accounts_model = bound(LimitAccountRecord, group)
    hold_pk = _hold_pk(group_id, sub, application_id)
    for _ in retry.attempts(4):
        hold = _get(holds, hold_pk, "ROOT")
        if hold is None or hold.status == DECLINED:
            raise NotFound("risk.reservation.not_found", "no group limit reservation for this application",
                           {"application_id": application_id})
        if hold.status == to:
            return _decision(group, hold)
        if hold.status != PENDING:
            raise Conflict(f"risk.reservation.already_{hold.status}", f"the reservation is already {hold.status}",
                           {"application_id": application_id, "status": hold.status})
        posted = ZERO
        if to == POSTED:
            posted = hold.amount if amount is None else decimal_from(amount)
            if posted <= 0 or posted > hold.amount:
                raise FieldInvalid("risk.reservation", "amount", "a positive amount no larger than the one reserved")
        pks = json.loads(hold.accounts)
        hold.status = to
        hold.reason = reason
        hold.posted_amount = posted if to == POSTED else None
        hold.posted_on = (posted_on or clock.business_date(ctx)).isoformat() if to == POSTED else None
        for k, v in _hold_gsi(group_id, to, hold.expires_at, sub, application_id).items():
            setattr(hold, k, v)
        try:
            with transaction(group) as tx:
                tx.save(hold)  # conditional on the version read: pending, as we saw it
                for pk in pks:
                    actions = [accounts_model.reserved.set(accounts_model.reserved - hold.amount)]
                    if to == POSTED:
                        actions += [accounts_model.exposure.set(accounts_model.exposure + posted),
                                    accounts_model.headroom.set(accounts_model.headroom + (hold.amount - posted))]
                    else:
                        actions.append(accounts_model.headroom.set(accounts_model.headroom + hold.amount))
                    tx.update(accounts_model(PK=pk, SK="ACCOUNT"), actions=actions,
                              condition=accounts_model.PK.exists(), add_version_condition=False)
                    marker = holds(PK=pk, SK=_marker_sk(sub, application_id))
                    tx.update(marker, actions=[holds.status.set(to), holds.posted_on.set(hold.posted_on),
                                               holds.posted_amount.set(posted)] if to == POSTED
                              else [holds.status.set(to)], add_version_condition=False)
            return _decision(group, hold)
        except TransactWriteError as exc:
            _only_cancellations(exc)
            continue  # the hold moved meanwhile: read it again
    raise Conflict("risk.reservation.contention", "the reservation is busy; retry")


def void_expired_reservations(group: TenantContext, now: datetime | None = None) -> list[str]:
    """Void every pending hold whose expiry has passed (the daily run calls this). Returns the ids."""
    now = now or _now()
    holds = bound(HoldRecord, group)
    expired = []
    for h in holds.gsi1.query(keys.partition(group.tenant_id, "LIMIT_HOLD"),
                              holds.GSI1SK.between(f"{PENDING}#", f"{PENDING}#{now.isoformat()}")):
        try:
            _settle(group, h.application_id, VOIDED, reason="expired", group=group, subsidiary_id=h.subsidiary_id)
            expired.append(f"{h.subsidiary_id}/{h.application_id}")
        except (Conflict, NotFound):
            continue  # posted or voided meanwhile
    return expired


def _get(model: type[HoldRecord], pk: str, sk: str) -> HoldRecord | None:
    try:
        return model.get(pk, sk, consistent_read=True)
    except model.DoesNotExist:
        return None


def _check_currency(group_id: str, currency: str) -> None:
    from chalicelib import bootstrap

    registered = bootstrap.tenant_registry().get(group_id)
    group_currency = registered.definition.currency if registered else "CNY"
    if currency != group_currency:
        raise RuleViolation("risk.reservation.currency", f"group limits are held in {group_currency}",
                            {"currency": currency, "group_currency": group_currency})
