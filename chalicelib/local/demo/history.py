"""The demo group's history: months of business replayed day by day through the real services.

Each subsidiary's (and HQ's) calendar starts ``HISTORY_DAYS`` before the last day (by default the
tenant's calendar day). Then, day by day, with the one clock standing at 09:00 local on the business
date: the applications of that day are worked (``applications.run_scenarios``; the disbursed ones are
paid out through servicing), the customers pay as their scenario says (on time, late, partially,
offline with the voucher awaiting a second finance user, one prepayment) or stop paying, a few
contracts are written off and one recovers money; then the business date moves on, which closes the
day on the close-of-business state machine (bills, accruals, overdue, penalties, buckets, HQ's exposure
projection, application expiry, the GL roll-up). The last day
stays open, as any morning's books are: its eve is the last date closed.

Idempotent and resumable: a day before a tenant's business date is done; scenarios are marked,
payments keyed. A later run only moves the business dates up to the last day.
"""
from __future__ import annotations

import logging
import time as timer
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Callable
from zoneinfo import ZoneInfo

from chalicelib.local.demo import applications
from chalicelib.local.demo.applications import Scenario, SeedMarks
from chalicelib.local.demo.group import DEMO, DemoGroup, staff_context
from chalicelib.shared import clock
from chalicelib.shared.errors import DomainError
from chalicelib.shared.money import quantize
from chalicelib.shared.tenant import Role, TenantContext

log = logging.getLogger(__name__)
HISTORY_DAYS = 176  # M4+ needs more than 90 days past due: the oldest contracts are 175 days old
PARTIAL_SHARE = Decimal("0.6")
WORKDAY_STARTS = time(9, 0)


@dataclass(frozen=True)
class Behaviour:
    """How one customer pays, parsed from the scenario's ``repays`` (``on_time``, ``late:12``,
    ``partial``, ``offline``, ``stop:3``, ``prepay:4``, ``write_off:1:15``, ``recover:1:40:20``)."""

    kind: str
    paid: int | None = None  # instalments paid on time before the customer stops (or prepays)
    late_days: int = 0
    write_off_before_end: int | None = None
    recover_before_end: int | None = None

    @classmethod
    def parse(cls, spec: str) -> "Behaviour":
        kind, *n = spec.split(":")
        n = [int(x) for x in n]
        if kind == "late":
            return cls(kind, late_days=n[0])
        if kind in ("stop", "prepay"):
            return cls(kind, paid=n[0])
        if kind == "write_off":
            return cls(kind, paid=n[0], write_off_before_end=n[1])
        if kind == "recover":
            return cls(kind, paid=n[0], write_off_before_end=n[1], recover_before_end=n[2])
        return cls(kind)


@dataclass
class Staff:
    finance: TenantContext
    checker: TenantContext  # a second finance user (confirms offline repayments)
    admin: TenantContext
    system: TenantContext


def _staff(tenant_id: str) -> Staff:
    return Staff(staff_context(tenant_id, Role.FINANCE),
                 staff_context(tenant_id, Role.FINANCE, f"finance-2@{tenant_id}"),
                 staff_context(tenant_id, Role.TENANT_ADMIN),
                 staff_context(tenant_id, Role.TENANT_ADMIN, "system:demo-history"))


def seed_demo_history(group: DemoGroup = DEMO, through: date | None = None,
                      progress: Callable[[str], None] = lambda message: None) -> dict[str, date]:
    """Replay the demo history for ``group`` up to ``through`` (default: the lending tenant's calendar
    day). Returns each tenant's business date at the end."""
    from chalicelib.closing import service as closing

    tenants = (group.hq, *group.subsidiaries)
    staff = {t: _staff(t) for t in tenants}
    zone = closing.tenant_timezone(staff[group.lending].system)
    through = through or clock.calendar_day(zone)
    start = _open_calendars(staff, through - timedelta(days=HISTORY_DAYS))
    end = start + timedelta(days=HISTORY_DAYS)  # the history's last day (today on the first run)
    by_day: dict[date, list[Scenario]] = {}
    for s in applications.scenarios():
        by_day.setdefault(end - timedelta(days=s.days_ago), []).append(s)
    books = {s.key: s for s in applications.scenarios() if s.repays}
    contracts: dict[str, str] = {}  # scenario key → contract id
    dates = {t: closing.calendar(staff[t].system)["business_date"] for t in tenants}
    if all(d >= min(end, through) for d in dates.values()):
        progress(f"demo history already in place (business date {dates[group.lending]}); moving it up to {through}")
    else:
        progress(f"demo history: {start} → {min(end, through)}, day by day (each tenant's close of business)")
    wall, started = clock.clock(), timer.monotonic()
    try:
        day = start
        while day <= min(end, through):
            clock.use(clock=clock.FixedClock(datetime.combine(day, WORKDAY_STARTS, ZoneInfo(zone))))
            for part in ("demo-lending", "demo-leasing", "demo-factoring"):
                tenant = group.tenant(part)
                if dates[tenant] != day:
                    continue  # a day before the tenant's business date was replayed by an earlier run
                todays = [s for s in by_day.get(day, []) if s.tenant == part]
                if todays:
                    for r in applications.run_scenarios(todays, group):
                        if r.error:
                            progress(f"  {r.key}: not seeded ({r.error})")
                _customers_pay(staff[tenant], group, part, day, end, books, contracts)
            if day < through:
                for tenant in tenants:
                    if dates[tenant] == day:
                        closing.set_business_date(staff[tenant].system, day + timedelta(days=1))
                        dates[tenant] = day + timedelta(days=1)
            if (day - start).days % 20 == 0:
                progress(f"  history at {day} ({timer.monotonic() - started:.0f}s)")
            day += timedelta(days=1)
        # A later run: only the business dates move, up to the last day (its close catches up the rest).
        # The last day itself stays open, as any morning's books: yesterday is the last date closed.
        clock.use(clock=clock.FixedClock(datetime.combine(through, WORKDAY_STARTS, ZoneInfo(zone))))
        for tenant in tenants:
            if dates[tenant] < through:
                closing.set_business_date(staff[tenant].system, through)
                dates[tenant] = through
    finally:
        clock.use(clock=wall)
    return dates


def _open_calendars(staff: dict[str, Staff], start: date) -> date:
    """Start each tenant's books on ``start`` unless they have started already; the history's first
    day (the lending tenant's first business date)."""
    from chalicelib.closing import service as closing

    first = None
    for tenant, people in staff.items():
        cal = closing.calendar(people.system)
        if cal["last_closed_on"] is None:
            closing.open_calendar(people.system, start)
            cal = closing.calendar(people.system)
        first = first or cal["opened_on"]
    return first or start


def _contract_id(ctx: TenantContext, key: str, contracts: dict[str, str]) -> str | None:
    if key not in contracts:
        from chalicelib.origination.applications import service as origination

        app_id = SeedMarks().find(ctx, key)
        contract_id = origination.get_application(ctx, app_id).contract_id if app_id else None
        if contract_id is None:
            return None
        contracts[key] = contract_id
    return contracts[key]


def _customers_pay(people: Staff, group: DemoGroup, part: str, day: date, end: date, books: dict[str, Scenario],
                   contracts: dict[str, str]) -> None:
    """Each history contract's customer acts on ``day`` as their scenario says."""
    from chalicelib.servicing import service as servicing
    from chalicelib.servicing import four_eyes
    from chalicelib.servicing.domain import ContractStatus

    for key, s in books.items():
        if s.tenant != part or end - timedelta(days=s.days_ago) >= day:
            continue  # not disbursed yet (or disbursed today: nothing is due on the first day)
        contract_id = _contract_id(people.finance, key, contracts)
        if contract_id is None:
            continue
        c = servicing.get_contract(people.finance, contract_id)
        b = Behaviour.parse(s.repays)
        try:
            if c.status is ContractStatus.ACTIVE:
                _pay(people, c, b, key, day, end)
            if b.write_off_before_end is not None and day == end - timedelta(days=b.write_off_before_end) \
                    and c.status is ContractStatus.ACTIVE:
                # four eyes: the tenant admin asks, finance approves, and only then is it written off
                asked = four_eyes.request_write_off(
                    people.admin, contract_id, "逾期超过90天，催收无果，经审批核销 (uncollectable after 90+ days)",
                    f"demo:{key}:write-off")
                four_eyes.approve(people.finance, asked.id)
            if b.recover_before_end is not None and day == end - timedelta(days=b.recover_before_end):
                written = servicing.get_contract(people.finance, contract_id).written_off
                asked = four_eyes.request_recovery(people.finance, contract_id,
                                                   quantize(written * Decimal("0.3"), c.currency), day,
                                                   f"RECOVERY-{key.upper()}", f"demo:{key}:recovery")
                four_eyes.approve(people.checker, asked.id)  # a second finance user
        except DomainError as err:  # the demo must start even if one customer's story cannot go on
            log.warning("demo history: %s on %s: %s %s", key, day, err.code, err.message)


def _pay(people: Staff, c, b: Behaviour, key: str, day: date, end: date) -> None:
    from chalicelib.servicing import service as servicing

    unpaid = [i for i in c.instalments if not i.settled]
    due_today = [i for i in unpaid if i.due_on == day]
    if b.kind in ("on_time", "stop", "prepay", "write_off", "recover", "offline"):
        if b.paid is not None:
            due_today = [i for i in due_today if i.seq <= b.paid]
        if not due_today:
            if b.kind == "prepay" and b.paid and _prepay_day(c, b.paid) == day:
                servicing.apply_prepayment(people.finance, c.contract_id, day, None, "keep_term",
                                           f"PREPAY-{key.upper()}", f"demo:{key}:prepayment")
            return
        amount = sum((i.outstanding for i in unpaid if i.due_on <= day), Decimal(0))
        last_in_history = not any(day < i.due_on <= end for i in c.instalments)
        if b.kind == "offline" and last_in_history:
            _offline(people, c, key, day, amount)
            return
        _repay(people, c.contract_id, amount, day, key)
    elif b.kind == "late":
        owed = [i for i in unpaid if i.due_on + timedelta(days=b.late_days) == day]
        if owed:
            _repay(people, c.contract_id, sum((i.outstanding for i in unpaid if i.due_on <= owed[-1].due_on),
                                              Decimal(0)), day, key)
    elif b.kind == "partial" and due_today:
        share = sum((i.principal + i.interest + i.fee for i in due_today), Decimal(0)) * PARTIAL_SHARE
        _repay(people, c.contract_id, quantize(share, c.currency), day, key)


def _prepay_day(c, paid: int) -> date | None:
    after = [i for i in c.instalments if i.seq == paid]
    return after[0].due_on + timedelta(days=5) if after else None


def _repay(people: Staff, contract_id: str, amount: Decimal, day: date, key: str) -> None:
    from chalicelib.servicing import service as servicing

    if amount > 0:
        servicing.apply_repayment(people.finance, contract_id, amount, day, f"BANK-{key.upper()}-{day:%Y%m%d}",
                                  f"demo:{key}:{day.isoformat()}", channel="bank_transfer")


def _offline(people: Staff, c, key: str, day: date, amount: Decimal) -> None:
    """A bank transfer the customer made offline: recorded with its voucher uploaded, waiting for a
    second finance user to confirm it (the console's offline-repayment queue)."""
    import hashlib

    from chalicelib.origination import wiring
    from chalicelib.servicing import service as servicing

    body = f"%PDF-1.4\n% Jinkong demo bank voucher {key} {day} {amount}\n".encode()
    record, _ = servicing.record_offline_repayment(
        people.finance, c.contract_id, amount, day, f"OFFLINE-{key.upper()}-{day:%Y%m%d}",
        {"file_name": f"voucher-{day:%Y%m%d}.pdf", "content_type": "application/pdf", "size": len(body),
         "sha256": hashlib.sha256(body).hexdigest()}, f"demo:{key}:offline:{day.isoformat()}")
    wiring.documents().put(people.finance.tenant_id, record["voucher"]["key"], body, "application/pdf")
