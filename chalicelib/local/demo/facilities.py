"""Demo credit facilities, through the real services as the demo users: a group facility HQ granted
华南控股集团有限公司 split across demo-lending and demo-leasing, and facilities in several states
(active, frozen, awaiting review, rejected). Idempotent: a tenant whose demo customer has facilities
already is left alone."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Callable

from chalicelib.credit import group as group_facilities
from chalicelib.credit import service
from chalicelib.local.demo.applications import HUANAN_PARENT, SHENJIANG, _customer
from chalicelib.local.demo.group import DEMO, DemoGroup, staff_context
from chalicelib.origination import wiring
from chalicelib.shared import clock
from chalicelib.shared.errors import Conflict
from chalicelib.shared.tenant import Role


def _through(tenant: str, customer_id: str, amount: str, *, revolving: bool, to: str, days: int = 365,
             sub_limits: tuple = ()) -> str:
    officer = staff_context(tenant, Role.LOAN_OFFICER)
    today = clock.business_date(officer)
    f = service.apply_facility(officer, service.ApplyFacility(customer_id, Decimal(amount), "CNY", revolving, today,
                                                              today + timedelta(days=days), sub_limits))
    fid = f["facility_id"]
    if to == "applied":
        return fid
    first = staff_context(tenant, Role.FIRST_REVIEWER)
    service.transition(first, fid, "claim")
    if to == "rejected":
        service.transition(first, fid, "reject", "collateral insufficient / 担保不足")
        return fid
    if service.transition(first, fid, "approve")["status"] == "second_review":
        service.transition(staff_context(tenant, Role.SECOND_REVIEWER), fid, "approve")
    service.transition(officer, fid, "activate")
    if to == "frozen":
        service.transition(staff_context(tenant, Role.TENANT_ADMIN), fid, "freeze", "overdue at a sister company")
    return fid


def seed_demo_facilities(group: DemoGroup = DEMO, progress: Callable[[str], None] = lambda m: None) -> None:
    lending, leasing = group.lending, group.leasing
    lending_officer = staff_context(lending, Role.LOAN_OFFICER)
    huanan = _customer(lending_officer, HUANAN_PARENT)
    if service.list_facilities(lending_officer, customer_id=huanan)[0]:
        progress("demo facilities already in place")
        return
    progress("demo facilities: a group facility split across two subsidiaries, facilities in several states")
    customer = wiring.customers().find(lending_officer, huanan)
    hq = staff_context(group.hq, Role.GROUP_RISK)
    try:
        group_facilities.grant(hq, label="华南控股集团 / Huanan Holdings", subjects=[customer.identity_hash],
                               amount=Decimal("8000000.00"), currency="CNY", valid_to=None,
                               allocations={lending: Decimal("5000000.00"), leasing: Decimal("3000000.00")})
    except Conflict:
        pass  # granted by an earlier run
    _through(lending, huanan, "5000000.00", revolving=True, to="active",
             sub_limits=((None, "loan", Decimal("4000000.00")),))
    leasing_huanan = _customer(staff_context(leasing, Role.LOAN_OFFICER), HUANAN_PARENT)
    _through(leasing, leasing_huanan, "3000000.00", revolving=False, to="active")
    shenjiang = _customer(lending_officer, SHENJIANG)
    _through(lending, shenjiang, "2000000.00", revolving=True, to="frozen")
    _through(lending, shenjiang, "800000.00", revolving=False, to="applied")
    _through(lending, shenjiang, "300000.00", revolving=False, to="rejected")
