"""Group facilities (HQ grants, allocates, reallocates with maker-checker) and the race for the last
availability: threads of two subsidiaries block at the same instant; exactly one wins per unit of headroom."""
from __future__ import annotations

import threading
from datetime import timedelta
from decimal import Decimal

import pytest

from chalicelib.credit import group, service
from chalicelib.shared.errors import DomainError
from tests.builders import uscc
from tests.integration.facilities.conftest import active_facility, new_customer, staff
from tests.support import TEST_BUSINESS_DATE

HQ = "group-risk@demo-group"


def shared_customer():
    """One enterprise registered at two sister companies: the same keyed identity hash at both."""
    number = uscc()
    lending, leasing = new_customer("demo-lending", number), new_customer("demo-leasing", number)
    assert lending.identity_hash == leasing.identity_hash
    return lending, leasing


def grant(api, identity_hash, amount="1000.00", allocations=None):
    r = api.as_(HQ).post("/v1/group/facilities", {
        "label": "示例集团 / Example Group", "subjects": [identity_hash], "amount": amount,
        "allocations": allocations or {"demo-lending": "600.00", "demo-leasing": "400.00"}})
    assert r.status == 201, r.body
    return r.body["group_facility_id"]


def race(calls):
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def go(i, fn):
        barrier.wait()
        try:
            results[i] = fn()
        except Exception as exc:  # noqa: BLE001 — reported to the test
            results[i] = exc

    threads = [threading.Thread(target=go, args=(i, fn)) for i, fn in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def test_threads_of_two_subsidiaries_racing_for_the_last_availability_win_once_per_unit(local_env, chalice_app, api):
    lending_customer, leasing_customer = shared_customer()
    grant(api, lending_customer.identity_hash)
    lending_fid = active_facility("demo-lending", lending_customer.customer_id, "600.00")
    leasing_fid = active_facility("demo-leasing", leasing_customer.customer_id, "400.00")
    calls = []
    for tenant, fid, n in (("demo-lending", lending_fid, 9), ("demo-leasing", leasing_fid, 7)):
        ctx = staff(tenant, "loan-officer")
        for i in range(n):
            app_id = f"app-race-{fid[-6:]}-{i}"
            service.link_application(ctx, fid, app_id)
            calls.append(lambda c=ctx, a=app_id: service.block(c, a, Decimal("100.00"), product_code="ANY",
                                                               kind="loan", currency="CNY"))
    results = race(calls)

    wins = [r for r in results if isinstance(r, dict)]
    losses = [r for r in results if isinstance(r, DomainError)]
    assert len(wins) == 10 and len(losses) == 6, results  # 600 + 400 of headroom, 100 each
    assert {e.code for e in losses} <= {"facilities.drawdown.exceeds_available", "facilities.drawdown.exceeds_allocation"}
    for tenant, fid in (("demo-lending", lending_fid), ("demo-leasing", leasing_fid)):
        f = service.get_facility(staff(tenant, "viewer"), fid)
        assert (f["available"], f["blocked"]) == (Decimal("0"), Decimal(f["amount"]))
        assert f["allocation"]["available"] == "0.00" or Decimal(f["allocation"]["available"]) == 0


def test_hq_grants_reallocates_with_maker_checker_and_never_below_use(local_env, chalice_app, api):
    lending_customer, leasing_customer = shared_customer()
    h = lending_customer.identity_hash

    r = api.as_(HQ).post("/v1/group/facilities", {"label": "over", "subjects": [h], "amount": "1000.00",
                                                 "allocations": {"demo-lending": "700.00", "demo-leasing": "400.00"}})
    assert (r.status, r.code) == (422, "facilities.group.over_allocated")
    r = api.as_(HQ).post("/v1/group/facilities", {"label": "bad", "subjects": ["T#other#x"], "amount": "1000.00"})
    assert (r.status, r.code) == (422, "facilities.group.subjects.invalid")
    r = api.as_(HQ).post("/v1/group/facilities", {"label": "bad", "subjects": [h], "amount": "1.00", "currency": "ZZZ"})
    assert (r.status, r.code) == (422, "facilities.group.currency.invalid")
    gid = grant(api, h)

    # a subsidiary's facility for the customer cannot exceed its allocation
    r = api.as_("loan-officer@demo-leasing").post("/v1/facilities", {
        "customer_id": leasing_customer.customer_id, "amount": "500.00", "valid_from": TEST_BUSINESS_DATE.isoformat(),
        "valid_to": (TEST_BUSINESS_DATE + timedelta(days=90)).isoformat()})
    assert (r.status, r.code) == (422, "facilities.facility.exceeds_allocation")

    # lending draws 500 of its 600
    fid = active_facility("demo-lending", lending_customer.customer_id, "600.00")
    officer = staff("demo-lending", "loan-officer")
    service.link_application(officer, fid, f"app-use-{gid[-6:]}")
    service.block(officer, f"app-use-{gid[-6:]}", Decimal("500.00"), product_code="ANY", kind="loan", currency="CNY")

    # moving 200 from lending to leasing would leave lending 400 < 500 used: refused, nothing moves
    proposed = api.as_(HQ).post(f"/v1/group/facilities/{gid}/reallocations",
                                {"from_subsidiary": "demo-lending", "to_subsidiary": "demo-leasing", "amount": "200.00"})
    assert proposed.status == 201, proposed.body
    rid = proposed.body["reallocation_id"]
    r = api.as_(HQ).post(f"/v1/group/facilities/{gid}/reallocations/{rid}/decision", {"decision": "approve"})
    assert (r.status, r.code) == (403, "facilities.group.same_maker")
    r = api.as_("group-admin@demo-group").post(f"/v1/group/facilities/{gid}/reallocations/{rid}/decision",
                                               {"decision": "approve"})
    assert (r.status, r.code) == (422, "facilities.group.allocation_below_use"), r.body
    view = api.as_(HQ).get(f"/v1/group/facilities/{gid}").body
    assert {a["subsidiary_id"]: a["allocated"] for a in view["allocations"]} == {"demo-lending": "600.00",
                                                                                "demo-leasing": "400.00"}

    # 100 can move; the checker approves and the subsidiary sees its new allocation
    rid = api.as_(HQ).post(f"/v1/group/facilities/{gid}/reallocations",
                           {"from_subsidiary": "demo-lending", "to_subsidiary": "demo-leasing",
                            "amount": "100.00"}).body["reallocation_id"]
    r = api.as_("group-admin@demo-group").post(f"/v1/group/facilities/{gid}/reallocations/{rid}/decision",
                                               {"decision": "approve"})
    assert r.status == 200 and r.body["status"] == "approved", r.body
    view = api.as_("group-admin@demo-group").get(f"/v1/group/facilities/{gid}").body
    assert {a["subsidiary_id"]: a["allocated"] for a in view["allocations"]} == {"demo-lending": "500.00",
                                                                                "demo-leasing": "500.00"}
    assert (view["granted"], view["blocked"], view["utilization"], view["warning"]) == ("1000.00", "500.00", "0.5000",
                                                                                     False)
    mine = api.as_("viewer@demo-leasing").get("/v1/facility-allocations").body["items"]
    assert [(a["group_facility_id"], a["allocated"]) for a in mine if a["group_facility_id"] == gid] == [(gid, "500.00")]
    assert "granted" not in mine[0] and "allocations" not in mine[0]  # never the grant or the sisters' shares
    # a subsidiary cannot reach HQ's routes
    assert api.as_("loan-officer@demo-leasing").get(f"/v1/group/facilities/{gid}").status == 403
    # lending's remaining headroom is now its allocation's 0, not its facility's 100
    f = service.get_facility(staff("demo-lending", "viewer"), fid)
    assert f["available"] == Decimal("0")
